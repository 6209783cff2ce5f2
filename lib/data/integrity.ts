import { CsvError } from '../csv';
import type { Area, Measure, Observation, PopulationRow } from '../schema/tables';
import type { Cell } from '../status';

/**
 * Rules across rows and files that no per-row schema can see, shared by the ingest (on what it is
 * about to write) and the build-time loader (on what it reads), so the build refuses everything the
 * ingest would refuse. Pure: parsed rows in, a CsvError naming file, row, column and value out.
 *
 * Rows are numbered as in the file (header = row 1), so each observation file is passed with its
 * rows in file order.
 */

export interface ObservationFile {
  readonly file: string;
  readonly rows: readonly Observation[];
}

export interface IntegrityInput {
  readonly files: readonly ObservationFile[];
  readonly measures: readonly Measure[];
  readonly areas: readonly Area[];
  readonly population: readonly PopulationRow[];
  readonly sources: ReadonlySet<string>;
}

const ENGLAND = 'E92000001';
/** Units whose counts need not be whole numbers. */
const DECIMAL_UNITS = new Set(['%', '£']);
const decimalUnit = (u: string) => DECIMAL_UNITS.has(u) || / per /.test(u);
/** No DfE count here comes near this (England's children number about 12 million). */
const MAX_COUNT = 20_000_000;

/**
 * A published rate is DfE's, on the population estimates of its own release; the estimates used
 * here for the same year can differ (ONS revised them after each census). The largest gap in the
 * data is 48%, the City of London (about 1,000 children, a handful counted). A published rate more
 * than 60% away from count ÷ population (plus a unit of DfE's rounding) is not that count's rate:
 * a misplaced decimal point or a swapped column is ten times or more away.
 */
export const PUBLISHED_RATE_TOLERANCE = 0.6;

const show = (c: Cell) => (c.kind === 'value' ? String(c.value) : c.status);

/** Round half away from zero to one decimal place, as the ingest computes rates. */
const round1 = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9)) / 10;

/**
 * Codes of the same council area under other codes (one-to-one successor or predecessor chains,
 * e.g. Buckinghamshire E10000002 → E06000060): population files key an estimate by the code in use
 * at mid-year. The ingest's AreaIndex.sameArea follows the same rule.
 */
export function sameAreaCodes(code: string, get: (code: string) => Pick<Area, 'predecessors' | 'successors'> | undefined): string[] {
  const out: string[] = [];
  const step = (c: string, dir: 'successors' | 'predecessors') => {
    const next = get(c)?.[dir];
    if (!next || next.length !== 1) return;
    const n = get(next[0]!);
    const back = n?.[dir === 'successors' ? 'predecessors' : 'successors'];
    if (n && back?.length === 1 && !out.includes(next[0]!)) {
      out.push(next[0]!);
      step(next[0]!, dir);
    }
  };
  step(code, 'successors');
  step(code, 'predecessors');
  return out;
}

export function checkObservations(input: IntegrityInput): void {
  const measures = new Map(input.measures.map((m) => [m.id, m]));
  const areas = new Map(input.areas.map((a) => [a.code, a]));
  const pops = new Map(input.population.map((p) => [`${p.midYear}|${p.areaCode}`, p]));
  const popFor = (midYear: number, code: string) => {
    for (const c of [code, ...sameAreaCodes(code, (x) => areas.get(x))]) {
      const p = pops.get(`${midYear}|${c}`);
      if (p) return p;
    }
    return undefined;
  };
  if (!areas.has(ENGLAND)) throw new CsvError('areas.csv', `England (${ENGLAND}) is missing`);
  if (input.areas.filter((a) => a.level === 'region').length !== 9) throw new CsvError('areas.csv', `expected the 9 English regions, found ${input.areas.filter((a) => a.level === 'region').length}`);
  for (const m of measures.values()) for (const s of m.sources) if (!input.sources.has(s)) throw new CsvError('measures.csv', `measure ${m.id} cites unknown source`, undefined, 'sources', s);

  const englandYears = new Set<string>();
  const years = new Map<string, { file: string; row: number }>();
  for (const { file, rows } of input.files) {
    if (rows.length === 0) throw new CsvError(file, 'has a header but no rows');
    rows.forEach((o, i) => {
      const row = i + 2;
      const err = (problem: string, column?: string, value?: string) => new CsvError(file, `${o.measure} ${o.year} ${o.areaCode}: ${problem}`, row, column, value);
      const m = measures.get(o.measure);
      if (!m) throw err('measure not in measures.csv', 'measure', o.measure);
      if (m.file !== file) throw err(`this measure belongs in ${m.file} (measures.csv), not here`, 'measure', o.measure);
      if (o.year < m.firstYear || o.year > m.lastYear) throw err(`year outside the measure's years in measures.csv (${m.firstYear}-${m.lastYear})`, 'year', String(o.year));
      const a = areas.get(o.areaCode);
      if (!a) throw err('area not in areas.csv', 'area_code', o.areaCode);
      // Councils change on 1 April, so a 30 September snapshot belongs to the council of the next 31 March.
      const asAt = m.period === '30-september' ? o.year + 1 : o.year;
      if (a.level === 'la' && (asAt < a.firstYear || (a.lastYear !== undefined && asAt > a.lastYear))) throw err(`${a.name} did not exist that year (${a.firstYear}-${a.lastYear ?? ''})`, 'year', String(o.year));
      if (!input.sources.has(o.sourceId)) throw err('source not in sources.csv', 'source_id', o.sourceId);
      if (o.rateSourceId !== undefined && !input.sources.has(o.rateSourceId)) throw err('source not in sources.csv', 'rate_source_id', o.rateSourceId);

      if (!m.hasCount && o.count.kind === 'value') throw err(`${m.id} has no counts (measures.csv), but a count is given`, 'count', show(o.count));
      if (!m.hasRate && o.rate.kind === 'value') throw err(`${m.id} has no rate per 10,000 (measures.csv), but a rate is given`, 'rate_per_10k', show(o.rate));
      if (o.count.kind === 'value') {
        const v = o.count.value;
        if (!decimalUnit(m.countUnit) && !Number.isInteger(v)) throw err(`a count of ${m.countUnit} must be a whole number`, 'count', String(v));
        if (m.countUnit === '%' && v > 100) throw err('a percentage must be at most 100', 'count', String(v));
        if (!decimalUnit(m.countUnit) && v > MAX_COUNT) throw err(`more ${m.countUnit} than there are children in England`, 'count', String(v));
      }

      if (m.hasRate && m.hasCount) {
        const pop = popFor(o.year - 1, o.areaCode);
        if (o.rateOrigin === 'computed') {
          // A computed rate is count ÷ population × 10,000 to one decimal place, nothing else.
          if (!pop) throw err(`a computed rate needs the population of mid-${o.year - 1} (population.csv has none for this area)`, 'rate_per_10k', show(o.rate));
          if (o.count.kind === 'missing' || pop.population.kind === 'missing') {
            if (o.rate.kind === 'value') throw err(`a rate is given but the ${o.count.kind === 'missing' ? 'count' : 'population'} it is computed from is missing`, 'rate_per_10k', show(o.rate));
          } else {
            const expected = round1((o.count.value / pop.population.value) * 10000);
            if (o.rate.kind !== 'value' || Math.abs(o.rate.value - expected) > 0.05 + 1e-9) {
              throw err(`computed rate must be count ÷ population × 10,000 = ${o.count.value} ÷ ${pop.population.value} × 10,000 = ${expected}`, 'rate_per_10k', show(o.rate));
            }
          }
        } else if (o.rateOrigin === 'published' && o.rate.kind === 'value' && o.count.kind === 'value' && pop?.population.kind === 'value' && o.count.value > 0) {
          const implied = (o.count.value / pop.population.value) * 10000;
          const unit = Number.isInteger(o.rate.value) ? 0.5 : 0.05;
          if (Math.abs(o.rate.value - implied) > PUBLISHED_RATE_TOLERANCE * implied + unit + 1e-9) {
            throw err(`published rate is not plausible for this count: count ÷ population × 10,000 = ${round1(implied)}, more than ${PUBLISHED_RATE_TOLERANCE * 100}% away`, 'rate_per_10k', show(o.rate));
          }
        }
      }
      if (o.areaCode === ENGLAND) englandYears.add(`${o.measure}|${o.year}`);
      if (!years.has(`${o.measure}|${o.year}`)) years.set(`${o.measure}|${o.year}`, { file, row });
    });
  }
  // Every measure and year shown has England's figure (a figure, or DfE's reason there is none).
  for (const [k, at] of years) {
    if (!englandYears.has(k)) {
      const [measure, year] = k.split('|');
      throw new CsvError(at.file, `${measure} ${year}: no row for England (${ENGLAND}); every measure and year needs England's figure or its DfE status code`, undefined, 'area_code');
    }
  }
  for (const m of measures.values()) {
    for (let y = m.firstYear; y <= m.lastYear; y++) {
      if (!years.has(`${m.id}|${y}`) && input.files.some((f) => f.file === m.file)) throw new CsvError(m.file, `${m.id}: no rows for ${y}, a year inside its years in measures.csv (${m.firstYear}-${m.lastYear})`, undefined, 'year', String(y));
    }
  }
}

/** Breaks: the measure exists, the break lies inside its years, a rate-only break has rates, its source is listed. */
export function checkBreaks(breaks: readonly import('../schema/pathway').BreakRow[], measures: readonly Measure[], sources: ReadonlySet<string>, file = 'breaks.csv'): void {
  const byId = new Map(measures.map((m) => [m.id, m]));
  breaks.forEach((b, i) => {
    const at = (problem: string, column: string, value: string) => new CsvError(file, `break of ${b.measure} in ${b.year}: ${problem}`, i + 2, column, value);
    const m = byId.get(b.measure);
    if (!m) throw at('measure not in measures.csv', 'measure', b.measure);
    if (b.year <= m.firstYear || b.year > m.lastYear) throw at(`not inside the measure's years (${m.firstYear}-${m.lastYear})`, 'year', String(b.year));
    if (b.appliesTo === 'rate' && !m.hasRate) throw at('applies to rates, but the measure has none', 'applies_to', b.appliesTo);
    if (!sources.has(b.sourceId)) throw at('source not in sources.csv', 'source_id', b.sourceId);
  });
}

/** Neighbours: every council and neighbour is a council of the model's year (or, for a council that had gone, of its last year), ten each. */
export function checkNeighbours(rows: readonly import('../schema/pathway').NeighbourRow[], areas: readonly Area[], file = 'neighbours.csv'): void {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const alive = (code: string, year: number) => {
    const a = byCode.get(code);
    return a !== undefined && a.level === 'la' && a.firstYear <= year && (a.lastYear === undefined || a.lastYear >= year);
  };
  const count = new Map<string, number>();
  rows.forEach((n, i) => {
    const a = byCode.get(n.areaCode);
    if (!a || a.level !== 'la') throw new CsvError(file, 'not a council in areas.csv', i + 2, 'area_code', n.areaCode);
    const year = n.model === '2025' ? 2025 : Math.min(2022, a.lastYear ?? 2022);
    if (!alive(n.areaCode, year)) throw new CsvError(file, `${a.name} was not a council in ${year} (model ${n.model})`, i + 2, 'area_code', n.areaCode);
    if (!alive(n.neighbourCode, year)) throw new CsvError(file, `neighbour of ${a.name} was not a council in ${year} (model ${n.model})`, i + 2, 'neighbour_code', n.neighbourCode);
    const k = `${n.model}|${n.areaCode}`;
    count.set(k, (count.get(k) ?? 0) + 1);
  });
  for (const [k, c] of count) if (c !== 10) throw new CsvError(file, `${k.replace('|', ' model, ')} has ${c} neighbours, not 10`);
}

/** Factors: every factor has a label, every area is known and existed that year. */
export function checkFactors(rows: readonly import('../schema/pathway').FactorRow[], labels: readonly import('../schema/pathway').FactorLabel[], areas: readonly Area[], file = 'assessment-factors.csv'): void {
  const known = new Set(labels.map((f) => f.factor));
  const byCode = new Map(areas.map((a) => [a.code, a]));
  rows.forEach((f, i) => {
    if (!known.has(f.factor)) throw new CsvError(file, 'factor not in assessment-factor-labels.csv', i + 2, 'factor', f.factor);
    const a = byCode.get(f.areaCode);
    if (!a) throw new CsvError(file, 'area not in areas.csv', i + 2, 'area_code', f.areaCode);
    if (a.level === 'la' && (f.year < a.firstYear || (a.lastYear !== undefined && f.year > a.lastYear))) throw new CsvError(file, `${a.name} did not exist that year`, i + 2, 'year', String(f.year));
  });
}
