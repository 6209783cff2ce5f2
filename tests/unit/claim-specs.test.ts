import { describe, expect, it } from 'vitest';
import { allClaims, claimById, claimData, loadClaimSpecs, loadNotClaims, loadQuoteContext } from '@/lib/claims/load';
import type { CheckSpec, Claimed } from '@/lib/claims/spec';
import { loadQuotes } from '@/lib/data/load';

/**
 * The committed claim specs (claims/*.json) against the quotes and the data: every quote that
 * states a figure is checked or says why not; specs hold the claim's numbers and never a result;
 * the verdicts on today's data are the ones the arithmetic gives.
 */

const quotes = loadQuotes();
const specs = loadClaimSpecs();

describe('every quoted figure is checked or has a written reason', () => {
  it('each quote with claim_numbers has a spec or an entry in claims/not-claims.json, not both', () => {
    const withSpec = new Set(specs.map((s) => s.quote));
    const reasons = loadNotClaims();
    const missing = quotes.filter((q) => q.claimNumbers.trim() !== '' && !withSpec.has(q.id) && !reasons[q.id]).map((q) => q.id);
    expect(missing).toEqual([]);
    expect(Object.keys(reasons).filter((id) => withSpec.has(id))).toEqual([]);
  });
  it('qualitative quotes get no verdict', () => {
    const qualitative = new Set(quotes.filter((q) => q.claimType === 'qualitative' && q.claimNumbers === '').map((q) => q.id));
    expect(specs.filter((s) => qualitative.has(s.quote)).map((s) => s.quote)).toEqual([]);
  });
  it('context quotes are qualitative or not-claims, and name measures', () => {
    const ctx = loadQuoteContext();
    const reasons = loadNotClaims();
    for (const id of Object.keys(ctx)) {
      const q = quotes.find((x) => x.id === id)!;
      expect(q.claimNumbers === '' || reasons[id] !== undefined).toBe(true);
    }
  });
});

/** Ways a quote can state a number: 201,000; 24%; 24 per cent; doubled; ten times; one in 60. */
const WORDS: Record<number, string[]> = { 2: ['doubled', 'twice'], 3: ['tripled', 'trebled'], 10: ['ten times', '10 times'] };
function stated(quote: string, value: number, kind: 'number' | 'factor' | 'one-in'): boolean {
  const q = quote.toLowerCase();
  const n = new Intl.NumberFormat('en-GB').format(value);
  if (kind === 'one-in') return new RegExp(`one in (every )?${value}\\b`).test(q);
  if (kind === 'factor') return (WORDS[value] ?? []).some((w) => q.includes(w)) || q.includes(`${n} times`);
  return q.includes(n) || q.includes(String(value));
}

function claimedNumbers(c: CheckSpec): { value: number; kind: 'number' | 'factor' | 'one-in' }[] {
  const of = (cl: Claimed | undefined, kind: 'number' | 'factor') => (cl ? [{ value: cl.value, kind: cl.scale === 'one-in' ? ('one-in' as const) : kind }] : []);
  switch (c.form) {
    case 'level':
      return of(c.claimed, 'number');
    case 'change':
      return c.claimed.type === 'factor' ? of(c.claimed, 'factor') : c.claimed.type === 'percent' ? of(c.claimed, 'number') : [];
    case 'share':
      return [...of(c.claimed.part, 'number'), ...of(c.claimed.percent, 'number')];
    case 'ratio':
      return c.points.flatMap((p) => of(p.claimed, 'number'));
    case 'gradient':
      return c.claimed.type === 'ratio' ? of(c.claimed, 'factor') : c.claimed.type === 'levels' ? [...of(c.claimed.most, 'number'), ...of(c.claimed.least, 'number')] : [];
    case 'projection':
      return [{ value: c.target, kind: 'number' }];
    default:
      return [];
  }
}

describe('specs hold the claim, never a result', () => {
  it('every number a spec claims is stated in the words it tests', () => {
    const wrong: string[] = [];
    for (const s of specs) for (const c of s.checks) for (const n of claimedNumbers(c)) if (!stated(c.says, n.value, n.kind)) wrong.push(`${s.quote}: ${n.value} (${n.kind}) not in "${c.says}"`);
    expect(wrong).toEqual([]);
  });
  it('notes, caveats and reasons carry no figures (only years)', () => {
    const FIGURE = /\d{1,3}(,\d{3})+|\d+(\.\d+)?\s?%|\d+\.\d+|\b\d{5,}\b|\bper cent\b/;
    const texts = specs.flatMap((s) => [s.note, ...s.checks.flatMap((c) => [c.note, c.caveat, 'why' in c ? c.why : undefined, 'needs' in c ? c.needs : undefined])].filter((t): t is string => !!t).map((t) => [s.quote, t] as const));
    // "per 10,000" is the unit of a rate, not a figure.
    expect(texts.filter(([, t]) => FIGURE.test(t.replace(/per 10,000/g, 'per ten thousand'))).map(([id, t]) => `${id}: ${t}`)).toEqual([]);
  });
});

describe('verdicts on the data', () => {
  it('every claim evaluates, and every figure it shows names a release the data know', () => {
    const data = claimData();
    for (const c of allClaims()) {
      for (const k of c.result.checks) for (const s of k.steps) if (s.kind === 'figure' && s.sourceId !== 'cwip-final-report') expect(data.release(s.sourceId), `${c.quote.id}: ${s.sourceId}`).toBeDefined();
    }
    expect(allClaims().length).toBe(specs.length);
  });
  it('"more than doubled since 2010": 201,000 ÷ 87,700 = 2.29 from 2009-10, 201,000 ÷ 111,700 = 1.80 from 2010-11, so only with a caveat', () => {
    const c = claimById('bbc-s47-doubled')!.result;
    expect(c.verdict).toBe('caveat');
    const bases = c.checks[0]!.alternatives.filter((a) => a.role === 'base');
    expect(bases.map((a) => `${a.figures}: ${a.result}`)).toEqual(['87,700 in 2009-10 to 201,000 in 2019-20: 2.29 times', '111,700 in 2010-11 to 201,000 in 2019-20: 1.80 times']);
  });
  it('PFAN\u2019s "+122% from 89,300" must fail: DfE\u2019s 2009-10 figure is 87,700 and the rise to 198,090 is +125.9%', () => {
    const c = claimById('pfan-s47-122pc')!.result;
    expect(c.verdict).toBe('fails');
    const pct = c.checks.find((k) => k.says === 'increase 122%')!;
    expect(pct.steps.find((s) => s.kind === 'calc')!.text).toBe('(198,090 − 87,700) ÷ 87,700 = +125.9%');
  });
  it('"on course for 100,000 in care" held on the trend of the time but does not now: the count fell to 81,770 by 31 March 2025', () => {
    const c = claimById('macalister-100k')!.result;
    expect(c.label).toBe('Does not hold now');
    expect(c.checks[0]!.steps.some((s) => s.kind === 'figure' && s.text.includes('31 March 2025: 81,770'))).toBe(true);
    expect(c.checks[0]!.then!.steps.some((s) => s.kind === 'figure' && s.text.includes('82,170 (figure of the time)'))).toBe(true);
  });
  it('"one in 16 children investigated before the age of five" cannot be checked, and says what data would', () => {
    const c = claimById('pfan-1in16')!.result;
    expect(c.verdict).toBe('cannot');
    expect(c.checks[0]!.needs).toMatch(/birth cohort/);
  });
  it('the looked-after count of 31 March 2017 is shown as published at the time (72,670, 2017 release) and today (72,600)', () => {
    const c = claimById('ccr-cla-highest')!.result;
    const f = c.checks[0]!.figures.find((x) => x.label === 'Children looked after, England, 31 March 2017')!;
    expect(f.now).toEqual({ text: '72,600', sourceId: 'dfe-cla-2024-ts' });
    expect(f.then).toEqual({ text: '72,670', sourceId: 'dfe-cla-2017-ud-cla' });
  });
});
