import type { Cell } from '../status';
import type { StateContext } from '../view-state';
import { unpack, type AreaMeta, type MeasureData, type Series, type Unit } from './types';

/** Pure reads of a MeasureData (browser and server). */

export const ENGLAND = 'E92000001';

export function yearIndex(data: MeasureData, year: number): number {
  return year - data.years[0]!;
}

/** The figure for an area and year in a unit; undefined = no figure published (no row). */
export function cellAt(data: MeasureData, unit: Unit, code: string, year: number): Cell | undefined {
  const arr = (unit === 'rate' ? data.rate : data.count)[code];
  return unpack(arr?.[yearIndex(data, year)]);
}

export function valueAt(data: MeasureData, unit: Unit, code: string, year: number): number | undefined {
  const c = cellAt(data, unit, code, year);
  return c?.kind === 'value' ? c.value : undefined;
}

/** Where a figure came from: its source and whether the rate is DfE's or computed here. */
export function provenanceAt(data: MeasureData, code: string, year: number) {
  const i = data.prov[code]?.[yearIndex(data, year)];
  return i === undefined || i < 0 ? undefined : data.provenance[i];
}

export function areaMap(data: MeasureData): ReadonlyMap<string, AreaMeta> {
  return new Map(data.areas.map((a) => [a.code, a]));
}

const orders = new WeakMap<MeasureData, ReadonlyMap<string, number>>();

/**
 * Sort areas by name, as data.areas is (sorted at build time: level, then name), without a locale
 * comparison in the browser: the first localeCompare loads ICU's collation data, ~20 ms of a
 * phone's main thread inside a chart's first draw. Areas not in data.areas go last.
 */
export function byAreaOrder(data: MeasureData): (a: { readonly code: string }, b: { readonly code: string }) => number {
  let order = orders.get(data);
  if (!order) orders.set(data, (order = new Map(data.areas.map((a, i) => [a.code, i]))));
  const o = order;
  return (a, b) => (o.get(a.code) ?? Infinity) - (o.get(b.code) ?? Infinity) || 0;
}

/** Councils that existed in a year (the ones a map or ranking of that year shows). */
export function councilsIn(data: MeasureData, year: number): AreaMeta[] {
  return data.areas.filter((a) => a.level === 'la' && a.firstYear <= year && (a.lastYear === undefined || a.lastYear >= year));
}

export function regions(data: MeasureData): AreaMeta[] {
  return data.areas.filter((a) => a.level === 'region');
}

/**
 * A trend line for one area between two years (inclusive). A council's line covers only the years
 * it existed (its reorganisation note explains where it stops or starts); within them, a missing
 * figure is a point with its reason.
 */
export function seriesOf(data: MeasureData, unit: Unit, area: AreaMeta, from: number, to: number): Series {
  const alive = (y: number) => area.level !== 'la' || (y >= area.firstYear && (area.lastYear === undefined || y <= area.lastYear));
  const points = data.years.filter((y) => y >= from && y <= to && alive(y)).map((year) => ({ year, cell: cellAt(data, unit, area.code, year) }));
  return {
    key: area.code,
    label: area.name,
    kind: area.level === 'country' ? 'england' : area.level === 'region' ? 'region' : 'area',
    points,
    note: area.changeNote || undefined,
  };
}

/** Default unit of a measure: the rate where there is one. */
export function defaultUnit(data: MeasureData): Unit {
  return data.measure.hasRate ? 'rate' : 'count';
}

/** Latest year with at least one figure for England (or any area). */
export function latestYear(data: MeasureData): number {
  return data.measure.lastYear;
}

/** What the view state of a measure may hold (years, selectable areas, units). */
export function stateContextOf(data: MeasureData): StateContext {
  return {
    firstYear: data.measure.firstYear,
    lastYear: data.measure.lastYear,
    areaCodes: new Set(data.areas.filter((a) => a.level !== 'country').map((a) => a.code)),
    hasRate: data.measure.hasRate,
    hasCount: data.measure.hasCount,
  };
}
