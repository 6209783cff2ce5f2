import { z } from 'zod';
import { cellFrom, type Cell } from '../status';
import { count, gssCode, nonEmpty, optNum, slug, status, text, year } from './fields';
import type { TidyTable } from './table';

/**
 * Data wave 2: breaks in a series (breaks.csv), DfE's statistical neighbours (neighbours.csv) and
 * the factors identified at the end of assessment (assessment-factors.csv, with their labels in
 * assessment-factor-labels.csv).
 */

const OGL = 'Open Government Licence v3.0';

// ---------------------------------------------------------------------------------------------
// Breaks in a series.

export const BREAK_KINDS = ['counting-change', 'definition-change', 'population-rebase', 'system-change'] as const;
export type BreakKind = (typeof BREAK_KINDS)[number];
export const BREAK_SCOPES = ['count-and-rate', 'rate'] as const;
export type BreakScope = (typeof BREAK_SCOPES)[number];

export interface BreakRow {
  readonly measure: string;
  /** First year (ending 31 March) counted the new way: the break lies between year - 1 and year. */
  readonly year: number;
  readonly kind: BreakKind;
  /** Whether the break affects the counts (and so the rates), or only the rates (a new denominator). */
  readonly appliesTo: BreakScope;
  readonly label: string;
  readonly before: string;
  readonly note: string;
  readonly sourceId: string;
  readonly evidence: string;
}

export const breaksTable: TidyTable<BreakRow> = {
  file: 'breaks.csv',
  title: 'Breaks in the series',
  description:
    "Where a measure's figures before a year are not comparable with those from it: a change in what is counted, in the definition, in the population estimates behind the rates, or in the data collection. Every chart draws these breaks; every change quoted across one says so and gives the like-for-like figure too. Suppressed or unreliable single figures (Hackney 2020-21 and 2021-22, Hampshire 2023-24) are status codes on those figures, not breaks.",
  columns: [
    { name: 'measure', description: 'Measure id (measures.csv).' },
    { name: 'year', description: 'First year (ending 31 March) counted the new way; the break lies between this year and the one before.' },
    { name: 'kind', description: 'counting-change (what is counted changed, e.g. children to enquiries), definition-change, population-rebase (the rates use a different vintage of population estimates) or system-change (a new data collection).' },
    { name: 'applies_to', description: 'count-and-rate when the figures themselves change meaning; rate when only the rates per 10,000 are affected.' },
    { name: 'label', description: 'A few words for the chart.' },
    { name: 'before', description: 'What the figures before the break are, for tables and downloads.' },
    { name: 'note', description: 'What changed, in plain English.' },
    { name: 'source_id', description: 'The release whose own notes document the change (sources.csv).' },
    { name: 'evidence', description: 'The words of the release files that show the change, each as file: "quoted text" ("|"-separated); the ingest checks each quotation is in the file.' },
  ],
  row: z
    .object({
      measure: slug,
      year: year(2009, 2030),
      kind: z.enum(BREAK_KINDS, { message: `must be one of ${BREAK_KINDS.join(', ')}` }),
      applies_to: z.enum(BREAK_SCOPES, { message: `must be one of ${BREAK_SCOPES.join(', ')}` }),
      label: nonEmpty.max(30, 'must be at most 30 characters (it is drawn on the chart)'),
      before: nonEmpty,
      note: nonEmpty,
      source_id: slug,
      evidence: text,
    })
    .transform((r): BreakRow => ({ measure: r.measure, year: r.year, kind: r.kind, appliesTo: r.applies_to, label: r.label, before: r.before, note: r.note, sourceId: r.source_id, evidence: r.evidence })),
  key: (b) => `${b.measure}|${b.year}|${b.kind}`,
  licence: OGL,
};

// ---------------------------------------------------------------------------------------------
// Statistical neighbours.

export const NEIGHBOUR_MODELS = ['2025', '2021'] as const;
export type NeighbourModel = (typeof NEIGHBOUR_MODELS)[number];
/** DfE's closeness bands, closest first. */
export const CLOSENESS = ['Extremely close', 'Very close', 'Close', 'Somewhat close', 'Not close'] as const;
export type Closeness = (typeof CLOSENESS)[number];

export interface NeighbourRow {
  readonly model: NeighbourModel;
  readonly areaCode: string;
  readonly rank: number;
  readonly neighbourCode: string;
  readonly closeness: Closeness;
  readonly sourceId: string;
  readonly note: string;
}

export const neighboursTable: TidyTable<NeighbourRow> = {
  file: 'neighbours.csv',
  title: "Similar councils: DfE's statistical neighbours",
  description:
    "For each council, the 10 councils DfE's children's services statistical neighbour model finds most similar to it, closest first, with DfE's closeness band: the 2025 model (the 153 councils of 2025) and the April 2021 model (the councils of 2021-22, and four councils that had gone by then, listed by DfE as old neighbours). Neighbours are not symmetric: A can list B without B listing A.",
  columns: [
    { name: 'model', description: "2025 = DfE's 2025 model (May 2025); 2021 = DfE's April 2021 groupings." },
    { name: 'area_code', description: 'GSS code of the council (areas.csv).' },
    { name: 'rank', description: '1 (closest) to 10.' },
    { name: 'neighbour_code', description: 'GSS code of the neighbouring council, joined from DfE\'s three-digit LA number to the council of that number that existed in the model\'s year.' },
    { name: 'closeness', description: "DfE's band: Extremely close, Very close, Close, Somewhat close or Not close." },
    { name: 'source_id', description: 'The model file (sources.csv).' },
    { name: 'note', description: 'Why a row is special (a council that had gone by the model year).' },
  ],
  row: z
    .object({
      model: z.enum(NEIGHBOUR_MODELS, { message: `must be one of ${NEIGHBOUR_MODELS.join(', ')}` }),
      area_code: gssCode,
      rank: count.refine((n) => n >= 1 && n <= 10, 'must be a rank from 1 to 10'),
      neighbour_code: gssCode,
      closeness: z.enum(CLOSENESS, { message: `must be one of ${CLOSENESS.join(', ')}` }),
      source_id: slug,
      note: text,
    })
    .superRefine((r, ctx) => {
      if (r.area_code === r.neighbour_code) ctx.addIssue({ code: 'custom', path: ['neighbour_code'], message: 'a council cannot be its own neighbour' });
    })
    .transform((r): NeighbourRow => ({ model: r.model, areaCode: r.area_code, rank: r.rank, neighbourCode: r.neighbour_code, closeness: r.closeness, sourceId: r.source_id, note: r.note })),
  key: (n) => `${n.model}|${n.areaCode}|${n.rank}`,
  licence: `${OGL} (DfE statistics; DfE's repository states no separate data licence)`,
};

// ---------------------------------------------------------------------------------------------
// Factors identified at the end of assessment.

export interface FactorLabel {
  readonly factor: string;
  readonly dfeColumn: string;
  readonly label: string;
  readonly topic: string;
  readonly note: string;
}

export const factorLabelsTable: TidyTable<FactorLabel> = {
  file: 'assessment-factor-labels.csv',
  title: 'Factors identified at the end of assessment: what each one is',
  description: "The factors social workers record at the end of a children in need assessment, with DfE's own description of each (its data guidance for table C3).",
  columns: [
    { name: 'factor', description: 'Id used in assessment-factors.csv.' },
    { name: 'dfe_column', description: 'The column of DfE\'s table C3.' },
    { name: 'label', description: "DfE's description of the factor, from its data guidance." },
    { name: 'topic', description: 'The part of the description before a colon (e.g. Domestic abuse), grouping the child / parent / other person variants.' },
    { name: 'note', description: "DfE's footnote on the factor, where it has one." },
  ],
  row: z
    .object({ factor: slug, dfe_column: nonEmpty, label: nonEmpty, topic: nonEmpty, note: text })
    .transform((r): FactorLabel => ({ factor: r.factor, dfeColumn: r.dfe_column, label: r.label, topic: r.topic, note: r.note })),
  key: (f) => f.factor,
  licence: OGL,
};

export interface FactorRow {
  readonly factor: string;
  readonly year: number;
  readonly areaCode: string;
  /** Assessments (episodes of need) recording the factor; for `episodes-with-factors`, the episodes with factor information. */
  readonly assessments: Cell;
  /** Percentage of the episodes with factor information that record this factor (computed here). */
  readonly share: Cell;
  readonly sourceId: string;
}

/** The row holding the denominator of every share: episodes of need with assessment factor information. */
export const EPISODES_WITH_FACTORS = 'episodes-with-factors';

export const assessmentFactorsTable: TidyTable<FactorRow> = {
  file: 'assessment-factors.csv',
  title: 'Factors identified at the end of assessment',
  description:
    "DfE Children in need, table C3: for each factor recorded at the end of an assessment (domestic abuse, mental health, neglect…), how many assessments recorded it, for England, regions and councils, 2017-18 to 2024-25. One assessment can record several factors, so factors add up to more than the assessments. Counts, not children.",
  columns: [
    { name: 'factor', description: `Factor id (assessment-factor-labels.csv); ${EPISODES_WITH_FACTORS} holds the number of episodes of need with assessment factor information, the base of every share.` },
    { name: 'year', description: 'Year ending 31 March in which the assessments ended.' },
    { name: 'area_code', description: 'ONS GSS code (areas.csv).' },
    { name: 'assessments', description: 'Assessments (episodes of need) recording the factor. Empty when not published.' },
    { name: 'assessments_status', description: 'ok, or the DfE code saying why the figure is missing (c suppressed, x not available, z not applicable, u low reliability, low rounds to zero).' },
    { name: 'share_pct', description: `assessments as a percentage of the area's episodes with factor information that year (computed here, one decimal place); empty for ${EPISODES_WITH_FACTORS} and when either figure is missing.` },
    { name: 'share_status', description: 'ok, or why the share is missing (the code of the missing figure; z for the base row).' },
    { name: 'source_id', description: 'dfe-cin-2025-c3 (sources.csv).' },
  ],
  row: z
    .object({ factor: slug, year: year(2009, 2030), area_code: gssCode, assessments: optNum, assessments_status: status, share_pct: optNum, share_status: status, source_id: slug })
    .superRefine((r, ctx) => {
      if ((r.assessments_status === 'ok') !== (r.assessments !== undefined)) ctx.addIssue({ code: 'custom', path: ['assessments'], message: 'assessments must be given exactly when assessments_status is ok' });
      if ((r.share_status === 'ok') !== (r.share_pct !== undefined)) ctx.addIssue({ code: 'custom', path: ['share_pct'], message: 'share_pct must be given exactly when share_status is ok' });
      if (r.assessments !== undefined && (!Number.isInteger(r.assessments) || r.assessments < 0)) ctx.addIssue({ code: 'custom', path: ['assessments'], message: 'must be a whole number of assessments' });
      if (r.share_pct !== undefined && (r.share_pct < 0 || r.share_pct > 100)) ctx.addIssue({ code: 'custom', path: ['share_pct'], message: 'must be a percentage from 0 to 100' });
    })
    .transform((r): FactorRow => ({ factor: r.factor, year: r.year, areaCode: r.area_code, assessments: cellFrom(r.assessments, r.assessments_status), share: cellFrom(r.share_pct, r.share_status), sourceId: r.source_id })),
  key: (f) => `${f.factor}|${f.year}|${f.areaCode}`,
  licence: OGL,
};
