import { gzipSync } from 'node:zlib';
import { dataPackageText } from './datapackage';
import type { TypedRecord } from './fields';
import { apiPaths, areaCodes, areaFile, areasIndex, areaTables, DATAPACKAGE_PATH, measureFile, measureIds, measuresIndex } from './v1';

/**
 * What the /data/ page says about the JSON API and the Data Package: each endpoint with its real
 * size, and examples cut from the real files (build-time only).
 */

export interface Endpoint {
  readonly path: string;
  readonly what: string;
  readonly files: number;
  /** Bytes of the largest file, as served and gzipped. */
  readonly bytes: number;
  readonly gzipped: number;
  readonly largest?: string;
}

function sizes(paths: readonly string[], body: (p: string) => unknown, serialise: (b: unknown) => string = (b) => JSON.stringify(b)): Pick<Endpoint, 'files' | 'bytes' | 'gzipped' | 'largest'> {
  let best = { path: '', bytes: -1, gzipped: 0 };
  for (const p of paths) {
    const text = serialise(body(p));
    const bytes = Buffer.byteLength(text);
    if (bytes > best.bytes) best = { path: p, bytes, gzipped: gzipSync(text).length };
  }
  return { files: paths.length, bytes: best.bytes, gzipped: best.gzipped, ...(paths.length > 1 ? { largest: best.path } : {}) };
}

export function apiEndpoints(): Endpoint[] {
  const tables = areaTables().map((t) => `${t.name}.csv`).join(', ');
  return [
    { path: apiPaths.measures, what: 'The measure catalogue: the rows of measures.csv.', ...sizes([apiPaths.measures], () => measuresIndex()) },
    {
      path: `/api/v1/measures/{id}.json`,
      what: 'One measure: its catalogue entry, every area × year of it (the rows of its CSV: count and rate with their status codes, rate origin, source id) and the sources those rows cite.',
      ...sizes(measureIds(), (id) => measureFile(id)),
    },
    { path: apiPaths.areas, what: 'Every area (England, the regions, every council since 2010): the rows of areas.csv.', ...sizes([apiPaths.areas], () => areasIndex()) },
    {
      path: `/api/v1/areas/{code}.json`,
      what: `One area: its row of areas.csv, its rows of ${tables} (its figures for every measure, its populations and deprivation deciles), and the sources cited.`,
      ...sizes(areaCodes(), (code) => areaFile(code)),
    },
    {
      path: DATAPACKAGE_PATH,
      what: 'Frictionless Data Package: every CSV above with its fields, types, missing values, codes, licences, sources, size and SHA-256 hash.',
      ...sizes([DATAPACKAGE_PATH], () => dataPackageText(), (t) => t as string),
    },
  ];
}

export interface ApiExample {
  readonly measureId: string;
  readonly areaCode: string;
  readonly areaName: string;
  /** Two rows of the measure file: England's latest figure, and a figure DfE did not publish (null with its code). */
  readonly excerpt: string;
}

/** Examples from the data: the catalogue's first measure, and the first council that still exists. */
export function apiExample(): ApiExample {
  const measureId = measureIds()[0]!;
  const rows = measureFile(measureId).rows;
  const england = rows.filter((r) => r.area_code === 'E92000001' && r.count_status === 'ok').reduce((a, b) => ((b.year as number) > (a.year as number) ? b : a));
  // The latest suppressed figure (DfE's most common code), else the latest missing one of any kind.
  const latestFirst = [...rows].sort((a, b) => (b.year as number) - (a.year as number));
  const missing = latestFirst.find((r) => r.count_status === 'c') ?? latestFirst.find((r) => r.count_status !== 'ok');
  const area = areasIndex().areas.find((a) => a.level === 'la' && a.last_year === null) as TypedRecord;
  const excerpt = JSON.stringify({ rows: [england, ...(missing ? [missing] : []), '…'] }, null, 2).replace('"…"', '…');
  return { measureId, areaCode: area.code as string, areaName: area.name as string, excerpt };
}
