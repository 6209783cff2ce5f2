import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../csv';
import { DOWNLOAD_TABLES } from '../data/catalog';
import { DATA_DIR, loadObservations, loadSources, loadTable } from '../data/load';
import { latestSource } from '../freshness';
import { areasTable, measuresTable, sourcesTable } from '../schema/tables';
import type { TidyTable } from '../schema/table';
import { SITE_URL } from '../site';
import { columnSchemas, fieldSpecs, resourceName, typedRecord as typedRecordOf, type FieldSpec, type TypedRecord } from './fields';

/**
 * The static JSON API, version 1 (/api/v1/…): the tidy CSV rows as typed JSON, cut by measure and
 * by area. Built from the table descriptors, so a table added to DOWNLOAD_TABLES with a `measure`
 * or `area_code` column, or a measure added to the catalogue, appears without new code.
 * Build-time only.
 */
if (typeof window !== 'undefined') throw new Error('lib/api/v1 is build-time only');

export const API_VERSION = 'v1';
export const API_BASE = `/api/${API_VERSION}`;
export const DATAPACKAGE_PATH = '/data/datapackage.json';
export const API_DOCS = '/data/#api';

export const apiPaths = {
  measures: `${API_BASE}/measures.json`,
  measure: (id: string) => `${API_BASE}/measures/${id}.json`,
  areas: `${API_BASE}/areas.json`,
  area: (code: string) => `${API_BASE}/areas/${code}.json`,
} as const;

export interface TypedTable {
  readonly table: TidyTable<unknown>;
  readonly name: string;
  readonly fields: readonly FieldSpec[];
  readonly rows: readonly TypedRecord[];
}

const cache = new Map<string, TypedTable>();

/** A downloadable table's rows, validated by the loader (row schemas, keys) and typed field by field. */
export function typedTable<T>(table: TidyTable<T>): TypedTable {
  const hit = cache.get(table.file);
  if (hit) return hit;
  loadTable(table); // validates every row and key, or throws naming file, row, column and value
  const fields = fieldSpecs(table);
  const schemas = columnSchemas(table);
  const csv = parseCsv(readFileSync(path.join(DATA_DIR, table.file), 'utf8'), table.file);
  const rows = csv.rows.map((r) => typedRecordOf(table.file, fields, schemas, r.values, r.row));
  const t: TypedTable = { table: table as unknown as TidyTable<unknown>, name: resourceName(table.file), fields, rows };
  cache.set(table.file, t);
  return t;
}

const hasField = (t: TypedTable, name: string) => t.fields.some((f) => f.name === name);

function tableOf(file: string): TidyTable<unknown> {
  const t = DOWNLOAD_TABLES.find((x) => x.file === file);
  if (!t) throw new Error(`api: ${file} is not a downloadable table (lib/data/catalog.ts DOWNLOAD_TABLES)`);
  return t;
}

function sourcesCited(rows: readonly TypedRecord[], extra: readonly string[] = []): TypedRecord[] {
  const ids = new Set(extra);
  for (const r of rows) if (typeof r.source_id === 'string') ids.add(r.source_id);
  return typedTable(sourcesTable).rows.filter((s) => ids.has(s.source_id as string));
}

/** Month and year of the latest release the data include ("April 2026"), from sources.csv. */
export function dataRefreshed(): string {
  return latestSource(loadSources())?.published ?? '';
}

function envelope(resource: string) {
  return {
    api_version: API_VERSION,
    documentation: `${SITE_URL}${API_DOCS}`,
    datapackage: `${SITE_URL}${DATAPACKAGE_PATH}`,
    data_refreshed: dataRefreshed(),
    resource,
  };
}

/** /api/v1/measures.json: the measure catalogue (measures.csv). */
export function measuresIndex() {
  const t = typedTable(measuresTable);
  return { ...envelope(t.name), licence: measuresTable.licence, item_url: `${API_BASE}/measures/{id}.json`, measures: t.rows };
}

export const measureIds = (): string[] => typedTable(measuresTable).rows.map((m) => m.id as string);

/** /api/v1/measures/{id}.json: the catalogue entry and every area × year of the measure, with the sources cited. */
export function measureFile(id: string) {
  loadObservations(); // the cross-file checks: known measures, areas that existed, listed sources
  const measure = typedTable(measuresTable).rows.find((m) => m.id === id);
  if (!measure) throw new Error(`api: unknown measure ${id}`);
  const t = typedTable(tableOf(measure.file as string));
  const rows = hasField(t, 'measure') ? t.rows.filter((r) => r.measure === id) : t.rows;
  return { ...envelope(t.name), licence: t.table.licence, measure, rows, sources: sourcesCited(rows, (measure.sources as string[] | null) ?? []) };
}

/** /api/v1/areas.json: every area (areas.csv). */
export function areasIndex() {
  const t = typedTable(areasTable);
  return { ...envelope(t.name), licence: areasTable.licence, item_url: `${API_BASE}/areas/{code}.json`, areas: t.rows };
}

export const areaCodes = (): string[] => typedTable(areasTable).rows.map((a) => a.code as string);

let byArea: Map<string, Map<string, TypedRecord[]>> | undefined;

/** Every table with an area_code column, its rows grouped by area (once per build). */
function rowsByArea(): Map<string, Map<string, TypedRecord[]>> {
  if (byArea) return byArea;
  loadObservations();
  byArea = new Map();
  for (const table of DOWNLOAD_TABLES) {
    const t = typedTable(table);
    if (!hasField(t, 'area_code')) continue;
    for (const r of t.rows) {
      const code = r.area_code as string;
      let tables = byArea.get(code);
      if (!tables) byArea.set(code, (tables = new Map()));
      let rows = tables.get(t.name);
      if (!rows) tables.set(t.name, (rows = []));
      rows.push(r);
    }
  }
  return byArea;
}

/** The downloadable tables that the area files cut by area. */
export const areaTables = (): TypedTable[] => DOWNLOAD_TABLES.map(typedTable).filter((t) => hasField(t, 'area_code'));

/** /api/v1/areas/{code}.json: the area's row of areas.csv and its rows of every table with an area_code column. */
export function areaFile(code: string) {
  const area = typedTable(areasTable).rows.find((a) => a.code === code);
  if (!area) throw new Error(`api: unknown area ${code}`);
  const mine = rowsByArea().get(code) ?? new Map<string, TypedRecord[]>();
  const tables: Record<string, { licence: string; rows: TypedRecord[] }> = {};
  for (const t of areaTables()) tables[t.name] = { licence: t.table.licence, rows: mine.get(t.name) ?? [] };
  const all = Object.values(tables).flatMap((t) => t.rows);
  return { ...envelope(typedTable(areasTable).name), area, tables, sources: sourcesCited(all) };
}
