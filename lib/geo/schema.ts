import { z } from 'zod';

/**
 * zod schemas of the TopoJSON files in data/geo/ (boundaries and hex layouts), so that a truncated
 * or hand-edited topology is refused at build time instead of failing in a reader's browser. Beyond
 * the shape, every arc index a geometry uses must exist (~i is arc i reversed, as TopoJSON says).
 */

const int = z.number().int();
const pair = z.tuple([z.number().refine(Number.isFinite, 'must be finite'), z.number().refine(Number.isFinite, 'must be finite')]);
const ring = z.array(int).min(1);
const gss = z.string().regex(/^E(92|12|06|08|09|10)\d{6}$/, 'must be an English GSS code');

const polygon = z.object({ type: z.literal('Polygon'), arcs: z.array(ring).min(1), properties: z.record(z.string(), z.unknown()).optional() });
const multiPolygon = z.object({ type: z.literal('MultiPolygon'), arcs: z.array(z.array(ring).min(1)).min(1), properties: z.record(z.string(), z.unknown()).optional() });
const point = z.object({ type: z.literal('Point'), coordinates: pair, properties: z.record(z.string(), z.unknown()).optional() });
const geometry = z.discriminatedUnion('type', [polygon, multiPolygon, point]);

const areaProps = z.object({ code: gss, name: z.string().min(1) }).loose();

export const topologySchema = z
  .object({
    type: z.literal('Topology'),
    bbox: z.array(z.number()).optional(),
    transform: z.object({ scale: pair, translate: pair }).optional(),
    objects: z.record(z.string(), z.object({ type: z.literal('GeometryCollection'), geometries: z.array(geometry).min(1) })),
    arcs: z.array(z.array(z.array(z.number().refine(Number.isFinite, 'must be finite')).min(2)).min(2)),
  })
  .superRefine((t, ctx) => {
    const n = t.arcs.length;
    for (const [name, o] of Object.entries(t.objects)) {
      o.geometries.forEach((g, gi) => {
        const rings = g.type === 'Polygon' ? g.arcs : g.type === 'MultiPolygon' ? g.arcs.flat() : [];
        for (const r of rings) {
          for (const a of r) {
            const i = a < 0 ? ~a : a;
            if (i >= n) {
              ctx.addIssue({ code: 'custom', path: ['objects', name, 'geometries', gi, 'arcs'], message: `arc ${a} does not exist (the topology has ${n} arcs)` });
              return;
            }
          }
        }
        if (g.type !== 'Point') {
          const p = areaProps.safeParse(g.properties ?? {});
          if (!p.success) ctx.addIssue({ code: 'custom', path: ['objects', name, 'geometries', gi, 'properties'], message: `an area needs a GSS code and a name: ${p.error.issues[0]!.message}` });
        }
      });
    }
  });

export type TopologyFile = z.infer<typeof topologySchema>;
