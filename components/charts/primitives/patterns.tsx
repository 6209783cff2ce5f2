/** The hatch drawn for "no figure": dark grey diagonals on white, unlike any class colour (maps, legends, lib/share/export.ts). */
export const HATCH = { background: '#ffffff', stroke: '#5b6570', size: 5, width: 1.6 } as const;

/** SVG <pattern> for missing values; used by the maps and the legend swatch. */
export function HatchPattern({ id }: { id: string }) {
  const s = HATCH.size;
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={s} height={s} patternTransform="rotate(45)">
      <rect width={s} height={s} fill={HATCH.background} />
      <line x1={0} y1={0} x2={0} y2={s} stroke={HATCH.stroke} strokeWidth={HATCH.width * 2} />
    </pattern>
  );
}
