import { breaksForUnit } from '../breaks';
import { breaksFor, loadMeasure, observationsFor } from '../data/load';
import { formatChange, formatNumber, formatYear } from '../format';
import { ENGLAND } from './engine';
import { claimById, claimData, type CheckedClaim } from './load';
import { gradientPanels, type DecilePanel } from './view';

/**
 * The home page's story: what the reports say, each line a checked claim with its verdict, and a
 * headline worked out from the data. The lines are chosen here (which claim tells which part);
 * every figure and every "up"/"down"/"less than" in them is computed.
 */

/** Which series tells each part, and the claim that speaks of it. */
const STORY = [
  { measure: 's47-children', claim: 'bbc-s47-doubled' },
  { measure: 'child-protection-plans', claim: 'pfan-cpp-conversion' },
  { measure: 'looked-after', claim: 'bbc-cla-up-24pc' },
] as const;
const GRADIENT = { claim: 'cwip-england-10x', country: 'England', measures: ['CLA', 'CPP'] } as const;

export interface StoryTrend {
  readonly kind: 'trend';
  readonly measure: string;
  readonly headline: string;
  readonly detail: string;
  readonly from: number;
  readonly to: number;
  readonly claim: CheckedClaim;
}

export interface StoryGradient {
  readonly kind: 'gradient';
  readonly headline: string;
  readonly detail: string;
  readonly panels: readonly DecilePanel[];
  readonly claim: CheckedClaim;
}

export type StoryLine = StoryTrend | StoryGradient;

const england = (id: string, year: number) => {
  const o = observationsFor(id).find((x) => x.areaCode === ENGLAND && x.year === year);
  return o?.count.kind === 'value' ? o.count.value : undefined;
};

/**
 * The common span of the trend lines: from the first year every series is counted the same way
 * (after the last break in any of their counts) to the last year all of them have.
 */
export function storySpan(measures: readonly string[]): { from: number; to: number } {
  let from = -Infinity;
  let to = Infinity;
  for (const id of measures) {
    const m = loadMeasure(id);
    const last = breaksForUnit(breaksFor(id), 'count').reduce((y, b) => Math.max(y, b.year), m.firstYear);
    from = Math.max(from, last);
    to = Math.min(to, m.lastYear);
  }
  return { from, to };
}

export function storyLines(): StoryLine[] {
  const { from, to } = storySpan(STORY.map((s) => s.measure));
  const changes = STORY.map((s) => {
    const a = england(s.measure, from);
    const b = england(s.measure, to);
    if (a === undefined || b === undefined) throw new Error(`home story: no England figure for ${s.measure} in ${from} or ${to}`);
    return { ...s, a, b, pct: (b - a) / a };
  });
  const lead = changes[0]!;
  const leadLabel = loadMeasure(lead.measure).label;
  const name = (id: string) => loadMeasure(id).label.replace(/ at 31 March$/, '');
  const lower = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);
  const lines: StoryLine[] = changes.map((c, i) => {
    const m = loadMeasure(c.measure);
    const claim = claimById(c.claim);
    if (!claim) throw new Error(`home story: claim ${c.claim} has no spec`);
    const dir = c.b > c.a ? 'up' : c.b < c.a ? 'down' : 'unchanged';
    const by = dir === 'unchanged' ? '' : ` ${formatChange(c.a, c.b).replace(/^[+−]/, '')}`;
    const when = i === 0 ? ` from ${formatYear(m.period, from)} to ${formatYear(m.period, to)}` : ' over the same years';
    const than = i === 0 || c.pct === lead.pct ? '' : `, ${c.pct < lead.pct ? 'less' : 'more'} than ${lower(name(lead.measure))} (${formatChange(lead.a, lead.b)})`;
    const on = m.period === '31-march' ? 'on' : 'in';
    return {
      kind: 'trend',
      measure: c.measure,
      headline: `${name(c.measure)}: ${dir}${by}${when}${than}`,
      detail: `England: ${formatNumber(c.a)} ${on} ${formatYear(m.period, from)}, ${formatNumber(c.b)} ${on} ${formatYear(m.period, to)}.${i === 0 ? ' From the first year every series here is counted the same way.' : ''}`,
      from,
      to,
      claim,
    };
  });
  const gClaim = claimById(GRADIENT.claim);
  if (!gClaim) throw new Error(`home story: claim ${GRADIENT.claim} has no spec`);
  const panels = gradientPanels(GRADIENT.country, GRADIENT.measures);
  const cla = panels.find((p) => p.measure === 'CLA')!;
  const most = cla.rates.find((r) => r.decile === 1)!.value;
  const least = cla.rates.find((r) => r.decile === 10)!.value;
  const year = claimData().cwip(GRADIENT.country, 'CLA')[0]?.year;
  lines.push({
    kind: 'gradient',
    headline: `Children in care: a rate about ${formatNumber(Math.round(most / least))} times as high in the most deprived tenth of neighbourhoods as in the least deprived`,
    detail: `${formatNumber(most)} in every 10,000 children against ${formatNumber(least)}${year ? ` on 31 March ${year}` : ''}, in the Child Welfare Inequalities Project's sample of councils in ${GRADIENT.country}.`,
    panels,
    claim: gClaim,
  });
  return lines;
}
