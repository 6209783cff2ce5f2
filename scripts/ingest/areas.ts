import { CsvError } from '../../lib/csv';
import type { AreaLevel } from '../../lib/schema/tables';
import { text, type RawDir } from './raw';

/**
 * Who the areas are: England, the nine regions, and every upper-tier local authority that existed
 * on 31 March of any data year, with the years it existed and how it was reorganised. Built from
 * DfE's own LA list (the codes DfE publishes with) and the ONS change list (boundaries/changes.csv
 * with the 2014 district→county lookup), so predecessors and successors are derived, not typed.
 */

export interface AreaIdentity {
  readonly code: string;
  readonly name: string;
  readonly level: AreaLevel;
  readonly regionCode: string | undefined;
  readonly laNumber: string | undefined;
  /** Data years (ending 31 March) in which the area existed, clamped to the data's first year. */
  readonly firstYear: number;
  readonly lastYear: number | undefined;
  readonly predecessors: string[];
  readonly successors: string[];
  readonly formerCodes: string[];
  changeNote: string;
}

export const ENGLAND = 'E92000001';
/** First year (ending 31 March) of the statistics; areas older than this start here. */
export const FIRST_DATA_YEAR = 2010;

/**
 * GSS code corrections of 1 April 2013 (same council, same area) that DfE applies to all years in
 * its published files: the older code never appears in EES data, so it is kept only as a former code.
 * The ingest checks the EES files never use these older codes.
 */
export const CODE_CORRECTIONS: ReadonlyMap<string, string> = new Map([
  ['E06000048', 'E06000057'], // Northumberland
  ['E08000020', 'E08000037'], // Gateshead
]);

const DFE_LAS = 'la-lookups/dfe_las.csv';
const DFE_REGIONS = 'la-lookups/dfe_regions.csv';
const CHANGES = 'boundaries/changes.csv';
const LTLA14 = 'boundaries/ltla14-lookup.csv';

interface LaRow {
  code: string;
  name: string;
  from: Date;
  to: Date | undefined;
  region: string;
  laNumber: string;
}

function parseDate(csvFile: string, row: number, column: string, v: string): Date | undefined {
  if (v === '') return undefined;
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v);
  if (!m) throw new CsvError(csvFile, 'expected a date dd/mm/yyyy', row, column, v);
  return new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
}

const march31 = (y: number) => new Date(Date.UTC(y, 2, 31));
const aliveOn = (r: LaRow, y: number) => r.from <= march31(y) && (r.to === undefined || r.to >= march31(y));

/** Data years (from the first data year to one past the last) in which the LA existed on 31 March. */
function aliveYears(r: LaRow, lastYear: number): number[] {
  const ys: number[] = [];
  for (let y = FIRST_DATA_YEAR; y <= lastYear + 1; y++) if (aliveOn(r, y)) ys.push(y);
  return ys;
}

export class AreaIndex {
  private readonly byCode = new Map<string, AreaIdentity>();
  /** Where a data file used a corrected (former) code: code → file → years. */
  private readonly formerCodeUse = new Map<string, Map<string, Set<number>>>();
  constructor(readonly all: readonly AreaIdentity[]) {
    for (const a of all) {
      if (this.byCode.has(a.code)) throw new Error(`area ${a.code} defined twice`);
      this.byCode.set(a.code, a);
    }
  }

  get(code: string): AreaIdentity | undefined {
    return this.byCode.get(code);
  }

  aliveIn(a: AreaIdentity, year: number): boolean {
    return a.firstYear <= year && (a.lastYear === undefined || a.lastYear >= year);
  }

  /** The area a GSS code refers to, applying the 2013 code corrections; no check of the year. */
  lookup(code: string): AreaIdentity | undefined {
    return this.byCode.get(CODE_CORRECTIONS.get(code) ?? code);
  }

  /**
   * Codes of the same council area under another code (one-to-one predecessor/successor, e.g.
   * Buckinghamshire county E10000002 and unitary E06000060), nearest first. Population files key
   * mid-year estimates by the code in use at mid-year, which can be the successor's.
   */
  sameArea(code: string): string[] {
    const out: string[] = [];
    const step = (c: string, dir: 'successors' | 'predecessors') => {
      const a = this.byCode.get(c);
      const next = a?.[dir];
      if (!next || next.length !== 1) return;
      const n = this.byCode.get(next[0]!);
      const back = n?.[dir === 'successors' ? 'predecessors' : 'successors'];
      if (n && back?.length === 1) {
        out.push(n.code);
        step(n.code, dir);
      }
    };
    step(code, 'successors');
    step(code, 'predecessors');
    return out;
  }

  /** The area itself if it existed in `year`, else a same-area alias that did, else undefined. */
  inForce(a: AreaIdentity, year: number): AreaIdentity | undefined {
    if (this.aliveIn(a, year)) return a;
    return this.sameArea(a.code)
      .map((c) => this.byCode.get(c)!)
      .find((x) => this.aliveIn(x, year));
  }

  /** The area a code in a data file refers to (applying code corrections), or a CsvError. */
  resolve(code: string, year: number, file: string, row: number, column: string): AreaIdentity {
    const corrected = CODE_CORRECTIONS.get(code);
    if (corrected) {
      const byFile = this.formerCodeUse.get(code) ?? new Map<string, Set<number>>();
      byFile.set(file, (byFile.get(file) ?? new Set()).add(year));
      this.formerCodeUse.set(code, byFile);
    }
    const a = this.byCode.get(corrected ?? code);
    if (!a) throw new CsvError(file, 'area code is not in the area lookup (la-lookups/dfe_las.csv)', row, column, code);
    if (a.level === 'la' && !this.aliveIn(a, year) && year >= FIRST_DATA_YEAR) {
      // Some releases back-code a same-area successor's code onto earlier years (the 2022 CIN
      // release gives Buckinghamshire E06000060 for 2013-2020): use the code in force that year.
      const alias = this.inForce(a, year);
      if (alias) return alias;
      throw new CsvError(file, `area ${a.name} did not exist in ${year} (exists ${a.firstYear}-${a.lastYear ?? 'now'})`, row, column, code);
    }
    return a;
  }

  /**
   * The note on a council's former GSS code, saying which files still used it for which years (as
   * met while reading them; call after the data files are read). `describe` names a file's table.
   */
  formerCodeNote(a: AreaIdentity, describe: (file: string) => string = (f) => f): string {
    if (a.formerCodes.length === 0) return '';
    // files that used the former code, grouped by the years they used it for
    const bySpan = new Map<string, string[]>();
    for (const former of a.formerCodes) {
      for (const [file, years] of this.formerCodeUse.get(former) ?? []) {
        const ys = [...years].sort((x, y) => x - y);
        const span = (y: number) => `${y - 1}-${String(y).slice(2)}`;
        const k = `${former} for ${ys.length > 1 ? `${span(ys[0]!)} to ${span(ys[ys.length - 1]!)}` : span(ys[0]!)}`;
        bySpan.set(k, [...(bySpan.get(k) ?? []), describe(file)]);
      }
    }
    const head = `GSS code ${a.formerCodes.join(', ')} until 31 March 2013 (same council and area).`;
    if (bySpan.size === 0) return `${head} DfE publishes every year under ${a.code}.`;
    const uses = [...bySpan].map(([k, files]) => `${files.sort().join(' and ')}, which use${files.length === 1 ? 's' : ''} ${k}`);
    return `${head} DfE publishes it under ${a.code} in every year except in ${uses.join('; ')}; those figures are filed here under ${a.code}.`;
  }

  /** The local authority with DfE number `laNumber` that existed on 31 March `year`. */
  byLaNumber(laNumber: string, year: number, file: string, row: number, column: string): AreaIdentity {
    const hits = this.all.filter((a) => a.level === 'la' && a.laNumber === laNumber && this.aliveIn(a, year));
    if (hits.length !== 1) {
      throw new CsvError(file, hits.length === 0 ? `no local authority with this DfE number existed in ${year}` : `ambiguous DfE LA number in ${year}`, row, column, laNumber);
    }
    return hits[0]!;
  }

  region(code: string): AreaIdentity | undefined {
    const a = this.byCode.get(code);
    return a?.level === 'region' ? a : undefined;
  }

  regionByName(name: string): AreaIdentity | undefined {
    const n = norm(name);
    return this.all.find((a) => a.level === 'region' && norm(a.name) === n);
  }

  /** Local authorities that existed on 31 March `year`. */
  lasIn(year: number): AreaIdentity[] {
    return this.all.filter((a) => a.level === 'la' && this.aliveIn(a, year));
  }
}

/** Name normaliser for matching DfE's spellings ("YORKSHIRE AND HUMBER", "Yorkshire and The Humber"). */
export const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bthe\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const fmtDate = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function buildAreas(raw: RawDir, lastDataYear: number): AreaIndex {
  // --- DfE LA list
  const las = raw.csv(DFE_LAS);
  const laRows: LaRow[] = [];
  for (const r of las.rows) {
    const code = text(las, r, 'new_la_code');
    if (code.includes(' / ')) continue; // combined rows DfE uses in a few tables; no data file here uses them
    laRows.push({
      code,
      name: text(las, r, 'la_name'),
      from: parseDate(las.file, r.row, 'date_of_operation', text(las, r, 'date_of_operation'))!,
      to: parseDate(las.file, r.row, 'date_of_termination', text(las, r, 'date_of_termination')),
      region: text(las, r, 'parent_geography_code'),
      laNumber: text(las, r, 'old_la_code'),
    });
  }

  // --- ONS change list and the 2014 district → county lookup give predecessors and successors.
  const changes = raw.csv(CHANGES);
  const ltla = raw.csv(LTLA14);
  const countyOf = new Map<string, string>();
  for (const r of ltla.rows) {
    const cty = text(ltla, r, 'ctycd');
    if (cty) countyOf.set(text(ltla, r, 'ltlacd'), cty);
  }
  interface Change {
    old: string;
    new: string;
    type: string;
    start: number;
  }
  const changeRows: Change[] = changes.rows
    .map((r) => ({ old: text(changes, r, 'oldcd'), new: text(changes, r, 'newcd'), type: text(changes, r, 'type'), start: Number(text(changes, r, 'start')) }))
    .filter((c) => c.old.startsWith('E') && (c.new === '' || c.new.startsWith('E')) && !c.new.startsWith('E47') && !c.old.startsWith('E47'));
  // district-to-district mergers (e.g. 2019 Suffolk, Somerset) keep their county
  for (const c of changeRows) {
    if (c.type === 'merger' && c.old.startsWith('E07') && c.new.startsWith('E07')) {
      const cty = countyOf.get(c.old);
      if (cty) countyOf.set(c.new, cty);
    }
  }
  const laCodes = new Set(laRows.map((r) => r.code));
  const successors = new Map<string, Set<string>>();
  const addLink = (from: string, to: string) => {
    if (from === to || !laCodes.has(from) || !laCodes.has(to)) return;
    if (!successors.has(from)) successors.set(from, new Set());
    successors.get(from)!.add(to);
  };
  for (const c of changeRows) {
    if (c.type === 'merger' || c.type === 'new_code') {
      // an upper-tier area merged or recoded
      if (/^E0[689]/.test(c.old)) addLink(c.old, c.new);
      // a district of a county merged into a unitary: the county is a predecessor of the unitary
      const cty = countyOf.get(c.old);
      if (cty && /^E06/.test(c.new)) addLink(cty, c.new);
    }
  }

  // --- identities
  const rowsByCode = new Map(laRows.map((r) => [r.code, r]));
  const identities: AreaIdentity[] = [
    { code: ENGLAND, name: 'England', level: 'country', regionCode: undefined, laNumber: undefined, firstYear: FIRST_DATA_YEAR, lastYear: undefined, predecessors: [], successors: [], formerCodes: [], changeNote: '' },
  ];
  const regions = raw.csv(DFE_REGIONS);
  for (const r of regions.rows) {
    const code = text(regions, r, 'region_code');
    if (!code.startsWith('E12')) continue; // Inner/Outer London (E13) are sub-regional splits, not regions
    identities.push({ code, name: text(regions, r, 'region_name'), level: 'region', regionCode: undefined, laNumber: undefined, firstYear: FIRST_DATA_YEAR, lastYear: undefined, predecessors: [], successors: [], formerCodes: [], changeNote: '' });
  }

  const corrected = new Set(CODE_CORRECTIONS.keys());
  for (const r of laRows) {
    if (corrected.has(r.code)) continue;
    const years = aliveYears(r, lastDataYear);
    if (years.length === 0) continue; // ended before the data begin (e.g. the counties abolished in 2009)
    const former = [...CODE_CORRECTIONS].filter(([, to]) => to === r.code).map(([from]) => from);
    // a corrected code's council existed before the correction date under its former code
    const firstYear = former.length > 0 ? FIRST_DATA_YEAR : years[0]!;
    const lastYear = r.to ? years[years.length - 1] : undefined;
    if (!/^E12\d{6}$/.test(r.region)) throw new CsvError(DFE_LAS, 'local authority has no region code', undefined, 'parent_geography_code', r.region);
    identities.push({
      code: r.code,
      name: r.name,
      level: 'la',
      regionCode: r.region,
      laNumber: r.laNumber,
      firstYear,
      lastYear,
      predecessors: [],
      successors: [...(successors.get(r.code) ?? [])].sort(),
      formerCodes: former,
      changeNote: '',
    });
  }
  const index = new AreaIndex(identities);
  for (const a of identities) for (const s of a.successors) index.get(s)?.predecessors.push(a.code);
  for (const a of identities) a.predecessors.sort();

  // --- plain-English notes, derived from the links and dates
  for (const a of identities) {
    if (a.level !== 'la') continue;
    const r = rowsByCode.get(a.code)!;
    const names = (codes: string[]) => codes.map((c) => `${index.get(c)!.name} (${c})`).join(' and ');
    const notes: string[] = [];
    if (a.predecessors.length > 0) {
      const same = a.predecessors.length === 1 && index.get(a.predecessors[0]!)!.successors.length === 1;
      if (same && index.get(a.predecessors[0]!)!.name === a.name) {
        const p = index.get(a.predecessors[0]!)!;
        notes.push(p.laNumber === a.laNumber && p.code.startsWith('E08') ? `New GSS code from ${fmtDate(r.from)} (same council and area; was ${p.code}).` : `Unitary council from ${fmtDate(r.from)}, replacing ${p.name} county council (${p.code}) and its districts; same area, new code.`);
      } else {
        notes.push(`Created on ${fmtDate(r.from)} from ${names(a.predecessors)}${a.predecessors.some((p) => index.get(p)!.successors.length > 1) ? ' (in part)' : ''}.`);
      }
    }
    if (a.successors.length > 0) {
      const rTo = r.to ? fmtDate(r.to) : '';
      const sameName = a.successors.length === 1 && index.get(a.successors[0]!)!.name === a.name;
      notes.push(sameName ? `Continued under code ${a.successors[0]} after ${rTo}.` : `Abolished after ${rTo}; replaced by ${names(a.successors)}.`);
    }
    a.changeNote = notes.join(' ');
  }
  return index;
}
