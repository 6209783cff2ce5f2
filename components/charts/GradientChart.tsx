/** PLACEHOLDER until the chart primitives land (branch charts): props only. */
export interface GradientCursor {
  readonly panel: string;
  readonly decile: number;
}
export interface GradientPanel {
  readonly key: string;
  readonly title: string;
  readonly series: readonly { readonly key: string; readonly label: string; readonly country: 'England' | 'Wales'; readonly points: readonly { readonly decile: number; readonly value: number }[] }[];
}
export interface GradientChartProps {
  readonly panels: readonly GradientPanel[];
  readonly unitLabel: string;
  readonly formatValue: (n: number) => string;
  readonly cursor?: GradientCursor | null;
  readonly onCursorChange?: (c: GradientCursor | null) => void;
  readonly titleId?: string;
  readonly width?: number;
}
export function GradientChart(_p: GradientChartProps) {
  return null;
}
