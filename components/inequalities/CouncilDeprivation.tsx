import Link from 'next/link';
import { formatNumber, formatRate } from '@/lib/format';
import { councilDeprivation } from '@/lib/inequalities/council';
import { withCsvFile } from '@/lib/inequalities/csv-files';
import { ADJUSTED_CAVEAT } from '@/lib/inequalities/views';
import { ScrollRegion } from '@/components/frame/ScrollRegion';
import { StaticPart } from '@/components/frame/StaticPart';
import { ProfileFrameView, ScatterFrameView } from './frames';
import styles from './inequalities.module.css';

/**
 * Deprivation on a council's page (self-contained, server-rendered at build time): where its
 * children live against England, its point on the scatter, and its observed and expected numbers
 * with the funnel verdict, each linking to /inequalities/ with the council selected. The charts are
 * static here (the interactive versions are on /inequalities/); each sits in the chart frame with
 * its share kit. `headingLevel` fits the section into the page's outline.
 */
export function CouncilDeprivation({ code, headingLevel = 2 }: { readonly code: string; readonly headingLevel?: 2 | 3 }) {
  const d = councilDeprivation(code);
  const H = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  const name = d.council.name;
  return (
    <section id="deprivation" aria-labelledby="deprivation-h" data-council-deprivation={code}>
      <H id="deprivation-h">Deprivation</H>
      <p>
        How deprived the neighbourhoods of {name}&rsquo;s children are, how its rates sit among all councils&rsquo;, and how many children it has on plans and in care against the
        number expected from that deprivation. More on <Link href={d.links.scatter}>deprivation and children&rsquo;s social care</Link>.
      </p>
      {d.profile ? (
        <ProfileFrameView view={d.profile} name={name} />
      ) : (
        <p className={styles.prompt}>No neighbourhood profile for {name}.</p>
      )}
      <p className="small">
        <Link href={d.links.profile}>This profile with the adjusted comparison</Link>
      </p>

      <ScatterFrameView view={withCsvFile(d.scatter)} />
      <p className="small">
        <Link href={d.links.scatter}>Explore every measure and year on the scatter, with {name} labelled</Link>
      </p>

      <Sub>Against the number expected from deprivation</Sub>
      <p className={styles.caveat}>{ADJUSTED_CAVEAT}</p>
      <StaticPart>
        <ScrollRegion label={`${name}: observed and expected numbers`}>
          <table data-council-verdicts="">
            <caption>{name}: observed and expected numbers (expected from England&rsquo;s rate and its children&rsquo;s neighbourhood deprivation)</caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col" className="num">
                  Observed
                </th>
                <th scope="col" className="num">
                  Expected
                </th>
                <th scope="col" className="num">
                  Observed ÷ expected
                </th>
                <th scope="col" className="num">
                  95% limits
                </th>
                <th scope="col">Against the limits</th>
              </tr>
            </thead>
            <tbody>
              {d.verdicts.map((v) => (
                <tr key={v.measureId}>
                  <th scope="row">
                    {v.label}, {v.period}
                  </th>
                  {v.ratio === undefined ? (
                    <td colSpan={5}>Not available: {v.missing}</td>
                  ) : (
                    <>
                      <td className="num">
                        {formatNumber(v.observed!)} ({formatRate(v.observedRate!)} per 10,000)
                      </td>
                      <td className="num">
                        {formatNumber(Math.round(v.expected!))} ({formatRate(v.expectedRate!)} per 10,000)
                      </td>
                      <td className="num">{v.ratio.toFixed(2)}</td>
                      <td className="num">
                        {v.lower95!.toFixed(2)} to {v.upper95!.toFixed(2)}
                      </td>
                      <td>{v.verdict}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </StaticPart>
      <p className="small">
        <Link href={d.links.adjusted}>See {name} among every council on the funnel plot</Link> ·{' '}
        <Link href="/methodology/#inequalities-adjusted">How the expected number is worked out</Link>
      </p>
    </section>
  );
}
