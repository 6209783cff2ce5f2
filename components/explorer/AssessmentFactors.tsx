'use client';

import { LazyBarChart } from '@/components/charts/lazy';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { StaticPart } from '@/components/frame/StaticPart';
import type { AreaFactors } from '@/lib/data/factors';
import { FACTORS_SHOWN } from '@/lib/explorer/factors';
import { formatFixed } from '@/lib/format';
import type { SourceRef } from '@/lib/explorer/types';
import type { ChartShare } from '@/lib/share/types';

/**
 * "What assessments find": the factors most often recorded at the end of an assessment, in the
 * chart frame with the share kit. The figures and the share come from the build (props only).
 */
export function AssessmentFactors({ id, factors, areaName, source, share }: { readonly id: string; readonly factors: AreaFactors; readonly areaName: string; readonly source: SourceRef; readonly share: ChartShare }) {
  const england = factors.areaCode === 'E92000001';
  const rows = factors.factors.slice(0, FACTORS_SHOWN).map((f) => ({ key: f.factor, label: f.label, value: f.share, compare: england ? undefined : f.englandShare }));
  // DfE's footnotes on the factors shown that change how they compare (the split of physical and sexual abuse); its note that "domestic violence" was renamed changes nothing.
  const notes = [...new Set(factors.factors.slice(0, FACTORS_SHOWN).map((f) => f.note).filter((n) => n && !/renamed/i.test(n)))];
  return (
    <ChartFrame
      id={id}
      title={share.title}
      definition="When a children in need assessment ends, the social worker records the factors identified: what is happening in the child's life that led to the need. An assessment can record several, so the percentages can add up to more than 100."
      sources={[source]}
      rateNote="Shares computed here: assessments recording the factor ÷ assessments with factor information."
      notes={[<span key="base">Counts are assessments (episodes of need), not children. The {FACTORS_SHOWN} most common factors are shown; every factor is in the CSV download.</span>, ...notes.map((n) => <span key={n}>{n}</span>)]}
      share={share}
      textKey=""
    >
      <StaticPart>
        <LazyBarChart
          rows={rows}
          seriesLabel={areaName}
          compareLabel={england ? undefined : 'England'}
          unitLabel="% of assessments with factor information"
          formatValue={(n) => `${formatFixed(n, 1)}%`}
          titleId={`${id}-title`}
          descId={`${id}-desc`}
          tableCaption={share.title}
        />
      </StaticPart>
    </ChartFrame>
  );
}
