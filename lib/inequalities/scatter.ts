import { byAreaOrder, cellAt, councilsIn, ENGLAND, valueAt } from '../explorer/access';
import type { MeasureData } from '../explorer/types';
import { fitPairs, type Fit } from '../stats/fit';
import { STATUS_LABEL } from '../status';
import type { DeprivationScale, IneqCouncil } from './types';

/** Councils against their deprivation for one measure and year (pure): the scatter's points, what is missing and the fit. */

export interface ScaleInfo {
  /** Axis title. */
  readonly label: string;
  /** A few words, for controls and legends. */
  readonly short: string;
  /** What it is, for the definition line and the methodology. */
  readonly definition: string;
  /** x as drawn (IDACI and the share as percentages). */
  readonly value: (c: IneqCouncil) => number | undefined;
  readonly format: (x: number) => string;
  /** Unit of a Theil–Sen slope's denominator ("per point of score", "per percentage point"). */
  readonly per: string;
}

const pct = (v: number | undefined) => (v === undefined ? undefined : v * 100);
const fmtPct = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)}%`;

export const SCALE_INFO: Record<DeprivationScale, ScaleInfo> = {
  imd: {
    label: 'IMD 2019 average score (higher = more deprived)',
    short: 'IMD 2019 average score',
    definition: 'The Index of Multiple Deprivation 2019 average score of the council: the population-weighted mean of its neighbourhoods’ scores across income, employment, education, health, crime, housing and living environment (MHCLG, File 11). Higher is more deprived.',
    value: (c) => c.imd,
    format: (x) => x.toFixed(0),
    per: 'per point of IMD score',
  },
  idaci: {
    label: 'IDACI 2019 average score (% of children in income-deprived families)',
    short: 'IDACI 2019 (child income deprivation)',
    definition: 'The Income Deprivation Affecting Children Index 2019 average score: the share of the council’s children aged 0 to 15 living in income-deprived families (MHCLG, File 11).',
    value: (c) => pct(c.idaci),
    format: fmtPct,
    per: 'per percentage point of IDACI',
  },
  share: {
    label: '% of children living in England’s most deprived 10% of neighbourhoods (IMD 2019)',
    short: 'Children in the most deprived 10%',
    definition: 'The share of the council’s children aged 0 to 15 (mid-2015) living in neighbourhoods (LSOAs) among England’s most deprived 10% on the IMD 2019, computed here from the LSOA files (data/deprivation-deciles.csv). A control: it counts children, not neighbourhoods, and only the most deprived tenth.',
    value: (c) => pct(c.share),
    format: fmtPct,
    per: 'per percentage point of children',
  },
};

export interface ScatterPoint {
  readonly code: string;
  readonly name: string;
  readonly regionCode: string | undefined;
  readonly x: number;
  readonly y: number;
}

export interface ScatterResult {
  readonly year: number;
  readonly scale: DeprivationScale;
  readonly points: readonly ScatterPoint[];
  readonly missing: readonly { readonly code: string; readonly name: string; readonly reason: string }[];
  readonly england: number | undefined;
  readonly fit: Fit;
}

export function scatterFor(data: MeasureData, councils: ReadonlyMap<string, IneqCouncil>, scale: DeprivationScale, year: number): ScatterResult {
  const info = SCALE_INFO[scale];
  const points: ScatterPoint[] = [];
  const missing: { code: string; name: string; reason: string }[] = [];
  for (const a of councilsIn(data, year)) {
    const c = councils.get(a.code);
    const cell = cellAt(data, 'rate', a.code, year);
    const x = c ? info.value(c) : undefined;
    if (cell === undefined) missing.push({ code: a.code, name: a.name, reason: 'no figure published' });
    else if (cell.kind === 'missing') missing.push({ code: a.code, name: a.name, reason: STATUS_LABEL[cell.status] });
    else if (x === undefined) missing.push({ code: a.code, name: a.name, reason: scale === 'share' ? 'no neighbourhood deprivation profile' : (c?.scoreNote ?? 'no deprivation score') });
    else points.push({ code: a.code, name: a.name, regionCode: c?.regionCode ?? a.regionCode, x, y: cell.value });
  }
  missing.sort(byAreaOrder(data));
  return { year, scale, points, missing, england: valueAt(data, 'rate', ENGLAND, year), fit: fitPairs(points) };
}
