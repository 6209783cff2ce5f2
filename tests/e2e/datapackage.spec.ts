import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import Papa from 'papaparse';
import { DOWNLOAD_TABLES } from '../../lib/data/catalog';

/**
 * /data/datapackage.json, fetched from the served export: valid against the published Tabular
 * Data Package schema (vendored, see tests/vendor/frictionless/README.md), one resource per
 * downloadable CSV, and each CSV served beside it keeps its resource's promises: header, types,
 * required fields, allowed codes, foreign keys, size and hash.
 */

interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; enum?: string[] };
  trueValues?: string[];
  falseValues?: string[];
}
interface Resource {
  name: string;
  path: string;
  bytes: number;
  hash: string;
  licenses: { name?: string; path?: string; title: string }[];
  sources?: { title: string; path?: string }[];
  schema: { fields: Field[]; missingValues: string[]; foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[] };
}

const schema = JSON.parse(readFileSync(path.join(process.cwd(), 'tests/vendor/frictionless/tabular-data-package.json'), 'utf8'));

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('textarea', true); // an editor hint in the profile, not a constraint
  return ajv.compile(schema);
}

test('datapackage.json is a valid Tabular Data Package describing every downloadable CSV', async ({ request }) => {
  const res = await request.get('/data/datapackage.json');
  expect(res.status()).toBe(200);
  const dp = await res.json();
  const validate = validator();
  expect(validate(dp), JSON.stringify(validate.errors?.slice(0, 3), null, 1)).toBe(true);
  expect(dp.profile).toBe('tabular-data-package');
  expect(dp.resources.map((r: Resource) => r.path)).toEqual(DOWNLOAD_TABLES.map((t) => t.file));
  // the validator is not a rubber stamp: a misspelt type and a resource without data fail it
  const broken = structuredClone(dp);
  broken.resources[0].schema.fields[0].type = 'strnig';
  delete broken.resources[1].path;
  expect(validate(broken)).toBe(false);
});

test('each CSV beside datapackage.json matches its resource: header, types, codes, keys, size and hash', async ({ request }) => {
  const dp = await (await request.get('/data/datapackage.json')).json();
  const resources = dp.resources as Resource[];
  const csv = new Map<string, Record<string, string>[]>();
  const problems: string[] = [];
  for (const r of resources) {
    const res = await request.get(`/data/${r.path}`);
    expect(res.status(), r.path).toBe(200);
    const body = await res.body();
    expect(body.length, `${r.path} bytes`).toBe(r.bytes);
    expect(`sha256:${createHash('sha256').update(body).digest('hex')}`, `${r.path} hash`).toBe(r.hash);
    const parsed = Papa.parse<Record<string, string>>(body.toString('utf8'), { header: true, skipEmptyLines: true, delimiter: ',' });
    expect(parsed.errors, r.path).toEqual([]);
    expect(parsed.meta.fields, `${r.path} header`).toEqual(r.schema.fields.map((f) => f.name));
    csv.set(r.name, parsed.data);
    expect(r.licenses.length, `${r.path} licence`).toBeGreaterThan(0);

    const missing = new Set(r.schema.missingValues);
    for (const f of r.schema.fields) {
      const ok: (v: string) => boolean =
        f.type === 'integer' ? (v) => /^-?\d+$/.test(v) : f.type === 'number' ? (v) => /^-?\d+(\.\d+)?$/.test(v) : f.type === 'boolean' ? (v) => [...f.trueValues!, ...f.falseValues!].includes(v) : () => true;
      for (const [i, row] of parsed.data.entries()) {
        const v = row[f.name]!;
        if (missing.has(v)) {
          if (f.constraints?.required) problems.push(`${r.path} row ${i + 2} ${f.name}: required but empty`);
        } else if (!ok(v)) problems.push(`${r.path} row ${i + 2} ${f.name}: ${JSON.stringify(v)} is not ${f.type}`);
        else if (f.constraints?.enum && !f.constraints.enum.includes(v)) problems.push(`${r.path} row ${i + 2} ${f.name}: ${JSON.stringify(v)} not in ${f.constraints.enum}`);
        if (problems.length > 10) break;
      }
    }
  }
  for (const r of resources) {
    for (const fk of r.schema.foreignKeys ?? []) {
      const keys = new Set(csv.get(fk.reference.resource)!.map((x) => x[fk.reference.fields]));
      const orphans = [...new Set(csv.get(r.name)!.map((x) => x[fk.fields]!))].filter((v) => v !== '' && !keys.has(v));
      if (orphans.length) problems.push(`${r.path} ${fk.fields} → ${fk.reference.resource}: ${orphans.slice(0, 3).join(', ')} not found`);
    }
  }
  expect(problems).toEqual([]);
  // the status columns list their codes, and an empty cell is the one missing value
  const obs = resources.find((r) => r.name === 'section-47')!;
  const status = obs.schema.fields.find((f) => f.name === 'count_status')!;
  expect(status.constraints).toEqual({ required: true, enum: ['ok', 'c', 'x', 'z', 'u', 'low'] });
  expect(obs.schema.fields.find((f) => f.name === 'count')).toMatchObject({ type: 'number' });
  expect(obs.schema.missingValues).toEqual(['']);
  expect(obs.sources?.some((s) => s.path?.startsWith('https://explore-education-statistics.service.gov.uk/'))).toBe(true);
});
