import { CsvError, type ParsedCsv } from '../../lib/csv';
import { CLOSENESS, type Closeness, type NeighbourModel } from '../../lib/schema/pathway';
import type { AreaIdentity } from './areas';
import type { IngestContext } from './context';
import { text } from './raw';
import type { TidyRecord } from './write';

/**
 * DfE's children's services statistical neighbours: for each council, its 10 most similar councils,
 * closest first, with a closeness band. Two models: 2025 (the 153 councils of 2025) and April 2021
 * (the councils of 2021-22, plus an "Old SNs" block for four councils that had gone by then). The
 * files give DfE's three-digit LA numbers; each is joined to the council of that number that
 * existed in the model's year (for the old block, in the council's own last year). The ingest stops
 * if a council has other than 10 neighbours, a neighbour is not a council of that year, a council
 * is listed twice, or a model misses a council of its year.
 */
const FILE_2025 = 'statistical-neighbours/sn_model_2025_wide.csv';
const FILE_2021 = 'statistical-neighbours/New_Statistical_Neighbour_Groupings_April_2021.csv';
export const NEIGHBOUR_SOURCES: Readonly<Record<NeighbourModel, string>> = { '2025': 'dfe-sn-2025', '2021': 'dfe-sn-2021' };
/** Data year (ending 31 March) whose councils each model covers: 2025 for the 2025 model; 2021-22 for April 2021 groupings. */
const MODEL_YEAR: Readonly<Record<NeighbourModel, number>> = { '2025': 2025, '2021': 2022 };

function band(file: string, row: number, column: string, raw: string): Closeness {
  const v = raw.trim().toLowerCase();
  const hit = CLOSENESS.find((c) => c.toLowerCase() === v);
  if (!hit) throw new CsvError(file, `unknown closeness band (expected one of ${CLOSENESS.join(', ')})`, row, column, raw);
  return hit;
}

interface Listing {
  readonly area: AreaIdentity;
  readonly neighbours: readonly { num: string; closeness: Closeness; column: string }[];
  readonly row: number;
  readonly year: number;
  readonly note: string;
}

export function buildNeighbours(ctx: IngestContext): TidyRecord[] {
  const out: TidyRecord[] = [];
  const emit = (model: NeighbourModel, file: string, listings: readonly Listing[], expectAll: boolean) => {
    const seen = new Set<string>();
    for (const l of listings) {
      if (seen.has(l.area.code)) throw new CsvError(file, `${l.area.name} is listed twice`, l.row);
      seen.add(l.area.code);
      if (l.neighbours.length !== 10) throw new CsvError(file, `${l.area.name} has ${l.neighbours.length} neighbours, not 10`, l.row);
      const codes = new Set<string>();
      l.neighbours.forEach((n, i) => {
        const nb = ctx.areas.byLaNumber(n.num, l.year, file, l.row, n.column);
        if (nb.code === l.area.code) throw new CsvError(file, `${l.area.name} is listed as its own neighbour`, l.row, n.column, n.num);
        if (codes.has(nb.code)) throw new CsvError(file, `${nb.name} is listed twice as a neighbour of ${l.area.name}`, l.row, n.column, n.num);
        codes.add(nb.code);
        out.push({ model, area_code: l.area.code, rank: i + 1, neighbour_code: nb.code, closeness: n.closeness, source_id: NEIGHBOUR_SOURCES[model], note: l.note });
      });
    }
    if (expectAll) {
      const missing = ctx.areas.lasIn(MODEL_YEAR[model]).filter((a) => !seen.has(a.code));
      if (missing.length) throw new CsvError(file, `the ${model} model has no neighbours for ${missing.map((a) => a.name).join(', ')}, councils of ${MODEL_YEAR[model]}`);
    }
    ctx.useSource(NEIGHBOUR_SOURCES[model]);
  };

  // 2025 model: old_la_code, la_name, region…, SN_1, SN_1P, …, SN_10, SN_10P
  const c25 = ctx.raw.csv(FILE_2025);
  const l25: Listing[] = c25.rows.map((r) => {
    const area = ctx.areas.byLaNumber(text(c25, r, 'old_la_code'), MODEL_YEAR['2025'], c25.file, r.row, 'old_la_code');
    checkName(c25, r.row, area, text(c25, r, 'la_name'));
    const neighbours = Array.from({ length: 10 }, (_, i) => i + 1)
      .filter((k) => text(c25, r, `SN_${k}`) !== '' || text(c25, r, `SN_${k}P`) !== '') // an empty pair is a missing neighbour, counted below
      .map((k) => ({ num: text(c25, r, `SN_${k}`), closeness: band(c25.file, r.row, `SN_${k}P`, text(c25, r, `SN_${k}P`)), column: `SN_${k}` }));
    return { area, neighbours, row: r.row, year: MODEL_YEAR['2025'], note: '' };
  });
  emit('2025', c25.file, l25, true);

  // April 2021: "LA num", "LA Name", "LA number", GOInd, GOReg, then SN1, SNP, …, SN10, SNP (the
  // band column name repeats, so it is read by position), and a trailing empty column. Two blocks,
  // separated by blank rows and a row reading "Old SNs:".
  const c21 = ctx.raw.csv(FILE_2021, { repeatableNames: ['SNP'] });
  const first = c21.header.indexOf('SN1');
  if (first < 0) throw new CsvError(c21.file, 'column SN1 not found', 1, 'SN1');
  const l21: Listing[] = [];
  const old: Listing[] = [];
  let block: 'main' | 'gap' | 'old' = 'main';
  for (const r of c21.rows) {
    const cells = r.fields.map((f) => f.trim());
    const num = cells[0]!;
    const name = cells[1]!;
    if (num === '' && cells.every((c, i) => i === 1 || c === '')) {
      if (name === '' && block === 'main') block = 'gap';
      else if (/^old sns:?$/i.test(name) && block === 'gap') block = 'old';
      else if (name !== '' || block === 'main') throw new CsvError(c21.file, 'unexpected separator row', r.row, 'LA Name', name);
      continue;
    }
    if (block === 'gap') throw new CsvError(c21.file, 'a council row between the two blocks (expected "Old SNs:")', r.row, 'LA num', num);
    if (cells[2] !== num) throw new CsvError(c21.file, '"LA number" differs from "LA num"', r.row, 'LA number', cells[2]);
    const isOld = block === 'old';
    const candidates = ctx.areas.all.filter((a) => a.level === 'la' && a.laNumber === num);
    const area = isOld ? candidates.filter((a) => a.lastYear !== undefined && a.lastYear < MODEL_YEAR['2021']).sort((a, b) => b.lastYear! - a.lastYear!)[0] : ctx.areas.byLaNumber(num, MODEL_YEAR['2021'], c21.file, r.row, 'LA num');
    if (!area) throw new CsvError(c21.file, 'no council with this DfE number had gone by April 2021', r.row, 'LA num', num);
    checkName(c21, r.row, area, name.replace(/\s*\(pre lg\)$/i, ''));
    const neighbours = Array.from({ length: 10 }, (_, i) => first + 2 * i)
      .filter((at, i) => {
        if (c21.header[at] !== `SN${i + 1}` || c21.header[at + 1] !== 'SNP') throw new CsvError(c21.file, `expected columns SN${i + 1} and SNP at positions ${at + 1} and ${at + 2}`, 1, c21.header[at]);
        return cells[at] !== '' || cells[at + 1] !== '';
      })
      .map((at) => ({ num: cells[at]!, closeness: band(c21.file, r.row, `SNP (position ${at + 2})`, cells[at + 1]!), column: c21.header[at]! }));
    const listing: Listing = { area, neighbours, row: r.row, year: isOld ? area.lastYear! : MODEL_YEAR['2021'], note: isOld ? `Listed by DfE under "Old SNs" in its April 2021 file: ${area.name} had gone by April 2021; its neighbours are councils of ${area.lastYear! - 1}-${String(area.lastYear).slice(2)}.` : '' };
    (isOld ? old : l21).push(listing);
  }
  if (block !== 'old' || old.length === 0) throw new CsvError(c21.file, 'the "Old SNs:" block was not found');
  emit('2021', c21.file, l21, true);
  emit('2021', c21.file, old, false);
  return out.sort((a, b) => String(a.model).localeCompare(String(b.model)) || String(a.area_code).localeCompare(String(b.area_code)) || Number(a.rank) - Number(b.rank));
}

/** The file's name must be DfE's name of the council found by number (a shifted row would not be). */
function checkName(csv: ParsedCsv, row: number, area: AreaIdentity, name: string): void {
  const n = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z]+/g, '');
  // DfE's lists spell a few names differently ("Kingston upon Hull, City of" / "Hull"; "Bristol, City of").
  if (n(name) !== n(area.name) && !n(area.name).includes(n(name)) && !n(name).includes(n(area.name))) {
    throw new CsvError(csv.file, `name does not match the council with this DfE number (${area.name})`, row, 'la_name', name);
  }
}
