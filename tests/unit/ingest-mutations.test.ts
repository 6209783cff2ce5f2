import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvError } from '@/lib/csv';
import { runIngest } from '@/scripts/ingest/index';

/**
 * The ingest refuses a mutated raw release (issue 8), naming file, row, column and value: one
 * change to one raw file per case, the whole ingest run on a scratch raw folder (every other file a
 * link to the real one). The wave-2 readers' own refusals are in wave2-ingest.test.ts.
 */

const RAW = path.resolve(process.env.RAW_DIR ?? path.join(__dirname, '..', '..', '..', 'shared', 'data', 'raw'));
const haveRaw = existsSync(path.join(RAW, 'dfe-cin', 'ees-2025-release'));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A raw folder of links to the real files, with `file` replaced by `mutate(its text)`. */
function scratchRaw(file: string, mutate: (t: string) => string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'raw-mutation-'));
  dirs.push(root);
  const link = (rel: string) => {
    const src = path.join(RAW, rel);
    if (statSync(src).isDirectory()) {
      mkdirSync(path.join(root, rel), { recursive: true });
      for (const n of readdirSync(src)) link(path.join(rel, n));
    } else if (rel !== file) symlinkSync(src, path.join(root, rel));
  };
  link('');
  const before = readFileSync(path.join(RAW, file), 'utf8');
  const after = mutate(before);
  if (after === before) throw new Error(`mutation of ${file} changed nothing`);
  writeFileSync(path.join(root, file), after);
  return root;
}

function ingestError(file: string, mutate: (t: string) => string): Error {
  const out = mkdtempSync(path.join(os.tmpdir(), 'ingest-out-'));
  dirs.push(out);
  try {
    runIngest(scratchRaw(file, mutate), out);
  } catch (e) {
    return e as Error;
  }
  throw new Error('the ingest accepted the mutated file');
}

const C4 = 'dfe-cin/ees-2025-release/c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv';
const C1 = 'dfe-cin/ees-2025-release/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv';
const C1_2022 = 'dfe-cin/ees-2022-release/c1_children_in_need_referrals_and_rereferrals_2013_to_2022.csv';
const C4_2022 = 'dfe-cin/ees-2022-release/c4_children_in_need_section_47s_and_icpcs_2013_to_2022.csv';
const HARTLEPOOL_C4 = '805,E06000001,Hartlepool,Section 47s and Initial Child Protection Conferences,948,';
const HARTLEPOOL_C1 = '805,E06000001,Hartlepool,Referrals and Re-referrals,2020,';

describe.skipIf(!haveRaw)('the ingest refuses a mutated release', () => {
  it('the unmutated raw folder ingests (the scratch folder works)', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'ingest-out-'));
    dirs.push(out);
    expect(runIngest(scratchRaw('la-lookups/PROVENANCE.md', (t) => `${t}\n`), out).files.length).toBeGreaterThan(20);
  }, 120_000);

  it('a negative count', () => {
    const e = ingestError(C4, (t) => t.replace(HARTLEPOOL_C4, HARTLEPOOL_C4.replace(',948,', ',-948,'))) as CsvError;
    expect(e).toBeInstanceOf(CsvError);
    expect(e.message).toMatch(/c4_children_in_need_section_47s_and_icpcs_2013_to_2025\.csv: row 17, column "Section47": s47-enquiries: a count cannot be negative \(value "-948"\)/);
  }, 120_000);

  it('a fraction of an enquiry', () => {
    const e = ingestError(C4, (t) => t.replace(HARTLEPOOL_C4, HARTLEPOOL_C4.replace(',948,', ',948.5,')));
    expect(e.message).toMatch(/row 17, column "Section47": s47-enquiries: a count must be a whole number \(value "948\.5"\)/);
  }, 120_000);

  it('referrals and re-referrals swapped by their header names (the audit: England 2012-13 593,470 → 146,770)', () => {
    const e = ingestError(C1, (t) => t.replace('referral_count,rereferral_count,', 'rereferral_count,referral_count,'));
    expect(e.message).toMatch(/c1_children_in_need_referrals_and_rereferrals_2013_to_2025\.csv: row 2, column "rereferral_count": re-referrals \(\d+\) exceed referrals/);
  }, 120_000);

  it("a national figure that is not the release's own headline figure", () => {
    const e = ingestError(C1_2022, (t) => t.replace(/^2020,Reporting year,National,E92000001,England,,,,,,Referrals and Re-referrals,642980,/m, '2020,Reporting year,National,E92000001,England,,,,,,Referrals and Re-referrals,652980,'));
    expect(e.message).toMatch(/headline_figures\.csv: row \d+, column "referrals": England referrals 2020: the release's headline figure is 642980 but its table .* gives 652980/);
  }, 120_000);

  it('a council figure that its region and England do not add up to', () => {
    // ten times the referrals and the re-referrals: every identity within the row still holds
    const e = ingestError(C1, (t) => t.replace(`${HARTLEPOOL_C1}536,`, `${HARTLEPOOL_C1.replace(',2020,', ',20200,')}5360,`));
    expect(e.message).toMatch(/referrals 2025: (North East|England)'s total \d+ is not the sum of its councils/);
  }, 120_000);

  it('an older release shifted by one for every council (revisions past their bound)', () => {
    const e = ingestError(C4_2022, (t) => t.replace(/^(\d{4},Reporting year,Local authority,(?:[^,]*,){7}[^,]*,)(\d+),/gm, (_, head, n) => `${head}${Number(n) + 1},`));
    expect(e.message).toMatch(/figures differ between releases \(at most 2300 expected\): a column may be swapped or shifted/);
  }, 120_000);
});
