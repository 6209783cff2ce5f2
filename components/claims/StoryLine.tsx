import Link from 'next/link';
import { DecileChart } from '@/components/charts/DecileChart';
import { TrendChart } from '@/components/charts/TrendChart';
import { areaMap, seriesOf } from '@/lib/explorer/access';
import { buildMeasureData } from '@/lib/explorer/build';
import { chartBreaks } from '@/lib/explorer/breaks';
import { ENGLAND } from '@/lib/claims/engine';
import type { StoryLine as Line } from '@/lib/claims/story';
import { formatCount, formatDate, formatYear } from '@/lib/format';
import { VerdictBadge } from './Verdict';
import styles from './story.module.css';

/** One line of the home page's story: a headline from the data, a small chart, and the checked claim that tells it. */
export function StoryLine({ line, index }: { readonly line: Line; readonly index: number }) {
  const { quote: q, result: r } = line.claim;
  const id = `story-${index}`;
  let chart;
  let caption: string;
  if (line.kind === 'trend') {
    const data = buildMeasureData(line.measure);
    const m = data.measure;
    const s = seriesOf(data, 'count', areaMap(data).get(ENGLAND)!, m.firstYear, m.lastYear);
    chart = (
      <TrendChart
        compact
        series={[s]}
        unitLabel={m.countUnit}
        period={m.period}
        from={m.firstYear}
        to={m.lastYear}
        formatValue={(n) => formatCount(n, m.countUnit)}
        breaks={chartBreaks(data.breaks, 'count')}
        highlight={[line.from, line.to]}
        ariaLabel={`Small line chart: ${m.label}, England, ${formatYear(m.period, m.firstYear)} to ${formatYear(m.period, m.lastYear)}; shaded, ${formatYear(m.period, line.from)} and ${formatYear(m.period, line.to)}.`}
        width={260}
        height={64}
      />
    );
    caption = `England, ${formatYear(m.period, m.firstYear)} to ${formatYear(m.period, m.lastYear)}, from zero; shaded: ${formatYear(m.period, line.from)} and ${formatYear(m.period, line.to)}.`;
  } else {
    chart = <DecileChart compact panels={line.panels.map((p) => ({ key: p.measure, title: p.title, rates: p.rates }))} highlight={[1, 10]} width={300} ariaLabel={`Small bar chart: ${line.panels.map((p) => p.title.toLowerCase()).join(' and ')} per 10,000 children, by neighbourhood deprivation decile, England.`} />;
    caption = 'Per 10,000 children, by neighbourhood deprivation: decile 1 (top) the most deprived tenth, 10 the least.';
  }
  return (
    <li className={styles.line} data-story={line.kind === 'trend' ? line.measure : 'gradient'} data-from={line.kind === 'trend' ? line.from : undefined} data-to={line.kind === 'trend' ? line.to : undefined} data-claim={q.id} aria-labelledby={`${id}-h`}>
      <div className={styles.text}>
        <h3 id={`${id}-h`} className={styles.headline}>
          {line.headline}
        </h3>
        <p className={styles.detail}>{line.detail}</p>
        <div className={styles.claim}>
          <VerdictBadge verdict={r.verdict} label={r.label} />
          <p className={styles.quote}>
            <Link href={`/claims/${q.id}/`}>&ldquo;{q.quote}&rdquo;</Link>
          </p>
          <p className={styles.who}>
            {q.speaker}
            {q.date ? `, ${formatDate(q.date)}` : ''}
          </p>
        </div>
      </div>
      <div className={styles.chart}>
        {chart}
        <p className={styles.caption}>{caption}</p>
      </div>
    </li>
  );
}
