import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOWNLOAD_TABLES } from '../data/catalog';
import { DATA_DIR, fileSize, loadMeasures, loadSources } from '../data/load';
import { sourcesTable, type Source } from '../schema/tables';
import { SITE_NAME, SITE_URL } from '../site';
import { STATUS_MEANING, MISSING_STATUSES } from '../status';
import type { FieldSpec } from './fields';
import { typedTable, type TypedTable } from './v1';

/**
 * /data/datapackage.json: a Frictionless Tabular Data Package (v1 profile) describing every
 * downloadable tidy CSV — fields and types (from the zod schemas, lib/api/fields), missing
 * values, status codes, licences, sources, sizes and hashes — so a data user can load and validate
 * the files with any Frictionless tool. Build-time only.
 */

export const OGL = {
  name: 'OGL-UK-3.0',
  path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  title: 'Open Government Licence v3.0',
} as const;

interface FrictionlessField {
  name: string;
  type: 'integer' | 'number' | 'boolean' | 'string';
  description: string;
  constraints?: { required?: boolean; enum?: string[] };
  trueValues?: string[];
  falseValues?: string[];
}

const STATUS_CODES = MISSING_STATUSES.map((s) => `${s} = ${STATUS_MEANING[s]}`).join(' ');

/** A typed column as a Table Schema field. Lists are strings in Table Schema v1; the separator is stated. */
export function frictionlessField(f: FieldSpec): FrictionlessField {
  let description = f.description;
  if (f.type === 'list') description += ` A list: items separated by "${f.separator}" (empty = none).`;
  if (f.values?.includes('ok') && f.values.includes('c')) description += ` Codes: ok = a value is given; ${STATUS_CODES}`;
  const constraints = { ...(f.required ? { required: true } : {}), ...(f.values ? { enum: [...f.values] } : {}) };
  return {
    name: f.name,
    type: f.type === 'list' ? 'string' : f.type,
    description,
    ...(Object.keys(constraints).length ? { constraints } : {}),
    ...(f.type === 'boolean' ? { trueValues: ['yes'], falseValues: ['no'] } : {}),
  };
}

/** A table's licence text as Data Package licences: OGL by its identifier; other terms by their wording and where they are stated. */
export function licencesOf(licence: string, anchor: string) {
  if (licence.startsWith(OGL.title)) return [{ ...OGL, title: licence }];
  return [{ title: licence, path: `${SITE_URL}/data/#${anchor}` }];
}

function sourceEntry(s: Source) {
  const title = [s.publisher, s.title, s.release, s.table].filter(Boolean).join(', ');
  return s.url ? { title, path: s.url } : { title };
}

/** Source ids a table's rows cite: its source_id column, or its sources list column. */
function citedBy(t: TypedTable): Set<string> {
  const ids = new Set<string>();
  for (const r of t.rows) {
    if (typeof r.source_id === 'string') ids.add(r.source_id);
    if (Array.isArray(r.sources)) for (const s of r.sources) ids.add(s);
  }
  return ids;
}

/**
 * Foreign keys by the project's column conventions: source_id → sources.csv, area_code →
 * areas.csv, and a measure file's measure → measures.csv. The e2e test checks they hold.
 */
function foreignKeys(t: TypedTable, measureFiles: ReadonlySet<string>) {
  const keys: { fields: string; reference: { resource: string; fields: string } }[] = [];
  const has = (n: string) => t.fields.some((f) => f.name === n);
  if (has('source_id') && t.table.file !== sourcesTable.file) keys.push({ fields: 'source_id', reference: { resource: 'sources', fields: 'source_id' } });
  if (has('area_code')) keys.push({ fields: 'area_code', reference: { resource: 'areas', fields: 'code' } });
  if (has('measure') && measureFiles.has(t.table.file)) keys.push({ fields: 'measure', reference: { resource: 'measures', fields: 'id' } });
  return keys;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(path.join(DATA_DIR, file))).digest('hex');

export function dataPackage() {
  const sources = loadSources();
  const byId = new Map(sources.map((s) => [s.id, s]));
  const measureFiles = new Set(loadMeasures().map((m) => m.file));
  const resources = DOWNLOAD_TABLES.map((table) => {
    const t = typedTable(table);
    const cited = [...citedBy(t)].map((id) => byId.get(id)).filter((s): s is Source => s !== undefined);
    const fks = foreignKeys(t, measureFiles);
    return {
      profile: 'tabular-data-resource',
      name: t.name,
      path: table.file,
      title: table.title,
      description: table.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: fileSize(table.file),
      hash: `sha256:${sha256(table.file)}`,
      dialect: { delimiter: ',', doubleQuote: true, header: true, lineTerminator: '\n', quoteChar: '"' },
      licenses: licencesOf(table.licence, t.name),
      ...(cited.length ? { sources: cited.map(sourceEntry) } : {}),
      schema: {
        fields: t.fields.map(frictionlessField),
        // An empty cell is a missing value; why a statistic is missing is in its status column.
        missingValues: [''],
        ...(fks.length ? { foreignKeys: fks } : {}),
      },
    };
  });
  return {
    profile: 'tabular-data-package',
    name: 'childrens-social-care-explorer',
    id: `${SITE_URL}/data/datapackage.json`,
    title: `${SITE_NAME}: tidy data`,
    description:
      "England's children's social care statistics (DfE Children in need and Children looked after releases, LAIT indicators, ONS populations) for England, the regions and every upper-tier council since 2010, with areas, deprivation and the sources of every figure. One long schema for the statistics: a missing figure is an empty cell with DfE's status code beside it, never 0.",
    homepage: `${SITE_URL}/data/`,
    keywords: ['children in need', 'child protection', 'children looked after', 'section 47', 'England', 'local authorities', 'Department for Education'],
    licenses: [{ ...OGL, title: `${OGL.title} (most files; each resource states its own terms)` }],
    contributors: [{ title: SITE_NAME, path: SITE_URL, role: 'wrangler' }],
    sources: sources.map(sourceEntry),
    resources,
  };
}

/** The file as served: indented for people who open it, with a final newline. */
export const dataPackageText = () => JSON.stringify(dataPackage(), null, 2) + '\n';
