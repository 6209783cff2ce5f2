import type { Metadata } from 'next';
import Link from 'next/link';
import { PageShell } from '@/components/frame/PageShell';
import { ScrollRegion } from '@/components/frame/ScrollRegion';
import { DeprivationMethodology } from '@/components/inequalities/DeprivationMethodology';
import { breakPhrase } from '@/lib/breaks';
import { breaksFor, loadAreas, loadBreaks, loadMeasures, sourceById } from '@/lib/data/load';
import { formatYear } from '@/lib/format';
import { MISSING_STATUSES, STATUS_LABEL, STATUS_MEANING } from '@/lib/status';

export const metadata: Metadata = {
  title: 'Methodology',
  description: 'Definitions, sources and caveats of every measure, how rates are computed, what the missing-value codes mean and how council reorganisations are handled.',
};

export default function MethodologyPage() {
  const measures = loadMeasures();
  const sources = sourceById();
  const changed = loadAreas().filter((a) => a.changeNote !== '');
  return (
    <PageShell current="/methodology/">
      <h1>Methodology</h1>
      <p className="lede">What each figure means, where it comes from, and what to bear in mind before you quote or compare it.</p>
      <nav aria-label="On this page">
        <ul className="toc">
          {measures.map((m) => (
            <li key={m.id}>
              <a href={`#${m.id}`}>{m.label}</a>
            </li>
          ))}
          <li><a href="#years">Years</a></li>
          <li><a href="#breaks">Breaks in the series</a></li>
          <li><a href="#pathway">The child protection pathway</a></li>
          <li><a href="#neighbours">Similar councils</a></li>
          <li><a href="#factors">Factors identified at assessment</a></li>
          <li><a href="#rates">Rates and populations</a></li>
          <li><a href="#releases">When releases disagree</a></li>
          <li><a href="#missing">Missing values</a></li>
          <li><a href="#reorganisations">Council reorganisations</a></li>
          <li><a href="#maps">Maps, rankings and funnel plots</a></li>
          <li><a href="#area-pages">Area pages: ranks, verdicts and averages</a></li>
          <li><a href="#postcodes">Finding a council by postcode or town</a></li>
          <li><a href="#inequalities">Deprivation and inequalities</a></li>
          <li><a href="#quotes">Quotes on the charts</a></li>
          <li><a href="#citing">Citing, embedding and downloading</a></li>
        </ul>
      </nav>

      <h2 id="measures">Measures</h2>
      {measures.map((m) => (
        <section key={m.id} aria-labelledby={m.id} className="dataset">
          <h3 id={m.id}>{m.label}</h3>
          <p>{m.definition}</p>
          <dl>
            <dt>Measure id</dt>
            <dd><code>{m.id}</code></dd>
            <dt>Counted</dt>
            <dd>
              {m.kind === 'flow' ? 'over a year' : 'on one day'}; years labelled like {formatYear(m.period, m.lastYear)}
            </dd>
            <dt>Unit</dt>
            <dd>
              {m.hasCount ? m.countUnit : 'no count published'}
              {m.hasRate ? '; rate per 10,000 children aged 0 to 17' : ''}
            </dd>
            <dt>Years</dt>
            <dd>
              {formatYear(m.period, m.firstYear)} to {formatYear(m.period, m.lastYear)}
            </dd>
            {breaksFor(m.id).length > 0 && (
              <>
                <dt>Breaks in the series</dt>
                <dd>
                  <ul>
                    {breaksFor(m.id).map((b) => (
                      <li key={`${b.year}-${b.kind}`}>
                        {breakPhrase(b, (y) => formatYear(m.period, y)).replace(/^./, (c) => c.toUpperCase())}
                        {b.appliesTo === 'rate' ? ' (rates only)' : ''}: {b.note}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>Sources</dt>
            <dd>
              <ul>
                {m.sources.map((id) => {
                  const s = sources.get(id);
                  if (!s) return null;
                  const label = `${s.publisher}, ${s.title}, ${s.release}${s.table ? ` (${s.table})` : ''}`;
                  return <li key={id}>{s.url ? <a href={s.url}>{label}</a> : label}</li>;
                })}
              </ul>
            </dd>
          </dl>
          {m.caveats && (
            <>
              <h4>Caveats</h4>
              <p>{m.caveats}</p>
            </>
          )}
        </section>
      ))}

      {/* Laid out only when scrolled near (globals.css .deferred): a phone's first layout of the whole page was a long task. */}
      <div className="deferred">
      <h2 id="years">Years</h2>
      <p>
        DfE&rsquo;s statistics run to 31 March. A figure for 2025 is either counted over the year 1 April 2024 to 31 March 2025 (referrals, section 47 enquiries, conferences,
        children starting to be looked after: labelled &ldquo;2024-25&rdquo;) or counted on 31 March 2025 (children in need, on a child protection plan, looked after: labelled
        &ldquo;31 March 2025&rdquo;). Workforce figures are at 30 September; spending is by financial year (April to March).
      </p>

      <h2 id="breaks">Breaks in the series</h2>
      <p>
        A break is where a measure&rsquo;s figures before a year are not comparable with those from it. Breaks are data (<Link href="/data/#breaks">breaks.csv</Link>): each
        names its kind, what the figures before it are, the release that documents it, and the words of the release files that show it (the ingest checks each quotation is in
        its file). Every trend chart draws them, the tables mark the years before them, and every change quoted across one &mdash; in chart descriptions, on the home page and
        on the social cards &mdash; says so and gives the like-for-like change from the first year after it. A figure DfE withheld for one council and year (Hackney 2020-21 and
        2021-22 after a cyber-attack, Hampshire 2023-24 after a system change) is not a break: it is a missing value with its code.
      </p>
      <ScrollRegion label="Every break in the series">
        <table>
          <caption>Every break in the series</caption>
          <thead>
            <tr>
              <th scope="col">Measures</th>
              <th scope="col">Between</th>
              <th scope="col">Kind</th>
              <th scope="col">Figures before it</th>
              <th scope="col">What changed</th>
            </tr>
          </thead>
          <tbody>
            {groupBreaks(loadBreaks(), measures).map((g) => (
              <tr key={`${g.year}-${g.kind}`}>
                <td>{g.labels.join(', ')}</td>
                <td>
                  {formatYear('reporting-year', g.year - 1)} and {formatYear('reporting-year', g.year)}
                </td>
                <td>
                  {g.kind.replace('-', ' ')}
                  {g.appliesTo === 'rate' ? ' (rates only)' : ''}
                </td>
                <td>{g.before}</td>
                <td>{g.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h2 id="pathway">The child protection pathway</h2>
      <p>
        A referral to children&rsquo;s social care can lead to a section 47 enquiry (a child protection investigation), which can lead to an initial child protection conference,
        which can decide that the child needs a child protection plan. For any area and year the site gives these four steps per 10,000 children, with the children subject to
        enquiries and conferences (each child counted once), and the children in need, on a plan and looked after on 31 March beside them. The conversion between two steps
        (&ldquo;1 in 3 enquiries led to a conference&rdquo;) is the ratio of the two counts of the same year: the enquiries of a year and the conferences of the same year
        concern mostly, but not exactly, the same children, so it is a rough guide, not a tracked cohort. Plans started are counted as plans from 2012-13 (table D3) and as
        children before, which DfE&rsquo;s 2022 release shows are almost the same number.
      </p>
      <p>
        Two percentages describe what happens to children on the pathway and in care: the share of plans started that were a child&rsquo;s second or subsequent plan, and DfE&rsquo;s
        two placement stability measures (three or more placements in the year; and, for children under 16 in care for two and a half years or more, living with the same carer for
        two years). They are percentages of the children concerned, never rates per 10,000, and they are shown as DfE published them.
      </p>

      <h2 id="neighbours">Similar councils: DfE&rsquo;s statistical neighbours</h2>
      <p>
        To compare a council with &ldquo;similar&rdquo; ones, the site uses DfE&rsquo;s children&rsquo;s services statistical neighbour model (the model NFER built for DfE, refreshed in 2021
        and 2025), as DfE uses it in LAIT: for each council, the 10 councils closest to it on a set of demographic and socio-economic characteristics, ranked, each with a closeness
        band from &ldquo;extremely close&rdquo; to &ldquo;not close&rdquo; (<Link href="/data/#neighbours">neighbours.csv</Link>). Three things to bear in mind: the lists are not
        symmetric (a council can list another that does not list it back); some neighbours are &ldquo;not close&rdquo; (the Isles of Scilly and the City of London have no close
        match at all, and the band is shown, not hidden); and a model is for one set of councils &mdash; the 2025 model covers the 153 councils of 2025, the April 2021 model the
        councils of 2021-22 (with DfE&rsquo;s &ldquo;old&rdquo; lists for four councils that had gone), so councils of earlier years have no 2025 neighbours. The model&rsquo;s variables and
        weights are described by DfE with <a href="https://www.gov.uk/government/publications/local-authority-interactive-tool-lait">LAIT</a>.
      </p>
      <p id="neighbours-average">
        <strong>The neighbours&rsquo; average</strong> on an area page is the plain mean of the ten neighbours&rsquo; rates per 10,000 children in the year shown: each council
        counts once, whatever its size (it is not the rate of the ten councils&rsquo; children taken together), and a neighbour with no figure that year (suppressed, or not yet
        created) is left out, and the page says how many of the ten the average covers &mdash; as DfE&rsquo;s LAIT tool averages statistical neighbours. A council&rsquo;s page
        uses the 2025 model; a council that had gone by 2025 (Northamptonshire, Cumbria, Dorset, Bournemouth, Poole) uses the April 2021 groupings. A neighbour listed under a
        code that has since changed (Barnsley, Sheffield, Buckinghamshire&hellip;) contributes its figure under the code in force that year.
      </p>

      <h2 id="factors">Factors identified at the end of assessment</h2>
      <p>
        At the end of a children in need assessment the social worker records the factors identified (domestic abuse, a parent&rsquo;s mental health, neglect&hellip;). DfE&rsquo;s table C3
        counts the assessments recording each factor, 2017-18 to 2024-25 (<Link href="/data/#assessment-factors">assessment-factors.csv</Link>), with DfE&rsquo;s own description of each
        factor. An assessment can record several factors, so they add up to more than the assessments; the share shown is the factor&rsquo;s assessments as a percentage of the
        episodes with factor information (computed here). DfE&rsquo;s 2022 data guidance notes that physical and sexual abuse have been recorded as adult-on-child and child-on-child since 2020-21,
        and that some councils reported on the old combined basis, or a mix, in 2020-21 and 2021-22: the combined categories are kept, and those factors are not comparable
        across those years.
      </p>

      <h2 id="rates">Rates and populations</h2>
      <p>
        Rates are per 10,000 children aged 0 to 17. Where DfE published a rate alongside the count used here, it is shown as published. Where it did not &mdash; DfE&rsquo;s 2025
        children in need release gives counts only &mdash; the rate is computed here as count &divide; population &times; 10,000, rounded to one decimal place, using the ONS
        mid-year estimate DfE uses for that year: the estimate for mid-year before the year end (for 2024-25, mid-2024), from the population file DfE ships with its latest release
        (<Link href="/data/#population">population.csv</Link>). Each figure says whether its rate is published or computed. Computed rates are checked against the rates DfE
        publishes in its Local Authority Interactive Tool; the comparison is in <a href="/data/reports/rate-check.csv">rate-check.csv</a>.
      </p>
      <p>
        England and the councils use the same denominators. Where the councils&rsquo; rates of a year are DfE&rsquo;s own but England&rsquo;s count comes from DfE&rsquo;s revised national time
        series, which has no rates (children looked after and starting to be looked after, 2014 to 2019), England&rsquo;s rate is the one DfE published in the councils&rsquo; release, and the
        data say which release (<code>rate_source_id</code>). England&rsquo;s rate for every measure and year, with its origin and DfE&rsquo;s LAIT rate beside it, is in{' '}
        <a href="/data/reports/england-rates.csv">england-rates.csv</a>.
      </p>
      <p>
        Rates published at different times use different population estimates (ONS revised its estimates after the 2021 Census), so the same year&rsquo;s rate can differ between
        releases by a few per cent.
      </p>

      <h2 id="releases">When releases disagree</h2>
      <p>
        Each DfE release republishes earlier years, sometimes revised by councils. For each measure, year and area, the latest release covering that year is used. Every figure an
        older release gave differently is listed in <a href="/data/reports/revisions.csv">revisions.csv</a>; a summary is in{' '}
        <a href="/data/reports/ingest-report.md">the ingest report</a>. England totals are rounded to the nearest 10 (2009-10 and 2010-11: nearest 100).
      </p>
      <p>
        The footer of every page names the latest release of each series the figures come from and when the data were last refreshed: the latest publication date in{' '}
        <Link href="/data/#sources">sources.csv</Link>, not the date the site was built. No date is given for DfE&rsquo;s next releases: none is in the data this site holds.
      </p>

      <h2 id="missing">Missing values</h2>
      <p>A missing figure is never drawn or counted as zero. The reason DfE gives is kept and shown:</p>
      <ScrollRegion label="Missing-value codes">
        <table>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Shown as</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {MISSING_STATUSES.map((s) => (
              <tr key={s}>
                <td><code>{s}</code></td>
                <td>{STATUS_LABEL[s]}</td>
                <td>{STATUS_MEANING[s]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p>
        In DfE&rsquo;s files before 2013 (children in need) and before 2019 (children looked after), <code>x</code> marked a suppressed small number and <code>..</code> no data;
        they are translated here to <code>c</code> and <code>x</code>, so every code above means the same thing in every year.
      </p>

      <h2 id="reorganisations">Council reorganisations</h2>
      <p>
        Councils have merged, split and changed codes since 2010. Each keeps its own figures for the years it existed; a chart line stops when a council is abolished and its
        successors&rsquo; lines start.
      </p>
      <ScrollRegion label="Council reorganisations">
        <table>
          <thead>
            <tr>
              <th scope="col">Council, code and years</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((a) => (
              <tr key={a.code}>
                <th scope="row">
                  {a.name}
                  <br />
                  <code>{a.code}</code>
                  <br />
                  <span className="small muted">
                    {a.firstYear}&ndash;{a.lastYear ?? ''}
                  </span>
                </th>
                <td>{a.changeNote}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <h2 id="maps">Maps, rankings and funnel plots</h2>
      <p>
        <strong>Which councils are drawn.</strong> Each year&rsquo;s maps draw exactly the councils that existed on 31 March of that year: the boundaries of that date (ONS,
        simplified for national maps) and the House of Commons Library hex cartogram whose councils match (2018 layout to 2018-19, then 2019, 2020, 2021 and 2023 layouts).
        Hexagons are population-scaled: a council is a group of small hexagons, about one per 8,000 residents.
      </p>
      <p>
        <strong>Colours.</strong> Five colour bands, computed once per measure and unit from every council&rsquo;s figure across all years (quintiles, rounded to round
        numbers), so a colour means the same number in every year and playing through the years shows real change. The palette is ColorBrewer&rsquo;s single-hue blues, readable
        with every kind of colour vision; a council with no figure is hatched, never coloured, and listed in the legend with DfE&rsquo;s reason.
      </p>
      <p id="funnel">
        <strong>Funnel plots.</strong> A small council&rsquo;s rate moves a lot from chance alone. The funnel plot shows each council&rsquo;s rate against its number of children
        aged 0 to 17, with England&rsquo;s rate as the centre line and limits within which 95% and 99.8% of councils would fall if every council had England&rsquo;s underlying
        rate and differed only by chance (exact Poisson limits, with Spiegelhalter&rsquo;s interpolation: Spiegelhalter, D. J. (2005) &ldquo;Funnel plots for comparing
        institutional performance&rdquo;, <em>Statistics in Medicine</em> 24(8)). Councils differ for many real reasons (need, practice, recording), so most fall outside the
        limits; the plot is for seeing which differences are larger than size alone would explain, not a league table.
      </p>

      <h2 id="area-pages">Area pages: ranks, verdicts and averages</h2>
      <p>
        Each area&rsquo;s page gives, for each core measure, its latest figure, England&rsquo;s and its region&rsquo;s rate the same year, and for a council:
      </p>
      <ul>
        <li>
          <strong>Its rank</strong> among the councils with a figure that year, the highest rate first (&ldquo;6th highest of 153 councils&rdquo;); councils with the same rate
          share a rank (&ldquo;joint&rdquo;). A council whose figure is suppressed or missing is not ranked, and the page says why the figure is missing and gives its last
          published one. A region is ranked among the nine regions.
        </li>
        <li>
          <strong>Its funnel verdict</strong>: whether its rate lies above, below or within the 99.8% limits of the <a href="#funnel">funnel plot</a> for a council of its number
          of children (the population DfE uses for the rate), around England&rsquo;s rate that year. Outside the limits means a difference from England&rsquo;s rate that chance
          alone would produce only twice in a thousand times; it does not say why, and it is not a judgement of the council&rsquo;s practice.
        </li>
        <li>
          <strong>Its statistical neighbours</strong> and <a href="#neighbours-average">their average</a>, each measure on its own scale (the measures differ tenfold).
        </li>
      </ul>
      <p>
        A council whose code changed with no change of area (Barnsley and Sheffield in May 2025; Buckinghamshire, North Yorkshire and Somerset becoming unitary councils in 2020 and
        2023; Northumberland&rsquo;s and Gateshead&rsquo;s codes corrected in 2013) has one page under today&rsquo;s code, with its figures under every code as one series; its older
        codes lead there. A council that was split or merged into others keeps its own page, whose figures stop at its last year, with links to the councils that replaced it.
        The pathway on an area page is as <a href="#pathway">above</a>, for each year, beside its neighbours&rsquo; average and England.
      </p>

      <h2 id="postcodes">Finding a council by postcode or town</h2>
      <p>
        The search on the <Link href="/areas/">areas page</Link> finds a council from a full postcode through ONS&rsquo;s postcode directory of November 2022 (as mySociety&rsquo;s
        mini postcode lookup compresses it: runs of consecutive postcodes in one district), from an outward code such as FY1 through the postcode districts of the NHS COVID-19
        app&rsquo;s lookup (2020) with every council a run of the 2022 directory starts in added, and from a town through the districts of ONS&rsquo;s April 2023 district to county
        lookup and the districts abolished since 2019. Every district is mapped to the council that runs children&rsquo;s services there today. An outward code that reaches into
        several councils lists them all (no source gives shares) and asks for the full postcode. A postcode created after November 2022 falls in a neighbouring run, usually but
        not always the right council. Postcodes in Wales, Scotland, the Channel Islands and the Isle of Man are named as such; Northern Ireland&rsquo;s (all beginning BT) only as
        Northern Ireland, since ONS supplies them under a separate licence (<Link href="/data/#postcode-ranges">postcode-ranges.csv</Link>,{' '}
        <Link href="/data/#postcode-districts">postcode-districts.csv</Link>, <Link href="/data/#districts">districts.csv</Link>; how they were built is in{' '}
        <code>reports/postcodes.md</code>).
      </p>
      <DeprivationMethodology />

      <h2 id="quotes">Quotes on the charts</h2>
      <p>
        Quotes from reviews, reports and news coverage are drawn on a measure&rsquo;s trend chart at the latest year they speak of, word for word and attributed, with a link to
        where they were read. A quote checked only in a secondary copy says so. Opening a quote shows this site&rsquo;s England figure for that year and, for a quote that states a
        figure, its verdict with a link to the check. Every quote is in <Link href="/data/#quotes">quotes.csv</Link>; its <code>how_to_check</code> notes are the curator&rsquo;s
        leads and are never shown as facts (several do not match the data).
      </p>

      <h2 id="claims">How claims are checked</h2>
      <p>
        Each quote that states a figure has a <strong>claim spec</strong>: a small file in the project&rsquo;s <code>claims/</code> folder, reviewed like code, naming the measures,
        area and years the quote speaks of and what it asserts, in one of a few forms: a <em>level</em> (&ldquo;more than 80,000 in 2019-20&rdquo;), a <em>change</em> (&ldquo;more
        than doubled since 2010&rdquo;, &ldquo;up 24% in a decade&rdquo;, a rise every year), a <em>share</em> (&ldquo;135,000 of those led to no plan&rdquo;), a <em>ratio</em> of two
        measures, a <em>record</em> (&ldquo;highest since&hellip;&rdquo;), a <em>gradient</em> across the Child Welfare Inequalities Project&rsquo;s deprivation deciles, a{' '}
        <em>projection</em> (&ldquo;on course for&hellip;&rdquo;), or a statement these data cannot check, with what data would. A spec holds only the claim&rsquo;s own numbers (a test
        checks each appears in the quote&rsquo;s words) and years; every figure, the arithmetic and the verdict are computed from the data when the site is built. A quote with no
        figure gets no verdict and is shown as context on the measures it speaks about.
      </p>
      <ul>
        <li>
          <strong>Reading a number.</strong> &ldquo;About 201,000&rdquo; holds if the figure rounds to 201,000 at the precision the claim gives; &ldquo;more than&rdquo; is strict;
          &ldquo;almost three times&rdquo; accepts up to a tenth below three and nothing above; &ldquo;one in 60&rdquo; is compared as one in N. Where the published figures are
          themselves rounded (the project&rsquo;s rates are whole numbers), a test allows for the rounding and answers &ldquo;cannot tell&rdquo; when it could go either way.
        </li>
        <li>
          <strong>Holds</strong>: every test passes. <strong>Holds, with a caveat</strong>: it passes, but only against some of the defensible base years (each is shown side by
          side), or across a break in the series (the 2012-13 change from counting children to counting enquiries; the experimental first census year, 2009-10), or on a difference
          of two counts (enquiries less plans started is not a count of enquiries that led to no plan), on spending in cash terms, on rounded secondary figures, on a projection, or
          with a part the data cannot check. Like-for-like series (children subject to enquiries, counted the same way every year) are shown beside the claimed one and can add a
          caveat, never remove one. <strong>Does not hold</strong>: a test fails on every reading. <strong>Can&rsquo;t be checked with these data</strong>: the data cannot answer it
          (a birth cohort, Scotland, spending before 2016-17), or a record reaches back before the years held; each says what data would.
        </li>
        <li>
          <strong>A claim with several parts</strong> does not hold if any part does not; it can&rsquo;t be checked if no part can; otherwise it holds, with a caveat if any part has
          one or could not be checked.
        </li>
        <li>
          <strong>Figures of the time.</strong> Where a later release revised a figure (the revisions report on the <Link href="/data/">data page</Link>), the claim is judged again
          on the figures of the latest release published before it was made, and both are shown. &ldquo;Does not hold now&rdquo; means it held on the figures of the time, or fails
          only on figures whose version of the time is not among the releases these data were built from.
        </li>
      </ul>
      <p>
        Every claim, with its verdict: <Link href="/claims/">claims checked</Link>.
      </p>

      <h2 id="citing">Citing, embedding and downloading</h2>
      <p>
        Every chart and table has a link to exactly the view shown, embed code, data downloads (and images, for charts) and citations. Cite the statistics&rsquo; publisher and release (as the citations
        do) and this explorer as the way you reached them, with the access date: DfE revises earlier years in later releases, so the date and release tell a reader which figures
        you saw. A downloaded CSV holds the figures shown with DfE&rsquo;s missing-value codes and the source of each figure; an embedded chart or table shows which release its figures
        come from and links back here.
      </p>
      <p>
        To cite one number, choose &ldquo;this figure&rdquo; in the citation panel: it cites the figure under the chart&rsquo;s cursor or the table cell you selected (otherwise the
        latest figure of the first area chosen, or England&rsquo;s), with its value, area and year, and the release that figure comes from, which for earlier years is an earlier
        release than the chart&rsquo;s latest.
      </p>
      </div>
    </PageShell>
  );
}

/** Breaks of the same year, kind and wording, listed once with the measures they apply to. */
function groupBreaks(breaks: ReturnType<typeof loadBreaks>, measures: ReturnType<typeof loadMeasures>) {
  const label = new Map(measures.map((m) => [m.id, m.shortLabel]));
  const groups = new Map<string, { year: number; kind: string; appliesTo: string; before: string; note: string; labels: string[] }>();
  for (const b of breaks) {
    const k = `${b.year}|${b.kind}|${b.note}`;
    const g = groups.get(k) ?? { year: b.year, kind: b.kind, appliesTo: b.appliesTo, before: b.before, note: b.note, labels: [] };
    g.labels.push(label.get(b.measure) ?? b.measure);
    groups.set(k, g);
  }
  return [...groups.values()].sort((a, b) => a.year - b.year || a.kind.localeCompare(b.kind));
}
