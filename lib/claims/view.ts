import { sourceById } from '../data/load';
import { areaMap, seriesOf } from '../explorer/access';
import { describeTrend } from '../explorer/alt';
import { buildMeasureData, sourceRef } from '../explorer/build';
import { chartBreaks, type ChartBreak } from '../explorer/breaks';
import { rateNote, sourcesShown, unitLabel, yearRange } from '../explorer/describe';
import { citationBreakNote, citationInput, releaseCitation, sourceLineText, trendCsv } from '../explorer/share';
import type { MeasureData, Series, SourceRef, Unit } from '../explorer/types';
import { formatRate, formatYear } from '../format';
import type { ChartShare, CsvExport } from '../share/types';
import { ENGLAND } from './engine';
import { claimById, claimData, type CheckedClaim } from './load';
import type { ClaimSpec } from './spec';

/**
 * What a claim's page draws (build time): the series the claim speaks of with its years
 * highlighted, or the CWIP gradient, each with what the share kit shares. Pure over the loaded data.
 */

export const claimPath = (id: string) => `/claims/${id}/`;
export const claimEmbedPath = (id: string) => `/embed/claims/${id}/`;

export interface ClaimTrend {
  readonly kind: 'trend';
  readonly title: string;
  readonly definition: string;
  readonly unit: Unit;
  readonly unitLabel: string;
  readonly period: MeasureData['measure']['period'];
  readonly from: number;
  readonly to: number;
  readonly series: readonly Series[];
  readonly breaks: readonly ChartBreak[];
  readonly highlight: readonly number[];
  /** The measure whose values format the axis (the first charted). */
  readonly measureId: string;
  readonly sources: readonly SourceRef[];
  readonly rateNote: string | undefined;
  readonly share: ChartShare;
}

export interface DecilePanel {
  readonly measure: string;
  readonly title: string;
  /** Decile 1 (most deprived tenth) to 10. */
  readonly rates: readonly { readonly decile: number; readonly value: number }[];
}

export interface ClaimGradient {
  readonly kind: 'gradient';
  readonly title: string;
  readonly definition: string;
  readonly country: string;
  readonly year: number | undefined;
  readonly panels: readonly DecilePanel[];
  readonly highlight: readonly number[];
  readonly source: SourceRef;
  /** The source's own caveat (sources.csv notes): a secondary copy, rounded. */
  readonly sourceNote: string;
  readonly share: ChartShare;
}

export type ClaimChart = ClaimTrend | ClaimGradient;

/** Measures and years the claim's chart shows: the spec's chart, else its first check that reads a series. */
function chartedMeasures(spec: ClaimSpec, c: CheckedClaim): { measures: string[]; years: number[]; unit: Unit } | undefined {
  const unitOf = (id: string): Unit => c.result.checks.flatMap((k) => k.highlight).find((h) => h.measure === id)?.unit ?? 'count';
  if (spec.chart) {
    const years = c.result.checks.flatMap((k) => k.highlight.filter((h) => h.measure === spec.chart!.measure).flatMap((h) => h.years));
    return { measures: [spec.chart.measure], years, unit: spec.chart.unit ?? unitOf(spec.chart.measure) };
  }
  const first = c.result.checks.find((k) => k.highlight.length > 0);
  if (first) {
    const measures = [...new Set(first.highlight.map((h) => h.measure))];
    return { measures, years: [...new Set(first.highlight.flatMap((h) => h.years))], unit: unitOf(measures[0]!) };
  }
  if (c.quote.measureId) return { measures: [c.quote.measureId], years: [], unit: 'count' };
  return undefined;
}

/** The first sentence of a definition (up to the first full stop followed by a space and a capital). */
const firstSentence = (t: string) => /^.*?[.](?=\s+[A-Z(]|$)/.exec(t)?.[0] ?? t;

const and = (xs: readonly string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

function trendChart(c: CheckedClaim, measures: readonly string[], years: readonly number[], unit: Unit): ClaimTrend {
  const datas = measures.map((id) => buildMeasureData(id));
  const first = datas[0]!;
  const m = first.measure;
  const from = Math.min(...datas.map((d) => d.measure.firstYear));
  const to = Math.max(...datas.map((d) => d.measure.lastYear));
  const series = datas.map((d, i): Series => {
    const s = seriesOf(d, unit, areaMap(d).get(ENGLAND)!, from, to);
    return { ...s, key: d.measure.id, label: datas.length > 1 ? d.measure.shortLabel : 'England', kind: i === 0 ? 'england' : 'area' };
  });
  // Breaks of every measure drawn, one mark per year (the CIN measures share theirs).
  const seen = new Set<number>();
  const breaks = datas.flatMap((d) => chartBreaks(d.breaks, unit)).filter((b) => (seen.has(b.year) ? false : (seen.add(b.year), true)));
  const span = yearRange(m, from, to);
  const units = [...new Set(datas.map((d) => unitLabel(d.measure, unit)))];
  const title =
    datas.length > 1
      ? `${and(datas.map((d, i) => (i === 0 ? d.measure.label : d.measure.label.charAt(0).toLowerCase() + d.measure.label.slice(1))))}: ${unit === 'rate' ? 'rates per 10,000 children' : 'numbers'}, England, ${span}`
      : `${m.label}: ${unit === 'rate' ? 'rate per 10,000 children' : `number of ${m.countUnit}`}, England, ${span}`;
  const allYears = first.years.filter((y) => y >= from && y <= to);
  const sources = datas.flatMap((d) => sourcesShown(d, [ENGLAND], allYears)).filter((s, i, a) => a.findIndex((x) => x.id === s.id) === i);
  const note = rateNote(first, [ENGLAND], allYears, unit);
  const highlight = [...new Set(years)].sort((a, b) => a - b);
  const highlighted = highlight.length
    ? ` Shaded: the years the claim speaks of, ${and(highlight.map((y) => formatYear(m.period, y)))}.`
    : ' The claim speaks of no year these data can check; the series is shown for context.';
  const description = datas.map((d) => describeTrend(d, unit, [areaMap(d).get(ENGLAND)!], from, to)).join(' ') + highlighted;
  const rows: CsvExport['rows'][number][] = [];
  let csv: CsvExport | undefined;
  for (const d of datas) {
    const one = trendCsv(d, unit, [areaMap(d).get(ENGLAND)!], from, to);
    csv ??= one;
    rows.push(...one.rows);
  }
  const share: ChartShare = {
    title,
    sourceText: sourceLineText(sources, note),
    description,
    path: claimPath(c.quote.id),
    embedPath: claimEmbedPath(c.quote.id),
    csv: { filename: `claim-${c.quote.id}-${measures.join('-')}-${unit}-england-${from}-${to}`, columns: csv!.columns, rows },
    cite: citationInput(first, sources, `${and(datas.map((d) => d.measure.label))}, ${unitLabel(m, unit)}, England`, span, citationBreakNote(first, unit, from, to)),
  };
  return {
    kind: 'trend',
    title,
    // One measure: its definition; several: the first sentence of each (the measure pages hold the rest).
    definition:
      datas.length === 1
        ? `${m.definition} Unit: ${units[0]}.`
        : `${datas.map((d) => `${d.measure.label}: ${firstSentence(d.measure.definition)}`).join(' ')} Units: ${units.join('; ')}.`,
    unit,
    unitLabel: units.join('; '),
    period: m.period,
    from,
    to,
    series,
    breaks,
    highlight,
    measureId: m.id,
    sources,
    rateNote: note,
    share,
  };
}

const CWIP_MEASURE_WORDS: Record<string, string> = { CLA: 'Children looked after', CPP: 'Children on child protection plans', CPR: 'Children on the child protection register' };

/** The CWIP rates by decile a gradient check reads, as panels (one per measure). */
export function gradientPanels(country: string, measures: readonly string[]): DecilePanel[] {
  const data = claimData();
  return measures.map((code) => ({
    measure: code,
    title: CWIP_MEASURE_WORDS[code] ?? code,
    rates: [...data.cwip(country, code)].sort((a, b) => a.decile - b.decile).map((p) => ({ decile: p.decile, value: p.value })),
  }));
}

/** The release of the CWIP rates, as the frame's source line wants it (sources.csv). */
function cwipSource(): SourceRef {
  const s = sourceById().get('cwip-final-report');
  if (!s) throw new Error('sources.csv: cwip-final-report is missing');
  return sourceRef(s);
}

export function gradientChart(id: string, country: string, measures: readonly string[], highlight: readonly number[]): ClaimGradient {
  const panels = gradientPanels(country, measures);
  const year = claimData().cwip(country, measures[0]!)[0]?.year;
  const source = cwipSource();
  const title = `${and(panels.map((p, i) => (i === 0 ? p.title : p.title.charAt(0).toLowerCase() + p.title.slice(1))))} per 10,000 children, by neighbourhood deprivation, ${country}${year ? `, 31 March ${year}` : ''}`;
  const describe = (p: DecilePanel) => `${p.title}: ${p.rates.map((r) => `${formatRate(r.value)} in decile ${r.decile}`).join(', ')}.`;
  const description = `Bar chart of rates per 10,000 children by the deprivation of the neighbourhood they live in, from decile 1 (the most deprived tenth of neighbourhoods) to decile 10 (the least deprived), ${country}. ${panels.map(describe).join(' ')} Rates as published by the Child Welfare Inequalities Project, rounded to whole numbers.`;
  const rows = panels.flatMap((p) => p.rates.map((r) => [country, p.measure, p.title, r.decile, r.value, year ?? '', source.id, source.citation] as (string | number)[]));
  const share: ChartShare = {
    title,
    sourceText: `Source: ${source.citation}.`,
    description,
    path: claimPath(id),
    embedPath: claimEmbedPath(id),
    csv: { filename: `claim-${id}-cwip-${country.toLowerCase()}`, columns: ['country', 'measure', 'measure_label', 'decile', 'rate_per_10k', 'year', 'source_id', 'source'], rows },
    cite: { ...releaseCitation(source), subject: title, dataYears: year ? `31 March ${year}` : '', otherReleases: 0 },
  };
  return {
    kind: 'gradient',
    title,
    definition: `Rates per 10,000 children living in ${country}'s small neighbourhoods (LSOAs), grouped into tenths by their deprivation on ${country}'s own index: decile 1 is the most deprived tenth, decile 10 the least. From the Child Welfare Inequalities Project's sample of councils.`,
    country,
    year,
    panels,
    highlight,
    source,
    sourceNote: sourceById().get('cwip-final-report')?.notes ?? '',
    share,
  };
}

/** The chart of a claim's page, or undefined when the claim speaks of nothing these data chart. */
export function claimChart(id: string): ClaimChart | undefined {
  const c = claimById(id);
  if (!c) return undefined;
  const gradient = c.spec.checks.find((k) => k.form === 'gradient');
  if (gradient && gradient.form === 'gradient') {
    const hl = gradient.claimed.type === 'every-step' ? [] : [1, 10];
    return gradientChart(id, gradient.country, gradient.measures, hl);
  }
  const what = chartedMeasures(c.spec, c);
  return what ? trendChart(c, what.measures, what.years, what.unit) : undefined;
}

/** Every release a claim's page cites (figures of today and of the time, other releases), by id. */
export function claimReleases(c: CheckedClaim): Record<string, { citation: string; url: string }> {
  const data = claimData();
  const ids = new Set<string>();
  for (const k of c.result.checks) {
    for (const s of [...k.steps, ...(k.then?.steps ?? [])]) if (s.kind === 'figure') ids.add(s.sourceId);
    for (const f of k.figures) {
      ids.add(f.now.sourceId);
      if (f.then) ids.add(f.then.sourceId);
      for (const h of f.history) ids.add(h.sourceId);
    }
  }
  const out: Record<string, { citation: string; url: string }> = {};
  for (const id of ids) {
    const r = data.release(id);
    if (r) out[id] = { citation: r.citation, url: r.url };
  }
  return out;
}

/** Claims that speak of the same measures (most shared first), else of the same topic; at most `n`. */
export function relatedClaims(c: CheckedClaim, all: readonly CheckedClaim[], n = 4): CheckedClaim[] {
  const mine = new Set(c.result.measures);
  return all
    .filter((x) => x.quote.id !== c.quote.id)
    .map((x) => ({ x, shared: x.result.measures.filter((m) => mine.has(m)).length, topic: x.quote.topic === c.quote.topic ? 1 : 0 }))
    .filter((r) => r.shared > 0 || r.topic > 0)
    .sort((a, b) => b.shared - a.shared || b.topic - a.topic)
    .slice(0, n)
    .map((r) => r.x);
}
