import type { Metadata } from 'next';
import Link from 'next/link';
import { TrendChart } from '@/components/charts/TrendChart';
import { chartBreaks } from '@/lib/explorer/breaks';
import { PageShell } from '@/components/frame/PageShell';
import { loadMeasures } from '@/lib/data/load';
import { areaMap, ENGLAND, seriesOf } from '@/lib/explorer/access';
import { buildMeasureData } from '@/lib/explorer/build';
import { unitLabel, valueFormatter } from '@/lib/explorer/describe';
import { formatCell, formatYear } from '@/lib/format';
import { headline } from '@/lib/query';
import { observationsFor } from '@/lib/data/load';

export const metadata: Metadata = {
  title: 'Measures',
  description: "Every measure in the explorer: definitions, the latest figure for England and the trend since 2010.",
};

export default function MeasuresPage() {
  const measures = loadMeasures();
  const groups = [...new Set(measures.map((m) => m.group))];
  return (
    <PageShell current="/measures/">
      <h1>Measures</h1>
      <p className="lede">Each measure has a trend chart, maps, a ranking of councils, a table and its sources.</p>
      {groups.map((g) => (
        <section key={g} aria-labelledby={groupId(g)}>
          <h2 id={groupId(g)}>{g}</h2>
          <ul className="cards">
            {measures
              .filter((m) => m.group === g)
              .map((m) => {
                const data = buildMeasureData(m.id);
                const unit = m.hasRate ? 'rate' : 'count';
                const h = headline(observationsFor(m.id), ENGLAND);
                const latest = h?.latest;
                const england = areaMap(data).get(ENGLAND);
                const fmt = valueFormatter(data.measure, unit);
                const latestCell = latest ? (unit === 'rate' ? latest.rate : latest.count) : undefined;
                return (
                  <li key={m.id} className="card">
                    <h3>
                      <Link href={`/measures/${m.id}/`}>{m.label}</Link>
                    </h3>
                    <p className="small">{m.definition}</p>
                    {latest && latestCell && (
                      <p>
                        England, {formatYear(m.period, latest.year)}: <strong>{formatCell(latestCell, fmt)}</strong> {unitLabel(data.measure, unit)}
                      </p>
                    )}
                    {england && (
                      <TrendChart
                        compact
                        series={[seriesOf(data, unit, england, m.firstYear, m.lastYear)]}
                        unitLabel={unitLabel(data.measure, unit)}
                        period={m.period}
                        from={m.firstYear}
                        to={m.lastYear}
                        formatValue={fmt}
                        breaks={chartBreaks(data.breaks, unit)}
                      />
                    )}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </PageShell>
  );
}

/** An id for a group heading: aria-labelledby takes a space-separated list, so no spaces ("Children in need" → "g-children-in-need"). */
const groupId = (group: string) => `g-${group.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
