import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildPathway, indexObservations, PATHWAY_FLOWS, PATHWAY_SNAPSHOTS, type ObservationLookup, type Pathway } from '../pathway';
import { parseTable, type TidyTable } from '../schema/table';
import { assessmentFactorsTable, breaksTable, factorLabelsTable, neighboursTable, type BreakRow, type FactorLabel, type FactorRow, type NeighbourRow } from '../schema/pathway';
import {
  areasTable,
  measuresTable,
  OBSERVATION_TABLES,
  populationTable,
  quotesTable,
  sourcesTable,
  type Area,
  type Measure,
  type Observation,
  type PopulationRow,
  type Quote,
  type Source,
} from '../schema/tables';

/**
 * Build-time loading of the tidy files in data/: parsed with papaparse, validated with zod, checked
 * for integrity across files, memoised. Server-side only (pages and scripts), never shipped to the
 * browser: client components receive plain typed props.
 */
if (typeof window !== 'undefined') throw new Error('lib/data/load is build-time only');

export const DATA_DIR = process.env.DATA_DIR ?? path.join(process.cwd(), 'data');

const cache = new Map<string, unknown>();

export function loadTable<T>(table: TidyTable<T>): readonly T[] {
  const hit = cache.get(table.file);
  if (hit) return hit as T[];
  const rows = parseTable(table, readFileSync(path.join(DATA_DIR, table.file), 'utf8'));
  cache.set(table.file, rows);
  return rows;
}

export function fileSize(file: string): number {
  return statSync(path.join(DATA_DIR, file)).size;
}

export const loadAreas = (): readonly Area[] => loadTable(areasTable);
export const loadMeasures = (): readonly Measure[] => loadTable(measuresTable);
export const loadSources = (): readonly Source[] => loadTable(sourcesTable);
export const loadQuotes = (): readonly Quote[] => loadTable(quotesTable);
export const loadPopulation = (): readonly PopulationRow[] => loadTable(populationTable);

/** Breaks in the series, checked: the measure exists and the break lies inside its years. */
export function loadBreaks(): readonly BreakRow[] {
  const hit = cache.get('breaks:checked');
  if (hit) return hit as BreakRow[];
  const measures = new Map(loadMeasures().map((m) => [m.id, m]));
  const sources = new Set(loadSources().map((s) => s.id));
  const rows = loadTable(breaksTable);
  for (const b of rows) {
    const m = measures.get(b.measure);
    if (!m) throw new Error(`${breaksTable.file}: break of ${b.measure} ${b.year}: measure not in measures.csv`);
    if (b.year <= m.firstYear || b.year > m.lastYear) throw new Error(`${breaksTable.file}: break of ${b.measure} in ${b.year} is not inside the measure's years (${m.firstYear}-${m.lastYear})`);
    if (b.appliesTo === 'rate' && !m.hasRate) throw new Error(`${breaksTable.file}: break of ${b.measure} in ${b.year} applies to rates, but the measure has none`);
    if (!sources.has(b.sourceId)) throw new Error(`${breaksTable.file}: break of ${b.measure} ${b.year}: source ${b.sourceId} not in sources.csv`);
  }
  cache.set('breaks:checked', rows);
  return rows;
}

export function breaksFor(measureId: string): readonly BreakRow[] {
  return loadBreaks().filter((b) => b.measure === measureId);
}

/** DfE's statistical neighbours, checked: every council and neighbour is a council of the model's year (or, for a council that had gone, of its last year). */
export function loadNeighbours(): readonly NeighbourRow[] {
  const hit = cache.get('neighbours:checked');
  if (hit) return hit as NeighbourRow[];
  const areas = areaByCode();
  const rows = loadTable(neighboursTable);
  const count = new Map<string, number>();
  const alive = (code: string, year: number) => {
    const a = areas.get(code);
    return a !== undefined && a.level === 'la' && a.firstYear <= year && (a.lastYear === undefined || a.lastYear >= year);
  };
  for (const n of rows) {
    const a = areas.get(n.areaCode);
    if (!a || a.level !== 'la') throw new Error(`${neighboursTable.file}: ${n.areaCode} is not a council in areas.csv`);
    const year = n.model === '2025' ? 2025 : Math.min(2022, a.lastYear ?? 2022);
    if (!alive(n.areaCode, year)) throw new Error(`${neighboursTable.file}: ${a.name} was not a council in ${year} (model ${n.model})`);
    if (!alive(n.neighbourCode, year)) throw new Error(`${neighboursTable.file}: neighbour ${n.neighbourCode} of ${a.name} was not a council in ${year} (model ${n.model})`);
    const k = `${n.model}|${n.areaCode}`;
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  for (const [k, c] of count) if (c !== 10) throw new Error(`${neighboursTable.file}: ${k} has ${c} neighbours, not 10`);
  cache.set('neighbours:checked', rows);
  return rows;
}

export const loadFactorLabels = (): readonly FactorLabel[] => loadTable(factorLabelsTable);

/** Factors identified at the end of assessment, checked: every factor has a label, every area is known and existed that year. */
export function loadFactors(): readonly FactorRow[] {
  const hit = cache.get('factors:checked');
  if (hit) return hit as FactorRow[];
  const labels = new Set(loadFactorLabels().map((f) => f.factor));
  const areas = areaByCode();
  const rows = loadTable(assessmentFactorsTable);
  for (const f of rows) {
    if (!labels.has(f.factor)) throw new Error(`${assessmentFactorsTable.file}: factor ${f.factor} is not in ${factorLabelsTable.file}`);
    const a = areas.get(f.areaCode);
    if (!a) throw new Error(`${assessmentFactorsTable.file}: ${f.factor} ${f.year}: area ${f.areaCode} not in areas.csv`);
    if (a.level === 'la' && (f.year < a.firstYear || (a.lastYear !== undefined && f.year > a.lastYear))) throw new Error(`${assessmentFactorsTable.file}: ${f.factor} ${f.year}: ${a.name} did not exist that year`);
  }
  cache.set('factors:checked', rows);
  return rows;
}

/** Every observation of every measure, after the cross-file integrity check. */
export function loadObservations(): readonly Observation[] {
  const hit = cache.get('observations');
  if (hit) return hit as Observation[];
  const all = OBSERVATION_TABLES.flatMap((t) => loadTable(t));
  checkIntegrity(all);
  cache.set('observations', all);
  return all;
}

export function loadMeasure(id: string): Measure {
  const m = loadMeasures().find((x) => x.id === id);
  if (!m) throw new Error(`unknown measure ${id}`);
  return m;
}

export function observationsFor(measureId: string): readonly Observation[] {
  const key = `obs:${measureId}`;
  const hit = cache.get(key);
  if (hit) return hit as Observation[];
  const rows = loadObservations().filter((o) => o.measure === measureId);
  cache.set(key, rows);
  return rows;
}

export function areaByCode(): ReadonlyMap<string, Area> {
  const hit = cache.get('areaByCode');
  if (hit) return hit as Map<string, Area>;
  const m = new Map(loadAreas().map((a) => [a.code, a]));
  cache.set('areaByCode', m);
  return m;
}

export function sourceById(): ReadonlyMap<string, Source> {
  return new Map(loadSources().map((s) => [s.id, s]));
}

/**
 * Cross-file rules the per-row schemas cannot see: every observation's measure is in the
 * catalogue and in the catalogue's file, its area is known and existed that year, its source is
 * listed; every catalogue source is listed.
 */
export function checkIntegrity(all: readonly Observation[]): void {
  const measures = new Map(loadMeasures().map((m) => [m.id, m]));
  const areas = areaByCode();
  const sources = new Set(loadSources().map((s) => s.id));
  for (const m of measures.values()) for (const s of m.sources) if (!sources.has(s)) throw new Error(`measures.csv: measure ${m.id} cites unknown source ${s}`);
  for (const o of all) {
    const where = `${o.measure} ${o.year} ${o.areaCode}`;
    const m = measures.get(o.measure);
    if (!m) throw new Error(`observation ${where}: measure not in measures.csv`);
    const a = areas.get(o.areaCode);
    if (!a) throw new Error(`observation ${where}: area not in areas.csv`);
    // Councils change on 1 April, so a 30 September snapshot belongs to the council of the next 31 March.
    const asAt = m.period === '30-september' ? o.year + 1 : o.year;
    if (a.level === 'la' && (asAt < a.firstYear || (a.lastYear !== undefined && asAt > a.lastYear))) {
      throw new Error(`observation ${where}: ${a.name} did not exist that year (${a.firstYear}-${a.lastYear ?? ''})`);
    }
    if (!sources.has(o.sourceId)) throw new Error(`observation ${where}: source ${o.sourceId} not in sources.csv`);
  }
}

/** The child protection pathway of an area and year, from the loaded data (see lib/pathway.ts). */
export function pathwayFor(areaCode: string, year: number): Pathway {
  let lookup = cache.get('pathway:lookup') as ObservationLookup | undefined;
  if (!lookup) {
    lookup = indexObservations(loadObservations().filter((o) => (PATHWAY_FLOWS as readonly string[]).includes(o.measure) || (PATHWAY_SNAPSHOTS as readonly string[]).includes(o.measure)));
    cache.set('pathway:lookup', lookup);
  }
  return buildPathway(lookup, areaCode, year);
}
