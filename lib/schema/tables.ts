import { z } from 'zod';
import { cellFrom, type Cell } from '../status';
import { codeList, gssCode, nonEmpty, optNonNeg, optNum, optYear, slug, status, text, year } from './fields';
import type { TidyTable } from './table';

const OGL = 'Open Government Licence v3.0';

// ---------------------------------------------------------------------------------------------
// Statistics: one long schema shared by every measure file.

export const RATE_ORIGINS = ['published', 'computed', ''] as const;
export type RateOrigin = (typeof RATE_ORIGINS)[number];

export interface Observation {
  readonly measure: string;
  /** Year ending 31 March (DfE `time_period`), or the measure's own period year (see the catalogue). */
  readonly year: number;
  readonly areaCode: string;
  readonly count: Cell;
  readonly rate: Cell;
  readonly rateOrigin: RateOrigin;
  readonly sourceId: string;
  /** Where a published rate came from when it is not the count's release (England rates of DfE's, see rate_source_id). */
  readonly rateSourceId: string | undefined;
}

const observationRow = z
  .object({
    measure: slug,
    year: year(2009, 2030),
    area_code: gssCode,
    count: optNonNeg,
    count_status: status,
    rate_per_10k: optNonNeg.refine((v) => v === undefined || v <= 10000, 'must be at most 10,000 per 10,000 children (more events than children is not a rate DfE publishes)'),
    rate_status: status,
    rate_origin: z.enum(RATE_ORIGINS, { message: 'must be published, computed or empty' }),
    source_id: slug,
    rate_source_id: z.union([z.literal(''), slug]),
  })
  .superRefine((r, ctx) => {
    if ((r.count_status === 'ok') !== (r.count !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['count'], message: r.count === undefined ? 'count is empty but count_status is ok' : `count is given but count_status is ${r.count_status}` });
    }
    if ((r.rate_status === 'ok') !== (r.rate_per_10k !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['rate_per_10k'], message: r.rate_per_10k === undefined ? 'rate_per_10k is empty but rate_status is ok' : `rate_per_10k is given but rate_status is ${r.rate_status}` });
    }
    if (r.rate_status === 'ok' && r.rate_origin === '') {
      ctx.addIssue({ code: 'custom', path: ['rate_origin'], message: 'a rate needs its origin (published or computed)' });
    }
    if (r.rate_source_id !== '' && r.rate_origin !== 'published') {
      ctx.addIssue({ code: 'custom', path: ['rate_source_id'], message: 'only a published rate can come from another release' });
    }
  })
  .transform(
    (r): Observation => ({
      measure: r.measure,
      year: r.year,
      areaCode: r.area_code,
      count: cellFrom(r.count, r.count_status),
      rate: cellFrom(r.rate_per_10k, r.rate_status),
      rateOrigin: r.rate_origin,
      sourceId: r.source_id,
      rateSourceId: r.rate_source_id || undefined,
    }),
  );

export const OBSERVATION_COLUMNS = [
  { name: 'measure', description: 'Measure id (see measures.csv), e.g. s47-enquiries.' },
  { name: 'year', description: 'Year the figure refers to. For DfE measures, the year ending 31 March (2025 = April 2024 to March 2025 for flows; 31 March 2025 for snapshots). Other measures state their period in measures.csv.' },
  { name: 'area_code', description: 'ONS GSS code of England (E92000001), a region (E12) or an upper-tier local authority (see areas.csv).' },
  { name: 'count', description: "The measure's number: children (or enquiries, referrals...) for the DfE measures; for the LAIT measures, the value in the unit given in measures.csv (pounds, percent, cases per worker). Empty when not published." },
  { name: 'count_status', description: 'ok when count holds a value; otherwise the DfE code saying why it is missing: c suppressed, x not available, z not applicable, u low reliability, low rounds to zero.' },
  { name: 'rate_per_10k', description: 'Rate per 10,000 children aged 0 to 17. Empty when not published or not computable.' },
  { name: 'rate_status', description: 'ok when rate_per_10k holds a value; otherwise the DfE code saying why it is missing (as count_status).' },
  { name: 'rate_origin', description: 'published = the rate as DfE published it; computed = computed here from count and the ONS mid-year population DfE uses (population.csv, mid-year before the year end), rounded to one decimal place; empty when the measure has no rate.' },
  { name: 'source_id', description: 'The release file the count (and a published rate) came from; see sources.csv.' },
  { name: 'rate_source_id', description: 'Where a published rate comes from a different release than the count: that release (England rates of children looked after 2014 to 2019, taken from the release DfE published them in so that England and the councils use the same denominators). Empty otherwise.' },
] as const;

export function observationTable(file: string, title: string, description: string): TidyTable<Observation> {
  return {
    file,
    title,
    description,
    columns: OBSERVATION_COLUMNS,
    row: observationRow,
    key: (o) => `${o.measure}|${o.year}|${o.areaCode}`,
    licence: OGL,
  };
}

export const childrenInNeedTable = observationTable(
  'children-in-need.csv',
  'Referrals, children in need and child protection plans',
  'DfE Children in need census: referrals in the year, children in need at 31 March and children on a child protection plan at 31 March, for England, regions and every upper-tier local authority, 2010 onwards.',
);
export const section47Table = observationTable(
  'section-47.csv',
  'Section 47 enquiries and initial child protection conferences',
  'DfE Children in need census: section 47 enquiries started and initial child protection conferences held in the year, England, regions and local authorities, 2010 onwards.',
);
export const lookedAfterTable = observationTable(
  'looked-after.csv',
  'Children looked after and starting to be looked after',
  'DfE Children looked after in England (SSDA903): children looked after at 31 March and children starting to be looked after in the year, 2010 onwards.',
);
export const laitTable = observationTable(
  'lait-measures.csv',
  'Workforce, spending, court applications and child poverty (DfE LAIT)',
  "Extra indicators from DfE's Local Authority Interactive Tool: Cafcass care applications, social worker caseloads and agency staff, spending on children looked after and on family support and safeguarding, and child poverty, 2016 onwards.",
);

export const OBSERVATION_TABLES = [childrenInNeedTable, section47Table, lookedAfterTable, laitTable] as const;

// ---------------------------------------------------------------------------------------------
// Population (the denominators).

export interface PopulationRow {
  readonly midYear: number;
  readonly areaCode: string;
  readonly population: Cell;
  readonly sourceId: string;
  readonly note: string;
}

export const populationTable: TidyTable<PopulationRow> = {
  file: 'population.csv',
  title: 'Children aged 0 to 17 (ONS mid-year estimates, as DfE distributes them)',
  description: 'The denominators of every rate: ONS mid-year estimates of children aged 0 to 17. The rate for the year ending 31 March Y uses the estimate for mid-year Y-1, as DfE does.',
  columns: [
    { name: 'mid_year', description: 'Year of the mid-year (30 June) estimate. Used for rates of the year ending 31 March of the following year.' },
    { name: 'area_code', description: 'ONS GSS code (see areas.csv).' },
    { name: 'population', description: 'Children aged 0 to 17.' },
    { name: 'status', description: 'ok, or x when the estimate is not available in this vintage.' },
    { name: 'source_id', description: 'File the estimate came from (see sources.csv).' },
    { name: 'note', description: 'How the estimate was obtained when not read directly (e.g. a regional sum of councils, an older vintage).' },
  ],
  row: z
    .object({ mid_year: year(2000, 2030), area_code: gssCode, population: optNonNeg, status, source_id: slug, note: text })
    .superRefine((r, ctx) => {
      if ((r.status === 'ok') !== (r.population !== undefined)) ctx.addIssue({ code: 'custom', path: ['population'], message: 'population must be given exactly when status is ok' });
      if (r.population !== undefined && (!Number.isInteger(r.population) || r.population === 0)) ctx.addIssue({ code: 'custom', path: ['population'], message: 'must be a whole number of children above 0' });
    })
    .transform((r) => ({ midYear: r.mid_year, areaCode: r.area_code, population: cellFrom(r.population, r.status), sourceId: r.source_id, note: r.note })),
  key: (r) => `${r.midYear}|${r.areaCode}`,
  licence: OGL,
};

// ---------------------------------------------------------------------------------------------
// Areas.

export const AREA_LEVELS = ['country', 'region', 'la'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];
export const DEPRIVATION_BASES = ['published', 'carried-over', 'derived', 'unavailable', 'not-applicable'] as const;

export interface Area {
  readonly code: string;
  readonly name: string;
  readonly level: AreaLevel;
  readonly regionCode: string | undefined;
  readonly laNumber: string | undefined;
  /** First and last year (ending 31 March) in which the area existed, within the years the data cover. */
  readonly firstYear: number;
  readonly lastYear: number | undefined;
  readonly predecessors: readonly string[];
  readonly successors: readonly string[];
  readonly formerCodes: readonly string[];
  readonly changeNote: string;
  readonly imdAvgScore: number | undefined;
  readonly imdAvgScoreRank: number | undefined;
  readonly imdShareMostDeprived10: number | undefined;
  readonly idaciAvgScore: number | undefined;
  readonly idaciAvgScoreRank: number | undefined;
  readonly deprivationBasis: (typeof DEPRIVATION_BASES)[number];
  readonly deprivationNote: string;
}

export const areasTable: TidyTable<Area> = {
  file: 'areas.csv',
  title: 'Areas: England, regions and upper-tier local authorities',
  description: 'Every area the statistics cover, with the years it existed, reorganisations (predecessors and successors) and the English Indices of Deprivation 2019 summary for the council.',
  columns: [
    { name: 'code', description: 'ONS GSS code as DfE uses it.' },
    { name: 'name', description: 'Name as DfE publishes it.' },
    { name: 'level', description: 'country, region or la (upper-tier local authority with children\'s services).' },
    { name: 'region_code', description: 'GSS code of the region (E12) of a local authority.' },
    { name: 'la_number', description: "DfE's three-digit local authority number." },
    { name: 'first_year', description: 'First year (ending 31 March) in which the area existed (2010 for areas older than the data).' },
    { name: 'last_year', description: 'Last year (ending 31 March) in which the area existed; empty if it still exists.' },
    { name: 'predecessors', description: 'Codes of areas it replaced, wholly or partly ("|"-separated).' },
    { name: 'successors', description: 'Codes of areas that replaced it, wholly or partly ("|"-separated).' },
    { name: 'former_codes', description: 'Earlier GSS codes of the same council and area (codes changed without a change of area).' },
    { name: 'change_note', description: 'Plain-English note on the reorganisation or code change, if any.' },
    { name: 'imd_avg_score', description: 'IMD 2019 average score of the council (MHCLG File 11); higher is more deprived.' },
    { name: 'imd_avg_score_rank', description: 'Rank of the IMD 2019 average score among the 151 upper-tier councils of 2019 (1 = most deprived).' },
    { name: 'imd_share_most_deprived_10pc', description: 'Share (0 to 1) of the council\'s neighbourhoods (LSOAs) in the most deprived 10% in England, IMD 2019.' },
    { name: 'idaci_avg_score', description: 'Income Deprivation Affecting Children Index 2019 average score (share of children in income-deprived families).' },
    { name: 'idaci_avg_score_rank', description: 'Rank of the IDACI 2019 average score among the 151 upper-tier councils of 2019 (1 = most deprived).' },
    { name: 'deprivation_basis', description: 'published (File 11 as is), carried-over (same area under a new code), derived (computed here from the LSOA files), unavailable, or not-applicable (England, regions).' },
    { name: 'deprivation_note', description: 'Why a deprivation figure is derived or unavailable.' },
  ],
  row: z
    .object({
      code: gssCode,
      name: nonEmpty,
      level: z.enum(AREA_LEVELS),
      region_code: z.union([z.literal(''), gssCode]),
      la_number: z.union([z.literal(''), z.string().regex(/^\d{3}$/, 'must be a three-digit DfE LA number')]),
      first_year: year(2009, 2030),
      last_year: optYear,
      predecessors: codeList,
      successors: codeList,
      former_codes: codeList,
      change_note: text,
      imd_avg_score: optNum,
      imd_avg_score_rank: optNum,
      imd_share_most_deprived_10pc: optNum,
      idaci_avg_score: optNum,
      idaci_avg_score_rank: optNum,
      deprivation_basis: z.enum(DEPRIVATION_BASES),
      deprivation_note: text,
    })
    .transform(
      (r): Area => ({
        code: r.code,
        name: r.name,
        level: r.level,
        regionCode: r.region_code || undefined,
        laNumber: r.la_number || undefined,
        firstYear: r.first_year,
        lastYear: r.last_year,
        predecessors: r.predecessors,
        successors: r.successors,
        formerCodes: r.former_codes,
        changeNote: r.change_note,
        imdAvgScore: r.imd_avg_score,
        imdAvgScoreRank: r.imd_avg_score_rank,
        imdShareMostDeprived10: r.imd_share_most_deprived_10pc,
        idaciAvgScore: r.idaci_avg_score,
        idaciAvgScoreRank: r.idaci_avg_score_rank,
        deprivationBasis: r.deprivation_basis,
        deprivationNote: r.deprivation_note,
      }),
    ),
  key: (a) => a.code,
  licence: `${OGL} (DfE and ONS codes and names; MHCLG English Indices of Deprivation 2019)`,
};

// ---------------------------------------------------------------------------------------------
// Sources.

export interface Source {
  readonly id: string;
  readonly publisher: string;
  readonly title: string;
  /** The publication series, stable across renames ("Children in need" before and after 2023). */
  readonly series: string;
  readonly release: string;
  readonly table: string;
  readonly file: string;
  readonly url: string;
  readonly licence: string;
  readonly published: string;
  readonly notes: string;
}

export const sourcesTable: TidyTable<Source> = {
  file: 'sources.csv',
  title: 'Sources',
  description: 'Every release file the data come from: publisher, release, table, where it is published, and its licence.',
  columns: [
    { name: 'source_id', description: 'Id used in the source_id column of the other files.' },
    { name: 'publisher', description: 'Who published it.' },
    { name: 'title', description: 'Title of the statistical release or product.' },
    { name: 'series', description: 'The publication series the release belongs to, the same across renames (DfE renamed "Characteristics of children in need" to "Children in need" in 2023).' },
    { name: 'release', description: 'Which release (reporting year or edition).' },
    { name: 'table', description: 'Table or data file within the release.' },
    { name: 'file', description: 'File name in the raw folder the ingest read.' },
    { name: 'url', description: "Publisher's page for the release." },
    { name: 'licence', description: 'Licence of the data.' },
    { name: 'published', description: 'When it was published.' },
    { name: 'notes', description: 'Caveats specific to this file.' },
  ],
  row: z
    .object({ source_id: slug, publisher: nonEmpty, title: nonEmpty, series: nonEmpty, release: nonEmpty, table: text, file: text, url: text, licence: nonEmpty, published: text, notes: text })
    .transform((r): Source => ({ id: r.source_id, publisher: r.publisher, title: r.title, series: r.series, release: r.release, table: r.table, file: r.file, url: r.url, licence: r.licence, published: r.published, notes: r.notes })),
  key: (s) => s.id,
  licence: OGL,
};

// ---------------------------------------------------------------------------------------------
// The measure catalogue.

export const MEASURE_KINDS = ['flow', 'snapshot'] as const;
/** How a measure's year is labelled: DfE reporting year (2024-25), 31 March snapshot, financial year, or 30 September snapshot. */
export const PERIOD_TYPES = ['reporting-year', '31-march', 'financial-year', '30-september', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface Measure {
  readonly id: string;
  readonly label: string;
  readonly shortLabel: string;
  readonly definition: string;
  readonly group: string;
  readonly kind: (typeof MEASURE_KINDS)[number];
  readonly period: PeriodType;
  /** What the count column holds, e.g. "children", "enquiries", "£", "%". */
  readonly countUnit: string;
  readonly hasCount: boolean;
  readonly hasRate: boolean;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly sources: readonly string[];
  readonly caveats: string;
  readonly file: string;
  /** Whether higher values are "worse" in DfE's own polarity, or neutral. */
  readonly polarity: 'neutral' | 'low-good' | 'high-good';
  readonly core: boolean;
  /** For a percentage: the measure whose count is the base of the percentage (e.g. cpp-starts for cpp-repeat). */
  readonly denominator: string | undefined;
}

export const measuresTable: TidyTable<Measure> = {
  file: 'measures.csv',
  title: 'Measure catalogue',
  description: 'One row per measure: stable id, label, plain-English definition, unit, flow or snapshot, years covered, sources and caveats. Every page, chart, citation and download reads its wording from here.',
  columns: [
    { name: 'id', description: 'Stable id used in URLs and in the measure column of the data files.' },
    { name: 'label', description: 'Full label.' },
    { name: 'short_label', description: 'Short label for charts and menus.' },
    { name: 'definition', description: 'Plain-English definition.' },
    { name: 'group', description: 'Topic group.' },
    { name: 'kind', description: 'flow (counted over a year) or snapshot (counted on one day).' },
    { name: 'period', description: 'How years are labelled: reporting-year (2024-25), 31-march (31 March 2025), financial-year (2024-25), 30-september, year.' },
    { name: 'count_unit', description: 'What the count column holds.' },
    { name: 'has_count', description: 'yes if the count column is used.' },
    { name: 'has_rate', description: 'yes if a rate per 10,000 children is available.' },
    { name: 'first_year', description: 'First year with data.' },
    { name: 'last_year', description: 'Last year with data.' },
    { name: 'sources', description: 'Source ids ("|"-separated).' },
    { name: 'caveats', description: 'What to bear in mind when comparing or quoting.' },
    { name: 'file', description: 'Data file holding the measure.' },
    { name: 'polarity', description: 'neutral, low-good or high-good (DfE LAIT polarity where given).' },
    { name: 'core', description: 'yes for the seven core DfE measures.' },
    { name: 'denominator', description: 'For a percentage, the measure whose count is the base of the percentage (e.g. cpp-starts: plans started), so limits can be drawn; empty otherwise.' },
  ],
  row: z
    .object({
      id: slug,
      label: nonEmpty,
      short_label: nonEmpty,
      definition: nonEmpty,
      group: nonEmpty,
      kind: z.enum(MEASURE_KINDS),
      period: z.enum(PERIOD_TYPES),
      count_unit: nonEmpty,
      has_count: z.enum(['yes', 'no']),
      has_rate: z.enum(['yes', 'no']),
      first_year: year(2000, 2030),
      last_year: year(2000, 2030),
      sources: z.string().transform((s) => s.split('|')).pipe(z.array(slug)),
      caveats: text,
      file: nonEmpty,
      polarity: z.enum(['neutral', 'low-good', 'high-good']),
      core: z.enum(['yes', 'no']),
      denominator: z.union([z.literal(''), slug]),
    })
    .superRefine((r, ctx) => {
      if (r.last_year < r.first_year) ctx.addIssue({ code: 'custom', path: ['last_year'], message: `must not be before first_year (${r.first_year})` });
      if (r.has_count === 'no' && r.has_rate === 'no') ctx.addIssue({ code: 'custom', path: ['has_rate'], message: 'a measure needs a count or a rate' });
    })
    .transform(
      (r): Measure => ({
        id: r.id,
        label: r.label,
        shortLabel: r.short_label,
        definition: r.definition,
        group: r.group,
        kind: r.kind,
        period: r.period,
        countUnit: r.count_unit,
        hasCount: r.has_count === 'yes',
        hasRate: r.has_rate === 'yes',
        firstYear: r.first_year,
        lastYear: r.last_year,
        sources: r.sources,
        caveats: r.caveats,
        file: r.file,
        polarity: r.polarity,
        core: r.core === 'yes',
        denominator: r.denominator || undefined,
      }),
    ),
  key: (m) => m.id,
  licence: OGL,
};

export const CORE_MEASURE_IDS = ['referrals', 's47-enquiries', 'icpcs', 'children-in-need', 'child-protection-plans', 'looked-after', 'care-starts'] as const;
export type CoreMeasureId = (typeof CORE_MEASURE_IDS)[number];
/** The DfE measures read from the CIN and CLA releases: the core seven and the pathway measures (data wave 2). */
export const DFE_MEASURE_IDS = [...CORE_MEASURE_IDS, 's47-children', 'icpc-children', 'cpp-starts', 'cpp-repeat', 'cla-placement-moves', 'cla-long-term-stability'] as const;
export type DfeMeasureId = (typeof DFE_MEASURE_IDS)[number];


// ---------------------------------------------------------------------------------------------
// Quotes from the reports.

export const VERIFICATIONS = ['V', 'V2', 'S'] as const;

export interface Quote {
  readonly id: string;
  readonly quote: string;
  readonly speaker: string;
  readonly sourceTitle: string;
  readonly publisher: string;
  readonly date: string;
  readonly url: string;
  readonly pageOrSection: string;
  readonly topic: string;
  readonly measureId: string | undefined;
  readonly geography: string;
  readonly claimType: string;
  readonly claimNumbers: string;
  readonly year: number | undefined;
  readonly howToCheck: string;
  readonly verification: (typeof VERIFICATIONS)[number];
}

export const quotesTable: TidyTable<Quote> = {
  file: 'quotes.csv',
  title: 'Quotes from the reports',
  description: 'Short quotations from reviews, reports and news coverage that make checkable claims about the statistics, copied word for word and attributed, with how to check each against the data.',
  columns: [
    { name: 'id', description: 'Stable id of the quote.' },
    { name: 'quote', description: 'The words quoted, unedited (curly quotes and dashes made plain ASCII; a cut shows as a quote starting in lower case).' },
    { name: 'speaker_or_author', description: 'Who said or wrote it.' },
    { name: 'source_title', description: 'Title of the report or article.' },
    { name: 'publisher', description: 'Publisher (and where the text was read, if a copy).' },
    { name: 'date', description: 'Date of the source (YYYY-MM-DD or YYYY-MM; empty if undated).' },
    { name: 'url', description: 'Where the quote can be read.' },
    { name: 'page_or_section', description: 'Where in the source.' },
    { name: 'topic', description: "The curator's topic tag (e.g. s47_enquiries, cla, spending, deprivation_gradient)." },
    { name: 'measure_id', description: "This explorer's measure the quote is about, for England-level quotes; empty otherwise." },
    { name: 'geography', description: 'england, wales, scotland, ni or uk.' },
    { name: 'claim_type', description: 'change, level, share, ratio, gradient or qualitative.' },
    { name: 'claim_numbers', description: 'The numbers the quote claims, as the curator noted them.' },
    { name: 'year', description: 'Latest year (ending 31 March) the claim speaks of, derived from claim_numbers; empty if none.' },
    { name: 'how_to_check', description: "The curator's note on checking the claim against official figures." },
    { name: 'verification', description: 'V verified against the original; V2 verified in a secondary page quoting it; S seed document only.' },
  ],
  row: z
    .object({
      id: slug,
      quote: nonEmpty,
      speaker_or_author: nonEmpty,
      source_title: nonEmpty,
      publisher: nonEmpty,
      date: z.string().regex(/^(\d{4}-\d{2}(-\d{2})?)?$/, 'must be YYYY-MM-DD, YYYY-MM or empty'),
      url: z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'),
      page_or_section: text,
      topic: nonEmpty,
      measure_id: z.union([z.literal(''), slug]),
      geography: z.enum(['england', 'wales', 'scotland', 'ni', 'uk']),
      claim_type: nonEmpty,
      claim_numbers: text,
      year: optYear,
      how_to_check: text,
      verification: z.enum(VERIFICATIONS),
    })
    .transform(
      (r): Quote => ({
        id: r.id,
        quote: r.quote,
        speaker: r.speaker_or_author,
        sourceTitle: r.source_title,
        publisher: r.publisher,
        date: r.date,
        url: r.url,
        pageOrSection: r.page_or_section,
        topic: r.topic,
        measureId: r.measure_id || undefined,
        geography: r.geography,
        claimType: r.claim_type,
        claimNumbers: r.claim_numbers,
        year: r.year,
        howToCheck: r.how_to_check,
        verification: r.verification,
      }),
    ),
  key: (q) => q.id,
  licence: 'Short quotations with attribution (fair dealing); the sources remain © their authors and publishers',
};
