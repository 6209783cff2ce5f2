import { CsvError, type CsvRow, type ParsedCsv } from '../../lib/csv';
import { DEPRIVATION_INDICES, type DeprivationIndex } from '../../lib/schema/deprivation';
import { ENGLAND, FIRST_DATA_YEAR, CODE_CORRECTIONS, type AreaIdentity, type AreaIndex } from './areas';
import type { IngestContext } from './context';
import { text, type RawDir } from './raw';
import { fmtNum, roundHalfUp, type TidyRecord } from './write';

/**
 * English Indices of Deprivation 2019 for every area the statistics use (raw folder imd2019/, read
 * its PROVENANCE.md):
 *
 * - Council summaries (areas.csv deprivation columns). Published: File 11, the 151 upper-tier
 *   councils of April 2019. Carried over: a later council covering exactly the same area under a new
 *   code (found from the area lookup: its only predecessor has it as only successor; the LSOAs are
 *   checked to be identical). Derived: councils File 11 does not cover (abolished in 2019 or created
 *   since, from parts of a 2019 council) get the share of their LSOAs in the most deprived IMD decile,
 *   computed from File 1; average scores and ranks cannot be recomputed (LSOA scores, IoD File 5/7,
 *   are not in the raw folder).
 * - Children (0-15, mid-2015, File 6) by IMD and IDACI decile (File 1, File 3) for England, every
 *   region and every council of any year.
 *
 * LSOAs (2011) are placed in councils through their 2019 district (File 1): E06/E08/E09 districts
 * are councils themselves, E07 districts belong to the county in the 2014 lookup (following 2019
 * district mergers); councils created after 2019 are unions of 2019 districts (changes.csv mergers),
 * recoded councils take their predecessor's LSOAs (changes.csv new_code rows); councils abolished in
 * 2019 (Bournemouth, Poole, Dorset county) are rebuilt from the 2011 district named at the start of
 * each LSOA name ("Christchurch 003B"). The ingest checks that, in every data year, each LSOA lies in
 * exactly one council that existed that year, and that the LSOA-based share of the most deprived
 * decile and the population-weighted average rank reproduce File 11 for all 151 councils.
 */

export interface DeprivationSummary {
  imdAvgScore?: number;
  imdAvgScoreRank?: number;
  /** Share (0 to 1) of the area's LSOAs in the most deprived 10% nationally (IMD 2019). */
  imdShareMostDeprived10?: number;
  idaciAvgScore?: number;
  idaciAvgScoreRank?: number;
  basis: 'published' | 'carried-over' | 'derived' | 'unavailable' | 'not-applicable';
  note: string;
}

export const SOURCE_ID = 'mhclg-iod2019';
/** File 6 total of dependent children aged 0-15 (mid-2015), as checked in imd2019/PROVENANCE.md. */
export const ENGLAND_CHILDREN_0_15 = 10_405_050;

const F1 = 'imd2019/csv/lsoa_imd.csv';
const F3 = 'imd2019/csv/lsoa_idaci_idaopi.csv';
const F6 = 'imd2019/csv/lsoa_population_2015.csv';
const F11_IMD = 'imd2019/csv/utla_imd.csv';
const F11_IDACI = 'imd2019/csv/utla_idaci.csv';
const CHANGES = 'boundaries/changes.csv';
const LTLA14 = 'boundaries/ltla14-lookup.csv';

const LSOA = 'LSOA code (2011)';
const LSOA_NAME = 'LSOA name (2011)';
const LAD = 'Local Authority District code (2019)';
const UTLA = 'Upper Tier Local Authority District code (2019)';

// ---------------------------------------------------------------------------------------------
// Strict cells.

function intCell(csv: ParsedCsv, r: CsvRow, column: string, min: number, max: number): number {
  const v = text(csv, r, column);
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new CsvError(csv.file, `expected a whole number from ${min} to ${max}`, r.row, column, v);
  return n;
}

function numCell(csv: ParsedCsv, r: CsvRow, column: string, min: number, max: number): number {
  const v = text(csv, r, column);
  const n = /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < min || n > max) throw new CsvError(csv.file, `expected a number from ${min} to ${max}`, r.row, column, v);
  return n;
}

// ---------------------------------------------------------------------------------------------
// LSOAs: File 1 (IMD), File 3 (IDACI), File 6 (population), joined and cross-checked.

interface Lsoa {
  readonly code: string;
  readonly name: string;
  readonly lad: string;
  readonly row: number;
  readonly imdRank: number;
  readonly imdDecile: number;
  readonly idaciRank: number;
  readonly idaciDecile: number;
  readonly population: number;
  readonly children: number;
}

function readLsoas(raw: RawDir): Lsoa[] {
  const f1 = raw.csv(F1);
  const f3 = raw.csv(F3);
  const f6 = raw.csv(F6);
  const n = f1.rows.length;
  const byCode = <T>(csv: ParsedCsv, read: (r: CsvRow) => T): Map<string, { r: CsvRow; v: T }> => {
    const m = new Map<string, { r: CsvRow; v: T }>();
    for (const r of csv.rows) {
      const code = text(csv, r, LSOA);
      if (!/^E01\d{6}$/.test(code)) throw new CsvError(csv.file, 'not an English LSOA 2011 code', r.row, LSOA, code);
      const first = m.get(code);
      if (first) throw new CsvError(csv.file, `LSOA listed twice (first at row ${first.r.row})`, r.row, LSOA, code);
      m.set(code, { r, v: read(r) });
    }
    return m;
  };
  const m1 = byCode(f1, (r) => ({ imdRank: intCell(f1, r, 'Index of Multiple Deprivation (IMD) Rank', 1, n), imdDecile: intCell(f1, r, 'Index of Multiple Deprivation (IMD) Decile', 1, 10) }));
  const m3 = byCode(f3, (r) => ({
    imdRank: intCell(f3, r, 'Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)', 1, n),
    imdDecile: intCell(f3, r, 'Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)', 1, 10),
    idaciRank: intCell(f3, r, 'Income Deprivation Affecting Children Index (IDACI) Rank (where 1 is most deprived)', 1, n),
    idaciDecile: intCell(f3, r, 'Income Deprivation Affecting Children Index (IDACI) Decile (where 1 is most deprived 10% of LSOAs)', 1, 10),
  }));
  const m6 = byCode(f6, (r) => ({
    population: intCell(f6, r, 'Total population: mid 2015 (excluding prisoners)', 0, 1e6),
    children: intCell(f6, r, 'Dependent Children aged 0-15: mid 2015 (excluding prisoners)', 0, 1e6),
  }));

  const lsoas: Lsoa[] = [];
  for (const [code, { r, v }] of m1) {
    const lad = text(f1, r, LAD);
    const name = text(f1, r, LSOA_NAME);
    const e3 = m3.get(code);
    const e6 = m6.get(code);
    if (!e3) throw new CsvError(F3, 'LSOA of File 1 is missing from File 3', undefined, LSOA, code);
    if (!e6) throw new CsvError(F6, 'LSOA of File 1 is missing from File 6', undefined, LSOA, code);
    for (const [csv, e] of [[f3, e3.r], [f6, e6.r]] as const) {
      if (text(csv, e, LAD) !== lad) throw new CsvError(csv.file, `2019 district differs from File 1 (${lad})`, e.row, LAD, text(csv, e, LAD));
      if (text(csv, e, LSOA_NAME) !== name) throw new CsvError(csv.file, `LSOA name differs from File 1 (${name})`, e.row, LSOA_NAME, text(csv, e, LSOA_NAME));
    }
    if (e3.v.imdRank !== v.imdRank || e3.v.imdDecile !== v.imdDecile) {
      throw new CsvError(F3, `IMD rank/decile differ from File 1 (${v.imdRank}/${v.imdDecile})`, e3.r.row, 'Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)', `${e3.v.imdRank}/${e3.v.imdDecile}`);
    }
    if (e6.v.children > e6.v.population) throw new CsvError(F6, 'more children than people', e6.r.row, 'Dependent Children aged 0-15: mid 2015 (excluding prisoners)', String(e6.v.children));
    lsoas.push({ code, name, lad, row: r.row, imdRank: v.imdRank, imdDecile: v.imdDecile, idaciRank: e3.v.idaciRank, idaciDecile: e3.v.idaciDecile, ...e6.v });
  }
  if (m3.size !== n) throw new CsvError(F3, `has ${m3.size} LSOAs but File 1 has ${n}`);
  if (m6.size !== n) throw new CsvError(F6, `has ${m6.size} LSOAs but File 1 has ${n}`);

  // Deciles are national: ranks run 1..N (ties share a rank and skip the next, as in "1, 2, 2, 4";
  // File 1 has a few dozen tied pairs), and deciles rise with rank (decile 1 = most deprived).
  const checkDeciles = (file: string, label: string, rank: (l: Lsoa) => number, decile: (l: Lsoa) => number) => {
    const sorted = [...lsoas].sort((a, b) => rank(a) - rank(b));
    sorted.forEach((l, i) => {
      const prev = sorted[i - 1];
      if (rank(l) !== i + 1 && !(prev && rank(prev) === rank(l))) throw new CsvError(file, `${label} ranks are not a ranking of the ${n} LSOAs (1..${n}, ties sharing a rank)`, l.row, `${label} rank`, String(rank(l)));
      if (prev && decile(l) < decile(prev)) throw new CsvError(file, `${label} decile falls as rank rises (rank ${rank(prev)} is in decile ${decile(prev)})`, l.row, `${label} decile`, String(decile(l)));
    });
    for (let d = 1; d <= 10; d++) if (!lsoas.some((l) => decile(l) === d)) throw new CsvError(file, `no LSOA in ${label} decile ${d}`);
  };
  checkDeciles(F1, 'IMD', (l) => l.imdRank, (l) => l.imdDecile);
  checkDeciles(F3, 'IDACI', (l) => l.idaciRank, (l) => l.idaciDecile);
  return lsoas.sort((a, b) => (a.code < b.code ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// File 11: upper-tier summaries.

interface File11 {
  readonly code: string;
  readonly name: string;
  readonly imdAvgRank: number;
  readonly imdAvgScore: number;
  readonly imdAvgScoreRank: number;
  readonly imdShare10: number;
  readonly idaciAvgScore: number;
  readonly idaciAvgScoreRank: number;
  readonly idaciShare10: number;
}

function readFile11(raw: RawDir, areas: AreaIndex): Map<string, File11> {
  const imd = raw.csv(F11_IMD);
  const idaci = raw.csv(F11_IDACI);
  const idaciByCode = new Map<string, CsvRow>();
  for (const r of idaci.rows) {
    const code = text(idaci, r, UTLA);
    if (idaciByCode.has(code)) throw new CsvError(idaci.file, 'council listed twice', r.row, UTLA, code);
    idaciByCode.set(code, r);
  }
  const n = imd.rows.length;
  if (idaci.rows.length !== n) throw new CsvError(idaci.file, `has ${idaci.rows.length} councils but the IMD sheet has ${n}`);
  const out = new Map<string, File11>();
  for (const r of imd.rows) {
    const code = text(imd, r, UTLA);
    if (out.has(code)) throw new CsvError(imd.file, 'council listed twice', r.row, UTLA, code);
    if (CODE_CORRECTIONS.has(code)) throw new CsvError(imd.file, `uses a pre-2013 code (now ${CODE_CORRECTIONS.get(code)})`, r.row, UTLA, code);
    const area = areas.get(code);
    if (!area || area.level !== 'la') throw new CsvError(imd.file, 'council code is not in the area lookup', r.row, UTLA, code);
    const ri = idaciByCode.get(code);
    if (!ri) throw new CsvError(idaci.file, 'council of the IMD sheet is missing from the IDACI sheet', undefined, UTLA, code);
    const name = text(imd, r, 'Upper Tier Local Authority District name (2019)');
    if (text(idaci, ri, 'Upper Tier Local Authority District name (2019)') !== name) {
      throw new CsvError(idaci.file, `name differs from the IMD sheet (${name})`, ri.row, 'Upper Tier Local Authority District name (2019)', text(idaci, ri, 'Upper Tier Local Authority District name (2019)'));
    }
    out.set(code, {
      code,
      name,
      imdAvgRank: numCell(imd, r, 'IMD - Average rank', 1, 40000),
      imdAvgScore: numCell(imd, r, 'IMD - Average score', 0, 100),
      imdAvgScoreRank: intCell(imd, r, 'IMD - Rank of average score', 1, n),
      // File 11 gives the proportion as a fraction (e.g. 0.4884), not a percent; 0..1 is enforced here.
      imdShare10: numCell(imd, r, 'IMD - Proportion of LSOAs in most deprived 10% nationally', 0, 1),
      idaciAvgScore: numCell(idaci, ri, 'IDACI - Average score', 0, 1),
      idaciAvgScoreRank: intCell(idaci, ri, 'IDACI - Rank of average score', 1, n),
      idaciShare10: numCell(idaci, ri, 'IDACI - Proportion  of LSOAs in most deprived 10% nationally', 0, 1),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Placing LSOAs in councils of any year.

type Method =
  | { kind: 'file11' }
  | { kind: 'pre2019'; districts: string[]; into: string[]; start: number }
  | { kind: 'merger'; start: number; districts: string[] }
  | { kind: 'new-code'; from: string };

interface Geography {
  /** Area code → its LSOAs (sorted by code). */
  readonly members: Map<string, Lsoa[]>;
  readonly method: Map<string, Method>;
  /** Data years whose councils are exactly File 11's. */
  readonly file11Years: number[];
}

interface Change {
  old: string;
  oldName: string;
  new: string;
  type: string;
  start: number;
  row: number;
}

function placeLsoas(raw: RawDir, areas: AreaIndex, lastDataYear: number, lsoas: readonly Lsoa[], file11: ReadonlyMap<string, File11>): Geography {
  const changesCsv = raw.csv(CHANGES);
  const changes: Change[] = changesCsv.rows
    .map((r) => ({ old: text(changesCsv, r, 'oldcd'), oldName: text(changesCsv, r, 'oldnm'), new: text(changesCsv, r, 'newcd'), type: text(changesCsv, r, 'type'), start: Number(text(changesCsv, r, 'start')), row: r.row }))
    .filter((c) => /^E0[6-9]|^E10/.test(c.old));
  const ltla = raw.csv(LTLA14);
  const county14 = new Map<string, string>();
  const region14 = new Map<string, string>();
  for (const r of ltla.rows) {
    const cd = text(ltla, r, 'ltlacd');
    if (!cd.startsWith('E')) continue;
    const cty = text(ltla, r, 'ctycd');
    if (cty) county14.set(cd, cty);
    region14.set(cd, text(ltla, r, 'rgncd'));
  }
  // 2019 district mergers (East Suffolk, West Suffolk, Somerset West and Taunton) keep their county.
  const county2019 = new Map(county14);
  for (const c of changes) {
    if (c.type !== 'merger' || !c.old.startsWith('E07') || !c.new.startsWith('E07')) continue;
    const cty = county14.get(c.old);
    if (!cty) throw new CsvError(CHANGES, 'merged district has no county in the 2014 lookup', c.row, 'oldcd', c.old);
    const had = county2019.get(c.new);
    if (had && had !== cty) throw new CsvError(CHANGES, `districts of different counties (${had}, ${cty}) merged into one district`, c.row, 'newcd', c.new);
    county2019.set(c.new, cty);
  }

  const lads = new Set(lsoas.map((l) => l.lad));
  const utla2019 = new Map<string, string>(); // LSOA code → File 11 council
  const pre2019 = new Map<string, string>(); // LSOA code → council before the 2019 mergers
  const preDistricts = new Map<string, { districts: string[]; into: string[]; start: number }>(); // pre-2019 council → how it was rebuilt
  for (const l of lsoas) {
    let utla: string | undefined;
    if (/^E0[689]/.test(l.lad)) utla = l.lad;
    else if (l.lad.startsWith('E07')) utla = county2019.get(l.lad);
    if (!utla) throw new CsvError(F1, '2019 district has no upper-tier council (not in boundaries/ltla14-lookup.csv or changes.csv)', l.row, LAD, l.lad);
    if (!file11.has(utla)) throw new CsvError(F1, `2019 district's council ${utla} is not in File 11`, l.row, LAD, l.lad);
    utla2019.set(l.code, utla);
  }
  // Councils merged in 2019 (into a 2019 district of File 1): split their LSOAs by the 2011 district
  // that starts each LSOA name.
  const merged2019 = new Map<string, Change[]>();
  for (const c of changes) {
    if (c.type === 'merger' && lads.has(c.new) && !lads.has(c.old)) merged2019.set(c.new, [...(merged2019.get(c.new) ?? []), c]);
  }
  for (const l of lsoas) {
    const olds = merged2019.get(l.lad);
    if (!olds) {
      pre2019.set(l.code, utla2019.get(l.code)!);
      continue;
    }
    const hits = olds.filter((c) => l.name.startsWith(`${c.oldName} `) && /^\d{3}[A-Z]$/.test(l.name.slice(c.oldName.length + 1)));
    if (hits.length !== 1) {
      throw new CsvError(F1, `LSOA name must begin with exactly one of the districts merged into ${l.lad} in 2019 (${olds.map((c) => c.oldName).join(', ')})`, l.row, LSOA_NAME, l.name);
    }
    const d = hits[0]!;
    const council = /^E0[689]/.test(d.old) ? d.old : county14.get(d.old);
    if (!council) throw new CsvError(CHANGES, 'district merged in 2019 has no county in the 2014 lookup', d.row, 'oldcd', d.old);
    pre2019.set(l.code, council);
    if (council !== utla2019.get(l.code)) {
      const p = preDistricts.get(council) ?? { districts: [], into: [], start: d.start };
      if (!p.districts.includes(d.oldName)) p.districts.push(d.oldName);
      if (!p.into.includes(l.lad)) p.into.push(l.lad);
      p.start = Math.min(p.start, d.start);
      preDistricts.set(council, p);
    }
  }

  // Every council of any year.
  const members = new Map<string, Lsoa[]>();
  const method = new Map<string, Method>();
  const place = (a: AreaIdentity, seen: string[] = []): Lsoa[] => {
    const done = members.get(a.code);
    if (done) return done;
    if (seen.includes(a.code)) throw new Error(`deprivation: circular code change for ${a.code}`);
    let list: Lsoa[];
    let m: Method;
    const mergers = changes.filter((c) => c.type === 'merger' && c.new === a.code && !lads.has(a.code));
    const recode = changes.filter((c) => c.type === 'new_code' && c.new === a.code);
    if (file11.has(a.code)) {
      list = lsoas.filter((l) => utla2019.get(l.code) === a.code);
      m = { kind: 'file11' };
    } else if (preDistricts.has(a.code)) {
      list = lsoas.filter((l) => pre2019.get(l.code) === a.code);
      const p = preDistricts.get(a.code)!;
      m = { kind: 'pre2019', districts: [...p.districts].sort(), into: [...p.into].sort(), start: p.start };
    } else if (mergers.length > 0) {
      for (const c of mergers) if (!lads.has(c.old)) throw new CsvError(CHANGES, `district merged into ${a.code} is not a 2019 district of File 1`, c.row, 'oldcd', c.old);
      const olds = new Set(mergers.map((c) => c.old));
      list = lsoas.filter((l) => olds.has(l.lad));
      m = { kind: 'merger', start: Math.max(...mergers.map((c) => c.start)), districts: mergers.map((c) => c.oldName).sort() };
    } else if (recode.length === 1) {
      const from = areas.get(recode[0]!.old);
      if (!from) throw new CsvError(CHANGES, 'recoded council is not in the area lookup', recode[0]!.row, 'oldcd', recode[0]!.old);
      list = place(from, [...seen, a.code]);
      m = { kind: 'new-code', from: from.code };
    } else {
      throw new Error(`deprivation: cannot place LSOAs in ${a.name} (${a.code}): not in IoD2019 File 11, not a council abolished in 2019, and no merger or code change in ${CHANGES}`);
    }
    if (list.length === 0) throw new Error(`deprivation: no LSOA placed in ${a.name} (${a.code})`);
    for (const l of list) {
      const rgn = areas.get(utla2019.get(l.code)!)!.regionCode;
      if (rgn !== a.regionCode) throw new CsvError(F1, `LSOA placed in ${a.name} (${a.code}, region ${a.regionCode}) but its 2019 council is in region ${rgn}`, l.row, LSOA, l.code);
    }
    members.set(a.code, list);
    method.set(a.code, m);
    return list;
  };
  const las = areas.all.filter((a) => a.level === 'la');
  for (const a of las) place(a);

  // Regions (checked against the 2014 lookup where it knows the district) and England.
  for (const l of lsoas) {
    const rgn = areas.get(utla2019.get(l.code)!)!.regionCode;
    const r14 = region14.get(l.lad);
    if (r14 !== undefined && r14 !== rgn) throw new CsvError(F1, `region of the 2019 district in ${LTLA14} (${r14}) differs from the council's region in the area lookup (${rgn})`, l.row, LAD, l.lad);
  }
  for (const a of areas.all) {
    if (a.level === 'region') members.set(a.code, lsoas.filter((l) => areas.get(utla2019.get(l.code)!)!.regionCode === a.code));
    else if (a.level === 'country') {
      if (a.code !== ENGLAND) throw new Error(`deprivation: unexpected country ${a.code}`);
      members.set(a.code, [...lsoas]);
    }
    if (members.get(a.code)?.length === 0) throw new Error(`deprivation: no LSOA placed in ${a.name} (${a.code})`);
  }

  // Every LSOA lies in exactly one council in every data year, and in exactly one region.
  const lastYear = Math.max(lastDataYear, ...las.map((a) => a.lastYear ?? a.firstYear));
  const file11Years: number[] = [];
  for (let y = FIRST_DATA_YEAR; y <= lastYear; y++) {
    const alive = areas.lasIn(y);
    const hits = new Map<string, string[]>();
    for (const a of alive) for (const l of members.get(a.code)!) hits.set(l.code, [...(hits.get(l.code) ?? []), a.code]);
    for (const l of lsoas) {
      const h = hits.get(l.code) ?? [];
      if (h.length !== 1) throw new CsvError(F1, `LSOA lies in ${h.length === 0 ? 'no council' : `several councils (${h.join(', ')})`} of ${y}`, l.row, LSOA, l.code);
    }
    if (alive.length === file11.size && alive.every((a) => file11.has(a.code))) file11Years.push(y);
  }
  if (file11Years.length === 0) throw new CsvError(F11_IMD, "File 11's 151 councils are not the councils of any data year in the area lookup");
  const regionHits = new Map<string, number>();
  for (const a of areas.all) if (a.level === 'region') for (const l of members.get(a.code)!) regionHits.set(l.code, (regionHits.get(l.code) ?? 0) + 1);
  for (const l of lsoas) if (regionHits.get(l.code) !== 1) throw new CsvError(F1, 'LSOA is not in exactly one region', l.row, LSOA, l.code);
  return { members, method, file11Years };
}

// ---------------------------------------------------------------------------------------------
// Build.

const shareIn = (list: readonly Lsoa[], decile: (l: Lsoa) => number) => list.filter((l) => decile(l) === 1).length / list.length;

const INDEX_DECILE: Record<DeprivationIndex, (l: Lsoa) => number> = {
  'imd-2019': (l) => l.imdDecile,
  'idaci-2019': (l) => l.idaciDecile,
};

export function buildDeprivation(ctx: IngestContext): { summaries: Map<string, DeprivationSummary>; deciles: TidyRecord[] } {
  const sourceId = ctx.useSource(SOURCE_ID);
  const lsoas = readLsoas(ctx.raw);
  const file11 = readFile11(ctx.raw, ctx.areas);
  const geo = placeLsoas(ctx.raw, ctx.areas, ctx.lastDataYear, lsoas, file11);
  const n = lsoas.length;
  const name = (code: string) => `${ctx.areas.get(code)?.name ?? code} (${code})`;

  // --- Validation: the LSOA placement reproduces File 11 for all its councils.
  let maxShareDiff = 0;
  let maxRankDiff = 0;
  for (const f of file11.values()) {
    const list = geo.members.get(f.code)!;
    for (const [label, derived, published] of [
      ['IMD', shareIn(list, (l) => l.imdDecile), f.imdShare10],
      ['IDACI', shareIn(list, (l) => l.idaciDecile), f.idaciShare10],
    ] as const) {
      const d = Math.abs(derived - published);
      maxShareDiff = Math.max(maxShareDiff, d);
      if (d > 0.00005 + 1e-12) {
        throw new CsvError(label === 'IMD' ? F11_IMD : F11_IDACI, `${label} share of LSOAs in the most deprived decile computed from the LSOA files (${derived}) does not match File 11 for ${name(f.code)}: the LSOA-to-council mapping or a file is wrong`, undefined, 'Proportion of LSOAs in most deprived 10% nationally', String(published));
      }
    }
    // File 11's "average rank" is the population-weighted mean of LSOA ranks on the reversed scale
    // (N + 1 - rank, so higher = more deprived). File 6 excludes prisoners, whom the published
    // weights evidently include (the largest gaps are in districts with prisons), so this is a
    // sanity check of the File 6 join within one rank (of 32,844), not an exact reproduction.
    const pop = list.reduce((s, l) => s + l.population, 0);
    const avgRank = n + 1 - list.reduce((s, l) => s + l.population * l.imdRank, 0) / pop;
    const d = Math.abs(avgRank - f.imdAvgRank);
    maxRankDiff = Math.max(maxRankDiff, d);
    if (d > 1) {
      throw new CsvError(F11_IMD, `population-weighted IMD average rank computed from Files 1 and 6 (${avgRank.toFixed(3)}) does not match File 11 for ${name(f.code)}`, undefined, 'IMD - Average rank', String(f.imdAvgRank));
    }
  }

  // --- Summaries.
  const summaries = new Map<string, DeprivationSummary>();
  const published = (f: File11): Omit<DeprivationSummary, 'basis' | 'note'> => ({
    imdAvgScore: f.imdAvgScore,
    imdAvgScoreRank: f.imdAvgScoreRank,
    imdShareMostDeprived10: f.imdShare10,
    idaciAvgScore: f.idaciAvgScore,
    idaciAvgScoreRank: f.idaciAvgScoreRank,
  });
  const sameArea = (a: AreaIdentity): AreaIdentity | undefined => {
    if (a.predecessors.length !== 1) return undefined;
    const p = ctx.areas.get(a.predecessors[0]!);
    return p && p.successors.length === 1 && p.successors[0] === a.code ? p : undefined;
  };
  const summaryOf = (a: AreaIdentity): DeprivationSummary => {
    const done = summaries.get(a.code);
    if (done) return done;
    let s: DeprivationSummary;
    const f = file11.get(a.code);
    const list = geo.members.get(a.code)!;
    const p = a.level === 'la' && !f ? sameArea(a) : undefined;
    if (a.level !== 'la') {
      s = {
        basis: 'not-applicable',
        note: `IoD2019 File 11 summarises upper-tier councils only, not ${a.level === 'country' ? 'England' : 'regions'}. See deprivation-deciles.csv for the ${a.level === 'country' ? "country's" : "region's"} children by IMD and IDACI decile.`,
      };
    } else if (f) {
      s = { ...published(f), basis: 'published', note: `IoD2019 File 11 (upper-tier council summaries, ${f.name}), as published. Ranks are among the ${file11.size} upper-tier councils of April 2019 (1 = most deprived).` };
    } else if (p) {
      const from = summaryOf(p);
      const pl = geo.members.get(p.code)!;
      if (pl.length !== list.length || pl.some((l, i) => l !== list[i])) {
        throw new Error(`deprivation: ${name(a.code)} has ${name(p.code)} as its only predecessor, but their LSOAs differ (${list.length} vs ${pl.length}); cannot carry the summary over`);
      }
      if (from.basis !== 'published' && from.basis !== 'carried-over') throw new Error(`deprivation: cannot carry over to ${name(a.code)} a ${from.basis} summary`);
      s = {
        imdAvgScore: from.imdAvgScore,
        imdAvgScoreRank: from.imdAvgScoreRank,
        imdShareMostDeprived10: from.imdShareMostDeprived10,
        idaciAvgScore: from.idaciAvgScore,
        idaciAvgScoreRank: from.idaciAvgScoreRank,
        basis: 'carried-over',
        note: `Same area as ${name(p.code)}, which IoD2019 File 11 lists under its 2019 code; values carried over by code substitution (ranks are among the ${file11.size} councils of April 2019). Identified from the area lookup: ${p.code} is this council's only predecessor and this council its only successor; both are made of the same ${list.length} LSOAs.`,
      };
    } else {
      const m = geo.method.get(a.code)!;
      const k = list.filter((l) => l.imdDecile === 1).length;
      const why =
        m.kind === 'pre2019'
          ? `it was abolished in ${m.start}, merged into ${m.into.map(name).join(' and ')}, and File 11 covers the ${file11.size} upper-tier councils of April 2019. Its LSOAs are those of ${m.into.length > 1 ? 'these councils' : 'that council'} whose names begin with the 2011 district ${m.districts.map((d) => `"${d}"`).join(', ')} (2011 LSOA names start with their district's name)`
          : m.kind === 'merger'
            ? `it was created in ${m.start}, after the ${file11.size} upper-tier councils of April 2019 that File 11 covers. Its LSOAs are those of the 2019 districts merged into it (${m.districts.join(', ')}; boundaries/changes.csv)`
            : m.kind === 'new-code'
              ? `its code replaced ${m.from}'s. Its LSOAs are those of ${name(m.from)}`
              : 'of an unexpected placement';
      s = {
        imdShareMostDeprived10: roundHalfUp(k / list.length, 4),
        basis: 'derived',
        note: `Not in IoD2019 File 11: ${why}. Share of LSOAs in the most deprived 10% nationally computed here from File 1 (LSOA deciles): ${k} of ${list.length} LSOAs, rounded to 4 decimal places as File 11 is (the same computation reproduces File 11 for all ${file11.size} published councils). Average scores and their ranks are not given: they need the LSOA scores (IoD File 5 or 7), which are not in the raw folder, and a rank among the councils of April 2019 would not apply to this area.`,
      };
    }
    summaries.set(a.code, s);
    return s;
  };
  for (const a of ctx.areas.all) summaryOf(a);

  // --- Children by decile.
  const deciles: TidyRecord[] = [];
  for (const a of ctx.areas.all) {
    const list = geo.members.get(a.code)!;
    const total = list.reduce((s, l) => s + l.children, 0);
    if (total <= 0) throw new Error(`deprivation: no children aged 0-15 in ${name(a.code)}`);
    if (a.code === ENGLAND && total !== ENGLAND_CHILDREN_0_15) {
      throw new CsvError(F6, `England's dependent children aged 0-15 add up to ${total}, not ${ENGLAND_CHILDREN_0_15} as checked in imd2019/PROVENANCE.md`);
    }
    for (const index of DEPRIVATION_INDICES) {
      const decileOf = INDEX_DECILE[index];
      for (let d = 1; d <= 10; d++) {
        const inD = list.filter((l) => decileOf(l) === d);
        const children = inD.reduce((s, l) => s + l.children, 0);
        deciles.push({ index, area_code: a.code, decile: d, lsoas: inD.length, children_0_15: children, share_of_children: fmtNum(children / total), source_id: sourceId });
      }
    }
  }
  const cmp = (x: unknown, y: unknown) => (String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0);
  deciles.sort((x, y) => cmp(x.area_code, y.area_code) || cmp(x.index, y.index) || Number(x.decile) - Number(y.decile));

  // --- Report.
  const fmtS = (s: DeprivationSummary) =>
    [s.imdAvgScore, s.imdAvgScoreRank, s.imdShareMostDeprived10, s.idaciAvgScore, s.idaciAvgScoreRank].map((v) => (v === undefined ? '' : fmtNum(v))).join(' | ');
  const lines = [
    '# Deprivation (IoD2019): how the council summaries and decile tables were built',
    '',
    `- LSOAs: ${n} (File 1, File 3 and File 6 agree on codes, names, districts and IMD ranks); England children aged 0-15 (mid-2015): ${ENGLAND_CHILDREN_0_15}.`,
    `- File 11: ${file11.size} councils, the councils of data year(s) ${geo.file11Years.join(', ')} in the area lookup.`,
    `- Check: LSOA-based share of LSOAs in the most deprived decile (IMD and IDACI) reproduces File 11 for all ${file11.size} councils (largest difference ${maxShareDiff.toFixed(6)}; File 11 rounds to 4 decimals).`,
    `- Check: population-weighted IMD average rank (File 1 ranks reversed, File 6 weights) is within 1 of File 11 for all councils (largest difference ${maxRankDiff.toFixed(3)}; File 6 weights exclude prisoners, which the published weights appear to include).`,
    `- Check: in every data year ${FIRST_DATA_YEAR}-${Math.max(ctx.lastDataYear, ...ctx.areas.all.map((a) => a.lastYear ?? a.firstYear))}, each LSOA lies in exactly one council that existed that year.`,
    '',
    '| code | name | basis | IMD avg score | rank | share in most deprived 10% | IDACI avg score | rank | note |',
    '|---|---|---|---|---|---|---|---|---|',
    ...ctx.areas.all
      .filter((a) => {
        const b = summaries.get(a.code)!.basis;
        return b === 'carried-over' || b === 'derived';
      })
      .map((a) => {
        const s = summaries.get(a.code)!;
        return `| ${a.code} | ${a.name} | ${s.basis} | ${fmtS(s)} | ${s.note} |`;
      }),
    '',
  ];
  ctx.report('deprivation.md', lines.join('\n'));
  return { summaries, deciles };
}
