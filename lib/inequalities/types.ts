import type { MeasureData, SourceRef } from '../explorer/types';

/**
 * What /inequalities/ (and its embeds, and the council pages' deprivation sections) hand to their
 * client components: plain, JSON-serialisable, built at build time by lib/inequalities/build.ts.
 */

/** The deprivation scales a council can be placed on (the scatter's x axis). */
export const SCALES = ['imd', 'idaci', 'share'] as const;
export type DeprivationScale = (typeof SCALES)[number];

/** The two measures CWIP published decile rates for: the only ones the adjusted comparison covers. */
export const ADJUSTED_MEASURES = ['looked-after', 'child-protection-plans'] as const;
export type AdjustedMeasureId = (typeof ADJUSTED_MEASURES)[number];

export interface IneqCouncil {
  readonly code: string;
  readonly name: string;
  readonly regionCode: string | undefined;
  readonly firstYear: number;
  readonly lastYear: number | undefined;
  /** IMD 2019 average score (MHCLG File 11); higher is more deprived. Undefined for councils File 11 does not cover. */
  readonly imd: number | undefined;
  /** IDACI 2019 average score (share of children in income-deprived families, 0 to 1). */
  readonly idaci: number | undefined;
  /** Share (0 to 1) of the council's children aged 0-15 (mid-2015) living in England's most deprived 10% of neighbourhoods (IMD 2019). */
  readonly share: number | undefined;
  /** Why the average scores are missing (councils created or abolished around 2019), from areas.csv. */
  readonly scoreNote: string | undefined;
}

export interface IneqRegion {
  readonly code: string;
  readonly name: string;
}

/** One CWIP rate: children per 10,000 in one decile (1 = most deprived 10% of neighbourhoods). */
export interface GradientPoint {
  readonly decile: number;
  readonly rate: number;
  /** row_ref of data/cwip.csv (line in the secondary copy). */
  readonly rowRef: number;
}

export type GradientCountry = 'England' | 'Wales';
export type GradientMeasure = 'plans' | 'looked-after';

export interface GradientSeries {
  readonly country: GradientCountry;
  readonly measure: GradientMeasure;
  /** The measure as CWIP named it: CPP (England), CPR (Wales), CLA. */
  readonly sourceMeasure: string;
  /** Ten points, decile 1 to 10. */
  readonly points: readonly GradientPoint[];
  readonly year: number;
  readonly certainty: string;
  readonly notes: string;
}

/** A figure CWIP published (a ratio, or a "1 in N"), kept as it was worded, with its citation. */
export interface PublishedFigure {
  readonly key: string;
  readonly kind: 'ratio' | 'rate';
  readonly country: string;
  readonly measure: string;
  readonly year: number | undefined;
  readonly neighbourhoods: string;
  /** Ratios: the number as published, read with `qualifier`. */
  readonly ratio: number | undefined;
  readonly qualifier: string | undefined;
  /** Rates: per 10,000, and how it was obtained (as stated, or derived from a "1 in N"). */
  readonly rate: number | undefined;
  readonly rateBasis: string;
  readonly label: string;
  readonly asStated: string;
  readonly definition: string;
  readonly valueAsStated: string;
  readonly source: string;
  readonly sourceType: string;
  readonly url: string;
  readonly location: string;
  readonly certainty: string;
  readonly notes: string;
}

export interface GradientData {
  readonly series: readonly GradientSeries[];
  /** England and Wales ratios and "1 in N" figures, and the UK-wide step figure, shown beside the chart. */
  readonly figures: readonly PublishedFigure[];
  /** CWIP's other published ratios (Scotland, Northern Ireland, cross-country, ethnicity, the pilot). */
  readonly otherFigures: readonly PublishedFigure[];
  /** The "inverse intervention law" figure (shown with the adjusted comparison). */
  readonly inverseLaw: PublishedFigure | undefined;
  readonly source: SourceRef;
  readonly ratiosSource: SourceRef;
}

/** The adjusted comparison's inputs for one measure (the rest comes from its MeasureData). */
export interface AdjustedInput {
  readonly measureId: AdjustedMeasureId;
  /** CWIP's England rates by decile (1 = most deprived), the shape of the gradient. */
  readonly decileRates: readonly number[];
  /** index(England) = Σ_d England's share of children in decile d × decile rate. */
  readonly englandIndex: number;
  /** index(council) ÷ index(England): the council's expected rate relative to England's, for every council with decile data. */
  readonly relative: Readonly<Record<string, number>>;
}

/** A pooled rate of a group of councils in one year. */
export interface GroupRate {
  /** Σ count ÷ Σ children aged 0-17 × 10,000. */
  readonly rate: number;
  readonly count: number;
  readonly children: number;
  /** Councils counted. */
  readonly councils: number;
  /** Councils of the group left out that year, and why (suppressed count, no population). */
  readonly excluded: readonly { readonly code: string; readonly name: string; readonly reason: string }[];
}

export interface GapYear {
  readonly year: number;
  readonly most: GroupRate | undefined;
  readonly least: GroupRate | undefined;
  /** England's rate (DfE's, or computed here as marked in the measure's data). */
  readonly england: number | undefined;
}

export interface GapSeries {
  readonly measureId: string;
  readonly years: readonly GapYear[];
  /** Councils of each year without an IMD 2019 average score, so in neither fifth. */
  readonly unranked: readonly { readonly code: string; readonly name: string; readonly years: string }[];
}

/** A core measure without its figures: what titles, source lines and the gap chart need. */
export type MeasureHead = Pick<MeasureData, 'measure' | 'years' | 'breaks' | 'sources'>;

/** A core measure as the controls list it. */
export interface MeasureChoice {
  readonly id: string;
  readonly label: string;
  readonly shortLabel: string;
  readonly period: MeasureData['measure']['period'];
  readonly kind: MeasureData['measure']['kind'];
  readonly years: readonly number[];
}

/** The gradient chart's data (the published figures beside it are rendered by the page, not shipped to the browser). */
export interface GradientChartData {
  readonly series: readonly GradientSeries[];
  readonly source: SourceRef;
}

/**
 * What the page hands to the browser with its HTML: enough for the controls, the URL and the
 * gradient. The figures of a measure come from /inequalities/data/{id}.json when an interactive
 * chart first needs them (the default views are drawn on the server).
 */
export interface InequalitiesData {
  readonly councils: readonly IneqCouncil[];
  readonly regions: readonly IneqRegion[];
  readonly measures: readonly MeasureChoice[];
  readonly gradient: GradientChartData;
  readonly iodSource: SourceRef;
  /** Children aged 0 to 15 by IMD 2019 decile (1 = most deprived) of England and every council. */
  readonly deciles: Readonly<Record<string, readonly number[]>>;
}

/** /inequalities/data/{id}.json: a core measure's figures for the interactive charts. */
export interface MeasureFile {
  /** Trimmed to England and the councils; counts and populations only for the adjusted measures. */
  readonly data: MeasureData;
  readonly gap: GapSeries;
  /** For the adjusted measures only. */
  readonly adjusted: AdjustedInput | undefined;
}

/** Where the browser fetches a measure's figures. */
export const measureDataPath = (id: string) => `/inequalities/data/${id}.json`;
