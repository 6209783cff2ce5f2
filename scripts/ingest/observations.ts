import { CsvError, toCsv } from '../../lib/csv';
import type { Cell } from '../../lib/status';
import { ENGLAND } from './areas';
import type { IngestContext } from './context';
import type { Populations } from './population';
import { cellFields, fmtNum, roundHalfUp, type TidyRecord } from './write';

/**
 * A figure as one release file gives it. Several releases often give the same measure, year and
 * area (each EES release republishes 2013 onwards); the rule is: the latest release covering the
 * year wins. Within one release, a file that also publishes the rate is preferred.
 */
export interface Candidate {
  readonly measure: string;
  readonly year: number;
  readonly areaCode: string;
  readonly count: Cell;
  /** The rate as the release published it; undefined when the release has no rate column. */
  readonly rate: Cell | undefined;
  readonly sourceId: string;
  /** Publication order of the release (yyyymm); higher wins. */
  readonly release: number;
  readonly file: string;
  readonly row: number;
}

export interface Revision {
  measure: string;
  year: number;
  areaCode: string;
  kept: string;
  keptSource: string;
  other: string;
  otherSource: string;
}

const show = (c: Cell) => (c.kind === 'value' ? fmtNum(c.value) : c.status);
const same = (a: Cell, b: Cell) => (a.kind === 'value' ? b.kind === 'value' && a.value === b.value : b.kind === 'missing' && a.status === b.status);

export class ObservationSet {
  private readonly byKey = new Map<string, Candidate[]>();

  /** The figure one release gave for a measure, year and area, if it gave one. */
  candidate(measure: string, year: number, areaCode: string, sourceId: string): Candidate | undefined {
    return this.byKey.get(`${measure}|${year}|${areaCode}`)?.find((c) => c.sourceId === sourceId);
  }

  add(c: Candidate): void {
    const key = `${c.measure}|${c.year}|${c.areaCode}`;
    const list = this.byKey.get(key) ?? [];
    const dup = list.find((o) => o.sourceId === c.sourceId);
    if (dup) throw new CsvError(c.file, `duplicate key ${key} (also at row ${dup.row})`, c.row);
    list.push(c);
    this.byKey.set(key, list);
  }

  /**
   * Winners as tidy rows (rates published or computed), plus every figure an older release gave
   * differently. `rateless` measures (percentages) get no rate. England's rate: where the councils'
   * rates of a measure and year are DfE's own (published) but the England count comes from a release
   * without a rate (the revised national time series), England takes the rate DfE published for it in
   * the release the councils' rates come from, so that England and the councils share a denominator.
   */
  resolve(ctx: IngestContext, pops: Populations, rateless: ReadonlySet<string> = new Set()): { rows: TidyRecord[]; revisions: Revision[]; englandRates: EnglandRateChoice[] } {
    const rows: TidyRecord[] = [];
    const revisions: Revision[] = [];
    const englandRates: EnglandRateChoice[] = [];
    const winners = new Map<string, { win: Candidate; sorted: Candidate[] }>();
    for (const [key, list] of this.byKey) {
      const sorted = [...list].sort((a, b) => b.release - a.release || Number(b.rate !== undefined) - Number(a.rate !== undefined));
      const win = sorted[0]!;
      for (const other of sorted.slice(1)) {
        if (other.release === win.release && !same(other.count, win.count)) {
          throw new CsvError(other.file, `${key}: ${show(other.count)} disagrees with ${show(win.count)} in ${win.file} of the same release`, other.row);
        }
        if (!same(other.count, win.count)) {
          revisions.push({ measure: win.measure, year: win.year, areaCode: win.areaCode, kept: show(win.count), keptSource: win.sourceId, other: show(other.count), otherSource: other.sourceId });
        }
      }
      winners.set(key, { win, sorted });
    }
    // measure|year → sources of the councils' published rates
    const councilRateSources = new Map<string, Map<string, number>>();
    for (const { win } of winners.values()) {
      if (win.rate === undefined || win.areaCode === ENGLAND || ctx.areas.get(win.areaCode)?.level !== 'la') continue;
      const k = `${win.measure}|${win.year}`;
      const m = councilRateSources.get(k) ?? new Map<string, number>();
      m.set(win.sourceId, (m.get(win.sourceId) ?? 0) + 1);
      councilRateSources.set(k, m);
    }
    for (const [key, { win, sorted }] of winners) {
      let rate: Cell;
      let origin: 'published' | 'computed' | '';
      let rateSource = '';
      if (rateless.has(win.measure)) {
        if (win.rate !== undefined) throw new CsvError(win.file, `${key}: a percentage measure cannot have a rate per 10,000`, win.row);
        rate = { kind: 'missing', status: 'z' };
        origin = '';
      } else if (win.rate !== undefined) {
        rate = win.rate;
        origin = 'published';
      } else {
        const councils = win.areaCode === ENGLAND ? councilRateSources.get(`${win.measure}|${win.year}`) : undefined;
        const councilSource = councils ? [...councils].sort((a, b) => b[1] - a[1])[0]![0] : undefined;
        const dfe = councilSource ? sorted.find((c) => c.sourceId === councilSource && c.rate?.kind === 'value') : undefined;
        if (dfe?.rate?.kind === 'value') {
          if (win.count.kind !== 'value' || dfe.count.kind !== 'value' || Math.abs(dfe.count.value - win.count.value) > 0.005 * win.count.value) {
            throw new CsvError(dfe.file, `${key}: DfE's England rate goes with a count of ${show(dfe.count)}, too far from the ${show(win.count)} kept (${win.file}) to stand for it`, dfe.row);
          }
          rate = dfe.rate;
          origin = 'published';
          rateSource = dfe.sourceId;
          ctx.useSource(dfe.sourceId);
          englandRates.push({ measure: win.measure, year: win.year, rate: dfe.rate.value, rateSource: dfe.sourceId, rateCount: dfe.count.value, count: win.count.value, countSource: win.sourceId });
        } else {
          origin = 'computed';
          const pop = pops.forRate(win.year - 1, win.areaCode, ctx.areas);
          if (!pop) throw new Error(`${key}: no population estimate for mid-${win.year - 1} to compute the rate (source ${win.sourceId})`);
          if (win.count.kind === 'missing') rate = win.count;
          else if (pop.population.kind === 'missing') rate = pop.population;
          else rate = { kind: 'value', value: roundHalfUp((win.count.value / pop.population.value) * 10000, 1) };
        }
      }
      ctx.useSource(win.sourceId);
      const [count, countStatus] = cellFields(win.count);
      const [ratePer10k, rateStatus] = cellFields(rate);
      rows.push({ measure: win.measure, year: win.year, area_code: win.areaCode, count, count_status: countStatus, rate_per_10k: ratePer10k, rate_status: rateStatus, rate_origin: origin, source_id: win.sourceId, rate_source_id: rateSource });
    }
    rows.sort((a, b) => String(a.measure).localeCompare(String(b.measure)) || String(a.area_code).localeCompare(String(b.area_code)) || Number(a.year) - Number(b.year));
    revisions.sort((a, b) => a.measure.localeCompare(b.measure) || a.areaCode.localeCompare(b.areaCode) || a.year - b.year || a.otherSource.localeCompare(b.otherSource));
    englandRates.sort((a, b) => a.measure.localeCompare(b.measure) || a.year - b.year);
    return { rows, revisions, englandRates };
  }
}

/** An England rate taken from the release the councils' rates come from (see resolve). */
export interface EnglandRateChoice {
  readonly measure: string;
  readonly year: number;
  readonly rate: number;
  readonly rateSource: string;
  /** The England count that release gave with the rate, and the count kept (latest release). */
  readonly rateCount: number;
  readonly count: number;
  readonly countSource: string;
}

export function revisionsCsv(revisions: readonly Revision[]): string {
  return toCsv(
    ['measure', 'year', 'area_code', 'kept', 'kept_source', 'other', 'other_source'],
    revisions.map((r) => ({ measure: r.measure, year: r.year, area_code: r.areaCode, kept: r.kept, kept_source: r.keptSource, other: r.other, other_source: r.otherSource })),
  );
}
