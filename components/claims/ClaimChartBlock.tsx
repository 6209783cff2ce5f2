import type { ClaimChart } from '@/lib/claims/view';
import { formatCount, formatRate, formatYear } from '@/lib/format';
import { loadMeasure } from '@/lib/data/load';
import { STATUS_LABEL } from '@/lib/status';
import { ClaimGradientView } from './ClaimGradientView';
import { ClaimTrendView } from './ClaimTrendView';
import styles from './claims.module.css';

/** The claim's chart with its data table (every chart has one), on the claim page and in its embed. */
export function ClaimChartBlock({ chart, id, embed = false }: { readonly chart: ClaimChart; readonly id: string; readonly embed?: boolean }) {
  if (chart.kind === 'gradient') {
    return (
      <>
        <ClaimGradientView chart={chart} id={id} />
        {!embed && (
          <details>
            <summary>The figures as a table</summary>
            <div className={styles.tableWrap}>
              <table data-table="chart">
                <caption>{chart.title}</caption>
                <thead>
                  <tr>
                    <th scope="col">Deprivation decile</th>
                    {chart.panels.map((p) => (
                      <th key={p.measure} scope="col" className="num">
                        {p.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {chart.panels[0]!.rates.map((r, i) => (
                    <tr key={r.decile}>
                      <th scope="row">
                        {r.decile}
                        {r.decile === 1 ? ' (most deprived)' : r.decile === 10 ? ' (least deprived)' : ''}
                      </th>
                      {chart.panels.map((p) => (
                        <td key={p.measure} className="num">
                          {formatRate(p.rates[i]!.value)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        )}
      </>
    );
  }
  const m = loadMeasure(chart.measureId);
  const fmt = (v: number) => (chart.unit === 'rate' ? formatRate(v) : formatCount(v, m.countUnit));
  const years = chart.series[0]!.points.map((p) => p.year);
  const hl = new Set(chart.highlight);
  return (
    <>
      <ClaimTrendView chart={chart} countUnit={m.countUnit} id={id} />
      {!embed && (
        <details>
          <summary>The figures as a table</summary>
          <div className={styles.tableWrap}>
            <table data-table="chart">
              <caption>{chart.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Year</th>
                  {chart.series.map((s) => (
                    <th key={s.key} scope="col" className="num">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {years.map((y) => (
                  <tr key={y} data-highlight={hl.has(y) ? '' : undefined}>
                    <th scope="row">
                      {formatYear(chart.period, y)}
                      {hl.has(y) && ' (claimed)'}
                    </th>
                    {chart.series.map((s) => {
                      const c = s.points.find((p) => p.year === y)?.cell;
                      return (
                        <td key={s.key} className="num">
                          {c === undefined ? 'no figure' : c.kind === 'value' ? fmt(c.value) : STATUS_LABEL[c.status]}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </>
  );
}
