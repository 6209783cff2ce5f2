import { breakPhrase, breaksBetween, breaksForUnit } from '../breaks';
import { formatCount, formatNumber, formatRate, formatYear } from '../format';
import { STATUS_LABEL } from '../status';
import type { ChangeClaim, CheckSpec, Claimed, ClaimSpec, Comparator, Quantity } from './spec';
import type { Alternative, CheckResult, ClaimData, ClaimResult, CwipPoint, FigureUse, MeasureInfo, Outcome, Step, Unit, Verdict } from './types';

/**
 * The claim engine (pure): a claim spec, the quote's date and the data in; every figure, the
 * arithmetic step by step and the verdict out. Nothing here knows a figure in advance.
 *
 * Verdict rules (also on /methodology/#claims):
 * - A test is yes, no, or unclear (the published figures are too rounded to tell).
 * - A check holds when every test is yes; it holds only with a caveat when it crosses a break in
 *   the series, rests on a difference of two counts, on rounded secondary figures or on a
 *   projection, or holds against some defensible base years but not others (each is shown side by
 *   side); it does not hold when a test is no (on every base); it can't be checked when the data
 *   cannot answer (the check says what data would).
 * - A claim does not hold if any of its checks does not; it can't be checked if none of its checks
 *   can; otherwise it holds, with a caveat if any check has one or could not be checked.
 * - Where a figure was revised after the claim was made, the check is judged again on the figures
 *   of the time (the latest release published before the claim), and both verdicts are shown.
 */

export const ENGLAND = 'E92000001';
const ALMOST_WITHIN = 0.1;

/* ---- Numbers and words ---------------------------------------------------------------------- */

type Kind = 'count' | 'money' | 'rate' | 'percent' | 'factor' | 'one-in';

const dec2 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dec1 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function fmt(v: number, kind: Kind): string {
  switch (kind) {
    case 'count':
      return formatNumber(Number.isInteger(v) ? v : Math.round(v * 10) / 10);
    case 'money':
      return formatCount(v, '£');
    case 'rate':
      return `${formatRate(v)} per 10,000 children`;
    case 'percent':
      return `${dec1.format(v)}%`;
    case 'factor':
      return `${dec2.format(v)} times`;
    case 'one-in':
      return `one in ${formatNumber(Math.round(v))}`;
  }
}

/** A claimed number as words: "201,000", "2 times", "24%", "one in 60". */
function fmtClaimed(v: number, kind: Kind): string {
  if (kind === 'factor') return `${formatNumber(v)} times`;
  if (kind === 'percent') return `${formatNumber(v)}%`;
  if (kind === 'one-in') return `one in ${formatNumber(v)}`;
  if (kind === 'money') return formatCount(v, '£');
  return kind === 'rate' ? `${formatNumber(v)} per 10,000 children` : formatNumber(v);
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const and = (xs: readonly string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

const COMPARATOR_WORDS: Record<Comparator, string> = {
  about: 'about',
  exactly: 'exactly',
  'more-than': 'more than',
  'at-least': 'at least',
  'less-than': 'less than',
  almost: 'almost',
};

function claimedPhrase(c: Claimed, kind: Kind): string {
  const k: Kind = c.scale === 'one-in' ? 'one-in' : kind;
  const base = `${COMPARATOR_WORDS[c.comparator]} ${fmtClaimed(c.value, k)}`;
  if (c.comparator === 'about') return `${base} (to the nearest ${fmtClaimed(c.roundedTo!, k === 'one-in' ? 'count' : k)})`;
  if (c.comparator === 'almost') return `${base} (up to ${formatNumber((c.within ?? ALMOST_WITHIN) * 100)}% below it, not above)`;
  return base;
}

/* ---- Intervals: a published figure and the range its rounding allows ------------------------- */

interface Value {
  readonly v: number;
  readonly lo: number;
  readonly hi: number;
}
const exact = (v: number): Value => ({ v, lo: v, hi: v });
const minus = (a: Value, b: Value): Value => ({ v: a.v - b.v, lo: a.lo - b.hi, hi: a.hi - b.lo });
function divide(a: Value, b: Value): Value {
  return { v: a.v / b.v, lo: a.lo / b.hi, hi: b.lo > 0 ? a.hi / b.lo : Infinity };
}
const scale = (a: Value, k: number): Value => ({ v: a.v * k, lo: a.lo * k, hi: a.hi * k });
const shift = (a: Value, k: number): Value => ({ v: a.v + k, lo: a.lo + k, hi: a.hi + k });
/** Rate per 10,000 → N in "one in N" (order flips). */
const oneIn = (a: Value): Value => ({ v: 10000 / a.v, lo: a.hi > 0 ? 10000 / a.hi : 0, hi: a.lo > 0 ? 10000 / a.lo : Infinity });

/** Compare a figure (with its rounding range) with what the claim says. */
export function compare(x: Value, c: Claimed): Outcome {
  const y = c.scale === 'one-in' ? oneIn(x) : x;
  const inRange = (from: number, to: number, toOpen: boolean): Outcome => {
    const inside = y.lo >= from && (toOpen ? y.hi < to : y.hi <= to);
    const outside = y.hi < from || (toOpen ? y.lo >= to : y.lo > to);
    return inside ? 'yes' : outside ? 'no' : 'unclear';
  };
  const eps = 1e-9 * Math.max(1, Math.abs(c.value));
  switch (c.comparator) {
    case 'about':
      return inRange(c.value - c.roundedTo! / 2 - eps, c.value + c.roundedTo! / 2 - eps, true);
    case 'exactly':
      return inRange(c.value - eps, c.value + eps, false);
    case 'more-than':
      return y.lo > c.value + eps ? 'yes' : y.hi <= c.value + eps ? 'no' : 'unclear';
    case 'at-least':
      return y.lo >= c.value - eps ? 'yes' : y.hi < c.value - eps ? 'no' : 'unclear';
    case 'less-than':
      return y.hi < c.value - eps ? 'yes' : y.lo >= c.value - eps ? 'no' : 'unclear';
    case 'almost':
      return inRange(c.value * (1 - (c.within ?? ALMOST_WITHIN)) - eps, c.value + eps, false);
  }
}

function testText(x: Value, c: Claimed, kind: Kind, outcome: Outcome): string {
  const k: Kind = c.scale === 'one-in' ? 'one-in' : kind;
  const shown = fmt(k === 'one-in' ? oneIn(x).v : x.v, k);
  const range = x.lo !== x.hi ? ` (between ${fmt(k === 'one-in' ? oneIn(x).lo : x.lo, k)} and ${fmt(k === 'one-in' ? oneIn(x).hi : x.hi, k)} at the precision published)` : '';
  const phrase = claimedPhrase(c, kind);
  if (outcome === 'unclear') return `${upperFirst(shown)}${range}: the published figures are too rounded to tell whether it is ${phrase}.`;
  return `${upperFirst(shown)}${range} ${outcome === 'yes' ? 'is' : 'is not'} ${phrase}.`;
}

/* ---- Reading figures ----------------------------------------------------------------------- */

interface Reading {
  readonly value: Value;
  readonly steps: readonly Step[];
  readonly uses: readonly FigureUse[];
  /** Where the figure of the time was not known, today's figure was used (then mode). */
  readonly fallback: boolean;
  /** Whether any figure read differs from today's (then mode). */
  readonly differs: boolean;
}
type Read = { ok: true; r: Reading } | { ok: false; why: string };

type When = 'now' | 'then';

interface Ctx {
  readonly data: ClaimData;
  readonly area: string;
  readonly areaName: string;
  /** Claim date as yyyymmdd (earliest day it can have been made), undefined if undated. */
  readonly claimDate: number | undefined;
}

function measureOf(ctx: Ctx, id: string): MeasureInfo {
  const m = ctx.data.measure(id);
  if (!m) throw new Error(`claim spec: unknown measure ${id}`);
  return m;
}

export const yearLabel = (m: MeasureInfo, y: number) => formatYear(m.period, y);

/** A measure's name as plain words: the catalogue label, unless it is a raw indicator name (LAIT's "Total … (finance) - Gross"). */
function plainLabel(m: MeasureInfo): string {
  const label = /[()]| - |per 10,000/.test(m.label) ? m.shortLabel : m.label;
  // Snapshots carry their date in the year label ("31 March 2020"), so not in the name too.
  return m.period === '31-march' ? label.replace(/ at 31 March$/, '') : label;
}

/** A quantity as a name: "Section 47 enquiries", "Section 47 enquiries minus child protection plans started". */
function quantityLabel(ctx: Ctx, q: Quantity): string {
  if ('measure' in q) {
    const m = measureOf(ctx, q.measure);
    return q.unit === 'rate' ? `${plainLabel(m)}, rate per 10,000 children` : plainLabel(m);
  }
  if ('sum' in q) return `Total of ${sumWords(ctx, q.sum)}`;
  const [a, b] = q.minus.map((id) => measureOf(ctx, id));
  return `${plainLabel(a!)} minus ${lowerFirst(plainLabel(b!))}`;
}

/** "spending on children looked after, safeguarding and family support": a shared first words said once. */
function sumWords(ctx: Ctx, ids: readonly string[]): string {
  const names = ids.map((id) => lowerFirst(measureOf(ctx, id).shortLabel));
  const prefix = /^(\S+ \S+ )/.exec(names[0]!)?.[1];
  if (prefix && names.every((n) => n.startsWith(prefix))) return prefix + and(names.map((n) => n.slice(prefix.length)));
  return and(names);
}

/** The short form: "S47 enquiries minus plans started". */
function quantityShort(ctx: Ctx, q: Quantity): string {
  if ('measure' in q) return measureOf(ctx, q.measure).shortLabel;
  if ('sum' in q) return `Total of ${sumWords(ctx, q.sum)}`;
  const [a, b] = q.minus.map((id) => measureOf(ctx, id));
  return `${a!.shortLabel} minus ${lowerFirst(b!.shortLabel)}`;
}

/** A quantity as the subject of a sentence: "the number of section 47 enquiries". */
function quantitySubject(ctx: Ctx, q: Quantity): string {
  if ('measure' in q) {
    const m = measureOf(ctx, q.measure);
    if (q.unit === 'rate') return `the rate of ${lowerFirst(plainLabel(m))} per 10,000 children`;
    return m.countUnit === '£' || m.countUnit === '%' ? lowerFirst(plainLabel(m)) : `the number of ${lowerFirst(plainLabel(m))}`;
  }
  return lowerFirst(quantityLabel(ctx, q));
}

/** "in 2019-20" for a year's flow, "on 31 March 2020" for a snapshot. */
export function inYear(m: MeasureInfo, y: number): string {
  return `${m.period === '31-march' || m.period === '30-september' ? 'on' : 'in'} ${yearLabel(m, y)}`;
}

const quantityMeasures = (q: Quantity): string[] => ('measure' in q ? [q.measure] : 'sum' in q ? [...q.sum] : [...q.minus]);
const quantityUnit = (q: Quantity): Unit => ('measure' in q && q.unit === 'rate' ? 'rate' : 'count');
function kindOf(ctx: Ctx, q: Quantity): Kind {
  if (quantityUnit(q) === 'rate') return 'rate';
  return measureOf(ctx, quantityMeasures(q)[0]!).countUnit === '£' ? 'money' : 'count';
}

/** The release of a figure known at the claim date: the latest one published before it. */
function ofTheTime(ctx: Ctx, candidates: readonly { cell: { kind: string }; sourceId: string }[]): number {
  if (ctx.claimDate === undefined) return -1;
  let best = -1;
  let bestBy = -1;
  candidates.forEach((c, i) => {
    const by = ctx.data.release(c.sourceId)?.publishedBy;
    if (by !== undefined && by < ctx.claimDate! && by > bestBy) {
      best = i;
      bestBy = by;
    }
  });
  return best;
}

function readMeasure(ctx: Ctx, id: string, year: number, unit: Unit, when: When): Read {
  const m = measureOf(ctx, id);
  const label = `${plainLabel(m)}${unit === 'rate' ? ', rate per 10,000 children' : ''}, ${ctx.areaName}, ${yearLabel(m, year)}`;
  const kind: Kind = unit === 'rate' ? 'rate' : m.countUnit === '£' ? 'money' : 'count';
  const now = ctx.data.figure(id, ctx.area, year, unit);
  if (!now) return { ok: false, why: `These data have no figure for ${lowerFirst(plainLabel(m))} in ${ctx.areaName} for ${yearLabel(m, year)} (the series covers ${yearLabel(m, m.firstYear)} to ${yearLabel(m, m.lastYear)}).` };
  const earlier = unit === 'count' ? ctx.data.earlier(id, ctx.area, year) : [];
  const candidates = [...earlier, now];
  const thenIdx = ofTheTime(ctx, candidates);
  const then = thenIdx >= 0 ? candidates[thenIdx] : undefined;
  const text = (c: { cell: { kind: 'value'; value: number } | { kind: 'missing'; status: keyof typeof STATUS_LABEL } }) => (c.cell.kind === 'value' ? fmt(c.cell.value, kind) : STATUS_LABEL[c.cell.status]);
  const use: FigureUse = {
    key: `${id}|${ctx.area}|${year}|${unit}`,
    label,
    now: { text: text(now), sourceId: now.sourceId },
    then: then ? { text: text(then), sourceId: then.sourceId } : undefined,
    history: earlier.map((e) => ({ text: text(e), sourceId: e.sourceId })),
    revised: earlier.length > 0,
  };
  const chosen = when === 'then' && then ? then : now;
  if (chosen.cell.kind !== 'value') return { ok: false, why: `${label}: ${STATUS_LABEL[chosen.cell.status]} in the release (no figure to check against).` };
  const differs = when === 'then' && then !== undefined && then !== now && !(now.cell.kind === 'value' && now.cell.value === chosen.cell.value);
  const suffix = when === 'then' ? (then ? (then === now ? '' : ' (figure of the time)') : ' (today\u2019s figure: the figure of the time is not in these data)') : '';
  return {
    ok: true,
    r: {
      value: exact(chosen.cell.value),
      steps: [{ kind: 'figure', text: `${label}: ${fmt(chosen.cell.value, kind)}${suffix}`, sourceId: chosen.sourceId }],
      uses: [use],
      fallback: when === 'then' && !then,
      differs,
    },
  };
}

function read(ctx: Ctx, q: Quantity, year: number, when: When): Read {
  if ('measure' in q) return readMeasure(ctx, q.measure, year, q.unit ?? 'count', when);
  if ('sum' in q) {
    const parts: Reading[] = [];
    for (const id of q.sum) {
      const r = readMeasure(ctx, id, year, 'count', when);
      if (!r.ok) return r;
      parts.push(r.r);
    }
    const kind = kindOf(ctx, q);
    const total = parts.reduce<Value>((a, p) => ({ v: a.v + p.value.v, lo: a.lo + p.value.lo, hi: a.hi + p.value.hi }), exact(0));
    const m = measureOf(ctx, q.sum[0]!);
    return {
      ok: true,
      r: {
        value: total,
        steps: [...parts.flatMap((p) => p.steps), { kind: 'calc', text: `${quantityLabel(ctx, q)}, ${yearLabel(m, year)}: ${parts.map((p) => fmt(p.value.v, kind)).join(' + ')} = ${fmt(total.v, kind)}` }],
        uses: parts.flatMap((p) => p.uses),
        fallback: parts.some((p) => p.fallback),
        differs: parts.some((p) => p.differs),
      },
    };
  }
  const [ida, idb] = q.minus;
  const a = readMeasure(ctx, ida, year, 'count', when);
  if (!a.ok) return a;
  const b = readMeasure(ctx, idb, year, 'count', when);
  if (!b.ok) return b;
  const v = minus(a.r.value, b.r.value);
  const m = measureOf(ctx, ida);
  return {
    ok: true,
    r: {
      value: v,
      steps: [...a.r.steps, ...b.r.steps, { kind: 'calc', text: `${quantityLabel(ctx, q)}, ${yearLabel(m, year)}: ${fmt(a.r.value.v, 'count')} − ${fmt(b.r.value.v, 'count')} = ${fmt(v.v, 'count')}` }],
      uses: [...a.r.uses, ...b.r.uses],
      fallback: a.r.fallback || b.r.fallback,
      differs: a.r.differs || b.r.differs,
    },
  };
}

/** Breaks between two years in any measure a quantity reads, as phrases. */
function crossings(ctx: Ctx, q: Quantity, from: number, to: number): string[] {
  const unit = quantityUnit(q);
  const out: string[] = [];
  for (const id of quantityMeasures(q)) {
    const m = measureOf(ctx, id);
    for (const b of breaksBetween(breaksForUnit(ctx.data.breaks(id), unit), from, to)) out.push(`${m.shortLabel}: ${breakPhrase(b, (y) => yearLabel(m, y))}`);
  }
  return out;
}

/** Spending compared across years is in cash terms. */
function cashCaveat(ctx: Ctx, q: Quantity): string | undefined {
  return kindOf(ctx, q) === 'money' ? 'Spending is compared in cash terms, not adjusted for inflation.' : undefined;
}

/** The caveat a difference of two counts always carries. */
function differenceCaveat(ctx: Ctx, q: Quantity): string | undefined {
  if (!('minus' in q)) return undefined;
  const [a, b] = q.minus.map((id) => measureOf(ctx, id));
  const units = a!.countUnit !== b!.countUnit ? ` They count different things (${a!.countUnit} and ${b!.countUnit}).` : '';
  return `${a!.label} minus ${lowerFirst(b!.label)} is a difference of two counts, not a count of ${a!.countUnit} that led to no ${lowerFirst(b!.shortLabel)}: some of the ${b!.countUnit} follow ${a!.countUnit} of the year before.${units}`;
}

/* ---- Combining ----------------------------------------------------------------------------- */

const SEVERITY: Record<Verdict, number> = { holds: 0, caveat: 1, cannot: 2, fails: 3 };

/** A claim's verdict from its checks' verdicts (see the rules at the top). */
export function combine(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.length === 0) return 'cannot';
  if (verdicts.includes('fails')) return 'fails';
  if (verdicts.every((v) => v === 'cannot')) return 'cannot';
  if (verdicts.some((v) => v === 'cannot' || v === 'caveat')) return 'caveat';
  return 'holds';
}

/** A check's verdict from its tests' outcomes, before caveats: all yes holds, any no fails, otherwise it can't be told. */
function fromOutcomes(outcomes: readonly Outcome[]): Verdict {
  if (outcomes.includes('no')) return 'fails';
  if (outcomes.length && outcomes.every((o) => o === 'yes')) return 'holds';
  return outcomes.includes('yes') ? 'caveat' : 'cannot';
}

const withCaveat = (v: Verdict, caveats: readonly string[]): Verdict => (v === 'holds' && caveats.length > 0 ? 'caveat' : v);

export const VERDICT_LABEL: Record<Verdict, string> = {
  holds: 'Holds',
  caveat: 'Holds, with a caveat',
  fails: 'Does not hold',
  cannot: 'Can\u2019t be checked with these data',
};

/**
 * The label shown: "Does not hold now" when the claim held on the figures of the time, or when it
 * fails only on figures whose version of the time is not in these data (it may have held then).
 */
export function verdictLabel(verdict: Verdict, thenVerdict: Verdict | undefined, failsOnlyWhereThenUnknown = false): string {
  if (verdict === 'fails' && (thenVerdict === 'holds' || thenVerdict === 'caveat' || failsOnlyWhereThenUnknown)) return 'Does not hold now';
  if ((verdict === 'holds' || verdict === 'caveat') && thenVerdict === 'fails') return `${VERDICT_LABEL[verdict]} now`;
  return VERDICT_LABEL[verdict];
}

/* ---- The forms ----------------------------------------------------------------------------- */

interface Evaluated {
  readonly verdict: Verdict;
  readonly short: string;
  readonly steps: readonly Step[];
  readonly alternatives: readonly Alternative[];
  readonly caveats: readonly string[];
  readonly uses: readonly FigureUse[];
  /** Whether the evaluation used a figure of the time that differs from today's (then mode). */
  readonly differs: boolean;
}

const failed = (why: string, uses: readonly FigureUse[] = []): Evaluated => ({ verdict: 'cannot', short: why, steps: [{ kind: 'note', text: why }], alternatives: [], caveats: [], uses, differs: false });

function evalLevel(ctx: Ctx, c: Extract<CheckSpec, { form: 'level' }>, when: When): Evaluated {
  const r = read(ctx, c.quantity, c.year, when);
  if (!r.ok) return failed(r.why);
  const kind = kindOf(ctx, c.quantity);
  const outcome = compare(r.r.value, c.claimed);
  const caveats = [differenceCaveat(ctx, c.quantity)].filter((x): x is string => !!x);
  const verdict = withCaveat(fromOutcomes([outcome]), caveats);
  const m = measureOf(ctx, quantityMeasures(c.quantity)[0]!);
  return {
    verdict,
    short: `${fmt(r.r.value.v, kind)} ${inYear(m, c.year)}, against ${claimedPhrase(c.claimed, kind)} claimed`,
    steps: [...r.r.steps, { kind: 'test', text: testText(r.r.value, c.claimed, kind, outcome), outcome }],
    alternatives: [],
    caveats,
    uses: r.r.uses,
    differs: r.r.differs,
  };
}

function changeValue(from: Value, to: Value, claim: ChangeClaim): { x: Value; kind: Kind } | undefined {
  if (claim.type === 'factor') return { x: divide(to, from), kind: 'factor' };
  if (claim.type === 'percent') return { x: shift(scale(divide(to, from), 100), -100), kind: 'percent' };
  return undefined;
}

interface ChangeRow {
  readonly alt: Alternative;
  readonly steps: readonly Step[];
  readonly uses: readonly FigureUse[];
  readonly differs: boolean;
  readonly unreadable: string | undefined;
}

function changeRow(ctx: Ctx, q: Quantity, base: number, to: number, claim: ChangeClaim, when: When, role: Alternative['role']): ChangeRow {
  const m = measureOf(ctx, quantityMeasures(q)[0]!);
  const kind = kindOf(ctx, q);
  const label = role === 'base' ? `From ${yearLabel(m, base)}` : `Like for like (${lowerFirst(quantityLabel(ctx, q))}), from ${yearLabel(m, base)}`;
  const crosses = crossings(ctx, q, base, to);
  const none = (why: string): ChangeRow => ({ alt: { label, figures: '', result: 'no figure', outcome: 'unclear', crosses, role }, steps: [{ kind: 'note', text: why }], uses: [], differs: false, unreadable: why });
  const a = read(ctx, q, base, when);
  if (!a.ok) return none(a.why);
  const b = read(ctx, q, to, when);
  if (!b.ok) return none(b.why);
  const figures = `${fmt(a.r.value.v, kind)} ${inYear(m, base)} to ${fmt(b.r.value.v, kind)} ${inYear(m, to)}`;
  const steps: Step[] = [...a.r.steps, ...b.r.steps];
  const uses = [...a.r.uses, ...b.r.uses];
  const differs = a.r.differs || b.r.differs;
  let outcome: Outcome;
  let result: string;
  if (claim.type === 'direction') {
    const up = b.r.value.lo > a.r.value.hi;
    const down = b.r.value.hi < a.r.value.lo;
    outcome = (claim.value === 'up' ? up : down) ? 'yes' : up || down ? 'no' : 'unclear';
    result = up ? 'up' : down ? 'down' : 'unchanged';
    steps.push({ kind: 'test', text: `${upperFirst(result)} from ${yearLabel(m, base)} to ${yearLabel(m, to)}: ${outcome === 'yes' ? 'as claimed' : `the claim says ${claim.value}`}.`, outcome });
  } else if (claim.type === 'every-year') {
    const falls: string[] = [];
    let prev = a.r.value;
    let gap: string | undefined;
    for (let y = base + 1; y <= to; y++) {
      const r = y === to ? b : read(ctx, q, y, when);
      if (!r.ok) {
        gap = r.why;
        break;
      }
      if (y !== to) {
        steps.push(...r.r.steps);
        uses.push(...r.r.uses);
      }
      const wrong = claim.value === 'up' ? r.r.value.hi <= prev.lo : r.r.value.lo >= prev.hi;
      if (wrong) falls.push(`${yearLabel(m, y - 1)} to ${yearLabel(m, y)} (${fmt(prev.v, kind)} to ${fmt(r.r.value.v, kind)})`);
      prev = r.r.value;
    }
    outcome = gap ? 'unclear' : falls.length ? 'no' : 'yes';
    result = gap ? 'a year is missing' : falls.length ? `${claim.value === 'up' ? 'fell or stayed level' : 'rose or stayed level'} in ${falls.length} year${falls.length > 1 ? 's' : ''}` : `${claim.value === 'up' ? 'rose' : 'fell'} every year`;
    steps.push({
      kind: 'test',
      text: gap ? `${gap} So whether it ${claim.value === 'up' ? 'rose' : 'fell'} every year cannot be told.` : falls.length ? `Not every year: ${and(falls)}.` : `It ${claim.value === 'up' ? 'rose' : 'fell'} in every year from ${yearLabel(m, base)} to ${yearLabel(m, to)}.`,
      outcome,
    });
  } else {
    const cv = changeValue(a.r.value, b.r.value, claim)!;
    const shown = fmt(cv.x.v, cv.kind);
    steps.push({ kind: 'calc', text: claim.type === 'factor' ? `${fmt(b.r.value.v, kind)} ÷ ${fmt(a.r.value.v, kind)} = ${shown}` : `(${fmt(b.r.value.v, kind)} − ${fmt(a.r.value.v, kind)}) ÷ ${fmt(a.r.value.v, kind)} = ${cv.x.v >= 0 ? '+' : ''}${shown}` });
    const claimed: Claimed = claim;
    outcome = compare(cv.x, claimed);
    result = claim.type === 'percent' && cv.x.v >= 0 ? `+${shown}` : shown;
    steps.push({ kind: 'test', text: testText(cv.x, claimed, cv.kind, outcome), outcome });
  }
  return { alt: { label, figures, result, outcome, crosses, role }, steps, uses, differs, unreadable: undefined };
}

function changeClaimPhrase(c: ChangeClaim): string {
  switch (c.type) {
    case 'factor':
      return `${claimedPhrase(c, 'factor')} what it was in the base year`;
    case 'percent':
      return `${claimedPhrase(c, 'percent')} higher than in the base year`;
    case 'direction':
      return c.value === 'up' ? 'higher than in the base year' : 'lower than in the base year';
    case 'every-year':
      return c.value === 'up' ? 'reached by a rise in every year from the base year on' : 'reached by a fall in every year from the base year on';
  }
}

function evalChange(ctx: Ctx, c: Extract<CheckSpec, { form: 'change' }>, when: When): Evaluated {
  const rows = c.bases.map((b) => changeRow(ctx, c.quantity, b, c.to, c.claimed, when, 'base'));
  const lfl = c.likeForLike ? c.bases.map((b) => changeRow(ctx, c.likeForLike!, b, c.to, c.claimed, when, 'like-for-like')) : [];
  const all = [...rows, ...lfl];
  const steps: Step[] = [];
  for (const r of all) {
    if (all.length > 1) steps.push({ kind: 'note', text: `${r.alt.label}:` });
    steps.push(...r.steps);
  }
  const outcomes = rows.map((r) => r.alt.outcome);
  const holding = rows.filter((r) => r.alt.outcome === 'yes');
  const caveats: string[] = [];
  const diff = differenceCaveat(ctx, c.quantity);
  if (diff) caveats.push(diff);
  const cash = cashCaveat(ctx, c.quantity);
  if (cash) caveats.push(cash);
  let verdict: Verdict;
  const m = measureOf(ctx, quantityMeasures(c.quantity)[0]!);
  if (rows.every((r) => r.unreadable)) return { ...failed(rows[0]!.unreadable!, all.flatMap((r) => r.uses)), steps };
  if (holding.length === rows.length) verdict = 'holds';
  else if (holding.length > 0) {
    verdict = 'caveat';
    caveats.push(`It holds only from ${and(holding.map((r) => r.alt.label.replace(/^From /, '')))}, not from ${and(rows.filter((r) => r.alt.outcome !== 'yes').map((r) => r.alt.label.replace(/^From /, '')))}: the verdict depends on the base year.`);
  } else verdict = outcomes.includes('no') ? 'fails' : 'cannot';
  const crossed = [...new Set(holding.flatMap((r) => r.alt.crosses))];
  if (crossed.length && verdict !== 'fails') {
    caveats.push(`The comparison crosses ${crossed.length > 1 ? 'breaks' : 'a break'} in the series: ${and(crossed)}.`);
  }
  const lflHolding = lfl.filter((r) => r.alt.outcome === 'yes');
  if (lfl.length && verdict !== 'fails') {
    const lm = measureOf(ctx, quantityMeasures(c.likeForLike!)[0]!);
    if (lflHolding.length < lfl.length) caveats.push(`Like for like, on ${lowerFirst(lm.label)} (counted the same way every year), it holds ${lflHolding.length ? `only from ${and(lflHolding.map((r) => r.alt.label.replace(/^.*, from /, '')))}` : 'from none of these years'}.`);
  }
  verdict = withCaveat(verdict, caveats);
  const shortRows = rows.map((r) => `${r.alt.result} from ${r.alt.label.replace(/^From /, '')}${rows.length > 1 ? ` (${r.alt.outcome === 'yes' ? 'holds' : r.alt.outcome === 'no' ? 'does not hold' : 'unclear'})` : ''}`);
  return {
    verdict,
    short: `${quantityShort(ctx, c.quantity)} ${and(shortRows)} to ${yearLabel(m, c.to)}`,
    steps,
    alternatives: all.length > 1 || crossed.length ? all.map((r) => r.alt) : [],
    caveats,
    uses: all.flatMap((r) => r.uses),
    differs: all.some((r) => r.differs),
  };
}

function evalShare(ctx: Ctx, c: Extract<CheckSpec, { form: 'share' }>, when: When): Evaluated {
  const p = read(ctx, c.part, c.year, when);
  if (!p.ok) return failed(p.why);
  const w = read(ctx, c.whole, c.year, when);
  if (!w.ok) return failed(w.why, p.r.uses);
  const share = scale(divide(p.r.value, w.r.value), 100);
  const steps: Step[] = [...p.r.steps, ...w.r.steps, { kind: 'calc', text: `${fmt(p.r.value.v, 'count')} ÷ ${fmt(w.r.value.v, 'count')} = ${fmt(share.v, 'percent')}` }];
  const outcomes: Outcome[] = [];
  if (c.claimed.part) {
    const o = compare(p.r.value, c.claimed.part);
    outcomes.push(o);
    steps.push({ kind: 'test', text: testText(p.r.value, c.claimed.part, 'count', o), outcome: o });
  }
  if (c.claimed.percent) {
    const o = compare(share, c.claimed.percent);
    outcomes.push(o);
    steps.push({ kind: 'test', text: testText(share, c.claimed.percent, 'percent', o), outcome: o });
  }
  const caveats = [differenceCaveat(ctx, c.part), differenceCaveat(ctx, c.whole)].filter((x): x is string => !!x);
  const m = measureOf(ctx, quantityMeasures(c.whole)[0]!);
  return {
    verdict: withCaveat(fromOutcomes(outcomes), caveats),
    short: `${fmt(p.r.value.v, 'count')} of ${fmt(w.r.value.v, 'count')} (${fmt(share.v, 'percent')}) ${inYear(m, c.year)}`,
    steps,
    alternatives: [],
    caveats,
    uses: [...p.r.uses, ...w.r.uses],
    differs: p.r.differs || w.r.differs,
  };
}

function ratioSeries(ctx: Ctx, num: Quantity, den: Quantity, years: readonly number[], when: When) {
  const out: { year: number; value: Value; steps: Step[]; uses: FigureUse[]; differs: boolean }[] = [];
  for (const y of years) {
    const a = read(ctx, num, y, when);
    if (!a.ok) return { ok: false as const, why: a.why };
    const b = read(ctx, den, y, when);
    if (!b.ok) return { ok: false as const, why: b.why };
    const v = scale(divide(a.r.value, b.r.value), 100);
    out.push({ year: y, value: v, steps: [...a.r.steps, ...b.r.steps, { kind: 'calc', text: `${fmt(a.r.value.v, kindOf(ctx, num))} ÷ ${fmt(b.r.value.v, kindOf(ctx, den))} = ${fmt(v.v, 'percent')}` }], uses: [...a.r.uses, ...b.r.uses], differs: a.r.differs || b.r.differs });
  }
  return { ok: true as const, points: out };
}

function evalRatio(ctx: Ctx, c: Extract<CheckSpec, { form: 'ratio' }>, when: When): Evaluated {
  const years = c.points.map((p) => p.year);
  const s = ratioSeries(ctx, c.numerator, c.denominator, years, when);
  if (!s.ok) return failed(s.why);
  const m = measureOf(ctx, quantityMeasures(c.denominator)[0]!);
  const steps: Step[] = [];
  const outcomes: Outcome[] = [];
  s.points.forEach((pt, i) => {
    steps.push(...pt.steps);
    const cl = c.points[i]!.claimed;
    if (cl) {
      const o = compare(pt.value, cl);
      outcomes.push(o);
      steps.push({ kind: 'test', text: `${yearLabel(m, pt.year)}: ${lowerFirst(testText(pt.value, cl, 'percent', o))}`, outcome: o });
    }
  });
  const first = s.points[0]!;
  const last = s.points[s.points.length - 1]!;
  let dirOutcome: Outcome | undefined;
  if (c.direction && s.points.length > 1) {
    const up = last.value.lo > first.value.hi;
    const down = last.value.hi < first.value.lo;
    dirOutcome = (c.direction === 'up' ? up : down) ? 'yes' : up || down ? 'no' : 'unclear';
    outcomes.push(dirOutcome);
    steps.push({ kind: 'test', text: `From ${fmt(first.value.v, 'percent')} ${inYear(m, first.year)} to ${fmt(last.value.v, 'percent')} ${inYear(m, last.year)}: ${up ? 'up' : down ? 'down' : 'unchanged'}${dirOutcome === 'yes' ? ', as claimed' : `; the claim says ${c.direction}`}.`, outcome: dirOutcome });
  }
  const caveats: string[] = [];
  const crossed = [...crossings(ctx, c.numerator, first.year, last.year), ...crossings(ctx, c.denominator, first.year, last.year)];
  if (crossed.length) caveats.push(`The comparison crosses ${crossed.length > 1 ? 'breaks' : 'a break'} in the series: ${and([...new Set(crossed)])}.`);
  const alternatives: Alternative[] = [];
  const fig = (p: { value: Value; year: number }) => `${fmt(p.value.v, 'percent')} ${inYear(m, p.year)}`;
  if (c.likeForLike) {
    const num = c.likeForLike.numerator ?? c.numerator;
    const den = c.likeForLike.denominator ?? c.denominator;
    const l = ratioSeries(ctx, num, den, years, when);
    const label = `Like for like: ${lowerFirst(quantityLabel(ctx, num))} ÷ ${lowerFirst(quantityLabel(ctx, den))}`;
    alternatives.push({ label: `As claimed: ${lowerFirst(quantityLabel(ctx, c.numerator))} ÷ ${lowerFirst(quantityLabel(ctx, c.denominator))}`, figures: s.points.map(fig).join(', '), result: dirOutcome === 'yes' ? (c.direction === 'up' ? 'up' : 'down') : '', outcome: fromOutcomes(outcomes) === 'holds' ? 'yes' : outcomes.includes('no') ? 'no' : 'unclear', crosses: crossed, role: 'base' });
    if (l.ok) {
      const lo: Outcome[] = [];
      l.points.forEach((pt, i) => {
        const cl = c.points[i]!.claimed;
        if (cl) lo.push(compare(pt.value, cl));
      });
      const lf = l.points[0]!;
      const ll = l.points[l.points.length - 1]!;
      if (c.direction && l.points.length > 1) lo.push((c.direction === 'up' ? ll.value.lo > lf.value.hi : ll.value.hi < lf.value.lo) ? 'yes' : 'no');
      const outcome: Outcome = lo.includes('no') ? 'no' : lo.every((o) => o === 'yes') ? 'yes' : 'unclear';
      alternatives.push({ label, figures: l.points.map(fig).join(', '), result: ll.value.v < lf.value.v ? 'down' : 'up', outcome, crosses: [...crossings(ctx, num, lf.year, ll.year), ...crossings(ctx, den, lf.year, ll.year)], role: 'like-for-like' });
      steps.push({ kind: 'note', text: `${label}:` });
      for (const pt of l.points) steps.push(...pt.steps);
      if (outcome !== 'yes') caveats.push(`Like for like (${lowerFirst(quantityLabel(ctx, num))} ÷ ${lowerFirst(quantityLabel(ctx, den))}, counted the same way every year) the figures are ${l.points.map(fig).join(' and ')}, which ${outcome === 'no' ? 'do not match' : 'cannot confirm'} the claim.`);
    }
  }
  return {
    verdict: withCaveat(fromOutcomes(outcomes), caveats),
    short: s.points.map(fig).join(', '),
    steps,
    alternatives,
    caveats,
    uses: s.points.flatMap((p) => p.uses),
    differs: s.points.some((p) => p.differs),
  };
}

function evalRecord(ctx: Ctx, c: Extract<CheckSpec, { form: 'record' }>, when: When): Evaluated {
  const m = measureOf(ctx, quantityMeasures(c.quantity)[0]!);
  const kind = kindOf(ctx, c.quantity);
  const target = read(ctx, c.quantity, c.year, when);
  if (!target.ok) return failed(target.why);
  const start = Math.max(c.since ?? -Infinity, m.firstYear);
  const partial = c.since === null || c.since < m.firstYear;
  const steps: Step[] = [...target.r.steps];
  const uses = [...target.r.uses];
  let differs = target.r.differs;
  const beaten: string[] = [];
  const unclear: string[] = [];
  for (let y = start; y < c.year; y++) {
    const r = read(ctx, c.quantity, y, when);
    if (!r.ok) {
      steps.push({ kind: 'note', text: r.why });
      unclear.push(yearLabel(m, y));
      continue;
    }
    steps.push(...r.r.steps);
    uses.push(...r.r.uses);
    differs ||= r.r.differs;
    const t = target.r.value;
    const higher = c.claimed === 'highest' ? r.r.value.lo >= t.hi : r.r.value.hi <= t.lo;
    const tied = !higher && (c.claimed === 'highest' ? r.r.value.hi >= t.lo : r.r.value.lo <= t.hi);
    if (higher) beaten.push(`${yearLabel(m, y)} (${fmt(r.r.value.v, kind)})`);
    else if (tied) unclear.push(yearLabel(m, y));
  }
  const span = `${yearLabel(m, start)} to ${yearLabel(m, c.year)}`;
  const word = c.claimed === 'highest' ? 'highest' : 'lowest';
  const caveats: string[] = [];
  let verdict: Verdict;
  let text: string;
  if (beaten.length) {
    verdict = 'fails';
    text = `Not the ${word}: ${and(beaten)} ${beaten.length > 1 ? 'were' : 'was'} ${c.claimed === 'highest' ? 'as high or higher' : 'as low or lower'}.`;
  } else if (unclear.length) {
    verdict = 'cannot';
    text = `Within ${span}, ${and(unclear)} cannot be told apart from ${yearLabel(m, c.year)} at the precision published.`;
  } else if (partial) {
    verdict = 'cannot';
    text = `${yearLabel(m, c.year)} is the ${word} of ${span}, the years these data hold; the claim reaches back ${c.since === null ? 'to the start of the records' : `to ${c.since}`}, before them.`;
  } else {
    verdict = 'holds';
    text = `${yearLabel(m, c.year)} is the ${word} of ${span}.`;
  }
  steps.push({ kind: 'test', text, outcome: verdict === 'holds' ? 'yes' : verdict === 'fails' ? 'no' : 'unclear' });
  const crossed = crossings(ctx, c.quantity, start, c.year);
  if (crossed.length && verdict !== 'fails') caveats.push(`The years compared cross ${crossed.length > 1 ? 'breaks' : 'a break'} in the series: ${and(crossed)}.`);
  return { verdict: withCaveat(verdict, caveats), short: `${fmt(target.r.value.v, kind)} ${inYear(m, c.year)}: ${lowerFirst(text)}`, steps, alternatives: [], caveats, uses, differs };
}

function evalGradient(ctx: Ctx, c: Extract<CheckSpec, { form: 'gradient' }>): Evaluated {
  const steps: Step[] = [];
  const outcomes: Outcome[] = [];
  const shorts: string[] = [];
  const caveats = new Set<string>();
  for (const code of c.measures) {
    const pts = [...ctx.data.cwip(c.country, code)].sort((a, b) => b.decile - a.decile);
    if (pts.length !== 10) return failed(`These data have no rates by deprivation decile for ${code} in ${c.country}.`);
    const label = `${pts[0]!.measureLabel}, ${c.country}${pts[0]!.year ? `, ${pts[0]!.year}` : ''}`;
    const v = (p: CwipPoint): Value => ({ v: p.value, lo: p.value - p.halfWidth, hi: p.value + p.halfWidth });
    steps.push({ kind: 'figure', text: `${label}, per 10,000 children, from the least deprived tenth of neighbourhoods to the most deprived: ${pts.map((p) => formatRate(p.value)).join(', ')}`, sourceId: pts[0]!.sourceId });
    for (const p of pts) if (p.certainty) caveats.add(`${pts[0]!.measureLabel}: ${p.certainty}`);
    const most = pts.find((p) => p.decile === 1)!;
    const least = pts.find((p) => p.decile === 10)!;
    if (c.claimed.type === 'every-step') {
      const dir = c.claimed.value;
      const wrong: string[] = [];
      const tied: string[] = [];
      for (let i = 1; i < pts.length; i++) {
        const a = v(pts[i - 1]!);
        const b = v(pts[i]!);
        const right = dir === 'up' ? b.lo > a.hi : b.hi < a.lo;
        const opposite = dir === 'up' ? b.hi < a.lo : b.lo > a.hi;
        const step = `decile ${pts[i - 1]!.decile} to ${pts[i]!.decile} (${formatRate(a.v)} to ${formatRate(b.v)})`;
        if (opposite) wrong.push(step);
        else if (!right) tied.push(step);
      }
      const o: Outcome = wrong.length ? 'no' : tied.length ? 'unclear' : 'yes';
      outcomes.push(o);
      const t = o === 'yes' ? `${pts[0]!.measureLabel}: the rate ${dir === 'up' ? 'rises' : 'falls'} at every step.` : `${pts[0]!.measureLabel}: ${wrong.length ? `it goes the other way at ${and(wrong)}` : ''}${wrong.length && tied.length ? '; ' : ''}${tied.length ? `the published (rounded) rates cannot show a ${dir === 'up' ? 'rise' : 'fall'} at ${and(tied)}` : ''}.`;
      steps.push({ kind: 'test', text: t, outcome: o });
      shorts.push(o === 'yes' ? `${code} ${dir === 'up' ? 'rises' : 'falls'} at every step` : `${code}: ${wrong.length ? `${wrong.length} step${wrong.length > 1 ? 's' : ''} the other way` : `${tied.length} step${tied.length > 1 ? 's' : ''} level in the rounded rates`}`);
    } else if (c.claimed.type === 'ratio') {
      const x = divide(v(most), v(least));
      steps.push({ kind: 'calc', text: `${formatRate(most.value)} ÷ ${formatRate(least.value)} = ${fmt(x.v, 'factor')} (the most deprived tenth over the least deprived)` });
      const o = compare(x, c.claimed);
      outcomes.push(o);
      steps.push({ kind: 'test', text: testText(x, c.claimed, 'factor', o), outcome: o });
      shorts.push(`${code} ${fmt(x.v, 'factor')}`);
    } else {
      const om = compare(v(most), c.claimed.most);
      const ol = compare(v(least), c.claimed.least);
      outcomes.push(om, ol);
      steps.push({ kind: 'test', text: `Most deprived tenth: ${lowerFirst(testText(v(most), c.claimed.most, 'rate', om))}`, outcome: om });
      steps.push({ kind: 'test', text: `Least deprived tenth: ${lowerFirst(testText(v(least), c.claimed.least, 'rate', ol))}`, outcome: ol });
      const k = (cl: Claimed): Kind => (cl.scale === 'one-in' ? 'one-in' : 'rate');
      const show = (p: CwipPoint, cl: Claimed) => fmt(k(cl) === 'one-in' ? 10000 / p.value : p.value, k(cl));
      shorts.push(`${code}: ${show(most, c.claimed.most)} in the most deprived tenth, ${show(least, c.claimed.least)} in the least`);
    }
  }
  const cav = [...caveats];
  return { verdict: withCaveat(fromOutcomes(outcomes), cav), short: and(shorts), steps, alternatives: [], caveats: cav, uses: [], differs: false };
}

function evalProjection(ctx: Ctx, c: Extract<CheckSpec, { form: 'projection' }>): { now: Evaluated; then: Evaluated | undefined } {
  const m = measureOf(ctx, quantityMeasures(c.quantity)[0]!);
  const kind = kindOf(ctx, c.quantity);
  const pct = (x: number) => `${x >= 0 ? '+' : '−'}${dec1.format(Math.abs(x * 100))}% a year`;
  const cagr = (a: number, b: number, years: number) => Math.pow(b / a, 1 / years) - 1;
  const target = fmt(c.target, kind);
  const caveats = [`A projection: whether ${target} is reached by ${yearLabel(m, c.by)} can only be known then; what can be checked is whether the figures since are growing fast enough.`];

  // At the time: the trend up to the last figure published, against the growth the target needed.
  let then: Evaluated | undefined;
  const baseThen = read(ctx, c.quantity, c.from, 'then');
  const startThen = read(ctx, c.quantity, c.from - c.trend, 'then');
  if (baseThen.ok && startThen.ok) {
    const past = cagr(startThen.r.value.v, baseThen.r.value.v, c.trend);
    const needed = cagr(baseThen.r.value.v, c.target, c.by - c.from);
    const o: Outcome = past >= needed ? 'yes' : 'no';
    then = {
      verdict: withCaveat(fromOutcomes([o]), caveats),
      short: `${pct(past)} in the ${c.trend} years to ${yearLabel(m, c.from)}, against ${pct(needed)} needed`,
      steps: [
        ...startThen.r.steps,
        ...baseThen.r.steps,
        { kind: 'calc', text: `Growth over the ${c.trend} years to ${yearLabel(m, c.from)}: (${fmt(baseThen.r.value.v, kind)} ÷ ${fmt(startThen.r.value.v, kind)}) to the power 1/${c.trend}, minus 1 = ${pct(past)}` },
        { kind: 'calc', text: `Growth needed to reach ${target} by ${yearLabel(m, c.by)}: (${target} ÷ ${fmt(baseThen.r.value.v, kind)}) to the power 1/${c.by - c.from}, minus 1 = ${pct(needed)}` },
        { kind: 'test', text: `At the time, the trend (${pct(past)}) was ${o === 'yes' ? 'at or above' : 'below'} the growth needed (${pct(needed)}).`, outcome: o },
      ],
      alternatives: [],
      caveats,
      uses: [...startThen.r.uses, ...baseThen.r.uses],
      differs: baseThen.r.differs || startThen.r.differs,
    };
  }

  // Now: the growth since, on today's figures, against the growth needed from the same year.
  const base = read(ctx, c.quantity, c.from, 'now');
  let latestYear: number | undefined;
  for (let y = m.lastYear; y > c.from; y--) {
    if (read(ctx, c.quantity, y, 'now').ok) {
      latestYear = y;
      break;
    }
  }
  if (!base.ok) return { now: failed(base.why), then };
  if (latestYear === undefined) return { now: { ...failed(`No figure after ${yearLabel(m, c.from)} yet: the projection cannot be followed.`), uses: base.r.uses }, then };
  const latest = read(ctx, c.quantity, latestYear, 'now');
  if (!latest.ok) return { now: failed(latest.why), then };
  const since = cagr(base.r.value.v, latest.r.value.v, latestYear - c.from);
  const needed = cagr(base.r.value.v, c.target, c.by - c.from);
  const stillNeeded = cagr(latest.r.value.v, c.target, c.by - latestYear);
  const o: Outcome = since >= needed ? 'yes' : 'no';
  const now: Evaluated = {
    verdict: withCaveat(fromOutcomes([o]), caveats),
    short: `${pct(since)} from ${yearLabel(m, c.from)} to ${yearLabel(m, latestYear)}, against ${pct(needed)} needed`,
    steps: [
      ...base.r.steps,
      ...latest.r.steps,
      { kind: 'calc', text: `Growth since ${yearLabel(m, c.from)}: (${fmt(latest.r.value.v, kind)} ÷ ${fmt(base.r.value.v, kind)}) to the power 1/${latestYear - c.from}, minus 1 = ${pct(since)}` },
      { kind: 'calc', text: `Growth needed from ${yearLabel(m, c.from)} to reach ${target} by ${yearLabel(m, c.by)}: ${pct(needed)}; from ${yearLabel(m, latestYear)} it would now take ${pct(stillNeeded)}` },
      { kind: 'test', text: `Since the claim, the figures have grown ${o === 'yes' ? 'at least as fast as' : 'more slowly than'} the target needs (${pct(since)} against ${pct(needed)}).`, outcome: o },
    ],
    alternatives: [],
    caveats,
    uses: [...base.r.uses, ...latest.r.uses],
    differs: false,
  };
  return { now, then };
}

/* ---- Plain English of a check (the spec, not its result) -------------------------------------- */

export function describeCheck(data: ClaimData, area: string, c: CheckSpec): string {
  const ctx: Ctx = { data, area, areaName: data.areaName(area), claimDate: undefined };
  const where = ctx.areaName;
  const mOf = (q: Quantity) => measureOf(ctx, quantityMeasures(q)[0]!);
  const subj = (q: Quantity) => quantitySubject(ctx, q);
  switch (c.form) {
    case 'level':
      return `That ${subj(c.quantity)} in ${where} ${inYear(mOf(c.quantity), c.year)} was ${claimedPhrase(c.claimed, kindOf(ctx, c.quantity))}.`;
    case 'change': {
      const m = mOf(c.quantity);
      const bases = c.bases.map((b) => yearLabel(m, b));
      if (c.claimed.type === 'every-year') {
        return `That ${subj(c.quantity)} in ${where} ${c.claimed.value === 'up' ? 'rose' : 'fell'} in every year from ${and(bases)} to ${yearLabel(m, c.to)}${c.likeForLike ? `; and the same for ${subj(c.likeForLike)}, counted the same way every year` : ''}.`;
      }
      const basis = bases.length > 1 ? `taking ${and(bases)} in turn as the base year` : `taking ${bases[0]} as the base year`;
      return `That ${subj(c.quantity)} in ${where} ${inYear(m, c.to)} was ${changeClaimPhrase(c.claimed)}, ${basis}${c.likeForLike ? `; and the same for ${subj(c.likeForLike)}, counted the same way every year` : ''}.`;
    }
    case 'share': {
      const m = mOf(c.whole);
      const parts = [c.claimed.part ? claimedPhrase(c.claimed.part, 'count') : '', c.claimed.percent ? `${claimedPhrase(c.claimed.percent, 'percent')} of them` : ''].filter(Boolean);
      return `That ${subj(c.part)} in ${where} ${inYear(m, c.year)} was ${parts.join(', ')}, out of ${subj(c.whole)}.`;
    }
    case 'ratio': {
      const m = mOf(c.denominator);
      const claimed = c.points.filter((p) => p.claimed).map((p) => `${claimedPhrase(p.claimed!, 'percent')} ${inYear(m, p.year)}`);
      const first = c.points[0]!.year;
      const last = c.points[c.points.length - 1]!.year;
      const dir = c.direction ? `went ${c.direction} from ${yearLabel(m, first)} to ${yearLabel(m, last)}` : '';
      const what = [claimed.length ? `was ${and(claimed)}` : '', dir].filter(Boolean).join(', and ');
      return `That ${subj(c.numerator)} as a percentage of ${subj(c.denominator)} in ${where} ${what}${c.likeForLike ? '; and the same on series counted the same way every year' : ''}.`;
    }
    case 'record':
      return `That ${subj(c.quantity)} in ${where} ${inYear(mOf(c.quantity), c.year)} was the ${c.claimed} ${c.since === null ? 'on record' : `since ${c.since}`}.`;
    case 'gradient': {
      const what =
        c.claimed.type === 'every-step'
          ? `${c.claimed.value === 'up' ? 'rises' : 'falls'} at every step from the least to the most deprived tenth of neighbourhoods`
          : c.claimed.type === 'ratio'
            ? `in the most deprived tenth of neighbourhoods is ${claimedPhrase(c.claimed, 'factor')} the rate in the least deprived tenth`
            : `is ${claimedPhrase(c.claimed.most, 'rate')} in the most deprived tenth of neighbourhoods and ${claimedPhrase(c.claimed.least, 'rate')} in the least deprived tenth`;
      return `That the rate of ${and(c.measures.map((x) => CWIP_WORDS[x] ?? x))} per 10,000 children in ${c.country} ${what}, on the Child Welfare Inequalities Project's rates by neighbourhood deprivation decile.`;
    }
    case 'projection': {
      const m = mOf(c.quantity);
      return `That ${subj(c.quantity)} in ${where} was on course to reach ${fmt(c.target, kindOf(ctx, c.quantity))} by ${yearLabel(m, c.by)}, judged from ${yearLabel(m, c.from)}: at the time, against the growth of the ${c.trend} years before; now, against the growth since.`;
    }
    case 'unverifiable':
      return 'Not checked: these data cannot answer it (see why below).';
  }
}

const CWIP_WORDS: Record<string, string> = { CLA: 'children looked after', CPP: 'children on child protection plans', CPR: 'children on the child protection register' };

/* ---- A check and a claim ------------------------------------------------------------------- */

function highlightOf(c: CheckSpec): { measure: string; years: number[]; unit: Unit }[] {
  const of = (q: Quantity, years: number[]) => quantityMeasures(q).map((measure) => ({ measure, years, unit: quantityUnit(q) }));
  switch (c.form) {
    case 'level':
      return of(c.quantity, [c.year]);
    case 'change':
      return [...of(c.quantity, [...c.bases, c.to]), ...(c.likeForLike ? of(c.likeForLike, [...c.bases, c.to]) : [])];
    case 'share':
      return [...of(c.part, [c.year]), ...of(c.whole, [c.year])];
    case 'ratio':
      return [...of(c.numerator, c.points.map((p) => p.year)), ...of(c.denominator, c.points.map((p) => p.year))];
    case 'record':
      return of(c.quantity, [c.year]);
    case 'projection':
      return of(c.quantity, [c.from]);
    default:
      return [];
  }
}

/** A figure read twice in one block of steps (a total and a part of it) is shown once. */
function dedupeSteps(steps: readonly Step[]): Step[] {
  const out: Step[] = [];
  let seen = new Set<string>();
  for (const st of steps) {
    if (st.kind === 'note' && st.text.endsWith(':')) seen = new Set();
    if (st.kind === 'figure') {
      if (seen.has(st.text)) continue;
      seen.add(st.text);
    }
    out.push(st);
  }
  return out;
}

function mergeUses(uses: readonly FigureUse[]): FigureUse[] {
  const seen = new Map<string, FigureUse>();
  for (const u of uses) if (!seen.has(u.key)) seen.set(u.key, u);
  return [...seen.values()];
}

export function evaluateCheck(data: ClaimData, area: string, claimDate: number | undefined, c: CheckSpec): CheckResult {
  const ctx: Ctx = { data, area, areaName: data.areaName(area), claimDate };
  const spec = describeCheck(data, area, c);
  const base = { form: c.form, says: c.says, spec, note: c.note, highlight: highlightOf(c) };
  if (c.form === 'unverifiable') {
    return { ...base, verdict: 'cannot', short: c.why, steps: [{ kind: 'note', text: c.why }], alternatives: [], caveats: c.caveat ? [c.caveat] : [], then: undefined, figures: [], needs: c.needs, thenUnknown: false };
  }
  let now: Evaluated;
  let then: Evaluated | undefined;
  if (c.form === 'projection') {
    ({ now, then } = evalProjection(ctx, c));
  } else {
    const run = (when: When): Evaluated => {
      switch (c.form) {
        case 'level':
          return evalLevel(ctx, c, when);
        case 'change':
          return evalChange(ctx, c, when);
        case 'share':
          return evalShare(ctx, c, when);
        case 'ratio':
          return evalRatio(ctx, c, when);
        case 'record':
          return evalRecord(ctx, c, when);
        case 'gradient':
          return evalGradient(ctx, c);
      }
    };
    now = run('now');
    if (claimDate !== undefined && c.form !== 'gradient') {
      const t = run('then');
      then = t.differs ? t : undefined;
    }
  }
  // The reviewer's caveat (a proxy measure, a shorter period than the claim's) applies however the figures fall.
  const extra = c.caveat ? [c.caveat] : [];
  const figures = mergeUses([...now.uses, ...(then?.uses ?? [])]);
  return {
    ...base,
    verdict: withCaveat(now.verdict, extra),
    short: now.short,
    steps: dedupeSteps(now.steps),
    alternatives: now.alternatives,
    caveats: [...now.caveats, ...extra],
    then: then ? { verdict: withCaveat(then.verdict, extra), short: then.short, steps: dedupeSteps(then.steps) } : undefined,
    figures,
    needs: undefined,
    thenUnknown: claimDate !== undefined && figures.some((f) => f.then === undefined),
  };
}

/** "2021-06-17" → 20210617; "2021-06" → 20210601 (the earliest day it can mean); "" → undefined. */
export function claimDateOf(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  return m ? Number(`${m[1]}${m[2]}${m[3] ?? '01'}`) : undefined;
}

export function evaluateClaim(data: ClaimData, spec: ClaimSpec, quoteDate: string): ClaimResult {
  const area = spec.area ?? ENGLAND;
  const claimDate = claimDateOf(quoteDate);
  const checks = spec.checks.map((c) => evaluateCheck(data, area, claimDate, c));
  const verdict = combine(checks.map((c) => c.verdict));
  const anyThen = checks.some((c) => c.then);
  const thenCombined = anyThen ? combine(checks.map((c) => c.then?.verdict ?? c.verdict)) : undefined;
  const thenVerdict = thenCombined !== undefined && thenCombined !== verdict ? thenCombined : undefined;
  // One line: the checks that decide the verdict, worst first.
  const ordered = [...checks].sort((a, b) => SEVERITY[b.verdict] - SEVERITY[a.verdict]);
  const deciding = ordered.filter((c) => c.verdict === ordered[0]!.verdict);
  const others = checks.length - deciding.length;
  const rest = ordered.slice(deciding.length);
  const verb = (v: Verdict, n: number) => (v === 'holds' ? (n > 1 ? 'hold' : 'holds') : v === 'caveat' ? (n > 1 ? 'hold with a caveat' : 'holds with a caveat') : 'can\u2019t be checked');
  const restWords = (['holds', 'caveat', 'cannot'] as const)
    .map((v) => [v, rest.filter((c) => c.verdict === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${verb(v, n)}`);
  const otherWords = others === 1 ? ` (the other part ${verb(rest[0]!.verdict, 1)})` : others > 1 ? ` (of the other ${others} parts, ${and(restWords)})` : '';
  const reason = deciding.map((c) => `\u201c${c.says}\u201d: ${c.verdict === 'cannot' && c.needs ? c.short : lowerFirst(c.short)}`).join('; ') + otherWords;
  const measures = [...new Set([...(spec.chart ? [spec.chart.measure] : []), ...checks.flatMap((c) => c.highlight.map((h) => h.measure))])];
  const caveats = [...new Set(checks.flatMap((c) => c.caveats))];
  const failing = checks.filter((c) => c.verdict === 'fails');
  const onlyWhereUnknown = failing.length > 0 && failing.every((c) => c.then ? c.then.verdict !== 'fails' : c.thenUnknown);
  return { id: spec.quote, area, verdict, thenVerdict, label: verdictLabel(verdict, thenVerdict, onlyWhereUnknown), reason, checks, caveats, measures, note: spec.note };
}
