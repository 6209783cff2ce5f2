import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR, loadObservations, loadPopulation } from '@/lib/data/load';
import type { Observation } from '@/lib/schema/tables';
import { buildAreas } from '@/scripts/ingest/areas';
import { buildLait } from '@/scripts/ingest/lait';
import { RawDir } from '@/scripts/ingest/raw';

/**
 * Rates computed here (count ÷ DfE's population for mid-year before × 10,000) reproduce the rates
 * DfE publishes for the same measure, year and area — LAIT, refreshed by DfE with its 2025 releases —
 * within rounding for at least 99% of council-years; every other one is listed, with a reason, in
 * data/reports/rate-check.csv. Needs the raw folder for DfE's published rates.
 */
const RAW = process.env.RAW_DIR ?? path.join(process.cwd(), '..', 'shared', 'data', 'raw');
const haveRaw = existsSync(RAW);

describe.skipIf(!haveRaw)('computed rates against DfE-published rates', () => {
  // Within rounding: half a unit of the published figure's precision plus half a unit of ours.
  const within = (ours: number, theirs: number) => Math.abs(ours - theirs) <= (Number.isInteger(theirs) ? 0.5 : 0.05) + 0.05 + 1e-9;
  let pub!: Map<string, number>;
  let computed!: Observation[];
  let councilYears!: Observation[];
  let mismatches!: Observation[];
  // Built in beforeAll: a skipped suite's body still runs at collection time.
  beforeAll(() => {
    const raw = new RawDir(RAW);
    const areas = buildAreas(raw, 2025);
    const published = buildLait({ raw, areas, lastDataYear: 2025, useSource: (id) => id, report: () => undefined }).publishedRates;
    pub = new Map(published.filter((p) => p.rate !== undefined).map((p) => [`${p.measure}|${p.year}|${p.areaCode}`, p.rate!]));
    computed = loadObservations().filter((o) => o.rateOrigin === 'computed' && o.rate.kind === 'value');
    councilYears = computed.filter((o) => /^E0[689]|^E10/.test(o.areaCode) && pub.has(`${o.measure}|${o.year}|${o.areaCode}`));
    mismatches = councilYears.filter((o) => !within((o.rate as { value: number }).value, pub.get(`${o.measure}|${o.year}|${o.areaCode}`)!));
  });

  it('compares a substantial number of council-years', () => {
    expect(councilYears.length).toBeGreaterThan(7000);
  });

  it('at least 99% are within rounding', () => {
    expect(1 - mismatches.length / councilYears.length).toBeGreaterThanOrEqual(0.99);
  });

  it('every mismatch (councils and England) is listed in reports/rate-check.csv with a reason', () => {
    const report = Papa.parse<Record<string, string>>(readFileSync(path.join(DATA_DIR, 'reports', 'rate-check.csv'), 'utf8'), { header: true, skipEmptyLines: true, delimiter: ',' }).data;
    const listed = new Map(report.filter((r) => r.within_rounding === 'no').map((r) => [`${r.measure}|${r.year}|${r.area_code}`, r.reason]));
    const allMismatches = computed.filter((o) => {
      const p = pub.get(`${o.measure}|${o.year}|${o.areaCode}`);
      return p !== undefined && !within((o.rate as { value: number }).value, p);
    });
    for (const o of allMismatches) expect(listed.get(`${o.measure}|${o.year}|${o.areaCode}`), `${o.measure} ${o.year} ${o.areaCode}`).toMatch(/\w{10,}/);
  });

  it('the same computation with DfE\'s population gives DfE\'s own England figures', () => {
    const pop = loadPopulation().find((p) => p.areaCode === 'E92000001' && p.midYear === 2024)!;
    expect(pop.population).toEqual({ kind: 'value', value: 12183016 });
    expect(Math.round((230590 / 12183016) * 10000 * 10) / 10).toBe(pub.get('s47-enquiries|2025|E92000001'));
  });
});
