import { statSync } from 'node:fs';
import path from 'node:path';
import { buildPathway, indexObservations, PATHWAY_FLOWS, PATHWAY_SNAPSHOTS, type ObservationLookup, type Pathway } from '../pathway';
import type { TidyTable } from '../schema/table';
import { checkBreaks, checkFactors, checkNeighbours, checkObservations } from './integrity';
import { readTable } from './read';
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
  const rows = readTable(DATA_DIR, table);
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
  const rows = loadTable(breaksTable);
  checkBreaks(rows, loadMeasures(), new Set(loadSources().map((s) => s.id)));
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
  const rows = loadTable(neighboursTable);
  checkNeighbours(rows, loadAreas());
  cache.set('neighbours:checked', rows);
  return rows;
}

export const loadFactorLabels = (): readonly FactorLabel[] => loadTable(factorLabelsTable);

/** Factors identified at the end of assessment, checked: every factor has a label, every area is known and existed that year. */
export function loadFactors(): readonly FactorRow[] {
  const hit = cache.get('factors:checked');
  if (hit) return hit as FactorRow[];
  const rows = loadTable(assessmentFactorsTable);
  checkFactors(rows, loadFactorLabels(), loadAreas());
  cache.set('factors:checked', rows);
  return rows;
}

/** Every observation of every measure, after the cross-file integrity check (lib/data/integrity.ts). */
export function loadObservations(): readonly Observation[] {
  const hit = cache.get('observations');
  if (hit) return hit as Observation[];
  const files = OBSERVATION_TABLES.map((t) => ({ file: t.file, rows: loadTable(t) }));
  checkObservations({ files, measures: loadMeasures(), areas: loadAreas(), population: loadPopulation(), sources: new Set(loadSources().map((s) => s.id)) });
  const all = files.flatMap((f) => f.rows);
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

/** The child protection pathway of an area and year, from the loaded data (see lib/pathway.ts). */
export function pathwayFor(areaCode: string, year: number): Pathway {
  let lookup = cache.get('pathway:lookup') as ObservationLookup | undefined;
  if (!lookup) {
    lookup = indexObservations(loadObservations().filter((o) => (PATHWAY_FLOWS as readonly string[]).includes(o.measure) || (PATHWAY_SNAPSHOTS as readonly string[]).includes(o.measure)));
    cache.set('pathway:lookup', lookup);
  }
  return buildPathway(lookup, areaCode, year);
}
