import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvError } from '@/lib/csv';
import { checkManifest, validateDataDir } from '@/lib/data/validate';

/**
 * The build refuses every impossible number (issue 8): one mutation of a copy of data/ per case,
 * the class of the reliability audit it stands for, and the error the build gives — naming the
 * file, and the row, column and value where there is one. The build checks data/ with
 * validateDataDir (scripts/copy-data.ts, before `next build`); the same rules run in the loader
 * pages use and, on what it writes, in the ingest. Cases marked `rules` are checked with the
 * manifest off, to show the rule itself refuses the file, not only the manifest.
 */

const DATA = path.join(__dirname, '..', '..', 'data');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function copy(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'data-mutation-'));
  dirs.push(d);
  cpSync(DATA, d, { recursive: true });
  return d;
}
const edit = (dir: string, file: string, fn: (t: string) => string) => {
  const p = path.join(dir, file);
  const before = readFileSync(p, 'utf8');
  const after = fn(before);
  if (after === before) throw new Error(`mutation of ${file} changed nothing`);
  writeFileSync(p, after);
};
const line = (from: string, to: string) => (t: string) => t.replace(from, to);

interface Case {
  readonly name: string;
  readonly mutate: (dir: string) => void;
  readonly file: string;
  readonly problem: RegExp;
  readonly row?: number;
  readonly column?: string;
  readonly value?: string;
  /** Check the rules alone (no manifest): the rule must refuse it. */
  readonly rules?: boolean;
}

const R2020 = 'referrals,2020,E06000001,1554,ok,779.8,ok,computed,dfe-cin-2025-c1,';
const CIN = 'children-in-need.csv';
const rowOf = (file: string, text: string) => readFileSync(path.join(DATA, file), 'utf8').split('\n').findIndex((l) => l.startsWith(text)) + 1;

const CASES: Case[] = [
  // value domains
  { name: 'a negative count', mutate: (d) => edit(d, CIN, line(R2020, R2020.replace(',1554,', ',-1554,'))), file: CIN, problem: /must not be negative/, row: rowOf(CIN, R2020), column: 'count', value: '-1554', rules: true },
  { name: 'a fraction of a referral', mutate: (d) => edit(d, CIN, line(R2020, R2020.replace(',1554,', ',1554.5,'))), file: CIN, problem: /a count of referrals must be a whole number/, row: rowOf(CIN, R2020), column: 'count', value: '1554.5', rules: true },
  { name: 'a 400-digit count', mutate: (d) => edit(d, CIN, line(R2020, R2020.replace(',1554,', `,${'9'.repeat(400)},`))), file: CIN, problem: /at most 15 digits/, row: rowOf(CIN, R2020), column: 'count', rules: true },
  { name: 'a rate ten times count ÷ population', mutate: (d) => edit(d, CIN, line(R2020, R2020.replace(',779.8,', ',7798,'))), file: CIN, problem: /computed rate must be count ÷ population × 10,000 = 1554 ÷ 19927 × 10,000 = 779\.8/, row: rowOf(CIN, R2020), column: 'rate_per_10k', value: '7798', rules: true },
  { name: 'a computed rate whose population row was deleted', mutate: (d) => edit(d, 'population.csv', line('2019,E06000001,19927,ok,ons-pop-cin-2025,\n', '')), file: 'children-in-need.csv', problem: /a computed rate needs the population of mid-2019/, column: 'rate_per_10k', rules: true },
  { name: 'a published rate not plausible for its count', mutate: (d) => edit(d, 'looked-after.csv', (t) => t.replace(/^(looked-after,2016,E06000001,\d+,ok,)(\d+)(,ok,published)/m, (_, a, r, b) => `${a}${Number(r) * 10}${b}`)), file: 'looked-after.csv', problem: /published rate is not plausible for this count/, column: 'rate_per_10k', rules: true },
  { name: 'a percentage above 100', mutate: (d) => edit(d, CIN, (t) => t.replace(/^(cpp-repeat,2025,E92000001,)24\.5,/m, '$1245,')), file: CIN, problem: /a percentage must be at most 100/, column: 'count', value: '245', rules: true },
  // years and catalogue
  { name: 'a row outside the measure\'s years (kept in the download, dropped from the page)', mutate: (d) => edit(d, CIN, line(R2020, `${R2020}\nreferrals,2009,E06000001,1554,ok,,x,computed,dfe-cin-2025-c1,`)), file: CIN, problem: /year outside the measure's years in measures\.csv \(2010-2025\)/, column: 'year', value: '2009', rules: true },
  { name: 'a catalogue last_year before first_year', mutate: (d) => edit(d, 'measures.csv', (t) => t.replace(/(\n(?:"[^"]*"|[^,\n])*referrals,[^\n]*?,)2010,2025,/, '$12025,2010,')), file: 'measures.csv', problem: /must not be before first_year \(2025\)/, column: 'last_year', value: '2010', rules: true },
  // cross-file rules
  { name: 'a referrals row moved into looked-after.csv', mutate: (d) => { edit(d, CIN, line(`${R2020}\n`, '')); edit(d, 'looked-after.csv', (t) => `${t}${R2020}\n`); }, file: 'looked-after.csv', problem: /this measure belongs in children-in-need\.csv/, column: 'measure', value: 'referrals', rules: true },
  { name: 'a count for a measure that has no counts', mutate: (d) => edit(d, 'lait-measures.csv', line('care-applications,2016,E06000001,,x,14.5,', 'care-applications,2016,E06000001,12,ok,14.5,')), file: 'lait-measures.csv', problem: /care-applications has no counts \(measures\.csv\), but a count is given/, column: 'count', value: '12', rules: true },
  { name: "a deleted England row", mutate: (d) => edit(d, CIN, (t) => t.replace(/^referrals,2020,E92000001,[^\n]*\n/m, '')), file: CIN, problem: /referrals 2020: no row for England \(E92000001\)/, column: 'area_code', rules: true },
  // broken files
  { name: 'a file cut at a line end', mutate: (d) => edit(d, 'section-47.csv', (t) => t.slice(0, t.indexOf('\n', Math.floor(t.length / 2)) + 1)), file: 'section-47.csv', problem: /no row for England|no rows for|has \d+ rows; the ingest wrote/ },
  { name: 'a file with only its header', mutate: (d) => edit(d, 'areas.csv', (t) => t.slice(0, t.indexOf('\n') + 1)), file: 'areas.csv', problem: /has a header but no rows/, rules: true },
  { name: 'a Latin-1 areas.csv', mutate: (d) => { const p = path.join(d, 'areas.csv'); writeFileSync(p, Buffer.from(readFileSync(p, 'utf8').replace('Hartlepool', 'Hartlepool Café'), 'latin1')); }, file: 'areas.csv', problem: /is not UTF-8: byte 0xe9/, row: 2, rules: true },
  { name: 'a zero-width space in a name', mutate: (d) => edit(d, 'areas.csv', line('Hartlepool', 'Hartle\u200bpool')), file: 'areas.csv', problem: /must not contain control, zero-width or bidirectional characters/, row: 2, column: 'name', rules: true },
  { name: 'a right-to-left override in a name', mutate: (d) => edit(d, 'areas.csv', line('Hartlepool', '\u202eloopeltraH')), file: 'areas.csv', problem: /must not contain control, zero-width or bidirectional/, row: 2, column: 'name', rules: true },
  { name: 'a line break in a name', mutate: (d) => edit(d, 'areas.csv', line(',Hartlepool,', ',"Hartle\npool",')), file: 'areas.csv', problem: /must not contain control, zero-width or bidirectional characters, line breaks/, column: 'name', rules: true },
  { name: 'a truncated geo/vintages.json', mutate: (d) => truncateSync(path.join(d, 'geo', 'vintages.json'), 200), file: 'geo/vintages.json', problem: /is not valid JSON/, rules: true },
  { name: 'a topology naming an arc it does not have', mutate: (d) => edit(d, 'geo/hex.topo.json', (t) => t.replace('"arcs":[[0,', '"arcs":[[999999,')), file: 'geo/hex.topo.json', problem: /arc 999999 does not exist/, rules: true },
  // what the rules cannot tell: the manifest of what the ingest wrote
  { name: 'an otherwise valid hand edit (a spending figure)', mutate: (d) => edit(d, 'lait-measures.csv', line('spend-looked-after,2020,E06000001,12633371,', 'spend-looked-after,2020,E06000001,12633372,')), file: 'lait-measures.csv', problem: /differs from what the ingest wrote/ },
  { name: 'a file the ingest did not write', mutate: (d) => writeFileSync(path.join(d, 'extra.csv'), 'a,b\n1,2\n'), file: 'extra.csv', problem: /not in manifest\.json: the ingest did not write it/ },
];

describe('the build refuses every impossible number, naming file, row, column and value', () => {
  it('the committed data/ passes', () => {
    expect(validateDataDir(DATA).files).toBeGreaterThan(20);
  });
  for (const c of CASES) {
    it(c.name, () => {
      const dir = copy();
      c.mutate(dir);
      let err: unknown;
      try {
        validateDataDir(dir, { manifest: !c.rules });
      } catch (e) {
        err = e;
      }
      expect(err, 'the build must refuse it').toBeInstanceOf(CsvError);
      const e = err as CsvError;
      expect(e.file).toBe(c.file);
      expect(e.message).toMatch(c.problem);
      if (c.row !== undefined) expect(e.row).toBe(c.row);
      if (c.column !== undefined) expect(e.column).toBe(c.column);
      if (c.value !== undefined) expect(e.value).toContain(c.value);
      // and the manifest of what the ingest wrote refuses it all the same
      if (c.rules) expect(() => checkManifest(dir)).toThrow(CsvError);
    });
  }
});
