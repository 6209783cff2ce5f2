import { buildPathway, PATHWAY_MAIN, type PathwayConversion } from '../pathway';
import type { Cell, MissingStatus } from '../status';
import { memberIn, type Profile } from './identity';
import { ENGLAND, type ProfileInputs } from './inputs';
import { meanOf, neighbourCell, type NeighbourSet } from './neighbours';

/**
 * The child protection pathway of a profile, every year (pure): referrals → section 47 enquiries →
 * initial child protection conferences → child protection plans started, per 10,000 children, for
 * the area, its statistical neighbours' average and England, with the conversions between steps
 * (from the counts of the same year). Compact and JSON-serialisable: the page's year control
 * switches between years in the browser.
 */

/** A figure in the compact form: a number, a DfE code, or null (no figure published). */
export type PackedCell = number | MissingStatus | null;

export const pack = (c: Cell | undefined): PackedCell => (c === undefined ? null : c.kind === 'value' ? c.value : c.status);
export const unpackCell = (p: PackedCell): Cell | undefined => (p === null ? undefined : typeof p === 'number' ? { kind: 'value', value: p } : { kind: 'missing', status: p });

export interface PathwayYear {
  readonly year: number;
  /** The area's rate and count at each main step (PATHWAY_MAIN order). */
  readonly rate: readonly PackedCell[];
  readonly count: readonly PackedCell[];
  readonly sourceIds: readonly (string | null)[];
  readonly rateOrigins: readonly ('published' | 'computed' | '')[];
  readonly england: readonly PackedCell[];
  /** Neighbours' average rate at each step, and how many neighbours it averages (0 = none). */
  readonly neighbours: readonly (number | null)[];
  readonly neighboursN: readonly number[];
  /** Conversions between consecutive steps (later ÷ earlier, counts), area and England; null when a count is missing. */
  readonly conversions: readonly (number | null)[];
  readonly englandConversions: readonly (number | null)[];
}

export interface PathwaySeries {
  readonly steps: readonly string[];
  readonly years: readonly PathwayYear[];
  /** Neighbours shown (the model's label), or undefined for England and regions. */
  readonly neighbourModel: string | undefined;
}

const ratio = (c: readonly PathwayConversion[]) => c.map((x) => (x.ratio === undefined ? null : x.ratio));

export function pathwaySeries(inputs: ProfileInputs, profile: Profile, set: NeighbourSet | undefined, fromYear: number, toYear: number): PathwaySeries {
  const years: PathwayYear[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    const code = memberIn(profile, y);
    if (!code) continue;
    const p = buildPathway(inputs.lookup, code, y);
    const e = buildPathway(inputs.lookup, ENGLAND, y);
    const main = PATHWAY_MAIN.map((m) => p.flows.find((s) => s.measure === m)!);
    const eng = PATHWAY_MAIN.map((m) => e.flows.find((s) => s.measure === m)!);
    const nb = PATHWAY_MAIN.map((m) => (set && profile.code !== ENGLAND ? meanOf(set.neighbours.map((n) => neighbourCell(inputs, n, m, y, 'rate').cell)) : undefined));
    years.push({
      year: y,
      rate: main.map((s) => pack(s.rate)),
      count: main.map((s) => pack(s.count)),
      sourceIds: main.map((s) => s.sourceId ?? null),
      rateOrigins: main.map((s) => s.rateOrigin),
      england: profile.code === ENGLAND ? main.map(() => null) : eng.map((s) => pack(s.rate)),
      neighbours: nb.map((a) => (a ? Math.round(a.value * 10) / 10 : null)),
      neighboursN: nb.map((a) => a?.n ?? 0),
      conversions: ratio(p.conversions),
      englandConversions: profile.code === ENGLAND ? p.conversions.map(() => null) : ratio(e.conversions),
    });
  }
  return { steps: PATHWAY_MAIN, years, neighbourModel: set ? set.model : undefined };
}
