import { DecileChart } from '@/components/charts/DecileChart';
import { ChartFrame } from '@/components/frame/ChartFrame';
import type { ClaimGradient } from '@/lib/claims/view';

/** The CWIP gradient a claim speaks of, by decile, in the chart frame with the share kit. */
export function ClaimGradientView({ chart, id }: { readonly chart: ClaimGradient; readonly id: string }) {
  return (
    <ChartFrame
      id={id}
      title={chart.title}
      definition={chart.definition}
      sources={[chart.source]}
      notes={[chart.sourceNote, 'A ratio worked out from rates rounded to whole numbers is uncertain by the rounding: the arithmetic allows for it.'].filter(Boolean)}
      share={chart.share}
    >
      <DecileChart panels={chart.panels.map((p) => ({ key: p.measure, title: p.title, rates: p.rates }))} highlight={chart.highlight} titleId={`${id}-title`} />
    </ChartFrame>
  );
}
