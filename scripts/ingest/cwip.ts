import { CsvError, type CsvRow, type ParsedCsv } from '../../lib/csv';
import { RATIO_QUALIFIERS } from '../../lib/schema/deprivation';
import type { IngestContext } from './context';
import { text } from './raw';
import { fmtNum, type TidyRecord } from './write';

/**
 * The Child Welfare Inequalities Project's published figures, kept as what they are (raw folder
 * cwip/, read its PROVENANCE.md):
 * - cwip_decile_rates_tables.csv: rates per 10,000 children by neighbourhood deprivation decile,
 *   England and Wales, 2015, as a CWIP co-author reproduced them from the 2020 Final Report
 *   (decile 1 = most deprived in that file; the source's own scale is the other way round).
 * - cwip_decile_rates.csv: ratios ("over ten times", "12 times", ...) and "1 in N"-derived rates
 *   quoted in CWIP briefings, press releases and articles, with verbatim quotes and certainty.
 * A ratio stays a ratio (with its qualifier, e.g. ">10" → ratio 10, "more than"); it is never
 * turned into a rate, and a rate is never turned into a ratio.
 */

const TABLES = 'cwip/cwip_decile_rates_tables.csv';
const RATIOS = 'cwip/cwip_decile_rates.csv';

type Qualifier = (typeof RATIO_QUALIFIERS)[number];

const NUMBER = /^\d+(\.\d+)?$/;

function positiveNumber(csv: ParsedCsv, r: CsvRow, column: string): number {
  const v = text(csv, r, column);
  if (!NUMBER.test(v)) throw new CsvError(csv.file, 'expected a plain positive number', r.row, column, v);
  return Number(v);
}

function optionalYear(csv: ParsedCsv, r: CsvRow, column: string): string {
  const v = text(csv, r, column);
  if (v !== '' && !/^(19|20)\d{2}$/.test(v)) throw new CsvError(csv.file, 'expected a four-digit year or nothing', r.row, column, v);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Rates by decile (Final Report, via a co-author's chart data).

const decileWords = (d: number) => (d === 1 ? 'decile 1 (most deprived 10% of neighbourhoods)' : d === 10 ? 'decile 10 (least deprived 10% of neighbourhoods)' : `decile ${d}`);

/** "... (repo owner/name, commit <sha>) ..." + "owner/name: path lines ..." → a permanent GitHub link. */
function githubUrl(csv: ParsedCsv, r: CsvRow, source: string, location: string): string {
  const loc = /^([\w.-]+\/[\w.-]+): (\S+) lines /.exec(location);
  if (!loc) throw new CsvError(csv.file, 'location_in_source does not start with "owner/repo: path lines"', r.row, 'location_in_source', location);
  const repo = loc[1]!;
  const commit = new RegExp(`repo ${repo.replace(/[.]/g, '\\.')}, commit ([0-9a-f]{40})`).exec(source);
  if (!commit) throw new CsvError(csv.file, `source does not give the commit of ${repo}`, r.row, 'source', source);
  return `https://github.com/${repo}/blob/${commit[1]}/${loc[2]}`;
}

function decileRates(ctx: IngestContext): TidyRecord[] {
  const sourceId = ctx.useSource('cwip-final-report');
  const csv = ctx.raw.csv(TABLES);
  const out: TidyRecord[] = [];
  const seen = new Map<string, number>();
  for (const r of csv.rows) {
    const country = text(csv, r, 'country');
    const measure = text(csv, r, 'measure');
    const year = optionalYear(csv, r, 'year');
    const dRaw = text(csv, r, 'decile');
    const decile = /^\d+$/.test(dRaw) ? Number(dRaw) : NaN;
    if (!(decile >= 1 && decile <= 10)) throw new CsvError(csv.file, 'decile must be a whole number from 1 to 10', r.row, 'decile', dRaw);
    const location = text(csv, r, 'location_in_source');
    // The file flips the source's scale (10 = most deprived) to 1 = most deprived; check each row says so.
    const src = /source decile (\d+) on the source scale where 10 = most deprived/.exec(location);
    if (!src) throw new CsvError(csv.file, 'location_in_source does not give the source decile and its scale', r.row, 'location_in_source', location);
    if (Number(src[1]) !== 11 - decile) throw new CsvError(csv.file, `decile ${decile} (1 = most deprived) should be source decile ${11 - decile}`, r.row, 'decile', dRaw);
    const key = `${country}|${measure}|${year}|${decile}`;
    const first = seen.get(key);
    if (first !== undefined) throw new CsvError(csv.file, `duplicate country, measure, year and decile (first at row ${first})`, r.row, 'decile', dRaw);
    seen.set(key, r.row);
    const rateText = text(csv, r, 'rate_per_10000');
    const rate = positiveNumber(csv, r, 'rate_per_10000');
    const source = text(csv, r, 'source');
    out.push({
      source_id: sourceId,
      row_ref: r.row,
      part: 1,
      kind: 'rate',
      country,
      measure,
      year,
      snapshot_date: '',
      decile,
      neighbourhoods: decileWords(decile),
      rate_per_10k: fmtNum(rate),
      rate_basis: 'as stated (whole numbers, as typed from the Final Report by a CWIP co-author)',
      ratio: '',
      ratio_qualifier: '',
      ratio_label: '',
      ratio_as_stated: '',
      definition: `${measure} per 10,000 children living in ${country}'s neighbourhoods (LSOAs) of this decile of ${country}'s own small-area deprivation index (1 = most deprived 10%).`,
      value_as_stated: rateText,
      source,
      source_type: 'secondary (chart data typed by a CWIP co-author, attributed to the CWIP Final Report)',
      url: githubUrl(csv, r, source, location),
      location,
      certainty: text(csv, r, 'certainty'),
      notes:
        country === 'Wales'
          ? "Use with caution: these Wales rates imply most- to least-deprived gaps that differ from the ratios in Cardiff University's February 2017 press release (24 times for the register, 16 times for care; see cwip-published-ratios rows 6 and 7)."
          : '',
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Published ratios and "1 in N" figures.

interface RatioPart {
  ratio: number;
  qualifier: Qualifier;
  label: string;
}

const QUALIFIER_WORDS: Record<string, Qualifier> = { '': 'as stated', '>': 'more than', '~': 'about', 'around ': 'about', 'almost ': 'almost' };

/**
 * Split the ratio cell into figures: "12" → [12]; ">10" → [10, more than]; "almost 12" →
 * [12, almost]; "~1.33 per step" → [1.33, about, per decile step]; "1.75 (or 1.8)" → [1.75], [1.8,
 * alternative figure]; "England and Wales >2; Scotland ~3" → [2, more than, England and Wales],
 * [3, about, Scotland]; "White:Asian = 5; ..." → [5, White:Asian], .... Anything else stops the ingest.
 */
export function parseRatio(cellText: string, file: string, row: number): RatioPart[] {
  const parts: RatioPart[] = [];
  for (const seg of cellText.split(';').map((s) => s.trim())) {
    const m = /^(.*?)\s*(?:=\s*)?(>|~|around |almost )?(\d+(?:\.\d+)?)( per step)?(?: \(or (\d+(?:\.\d+)?)\))?$/.exec(seg);
    if (!m || seg === '' || (m[1] !== '' && !/^[A-Z][A-Za-z :]*$/.test(m[1]!))) throw new CsvError(file, 'ratio not in a recognised form (e.g. 12, >10, ~3, almost 12, around 20, Label = 5, 1.75 (or 1.8))', row, 'ratio', cellText);
    const qualifier = QUALIFIER_WORDS[m[2] ?? '']!;
    const label = m[4] ? (m[1] ? `${m[1]}, per decile step` : 'per decile step') : (m[1] ?? '');
    parts.push({ ratio: Number(m[3]), qualifier, label });
    if (m[5] !== undefined) parts.push({ ratio: Number(m[5]), qualifier, label: label ? `${label}, alternative figure` : 'alternative figure' });
  }
  for (const p of parts) if (!(p.ratio > 0)) throw new CsvError(file, 'a ratio must be above 0', row, 'ratio', cellText);
  return parts;
}

function publishedRatios(ctx: IngestContext): TidyRecord[] {
  const sourceId = ctx.useSource('cwip-published-ratios');
  const csv = ctx.raw.csv(RATIOS);
  const out: TidyRecord[] = [];
  const ids = new Set<number>();
  for (const r of csv.rows) {
    const idText = text(csv, r, 'id');
    if (!/^\d+$/.test(idText)) throw new CsvError(csv.file, 'id must be a whole number', r.row, 'id', idText);
    const id = Number(idText);
    if (ids.has(id)) throw new CsvError(csv.file, 'duplicate id', r.row, 'id', idText);
    ids.add(id);
    const snapshot = text(csv, r, 'snapshot_date');
    if (snapshot !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(snapshot)) throw new CsvError(csv.file, 'snapshot_date must be YYYY-MM-DD or empty', r.row, 'snapshot_date', snapshot);
    const rateText = text(csv, r, 'rate_per_10000');
    const rateBasis = text(csv, r, 'rate_basis');
    const ratioText = text(csv, r, 'ratio');
    if ((rateText === '') === (ratioText === '')) {
      throw new CsvError(csv.file, 'a row must give either a rate per 10,000 or a ratio (exactly one)', r.row, rateText === '' ? 'ratio' : 'rate_per_10000', rateText || ratioText);
    }
    const common = {
      source_id: sourceId,
      row_ref: id,
      country: text(csv, r, 'country'),
      measure: text(csv, r, 'measure'),
      year: optionalYear(csv, r, 'year'),
      snapshot_date: snapshot,
      decile: '', // the file describes neighbourhoods in words; kept in `neighbourhoods`
      neighbourhoods: text(csv, r, 'decile'),
      definition: text(csv, r, 'ratio_definition'),
      value_as_stated: text(csv, r, 'value_as_stated'),
      source: text(csv, r, 'source'),
      source_type: text(csv, r, 'source_type'),
      url: text(csv, r, 'url'),
      location: text(csv, r, 'page'),
      certainty: text(csv, r, 'certainty'),
      notes: text(csv, r, 'notes'),
    };
    if (rateText !== '') {
      if (rateBasis === '') throw new CsvError(csv.file, 'a rate needs its basis', r.row, 'rate_basis', rateBasis);
      if (common.definition !== '') throw new CsvError(csv.file, 'a rate row should not have a ratio definition', r.row, 'ratio_definition', common.definition);
      out.push({
        ...common,
        part: 1,
        kind: 'rate',
        rate_per_10k: fmtNum(positiveNumber(csv, r, 'rate_per_10000')),
        rate_basis: rateBasis,
        ratio: '',
        ratio_qualifier: '',
        ratio_label: '',
        ratio_as_stated: '',
        definition: `${common.measure} per 10,000 children (${common.neighbourhoods})`,
      });
    } else {
      if (rateBasis !== '') throw new CsvError(csv.file, 'a ratio row should not have a rate basis', r.row, 'rate_basis', rateBasis);
      parseRatio(ratioText, csv.file, r.row).forEach((p, i) => {
        out.push({
          ...common,
          part: i + 1,
          kind: 'ratio',
          rate_per_10k: '',
          rate_basis: '',
          ratio: fmtNum(p.ratio),
          ratio_qualifier: p.qualifier,
          ratio_label: p.label,
          ratio_as_stated: ratioText,
        });
      });
    }
  }
  return out;
}

/** One tidy file of CWIP figures: the per-decile rates, then the published ratios, in file order. */
export function buildCwip(ctx: IngestContext): TidyRecord[] {
  const rows = [...decileRates(ctx), ...publishedRatios(ctx)];
  const order = (s: unknown) => (s === 'cwip-final-report' ? 0 : 1);
  return rows.sort((a, b) => order(a.source_id) - order(b.source_id) || Number(a.row_ref) - Number(b.row_ref) || Number(a.part) - Number(b.part));
}
