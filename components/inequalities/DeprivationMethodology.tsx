import Link from 'next/link';
import { ScrollRegion } from '@/components/frame/ScrollRegion';
import { formatNumber, formatRate, formatYear } from '@/lib/format';
import { buildGradient } from '@/lib/inequalities/build';
import { figureHeadline } from '@/lib/inequalities/describe';
import { DEFAULT_MEASURE } from '@/lib/inequalities/state';
import { ADJUSTED_MEASURES } from '@/lib/inequalities/types';
import { GRADIENT_CAVEATS } from '@/lib/inequalities/views';
import { workedExample } from '@/lib/inequalities/worked';
import { RATIO_CLASS_LABEL } from '@/lib/stats/standardise';

/** The worked example's council: Blackpool, a deprived council whose number is nonetheless above expected. */
const EXAMPLE = 'E06000009';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const r2 = (x: number) => x.toFixed(2);

/**
 * Methodology of /inequalities/ (server-rendered, build time): the CWIP figures and their caveats,
 * the fit statistic and why, the indirect standardisation with a worked example computed from the
 * data (and checked against the chart), the funnel limits, and the gap between fifths of councils.
 */
export function DeprivationMethodology() {
  const g = buildGradient();
  const w = workedExample(EXAMPLE, ADJUSTED_MEASURES[0], 2025);
  const period = (y: number) => formatYear('31-march', y);
  const law = g.inverseLaw;
  return (
    <>
      <h2 id="inequalities">Deprivation and inequalities</h2>
      <p>
        <Link href="/inequalities/">Deprivation and children&rsquo;s social care</Link> puts two kinds of figure side by side, and keeps them apart: what the Child Welfare
        Inequalities Project (CWIP) found by <em>neighbourhood</em>, and what DfE&rsquo;s figures show by <em>council</em>. A council is a mix of neighbourhoods, so council figures
        show a far flatter gradient than neighbourhood ones.
      </p>

      <h3 id="inequalities-cwip">The neighbourhood gradient (CWIP)</h3>
      <p>
        CWIP linked children on child protection plans (Wales: the register) and children looked after on 31 March {g.series[0]?.year} to the small area (LSOA) they lived in, and
        divided by all children living in areas of each tenth of deprivation. The rates are shown as CWIP published them; nothing is re-estimated here. The ratios and &ldquo;1 in
        N&rdquo; figures beside the chart are quoted as their sources worded them (&ldquo;more than&rdquo;, &ldquo;about&rdquo;, &ldquo;almost&rdquo; kept); a ratio is never turned
        into a rate or a rate into a ratio. Caveats:
      </p>
      <ul>
        {GRADIENT_CAVEATS.map((c) => (
          <li key={c}>{c}</li>
        ))}
        <li>
          Because the two countries&rsquo; deciles are of different indices, the chart does not show whether Wales intervenes more than England at the same deprivation; it shows
          each country&rsquo;s gradient on its own scale.
        </li>
      </ul>

      <h3 id="inequalities-fit">Councils against deprivation: why Spearman&rsquo;s &rho; and a Theil&ndash;Sen line</h3>
      <p>
        The scatter plot gives the strength of the relationship as Spearman&rsquo;s rank correlation &rho;, not R². Rates per 10,000 are skewed, with a few councils far above the
        rest: R² squares every distance, so one such council can make the relationship look stronger or weaker than it is for the other 150, while ranks cannot be pulled that way.
        The three deprivation scales (IMD 2019 average score, IDACI 2019, and the share of children in England&rsquo;s most deprived 10% of neighbourhoods &mdash; zero for many
        councils) have different shapes but order councils much the same way, and &rho; depends only on the order, so it compares across them. The line is a Theil&ndash;Sen line
        (the median of the slopes between every pair of councils; Theil 1950, Sen 1968), the line that goes with ranks: a least-squares line would be tilted by the same outliers.
        Words for &rho; follow Evans (1996): under 0.2 very weak, 0.2 to 0.4 weak, 0.4 to 0.6 moderate, 0.6 to 0.8 strong, above that very strong. A correlation between councils
        says nothing about individual children, and nothing about cause.
      </p>
      <p>
        Deprivation is of 2019: the IMD and IDACI average scores are MHCLG&rsquo;s published council summaries (File 11), which cover the 151 councils of April 2019, so councils
        created or abolished since (Bournemouth, Poole and Dorset county before 2019; North and West Northamptonshire, Cumberland, Westmorland and Furness since) have no score and
        are listed under the chart. The share of children in the most deprived 10% is computed here from the LSOA files (children aged 0 to 15, mid-2015) for every council of
        every year.
      </p>

      <h3 id="inequalities-adjusted">Adjusted for deprivation: indirect standardisation</h3>
      <p>
        For the two measures CWIP published rates by decile for (children on a plan, children looked after), each council&rsquo;s number is compared with the number expected if
        its children had England&rsquo;s rate for the year, spread over the neighbourhood deciles with CWIP&rsquo;s gradient:
      </p>
      <ul>
        <li>index(area) = &Sigma; over the ten deciles of (share of the area&rsquo;s children aged 0 to 15 living in decile d) &times; (CWIP&rsquo;s England rate for decile d);</li>
        <li>expected rate = England&rsquo;s rate for the year &times; index(council) &divide; index(England);</li>
        <li>expected number = expected rate &times; the council&rsquo;s children aged 0 to 17 (the population DfE uses for the year) &divide; 10,000;</li>
        <li>ratio = observed number &divide; expected number (1 = as expected).</li>
      </ul>
      <p>
        CWIP&rsquo;s rates fix only the <em>shape</em> of the gradient; the level is England&rsquo;s rate for the year. Applied to the children counted in the deciles themselves,
        the councils&rsquo; expected numbers add up to England&rsquo;s exactly (tested). With the real populations aged 0 to 17 they need not: for {w.measureLabel.toLowerCase()} on{' '}
        {period(w.year)}, the {w.totals.councils} councils&rsquo; expected numbers add up to {formatNumber(Math.round(w.totals.expected))} against {formatNumber(w.totals.observed)}{' '}
        observed.
        The limits are exact Poisson limits: if the council were as expected, its number would be Poisson with mean the expected number, and 95% (99.8%) of such councils would
        fall between the 2.5% and 97.5% (0.1% and 99.9%) quantiles, divided by the expected number (Spiegelhalter&rsquo;s interpolation, as for the funnel plots below).
      </p>
      <p>
        <strong>This is a description, not a judgement of performance.</strong> Councils differ in their children&rsquo;s needs in ways deprivation does not capture, in thresholds,
        in services and in recording; far more councils fall outside the limits than chance would put there. And CWIP&rsquo;s &ldquo;inverse intervention law&rdquo;
        {law && (
          <>
            {' '}
            (&ldquo;{law.valueAsStated}&rdquo;: {figureHeadline(law)}, {law.source}; {law.certainty})
          </>
        )}{' '}
        means that at the same neighbourhood deprivation, less deprived councils intervene more: so affluent councils tend to sit above &ldquo;expected&rdquo; and deprived ones
        below, whatever the quality of their work. Caveats: the decile rates are of 2015 and of CWIP&rsquo;s 18-council sample, as whole numbers from a secondary copy, and of the IMD
        of the time, while the children&rsquo;s deciles here are of the IMD 2019 and mid-2015; the further the year from 2015, the more the gradient may have changed.
      </p>

      <h3 id="inequalities-worked-example">
        Worked example: {w.name}, children looked after on {period(w.year)}
      </h3>
      <p>
        Computed at build time from the site&rsquo;s data with the functions that draw the chart, and checked against the chart&rsquo;s figure for {w.name}.
      </p>
      <ScrollRegion label={`Worked example: ${w.name}'s deprivation index`}>
        <table>
          <caption>
            Step 1: {w.name}&rsquo;s children aged 0 to 15 by neighbourhood deprivation decile (IMD 2019), England&rsquo;s, and CWIP&rsquo;s England rates of children looked after
          </caption>
          <thead>
            <tr>
              <th scope="col">Decile</th>
              <th scope="col" className="num">
                {w.name}: children
              </th>
              <th scope="col" className="num">
                share
              </th>
              <th scope="col" className="num">
                England: share
              </th>
              <th scope="col" className="num">
                CWIP rate per 10,000
              </th>
              <th scope="col" className="num">
                {w.name}: share &times; rate
              </th>
              <th scope="col" className="num">
                England: share &times; rate
              </th>
            </tr>
          </thead>
          <tbody>
            {w.steps.map((s) => (
              <tr key={s.decile}>
                <th scope="row">{s.decile === 1 ? '1 (most deprived)' : s.decile === 10 ? '10 (least deprived)' : s.decile}</th>
                <td className="num">{formatNumber(s.children)}</td>
                <td className="num">{pct(s.share)}</td>
                <td className="num">{pct(s.englandShare)}</td>
                <td className="num">{formatNumber(s.rate)}</td>
                <td className="num">{r2(s.share * s.rate)}</td>
                <td className="num">{r2(s.englandShare * s.rate)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Sum: the index</th>
              <td />
              <td className="num">100%</td>
              <td className="num">100%</td>
              <td />
              <td className="num">
                <strong>{r2(w.index)}</strong>
              </td>
              <td className="num">
                <strong>{r2(w.englandIndex)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
      <ol>
        <li>
          Relative index: {r2(w.index)} &divide; {r2(w.englandIndex)} = <strong>{w.relative.toFixed(4)}</strong> ({w.name}&rsquo;s children live in neighbourhoods where, on
          CWIP&rsquo;s gradient, care is {w.relative.toFixed(2)} times as common as for England&rsquo;s children as a whole).
        </li>
        <li>
          Expected rate: England&rsquo;s rate on {period(w.year)}, {formatRate(w.englandRate)} per 10,000, &times; {w.relative.toFixed(4)} = <strong>{w.expectedRate.toFixed(2)}</strong>{' '}
          per 10,000.
        </li>
        <li>
          Expected number: {w.expectedRate.toFixed(2)} &times; {formatNumber(w.children017)} children aged 0 to 17 &divide; 10,000 = <strong>{w.expected.toFixed(2)}</strong>.
        </li>
        <li>
          Observed: <strong>{formatNumber(w.observed)}</strong> children looked after. Ratio: {formatNumber(w.observed)} &divide; {w.expected.toFixed(2)} ={' '}
          <strong>{w.ratio.toFixed(2)}</strong>.
        </li>
        <li>
          Limits for an expected number of {w.expected.toFixed(2)}: 95% from {w.limits.lower95.toFixed(2)} to {w.limits.upper95.toFixed(2)}, 99.8% from{' '}
          {w.limits.lower998.toFixed(2)} to {w.limits.upper998.toFixed(2)}. {w.name} is {RATIO_CLASS_LABEL[w.cls]}.
        </li>
      </ol>
      <p>
        So even after allowing for how many of its children live in deprived neighbourhoods, {w.name} has {w.ratio > 1 ? 'more' : 'fewer'} children looked after than
        England&rsquo;s rate and CWIP&rsquo;s gradient would give. That says where it stands, not why: need that deprivation does not measure, practice, and the gradient&rsquo;s
        change since 2015 are all possible reasons. See it on the{' '}
        <Link href={`/inequalities/?areas=${w.code}#adjusted`}>chart</Link>.
      </p>

      <h3 id="inequalities-gap">The gap between the most and least deprived fifths of councils</h3>
      <p>
        Each year&rsquo;s councils with an IMD 2019 average score are ranked by it and split into fifths (a fifth = the number of councils &divide; 5, rounded: about 30). A
        fifth&rsquo;s rate is pooled: all its children counted divided by all its children aged 0 to 17, times 10,000, so each council weighs as much as its children. A council
        whose count is suppressed or missing that year is left out of its fifth&rsquo;s count and children both, and listed. The fifths are of whole councils, so the gap is much
        smaller than CWIP&rsquo;s neighbourhood gap; the chart shows breaks in the series (counting changes, new population bases), and a change across one compares figures
        counted differently. The default measure is {DEFAULT_MEASURE === 'looked-after' ? 'children looked after' : DEFAULT_MEASURE}; every core measure can be chosen.
      </p>
    </>
  );
}
