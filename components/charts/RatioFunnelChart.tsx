import type { FunnelClass } from '@/lib/stats/funnel';
/** PLACEHOLDER until the chart primitives land (branch charts): props only. */
export interface RatioPoint {
  readonly code: string;
  readonly name: string;
  readonly expected: number;
  readonly observed: number;
  readonly ratio: number;
  readonly cls: FunnelClass;
  readonly group?: string;
}
export interface RatioFunnelChartProps {
  readonly points: readonly RatioPoint[];
  readonly missing?: readonly { readonly code: string; readonly name: string; readonly reason: string }[];
  readonly selected: readonly string[];
  readonly cursor?: string | null;
  readonly onCursorChange?: (code: string | null) => void;
  readonly onSelect?: (code: string) => void;
  readonly titleId?: string;
  readonly width?: number;
}
export function RatioFunnelChart(_p: RatioFunnelChartProps) {
  return null;
}
