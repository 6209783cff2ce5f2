/** PLACEHOLDER until the chart primitives land (branch charts): props only. */
export interface ScatterPointInput {
  readonly code: string;
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly group?: string;
}
export interface ScatterChartProps {
  readonly points: readonly ScatterPointInput[];
  readonly xLabel: string;
  readonly formatX: (n: number) => string;
  readonly unitLabel: string;
  readonly formatY: (n: number) => string;
  readonly england?: number;
  readonly line?: { readonly slope: number; readonly intercept: number };
  readonly selected: readonly string[];
  readonly highlightGroup?: string;
  readonly missing?: readonly { readonly code: string; readonly name: string; readonly reason: string }[];
  readonly cursor?: string | null;
  readonly onCursorChange?: (code: string | null) => void;
  readonly onSelect?: (code: string) => void;
  readonly titleId?: string;
  readonly width?: number;
}
export function ScatterChart(_p: ScatterChartProps) {
  return null;
}
