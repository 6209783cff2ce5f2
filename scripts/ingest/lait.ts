import { CsvError, type CsvRow, type ParsedCsv } from '../../lib/csv';
import type { PeriodType } from '../../lib/schema/tables';
import type { Cell } from '../../lib/status';
import { ENGLAND, norm, type AreaIdentity } from './areas';
import type { IngestContext } from './context';
import { cell, text } from './raw';
import { cellFields, fmtNum, type TidyRecord } from './write';

/**
 * DfE Local Authority Interactive Tool (LAIT): the extra measures (care applications, social worker
 * caseloads, agency staff, turnover and vacancies, S251 spending, child poverty), written in the
 * long observation schema to lait-measures.csv with a catalogue row each; and the rates per 10,000
 * that LAIT publishes for the core DfE measures, returned for cross-checking (not written).
 *
 * LAIT has no GSS codes: areas are matched on DfE's three-digit LA number and the year, to the
 * council that existed at the date the figure refers to (31 March of the year, or 30 September
 * for the workforce census, which is 31 March of the next year as councils change on 1 April).
 */

export const LAIT_FILE = 'dfe-lait/csv/lait_csc_long.csv';
export const LAIT_DICTIONARY = 'dfe-lait/lait_data_dictionary.csv';
export const LAIT_SOURCE = 'dfe-lait-2026';
const OUT_FILE = 'lait-measures.csv';

/**
 * How an indicator writes its years, and which date a year stands for.
 * - `march`: "2025" = year ending (or snapshot at) 31 March 2025.
 * - `september`: "2025" = snapshot at (or year to) 30 September 2025.
 * - `outturn`: "2024-25 (OT)" = S251 outturn for the financial year ending 31 March 2025.
 */
type YearScheme = 'march' | 'september' | 'outturn';

interface Indicator {
  /** LAIT `short_desc` (= dictionary `Measure_short`). */
  readonly code: string;
  /** Expected `topic` in the data and `Topic` in the dictionary. */
  readonly topic: string;
  /** Expected dictionary `Year_Type` (checked, so a change of meaning stops the ingest). */
  readonly yearType: string;
  readonly years: YearScheme;
}

interface MeasureSpec extends Indicator {
  readonly id: string;
  readonly shortLabel: string;
  readonly group: string;
  readonly kind: 'flow' | 'snapshot';
  readonly period: PeriodType;
  readonly countUnit: string;
  /** Where the value goes: the rate column (a published rate per 10,000) or the count column. */
  readonly valueIn: 'rate' | 'count';
  /** Definition: from the dictionary (Description, or one paragraph of Methodology), or rewritten where unusable. */
  readonly definition: { from: 'description'; append?: string } | { from: 'methodology'; paragraph: string } | { from: 'rewritten'; text: string };
  readonly caveats: string;
}

const WORKFORCE_CAVEAT =
  'Snapshot at 30 September of the year shown (2025 = 30 September 2025), six months after the 31 March figures with the same year, and for the councils that existed on that date. ' +
  'Kingston upon Thames and Richmond upon Thames make one joint return (Achieving for Children), and North and West Northamptonshire have made one joint return since 2021: each council is shown the joint figure. ' +
  'Kensington and Chelsea and Westminster could not provide 2025 data after a cyberattack (LAIT dictionary).';

const S251_CAVEAT =
  'Section 251 outturn, gross expenditure in pounds, cash terms: not adjusted for inflation and not per child, so larger councils spend more. ' +
  'For 2024-25 DfE removed Wandsworth and Middlesbrough from the national and regional totals because of quality concerns with their returns (LAIT dictionary); their own 2024-25 figures are not available. ' +
  'What councils record under each funding line varies, and LAIT has no 2023-24 figure for Cumberland or Westmorland and Furness.';

export const LAIT_MEASURES: readonly MeasureSpec[] = [
  {
    code: 'CareApplications',
    topic: 'Child Protection',
    yearType: 'Financial Year',
    years: 'march',
    id: 'care-applications',
    shortLabel: 'Care applications',
    group: 'Courts',
    kind: 'flow',
    period: 'financial-year',
    countUnit: 'care applications',
    valueIn: 'rate',
    definition: {
      from: 'rewritten',
      text: 'Applications to the family court for a care order received by Cafcass in the financial year (April to March), per 10,000 children aged 0 to 17.',
    },
    caveats:
      'Not DfE data: published by Cafcass (LAIT "Data Owner": CAFCASS) from its case management system, with ONS child population estimates. ' +
      'LAIT gives only the rate per 10,000 children, not the number of applications, so the count is shown as not available. No regional figures. ' +
      'LAIT files the Cafcass figures for some reorganised areas under councils that did not exist in those years (Dorset County Council after 2019, Bournemouth, Christchurch and Poole before 2020, Northamptonshire after 2021); ' +
      'those figures are left out (listed in reports/lait.md), so Dorset and North and West Northamptonshire have no figure for those years.',
  },
  {
    code: 'Work_Force_AvgNumCase_SW',
    topic: "Children's Services Workforce",
    yearType: 'Annual (end of Sept)',
    years: 'september',
    id: 'social-worker-caseload',
    shortLabel: 'Caseload per social worker',
    group: 'Workforce',
    kind: 'snapshot',
    period: '30-september',
    countUnit: 'cases per social worker',
    valueIn: 'count',
    definition: { from: 'methodology', paragraph: 'Average Caseload - ' },
    caveats: WORKFORCE_CAVEAT,
  },
  {
    code: 'Work_Force_Agecy_Rate',
    topic: "Children's Services Workforce",
    yearType: 'Annual (end of Sept)',
    years: 'september',
    id: 'agency-social-workers',
    shortLabel: 'Agency social workers',
    group: 'Workforce',
    kind: 'snapshot',
    period: '30-september',
    countUnit: '%',
    valueIn: 'count',
    definition: { from: 'methodology', paragraph: 'Agency Staff - ' },
    caveats: `Percentage (0 to 100). DfE calculates it on full-time equivalents and on headcount; LAIT does not say which of the two it shows. ${WORKFORCE_CAVEAT}`,
  },
  {
    code: 'Work_Force_TO_Rate',
    topic: "Children's Services Workforce",
    yearType: 'Annual (end of Sept)',
    years: 'september',
    id: 'social-worker-turnover',
    shortLabel: 'Social worker turnover',
    group: 'Workforce',
    kind: 'flow',
    period: '30-september',
    countUnit: '%',
    valueIn: 'count',
    definition: { from: 'methodology', paragraph: 'Turnover Rates - ' },
    caveats: `Percentage (0 to 100): leavers in the year to 30 September. DfE calculates it on full-time equivalents and on headcount; LAIT does not say which of the two it shows. ${WORKFORCE_CAVEAT}`,
  },
  {
    code: 'Work_Force_Vac_Rate',
    topic: "Children's Services Workforce",
    yearType: 'Annual (end of Sept)',
    years: 'september',
    id: 'social-worker-vacancies',
    shortLabel: 'Social worker vacancies',
    group: 'Workforce',
    kind: 'snapshot',
    period: '30-september',
    countUnit: '%',
    valueIn: 'count',
    definition: { from: 'methodology', paragraph: 'Social worker vacancies -' },
    caveats: `Percentage (0 to 100), full-time equivalents. ${WORKFORCE_CAVEAT}`,
  },
  {
    code: 'TotalLACFinance',
    topic: "Children's Service Finance",
    yearType: 'Financial Year',
    years: 'outturn',
    id: 'spend-looked-after',
    shortLabel: 'Spending on children looked after',
    group: 'Spending',
    kind: 'flow',
    period: 'financial-year',
    countUnit: '£',
    valueIn: 'count',
    definition: { from: 'description', append: 'Gross expenditure by the council in the financial year (April to March), in pounds.' },
    caveats: S251_CAVEAT,
  },
  {
    code: 'FamilySupportFinance',
    topic: "Children's Service Finance",
    yearType: 'Financial Year',
    years: 'outturn',
    id: 'spend-family-support',
    shortLabel: 'Spending on family support',
    group: 'Spending',
    kind: 'flow',
    period: 'financial-year',
    countUnit: '£',
    valueIn: 'count',
    definition: { from: 'description', append: 'Gross expenditure by the council in the financial year (April to March), in pounds.' },
    caveats: S251_CAVEAT,
  },
  {
    code: 'SafeguardingFinance',
    topic: "Children's Service Finance",
    yearType: 'Financial Year',
    years: 'outturn',
    id: 'spend-safeguarding',
    shortLabel: 'Spending on safeguarding',
    group: 'Spending',
    kind: 'flow',
    period: 'financial-year',
    countUnit: '£',
    valueIn: 'count',
    // The dictionary's Description is a run-on list with an unclosed parenthesis; same lines, plainly.
    definition: {
      from: 'rewritten',
      text:
        "Spending on social work (including the council's functions in relation to child protection: social workers directly involved with the care of children and with commissioning services for them), " +
        "on commissioning and children's services strategy (such as a central commissioning function), and on the council's Local Safeguarding Children Board functions under the Children Act 2004. " +
        'Gross expenditure by the council in the financial year (April to March), in pounds.',
    },
    caveats: S251_CAVEAT,
  },
  {
    code: 'ChildPov',
    topic: 'Economic Factors',
    yearType: 'Financial Year',
    years: 'march',
    id: 'child-poverty',
    shortLabel: 'Children in low income families',
    group: 'Poverty',
    kind: 'flow',
    period: 'financial-year',
    countUnit: '%',
    valueIn: 'count',
    definition: {
      from: 'rewritten',
      text: 'Percentage of children under 16 living in relative low income families (before housing costs) in the financial year ending in the year shown, from the Children in low income families local area statistics. Calibrated to the national Households Below Average Income survey estimates.',
    },
    caveats:
      'Not DfE data: published by the Department for Work and Pensions (LAIT "Data Owner": DWP). Children under 16, not 0 to 17 as the rates elsewhere on this site. ' +
      'LAIT keeps only the financial years ending 2022 onwards: DWP revised the back series and earlier years are not on a consistent basis (LAIT dictionary). Percentage (0 to 100). ' +
      'DWP publishes on current council boundaries: LAIT has figures for Cumberland and Westmorland and Furness for the years ending March 2022 and 2023, before the councils existed, and none for Cumbria; those figures are left out (listed in reports/lait.md).',
  },
];

/** LAIT rates per 10,000 for the core DfE measures, for cross-checking the site's own rates. */
export const LAIT_PUBLISHED_RATES: readonly (Indicator & { readonly measure: string })[] = [
  { code: 'Section_47', topic: 'Child Protection', yearType: 'Financial Year', years: 'march', measure: 's47-enquiries' },
  { code: 'CIN', topic: 'Children in Need', yearType: 'Annual', years: 'march', measure: 'children-in-need' },
  { code: 'CPP_rate', topic: 'Child Protection', yearType: 'Annual', years: 'march', measure: 'child-protection-plans' },
  { code: 'CPP_Total_Rateper10,000', topic: 'Child Protection', yearType: 'Financial Year', years: 'march', measure: 'referrals' },
  // ISCP_Conf: "Rate of Initial Stage Child Protection conferences", per 10,000, from the C4 file. Checked: England 2025 = 59.2
  // = 72,100 ICPCs (C4 `ICPC`, conferences, not children) / 12,183,016 children × 10,000.
  { code: 'ISCP_Conf', topic: 'Child Protection', yearType: 'Financial Year', years: 'march', measure: 'icpcs' },
  { code: 'LAC', topic: 'Children Looked After', yearType: 'Annual', years: 'march', measure: 'looked-after' },
  { code: 'LAC_Start_Rate', topic: 'Children Looked After', yearType: 'Financial Year', years: 'march', measure: 'care-starts' },
];

/**
 * Figures LAIT files under a council that did not exist in that year. Any other such figure stops
 * the ingest; these were reviewed and are left out (listed in the report), not moved to another
 * council, because which area they cover cannot be established from LAIT. An entry that no longer
 * matches anything also stops the ingest, so the list cannot go stale silently.
 */
export const LAIT_LEFT_OUT: readonly { code: string; laNumber: string; years: readonly number[]; reason: string }[] = [
  {
    code: 'CareApplications',
    laNumber: '835',
    years: [2020, 2021, 2022, 2023, 2024, 2025],
    reason: 'Cafcass figures filed under "Dorset (Pre LG)", Dorset County Council (abolished 31 March 2019); the new Dorset Council (838) is "-" in every year, so these are probably its figures, but LAIT does not say which area they cover.',
  },
  {
    code: 'CareApplications',
    laNumber: '839',
    years: [2017, 2018, 2019],
    reason: 'Cafcass figures filed under Bournemouth, Christchurch and Poole (created 1 April 2019) for years before it existed; Bournemouth and Poole are "-" in those years.',
  },
  {
    code: 'CareApplications',
    laNumber: '928',
    years: [2022, 2023, 2024, 2025],
    reason: 'Cafcass figures filed under Northamptonshire (abolished 31 March 2021); North and West Northamptonshire are "-" in those years, so Cafcass appears to report the two together.',
  },
  {
    code: 'ChildPov',
    laNumber: '942',
    years: [2022, 2023],
    reason: 'DWP publishes on current council boundaries: a back-cast figure for Cumberland for financial years ending before it was created (1 April 2023). Cumbria is "-".',
  },
  {
    code: 'ChildPov',
    laNumber: '943',
    years: [2022, 2023],
    reason: 'DWP publishes on current council boundaries: a back-cast figure for Westmorland and Furness for financial years ending before it was created (1 April 2023). Cumbria is "-".',
  },
];

export interface PublishedRate {
  measure: string;
  year: number;
  areaCode: string;
  rate: number | undefined;
  status: string;
}

// ---------------------------------------------------------------------------------------------
// Years and areas.

/** The year (ending 31 March, or of the 30 September snapshot) of a LAIT `years` string; CsvError on any other format. */
export function laitYear(ind: Indicator, csv: ParsedCsv, r: CsvRow, column = 'years'): number {
  const raw = text(csv, r, column);
  let y: number | undefined;
  if (ind.years === 'outturn') {
    const m = /^(\d{4})-(\d{2}) \(OT\)$/.exec(raw);
    if (m && (Number(m[1]) + 1) % 100 === Number(m[2])) y = Number(m[1]) + 1;
  } else if (/^\d{4}$/.test(raw)) {
    y = Number(raw);
  }
  const expected = ind.years === 'outturn' ? 'a financial year "YYYY-YY (OT)"' : 'a four-digit year';
  if (y === undefined) throw new CsvError(csv.file, `${ind.code}: years must be ${expected}`, r.row, column, raw);
  if (y < 2010 || y > 2030) throw new CsvError(csv.file, `${ind.code}: year outside 2010-2030`, r.row, column, raw);
  return y;
}

/** The 31 March on which the council a figure belongs to must have existed. */
const councilYear = (ind: Indicator, year: number) => (ind.years === 'september' ? year + 1 : year);

type AreaMatch =
  | { kind: 'area'; area: AreaIdentity }
  | { kind: 'sub-region'; name: string }
  /** The LA number is known but no council with it existed at the date (e.g. Cumbria after 2023). */
  | { kind: 'not-alive'; name: string; laNumber: string };

const LONDON_PARTS = /^London \((Inner|Outer)\)$/;
/** Names LAIT writes differently from DfE's LA list (compared after `norm`). */
const NAME_ALIASES: Record<string, string> = { durham: 'county durham', 'bedford borough': 'bedford', herefordshire: 'herefordshire county of' };

function matchArea(ctx: IngestContext, ind: Indicator, csv: ParsedCsv, r: CsvRow, year: number): AreaMatch {
  const name = text(csv, r, 'la_and_regions');
  const laNumber = text(csv, r, 'la_number');
  const region = text(csv, r, 'region');
  if (name === 'England') {
    if (region !== 'NA') throw new CsvError(csv.file, 'England with a region', r.row, 'region', region);
    return { kind: 'area', area: ctx.areas.get(ENGLAND)! };
  }
  if (LONDON_PARTS.test(name)) return { kind: 'sub-region', name };
  const reg = ctx.areas.regionByName(name);
  if (reg) {
    if (region !== 'NA') throw new CsvError(csv.file, 'region row with a parent region', r.row, 'region', region);
    return { kind: 'area', area: reg };
  }
  if (!/^\d{3}$/.test(laNumber)) throw new CsvError(csv.file, `"${name}" is not England or a region and has no three-digit DfE LA number`, r.row, 'la_number', laNumber);
  const atDate = councilYear(ind, year);
  const known = ctx.areas.all.filter((a) => a.level === 'la' && a.laNumber === laNumber);
  if (known.length === 0) throw new CsvError(csv.file, `no local authority in the area lookup has this DfE number ("${name}")`, r.row, 'la_number', laNumber);
  if (!known.some((a) => ctx.areas.aliveIn(a, atDate))) return { kind: 'not-alive', name, laNumber };
  const area = ctx.areas.byLaNumber(laNumber, atDate, csv.file, r.row, 'la_number');
  // Guard against a wrong number: the name must be the council's (ignoring LAIT's "(Pre LG)" tag).
  const laitName = norm(name.replace(/ \(Pre LG\)$/, ''));
  if ((NAME_ALIASES[laitName] ?? laitName) !== norm(area.name)) {
    throw new CsvError(csv.file, `LA number ${laNumber} in ${atDate} is ${area.name} (${area.code}), not "${name}"`, r.row, 'la_and_regions', name);
  }
  // and the council's region must be LAIT's (Inner and Outer London are London).
  const laitRegion = ctx.areas.regionByName(region.replace(LONDON_PARTS, 'London').replace(/^(Inner|Outer) London$/, 'London'));
  if (!laitRegion || laitRegion.code !== area.regionCode) {
    throw new CsvError(csv.file, `region does not match ${area.name}'s region (${area.regionCode})`, r.row, 'region', region);
  }
  return { kind: 'area', area };
}

// ---------------------------------------------------------------------------------------------
// Reading one indicator.

interface Obs {
  readonly year: number;
  readonly area: AreaIdentity;
  readonly value: Cell;
  readonly row: number;
}

interface IndicatorLog {
  subRegion: number;
  notAliveMissing: { name: string; laNumber: string; year: number }[];
  leftOut: { name: string; laNumber: string; year: number; value: string; reason: string }[];
  yearsSeen: Set<string>;
}

function readIndicator(ctx: IngestContext, csv: ParsedCsv, rows: readonly CsvRow[], ind: Indicator, leftOutUsed: Set<string>): { obs: Obs[]; log: IndicatorLog } {
  const log: IndicatorLog = { subRegion: 0, notAliveMissing: [], leftOut: [], yearsSeen: new Set() };
  const obs: Obs[] = [];
  const seen = new Map<string, number>();
  if (rows.length === 0) throw new CsvError(csv.file, `indicator ${ind.code} not found`, undefined, 'short_desc', ind.code);
  for (const r of rows) {
    const topic = text(csv, r, 'topic');
    if (topic !== ind.topic) throw new CsvError(csv.file, `${ind.code}: expected topic "${ind.topic}"`, r.row, 'topic', topic);
    log.yearsSeen.add(text(csv, r, 'years'));
    const year = laitYear(ind, csv, r);
    const value = cell(csv, r, 'value', 'lait');
    const m = matchArea(ctx, ind, csv, r, year);
    if (m.kind === 'sub-region') {
      log.subRegion++;
      continue;
    }
    if (m.kind === 'not-alive') {
      if (value.kind === 'missing' && value.status === 'x') {
        log.notAliveMissing.push({ name: m.name, laNumber: m.laNumber, year });
        continue;
      }
      const i = LAIT_LEFT_OUT.findIndex((e) => e.code === ind.code && e.laNumber === m.laNumber && e.years.includes(year));
      if (i < 0 || value.kind !== 'value') {
        throw new CsvError(csv.file, `${ind.code}: a figure for "${m.name}" in ${year}, when no council with DfE number ${m.laNumber} existed`, r.row, 'value', text(csv, r, 'value'));
      }
      const e = LAIT_LEFT_OUT[i]!;
      leftOutUsed.add(`${e.code}|${e.laNumber}|${year}`);
      log.leftOut.push({ name: m.name, laNumber: m.laNumber, year, value: fmtNum(value.value), reason: e.reason });
      continue;
    }
    const key = `${year}|${m.area.code}`;
    const first = seen.get(key);
    if (first !== undefined) throw new CsvError(csv.file, `${ind.code}: duplicate ${year} figure for ${m.area.name} (${m.area.code}); first at row ${first}`, r.row, 'la_and_regions', text(csv, r, 'la_and_regions'));
    seen.set(key, r.row);
    obs.push({ year, area: m.area, value, row: r.row });
  }
  return { obs, log };
}

// ---------------------------------------------------------------------------------------------
// The dictionary.

type DictEntry = CsvRow;
/** A dictionary field ('' when absent; the header snapshot guarantees the columns). */
const field = (e: DictEntry, column: string) => e.values[column] ?? '';
const DATA_OWNER = 'Data Owner (DO) /Supplier and Contact Details';

function readDictionary(ctx: IngestContext, codes: readonly string[]): Map<string, DictEntry> {
  const dict = ctx.raw.csv(LAIT_DICTIONARY);
  const out = new Map<string, DictEntry>();
  for (const r of dict.rows) {
    const code = text(dict, r, 'Measure_short');
    if (!codes.includes(code)) continue;
    if (out.has(code)) throw new CsvError(dict.file, `indicator ${code} is described twice (first at row ${out.get(code)!.row})`, r.row, 'Measure_short', code);
    out.set(code, r);
  }
  for (const c of codes) if (!out.has(c)) throw new CsvError(dict.file, 'indicator not in the data dictionary', undefined, 'Measure_short', c);
  return out;
}

/** Dictionary text as one line: collapse the CR CR LF line breaks and doubled spaces. */
const clean = (s: string) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

function methodologyParagraph(file: string, entry: DictEntry, start: string): string {
  const paras = field(entry, 'Methodology').split(/(?:\r*\n){2,}/).map((p) => p.trim());
  const p = paras.find((x) => x.startsWith(start));
  if (!p) throw new CsvError(file, `no Methodology paragraph starting "${start}"`, entry.row, 'Methodology');
  const body = clean(p.slice(start.length));
  return body.charAt(0).toUpperCase() + body.slice(1);
}

function polarity(file: string, entry: DictEntry): string {
  const p = field(entry, 'Polarity');
  if (p === 'Low') return 'low-good';
  if (p === 'High') return 'high-good';
  if (p === '-' || p === 'NA') return 'neutral';
  throw new CsvError(file, 'unknown polarity (expected Low, High, - or NA)', entry.row, 'Polarity', p);
}

// ---------------------------------------------------------------------------------------------

/** An Excel serial date of the dictionary (days since 30 December 1899) as YYYY-MM-DD. */
export function excelDate(file: string, row: number, column: string, raw: string): string {
  const v = raw.trim();
  if (!/^\d{5}$/.test(v)) throw new CsvError(file, 'expected an Excel serial date (five digits)', row, column, raw);
  const d = new Date(Date.UTC(1899, 11, 30) + Number(v) * 86_400_000);
  if (d.getUTCFullYear() < 2015 || d.getUTCFullYear() > 2035) throw new CsvError(file, 'date outside 2015-2035', row, column, raw);
  return d.toISOString().slice(0, 10);
}

export function buildLait(ctx: IngestContext): { rows: TidyRecord[]; measures: TidyRecord[]; publishedRates: PublishedRate[]; updates: TidyRecord[] } {
  const sourceId = ctx.useSource(LAIT_SOURCE);
  const csv = ctx.raw.csv(LAIT_FILE);
  const all: Indicator[] = [...LAIT_MEASURES, ...LAIT_PUBLISHED_RATES];
  const byCode = new Map<string, CsvRow[]>(all.map((i) => [i.code, []]));
  for (const r of csv.rows) byCode.get(text(csv, r, 'short_desc'))?.push(r);

  const dict = readDictionary(ctx, all.map((i) => i.code));
  for (const ind of all) {
    const e = dict.get(ind.code)!;
    if (field(e, 'Year_Type') !== ind.yearType) throw new CsvError(LAIT_DICTIONARY, `${ind.code}: expected Year_Type "${ind.yearType}"`, e.row, 'Year_Type', field(e, 'Year_Type'));
    if (field(e, 'Topic') !== ind.topic) throw new CsvError(LAIT_DICTIONARY, `${ind.code}: expected Topic "${ind.topic}"`, e.row, 'Topic', field(e, 'Topic'));
  }

  const leftOutUsed = new Set<string>();
  const logs = new Map<string, IndicatorLog>();
  const rows: TidyRecord[] = [];
  const measures: TidyRecord[] = [];

  for (const m of LAIT_MEASURES) {
    const { obs, log } = readIndicator(ctx, csv, byCode.get(m.code)!, m, leftOutUsed);
    logs.set(m.code, log);
    for (const o of obs) {
      const [v, status] = cellFields(o.value);
      rows.push(
        m.valueIn === 'rate'
          ? { measure: m.id, year: o.year, area_code: o.area.code, count: '', count_status: 'x', rate_per_10k: v, rate_status: status, rate_origin: 'published', source_id: sourceId }
          : { measure: m.id, year: o.year, area_code: o.area.code, count: v, count_status: status, rate_per_10k: '', rate_status: 'z', rate_origin: '', source_id: sourceId },
      );
    }
    const withValue = obs.filter((o) => o.value.kind === 'value').map((o) => o.year);
    if (withValue.length === 0) throw new CsvError(LAIT_FILE, `${m.code}: no figures at all`, undefined, 'short_desc', m.code);
    const e = dict.get(m.code)!;
    const def = m.definition;
    const definition =
      def.from === 'rewritten' ? def.text : def.from === 'methodology' ? methodologyParagraph(LAIT_DICTIONARY, e, def.paragraph) : [clean(field(e, 'Description')), def.append ?? ''].filter(Boolean).join(' ');
    if (definition === '') throw new CsvError(LAIT_DICTIONARY, `${m.code}: empty Description`, e.row, 'Description');
    const owner = clean(field(e, DATA_OWNER));
    // The caveats name the publisher of non-DfE data; make sure the dictionary still agrees.
    if (owner !== 'DfE' && !m.caveats.includes(`"Data Owner": ${owner}`)) {
      throw new CsvError(LAIT_DICTIONARY, `${m.code}: data owner is not DfE and the caveats do not name it`, e.row, DATA_OWNER, owner);
    }
    measures.push({
      id: m.id,
      label: clean(field(e, 'Measure')),
      short_label: m.shortLabel,
      definition,
      group: m.group,
      kind: m.kind,
      period: m.period,
      count_unit: m.countUnit,
      has_count: m.valueIn === 'count' ? 'yes' : 'no',
      has_rate: m.valueIn === 'rate' ? 'yes' : 'no',
      first_year: Math.min(...withValue),
      last_year: Math.max(...withValue),
      sources: sourceId,
      caveats: m.caveats,
      file: OUT_FILE,
      polarity: polarity(LAIT_DICTIONARY, e),
      core: 'no',
    });
  }

  const publishedRates: PublishedRate[] = [];
  for (const p of LAIT_PUBLISHED_RATES) {
    const { obs, log } = readIndicator(ctx, csv, byCode.get(p.code)!, p, leftOutUsed);
    logs.set(p.code, log);
    for (const o of obs) {
      publishedRates.push({ measure: p.measure, year: o.year, areaCode: o.area.code, rate: o.value.kind === 'value' ? o.value.value : undefined, status: o.value.kind === 'value' ? 'ok' : o.value.status });
    }
  }

  for (const e of LAIT_LEFT_OUT) {
    for (const y of e.years) {
      if (!leftOutUsed.has(`${e.code}|${e.laNumber}|${y}`)) throw new Error(`LAIT_LEFT_OUT: ${e.code} LA ${e.laNumber} ${y} no longer matches a figure in ${LAIT_FILE}; review the list`);
    }
  }

  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => cmp(String(a.measure), String(b.measure)) || cmp(String(a.area_code), String(b.area_code)) || Number(a.year) - Number(b.year));
  measures.sort((a, b) => cmp(String(a.id), String(b.id)));
  publishedRates.sort((a, b) => cmp(a.measure, b.measure) || cmp(a.areaCode, b.areaCode) || a.year - b.year);

  // DfE's update schedule of each indicator, as the dictionary gives it.
  const updates: TidyRecord[] = [...LAIT_MEASURES.map((m) => ({ code: m.code, measure: m.id })), ...LAIT_PUBLISHED_RATES.map((p) => ({ code: p.code, measure: p.measure }))]
    .map(({ code, measure }) => {
      const e = dict.get(code)!;
      return { measure, indicator: code, last_update: excelDate(LAIT_DICTIONARY, e.row, 'Last Update', field(e, 'Last Update')), next_update: excelDate(LAIT_DICTIONARY, e.row, 'Next Update', field(e, 'Next Update')), source_id: sourceId };
    })
    .sort((a, b) => cmp(a.measure, b.measure) || cmp(a.indicator, b.indicator));

  ctx.report('lait.md', report(ctx, rows, logs));
  return { rows, measures, publishedRates, updates };
}

// ---------------------------------------------------------------------------------------------

function report(ctx: IngestContext, rows: readonly TidyRecord[], logs: ReadonlyMap<string, IndicatorLog>): string {
  const out: string[] = [
    '# DfE LAIT extra measures',
    '',
    `Read from \`${LAIT_FILE}\` (source \`${LAIT_SOURCE}\`), labels and definitions from \`${LAIT_DICTIONARY}\`.`,
    'Areas are matched on DfE LA number and year to the council that existed at the date the figure refers to:',
    '31 March of the year (financial and reporting years), or 30 September of the year for the workforce census,',
    'which is the council that existed on 31 March of the next year (reorganisations take effect on 1 April).',
    '',
    '## Rows per measure',
    '',
    '| Measure | LAIT indicator | Years | Rows | With a value | Not available (x) |',
    '|---|---|---|---:|---:|---:|',
  ];
  for (const m of LAIT_MEASURES) {
    const rs = rows.filter((r) => r.measure === m.id);
    const st = m.valueIn === 'rate' ? 'rate_status' : 'count_status';
    const years = rs.map((r) => Number(r.year));
    out.push(`| ${m.id} | ${m.code} | ${Math.min(...years)}-${Math.max(...years)} | ${rs.length} | ${rs.filter((r) => r[st] === 'ok').length} | ${rs.filter((r) => r[st] === 'x').length} |`);
  }
  out.push('', '## Rows left out', '');
  out.push('- **Inner and Outer London** (LAIT numbers 987 and 988) are sub-regional splits, not regions: always skipped.');
  out.push('- **Councils that did not exist** at the date: LAIT repeats every area in every year, with "-" where the council did not exist; such rows are dropped. A number there stops the ingest unless it is in the reviewed list `LAIT_LEFT_OUT` (below).');
  out.push('', '| LAIT indicator | Inner/Outer London rows | "-" rows for councils that did not exist | Figures left out (reviewed list) |', '|---|---:|---:|---:|');
  for (const [code, log] of logs) out.push(`| ${code} | ${log.subRegion} | ${log.notAliveMissing.length} | ${log.leftOut.length} |`);
  const notAlive = new Map<string, number[]>();
  for (const log of logs.values()) {
    for (const n of log.notAliveMissing) {
      const k = `${n.name} (${n.laNumber})`;
      const ys = notAlive.get(k) ?? [];
      if (!ys.includes(n.year)) ys.push(n.year);
      notAlive.set(k, ys);
    }
  }
  out.push('', 'Councils with "-" rows dropped (years, all indicators together):', '');
  for (const [k, ys] of [...notAlive].sort()) out.push(`- ${k}: ${ys.sort((a, b) => a - b).join(', ')}`);
  out.push('', '### Figures for councils that did not exist, left out (reviewed list `LAIT_LEFT_OUT`)', '', '| LAIT indicator | LAIT area | LA number | Year | Value | Why |', '|---|---|---|---:|---:|---|');
  for (const [code, log] of logs) for (const f of log.leftOut) out.push(`| ${code} | ${f.name} | ${f.laNumber} | ${f.year} | ${f.value} | ${f.reason} |`);

  out.push('', '## Workforce figures and reorganisations', '');
  out.push('Workforce figures are at 30 September, so a council created (or given a new code) after 31 March and by 30 September has a figure for that year although it did not exist on 31 March of it:', '');
  for (const m of LAIT_MEASURES.filter((x) => x.years === 'september')) {
    const early = rows.filter((r) => r.measure === m.id && !ctx.areas.aliveIn(ctx.areas.get(String(r.area_code))!, Number(r.year)));
    const byArea = new Map<string, number[]>();
    for (const r of early) byArea.set(String(r.area_code), [...(byArea.get(String(r.area_code)) ?? []), Number(r.year)]);
    out.push(`- ${m.id}: ${[...byArea].map(([c, ys]) => `${ctx.areas.get(c)!.name} (${c}) ${ys.join(', ')}`).join('; ') || 'none'}`);
  }
  out.push('', '## Areas per year', '', 'Local authorities, regions and England with a row, per measure and year.', '');
  for (const m of LAIT_MEASURES) {
    const rs = rows.filter((r) => r.measure === m.id);
    const years = [...new Set(rs.map((r) => Number(r.year)))].sort((a, b) => a - b);
    const parts = years.map((y) => {
      const codes = rs.filter((r) => r.year === y).map((r) => String(r.area_code));
      const las = codes.filter((c) => ctx.areas.get(c)?.level === 'la').length;
      const regions = codes.filter((c) => ctx.areas.get(c)?.level === 'region').length;
      return `${y}: ${las} LAs + ${regions} regions + ${codes.includes(ENGLAND) ? 1 : 0}`;
    });
    out.push(`- ${m.id}: ${parts.join('; ')}`);
  }

  out.push('', '## Not available (x) for a council that existed', '');
  for (const m of LAIT_MEASURES) {
    const st = m.valueIn === 'rate' ? 'rate_status' : 'count_status';
    const missing = rows.filter((r) => r.measure === m.id && r[st] !== 'ok' && ctx.areas.get(String(r.area_code))?.level === 'la');
    const byArea = new Map<string, number[]>();
    for (const r of missing) byArea.set(String(r.area_code), [...(byArea.get(String(r.area_code)) ?? []), Number(r.year)]);
    const list = [...byArea].map(([c, ys]) => `${ctx.areas.get(c)!.name} ${ys.join(', ')}`).join('; ');
    const regional = rows.filter((r) => r.measure === m.id && r[st] !== 'ok' && ctx.areas.get(String(r.area_code))?.level !== 'la').length;
    out.push(`- ${m.id}: ${list || 'none'}${regional > 0 ? `. England/regions: ${regional} rows not available` : ''}`);
  }

  out.push('', '## Zero values (kept as 0: LAIT gives 0, not "-")', '');
  for (const m of LAIT_MEASURES) {
    if (m.valueIn !== 'count') continue;
    const zeros = rows.filter((r) => r.measure === m.id && r.count_status === 'ok' && Number(r.count) === 0);
    if (zeros.length > 0) out.push(`- ${m.id}: ${zeros.map((r) => `${ctx.areas.get(String(r.area_code))!.name} ${r.year}`).join('; ')}`);
  }
  return out.join('\n') + '\n';
}
