import { loadAreas, loadMeasures, loadTable, sourceById } from '../data/load';
import { buildMeasureData, sourceRef } from '../explorer/build';
import type { MeasureData } from '../explorer/types';
import { cwipTable, deprivationDecilesTable, type CwipRow, type DecileRow } from '../schema/deprivation';
import type { Area } from '../schema/tables';
import { decileShares, deprivationIndex } from '../stats/standardise';
import { computeGap } from './gap';
import { ADJUSTED_MEASURES, type AdjustedInput, type AdjustedMeasureId, type GradientData, type GradientMeasure, type GradientSeries, type IneqCouncil, type InequalitiesData, type MeasureFile, type PublishedFigure } from './types';

/**
 * Build-time assembly of /inequalities/ (server only): councils with their deprivation, the core
 * measures trimmed to what the charts draw, the adjusted comparison's inputs, the gap series and
 * the CWIP gradient with its published figures.
 */
if (typeof window !== 'undefined') throw new Error('lib/inequalities/build is build-time only');

export const ENGLAND = 'E92000001';
const CORE = () => loadMeasures().filter((m) => m.core);

/** Children aged 0-15 by IMD 2019 decile (1 = most deprived) of every area, in decile order. */
export function imdDecileChildren(): ReadonlyMap<string, readonly number[]> {
  const out = new Map<string, number[]>();
  for (const r of loadTable(deprivationDecilesTable) as readonly DecileRow[]) {
    if (r.index !== 'imd-2019') continue;
    const v = out.get(r.areaCode) ?? new Array<number>(10).fill(Number.NaN);
    v[r.decile - 1] = r.children;
    out.set(r.areaCode, v);
  }
  for (const [code, v] of out) if (v.some((c) => Number.isNaN(c))) throw new Error(`${deprivationDecilesTable.file}: ${code} lacks an imd-2019 decile`);
  return out;
}

/** Why a council has no IMD 2019 average score, in a few words. */
export function missingScoreReason(a: Pick<Area, 'firstYear' | 'lastYear'>): string {
  // The index's council summaries (File 11) cover the councils of April 2019 only.
  if (a.lastYear !== undefined && a.lastYear <= 2019) return `no IMD 2019 score: abolished in ${a.lastYear}`;
  if (a.firstYear > 2019) return `no IMD 2019 score: created in April ${a.firstYear - 1}`;
  return 'no IMD 2019 score published';
}

export function ineqCouncils(): IneqCouncil[] {
  const deciles = imdDecileChildren();
  return loadAreas()
    .filter((a) => a.level === 'la')
    .map((a) => {
      const d = deciles.get(a.code);
      return {
        code: a.code,
        name: a.name,
        regionCode: a.regionCode,
        firstYear: a.firstYear,
        lastYear: a.lastYear,
        imd: a.imdAvgScore,
        idaci: a.idaciAvgScore,
        share: d ? decileShares(d)[0] : undefined,
        scoreNote: a.imdAvgScore === undefined ? missingScoreReason(a) : undefined,
      };
    });
}

function cwipRows(): readonly CwipRow[] {
  return loadTable(cwipTable);
}

const measureOf = (sourceMeasure: string): GradientMeasure | undefined => (/^CLA\b/.test(sourceMeasure) ? 'looked-after' : /^CP[PR]\b/.test(sourceMeasure) ? 'plans' : undefined);

/** CWIP's rates by decile (1 = most deprived) of a country and measure, from the Final Report's secondary copy. */
export function cwipDecileRates(country: 'England' | 'Wales', measure: GradientMeasure): { rates: number[]; rows: CwipRow[] } {
  const rows = cwipRows()
    .filter((r) => r.sourceId === 'cwip-final-report' && r.kind === 'rate' && r.country === country && measureOf(r.measure) === measure && r.decile !== undefined)
    .sort((a, b) => a.decile! - b.decile!);
  if (rows.map((r) => r.decile).join() !== '1,2,3,4,5,6,7,8,9,10') throw new Error(`${cwipTable.file}: ${country} ${measure} does not have one rate for each decile 1 to 10`);
  return { rates: rows.map((r) => r.ratePer10k!), rows };
}

function figureOf(r: CwipRow): PublishedFigure {
  return {
    key: `${r.sourceId}-${r.rowRef}-${r.part}`,
    kind: r.kind,
    country: r.country,
    measure: r.measure,
    year: r.year,
    neighbourhoods: r.neighbourhoods,
    ratio: r.ratio,
    qualifier: r.ratioQualifier,
    rate: r.ratePer10k,
    rateBasis: r.rateBasis,
    label: r.ratioLabel,
    asStated: r.kind === 'ratio' ? r.ratioAsStated : r.valueAsStated,
    definition: r.definition,
    valueAsStated: r.valueAsStated,
    source: r.source,
    sourceType: r.sourceType,
    url: r.url,
    location: r.location,
    certainty: r.certainty,
    notes: r.notes,
  };
}

export function buildGradient(): GradientData {
  const sources = sourceById();
  const series: GradientSeries[] = [];
  for (const measure of ['plans', 'looked-after'] as const) {
    for (const country of ['England', 'Wales'] as const) {
      const { rows } = cwipDecileRates(country, measure);
      series.push({
        country,
        measure,
        sourceMeasure: rows[0]!.measure,
        points: rows.map((r) => ({ decile: r.decile!, rate: r.ratePer10k!, rowRef: r.rowRef })),
        year: rows[0]!.year ?? 2015,
        certainty: rows[0]!.certainty,
        notes: rows[0]!.notes,
      });
    }
  }
  const published = cwipRows().filter((r) => r.sourceId === 'cwip-published-ratios');
  const isInverse = (r: CwipRow) => /inverse intervention law/i.test(r.measure);
  const beside = (r: CwipRow) => !isInverse(r) && ['England', 'Wales', 'UK'].includes(r.country) && !/ethnicity/i.test(r.measure);
  const inverse = published.find(isInverse);
  return {
    series,
    figures: published.filter(beside).map(figureOf),
    otherFigures: published.filter((r) => !beside(r) && !isInverse(r)).map(figureOf),
    inverseLaw: inverse ? figureOf(inverse) : undefined,
    source: sourceRef(sources.get('cwip-final-report')!),
    ratiosSource: sourceRef(sources.get('cwip-published-ratios')!),
  };
}

/** The adjusted comparison's inputs for a measure: CWIP's England decile rates and each council's relative index. */
export function buildAdjustedInput(measureId: AdjustedMeasureId): AdjustedInput {
  const decileRates = cwipDecileRates('England', measureId === 'looked-after' ? 'looked-after' : 'plans').rates;
  const deciles = imdDecileChildren();
  const england = deciles.get(ENGLAND);
  if (!england) throw new Error(`${deprivationDecilesTable.file}: no deciles for England`);
  const englandIndex = deprivationIndex(decileShares(england), decileRates);
  const relative: Record<string, number> = {};
  const councils = new Set(loadAreas().filter((a) => a.level === 'la').map((a) => a.code));
  for (const [code, children] of deciles) {
    if (!councils.has(code)) continue;
    relative[code] = deprivationIndex(decileShares(children), decileRates) / englandIndex;
  }
  return { measureId, decileRates, englandIndex, relative };
}

/** A measure's data trimmed to England and the councils; counts and populations kept only when asked. */
export function trimMeasure(data: MeasureData, keepCounts: boolean): MeasureData {
  // Reorganisation notes are not drawn here (the council list says when a council existed).
  const areas = data.areas.filter((a) => a.level !== 'region').map((a) => ({ ...a, predecessors: [], successors: [], changeNote: '' }));
  const pick = <T,>(rec: Readonly<Record<string, T>>) => Object.fromEntries(areas.filter((a) => rec[a.code] !== undefined).map((a) => [a.code, rec[a.code]!]));
  return {
    ...data,
    areas,
    rate: pick(data.rate),
    prov: pick(data.prov),
    count: keepCounts ? pick(data.count) : {},
    population: keepCounts ? data.population : {},
    quotes: [],
  };
}

/** A core measure's file for the interactive charts (and the server's default views). */
export function ineqMeasureFile(id: string): MeasureFile {
  if (!CORE().some((m) => m.id === id)) throw new Error(`/inequalities/: ${id} is not a core measure`);
  const adjusted = (ADJUSTED_MEASURES as readonly string[]).includes(id);
  const full = buildMeasureData(id);
  return {
    data: trimMeasure(full, adjusted),
    gap: computeGap(full, cachedCouncils()),
    adjusted: adjusted ? buildAdjustedInput(id as AdjustedMeasureId) : undefined,
  };
}

let councilCache: IneqCouncil[] | undefined;

export function cachedCouncils(): IneqCouncil[] {
  councilCache ??= ineqCouncils();
  return councilCache;
}

let cache: InequalitiesData | undefined;

export function buildInequalitiesData(): InequalitiesData {
  if (cache) return cache;
  const gradient = buildGradient();
  cache = {
    councils: cachedCouncils(),
    regions: loadAreas()
      .filter((a) => a.level === 'region')
      .map((a) => ({ code: a.code, name: a.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    measures: CORE().map((m) => ({ id: m.id, label: m.label, shortLabel: m.shortLabel, period: m.period, kind: m.kind, years: Array.from({ length: m.lastYear - m.firstYear + 1 }, (_, i) => m.firstYear + i) })),
    gradient: { series: gradient.series, source: gradient.source },
    iodSource: sourceRef(sourceById().get('mhclg-iod2019')!),
    deciles: Object.fromEntries([...imdDecileChildren()].filter(([code]) => code === ENGLAND || cachedCouncils().some((c) => c.code === code))),
  };
  return cache;
}
