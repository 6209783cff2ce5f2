import { CsvError } from '../../lib/csv';
import type { Cell } from '../../lib/status';
import { ENGLAND, type AreaIndex } from './areas';
import type { IngestContext } from './context';
import type { ObservationSet } from './observations';
import { cell, text, yearCell } from './raw';
import type { TidyRecord } from './write';

/**
 * Identities DfE's own tables obey, checked on the raw files and on the figures kept, so that a
 * shifted, swapped or renamed column cannot pass with plausible-looking numbers:
 * - within a row: re-referrals ≤ referrals (C1), children ≤ enquiries and conferences (C4),
 *   repeat plans ≤ plans started (D3), and DfE's percentages equal their counts' ratio;
 * - across areas: councils add up to their region and England within DfE's rounding (where no
 *   council's figure is withheld and substituted);
 * - across files: each release's national figures equal that release's own headline figures;
 * - across runs: the agreement of computed rates with DfE's and the number of figures revised
 *   between releases stay within bounds (a swapped column moves both at once).
 */

const D = 'dfe-cin';
const D3 = 'dfe-csc-extra/d3_cpps_subsequent_plan_2013_to_2025.csv';
const D1_2022 = `${D}/ees-2022-release/d1_child_protection_plans_2013_to_2022.csv`;

/**
 * Checks of identities DfE's own tables obey, run on the raw files the pathway measures come from:
 * - D3: second or subsequent plans never exceed plans started, and DfE's percentage is their
 *   ratio to one decimal place (so a shifted or swapped column stops the ingest);
 * - C4: children subject to an enquiry (or a conference) never exceed the enquiries (conferences).
 * Returns the share of plans started that were children starting a plan (England, D1 of the 2022
 * release, the only file with both), which the catalogue quotes.
 */
export function checkRowIdentities(ctx: IngestContext): { childShareOfPlans: { min: number; max: number; from: number; to: number } } {
  const d3 = ctx.raw.csv(D3);
  for (const r of d3.rows) {
    const start = cell(d3, r, 'CPP_start', 'ees');
    const sub = cell(d3, r, 'CPP_subsequent', 'ees');
    const pct = cell(d3, r, 'CPP_subsequent_percent', 'ees');
    if (start.kind === 'value' && sub.kind === 'value') {
      if (sub.value > start.value) throw new CsvError(D3, `second or subsequent plans (${sub.value}) exceed plans started (${start.value})`, r.row, 'CPP_subsequent', r.values['CPP_subsequent']);
      // A council's percentage is its own ratio to one decimal. England's and the regions' are DfE's
      // ratio over the councils with a known figure (Yorkshire and The Humber 2021-22 leaves out
      // Doncaster's unknown one: 23.6% against 22.2% of the regional counts), from unrounded counts:
      // hold them to 2 percentage points, which still catches a shifted or swapped column.
      const level = text(d3, r, 'geographic_level');
      const tol = level === 'Local authority' ? 0.05 + 1e-9 : 2;
      if (pct.kind === 'value' && start.value > 0 && Math.abs(pct.value - (100 * sub.value) / start.value) > tol) {
        throw new CsvError(D3, `percentage ${pct.value} is not second or subsequent plans (${sub.value}) ÷ plans started (${start.value})`, r.row, 'CPP_subsequent_percent', r.values['CPP_subsequent_percent']);
      }
    }
  }
  for (const file of [`${D}/ees-2025-release/c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv`, `${D}/ees-2022-release/c4_children_in_need_section_47s_and_icpcs_2013_to_2022.csv`]) {
    const c4 = ctx.raw.csv(file);
    for (const r of c4.rows) {
      for (const [all, children] of [['Section47', 'Section47_child'], ['ICPC', 'ICPC_child']] as const) {
        const a = cell(c4, r, all, 'ees');
        const c = cell(c4, r, children, 'ees');
        if (a.kind === 'value' && c.kind === 'value' && c.value > a.value) throw new CsvError(file, `${children} (${c.value}) exceeds ${all} (${a.value}): a child is counted once, an enquiry or conference each time`, r.row, children, r.values[children]);
      }
    }
  }
  const c1Files: readonly [string, string, string, string][] = [
    [`${D}/ees-2025-release/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv`, 'referral_count', 'rereferral_count', 'rereferral_percent'],
    [`${D}/ees-2024-release/c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv`, 'Referrals', 'Re_referrals', 'Re_referrals_percent'],
    [`${D}/ees-2022-release/c1_children_in_need_referrals_and_rereferrals_2013_to_2022.csv`, 'Referrals', 'Re_referrals', 'Re_referrals_percent'],
  ];
  for (const [file, all, re, pctCol] of c1Files) {
    const c1 = ctx.raw.csv(file);
    for (const r of c1.rows) {
      const a = cell(c1, r, all, 'ees');
      const b = cell(c1, r, re, 'ees');
      const pct = cell(c1, r, pctCol, 'ees');
      if (a.kind !== 'value' || b.kind !== 'value') continue;
      if (b.value > a.value) throw new CsvError(file, `re-referrals (${b.value}) exceed referrals (${a.value})`, r.row, re, r.values[re]);
      // a council's percentage is its own ratio (one decimal); England's and the regions' come from unrounded counts
      const tol = text(c1, r, 'geographic_level') === 'Local authority' ? 0.05 + 1e-9 : 1;
      if (pct.kind === 'value' && a.value > 0 && Math.abs(pct.value - (100 * b.value) / a.value) > tol) {
        throw new CsvError(file, `percentage ${pct.value} is not re-referrals (${b.value}) ÷ referrals (${a.value})`, r.row, pctCol, r.values[pctCol]);
      }
    }
  }
  const d1 = ctx.raw.csv(D1_2022);
  const shares: { year: number; share: number }[] = [];
  for (const r of d1.rows) {
    if (text(d1, r, 'geographic_level') !== 'National') continue;
    const plans = cell(d1, r, 'CPP_start', 'ees');
    const children = cell(d1, r, 'CPP_child_start', 'ees');
    if (plans.kind !== 'value' || children.kind !== 'value') throw new CsvError(D1_2022, 'England plans and children starting must be published', r.row, 'CPP_start');
    if (children.value > plans.value) throw new CsvError(D1_2022, 'children starting a plan exceed plans started', r.row, 'CPP_child_start', r.values['CPP_child_start']);
    shares.push({ year: yearCell(d1, r, 'time_period', 2013, ctx.lastDataYear), share: children.value / plans.value });
  }
  if (shares.length === 0) throw new CsvError(D1_2022, 'no England rows');
  return {
    childShareOfPlans: {
      min: Math.min(...shares.map((s) => s.share)),
      max: Math.max(...shares.map((s) => s.share)),
      from: Math.min(...shares.map((s) => s.year)),
      to: Math.max(...shares.map((s) => s.year)),
    },
  };
}

/** Measures whose councils add up to their region and England (counts of children or events). */
const ADDITIVE = ['referrals', 's47-enquiries', 's47-children', 'icpcs', 'icpc-children', 'cpp-starts', 'children-in-need', 'child-protection-plans', 'looked-after', 'care-starts'];
/**
 * England and regional totals are DfE's own, rounded (to 10; to 100 in 2009-10 and 2010-11, with
 * DfE's estimates and grossing for missing data) and deduplicated where a child is counted by two
 * councils. The largest gap seen between a total and its councils is 1.4% (care starts in London,
 * 2009-10); a column shifted by one row or measure is far more. A suppressed council adds 1 to 5.
 */
export const SUM_TOLERANCE = 0.02;

export interface SumCheck {
  readonly checked: number;
  readonly skipped: number;
  readonly largest: { measure: string; year: number; area: string; diff: number; share: number } | undefined;
}

export function checkCouncilSums(rows: readonly TidyRecord[], areas: AreaIndex): SumCheck {
  const by = new Map(rows.map((r) => [`${r.measure}|${r.year}|${r.area_code}`, r]));
  const parents = [ENGLAND, ...areas.all.filter((a) => a.level === 'region').map((a) => a.code)];
  let checked = 0;
  let skipped = 0;
  let largest: SumCheck['largest'];
  const years = new Map<string, Set<number>>();
  for (const r of rows) if (ADDITIVE.includes(String(r.measure))) years.set(String(r.measure), (years.get(String(r.measure)) ?? new Set()).add(Number(r.year)));
  for (const [measure, ys] of years) {
    for (const year of ys) {
      for (const parent of parents) {
        const p = by.get(`${measure}|${year}|${parent}`);
        if (!p || p.count_status !== 'ok') continue;
        const kids = areas.lasIn(year).filter((a) => parent === ENGLAND || a.regionCode === parent);
        let sum = 0;
        let suppressed = 0;
        let withheld = false;
        for (const a of kids) {
          const k = by.get(`${measure}|${year}|${a.code}`);
          if (!k || (k.count_status !== 'ok' && k.count_status !== 'c')) withheld = true;
          else if (k.count_status === 'c') suppressed++;
          else sum += Number(k.count);
        }
        // DfE substitutes a withheld council's earlier figures in the totals (Hackney, Hampshire): no identity to check.
        if (withheld) {
          skipped++;
          continue;
        }
        const total = Number(p.count);
        const diff = total - sum;
        const allowed = Math.max(SUM_TOLERANCE * total, 10) + 5 * suppressed;
        if (Math.abs(diff) > allowed) {
          throw new CsvError(String(p.source_id), `${measure} ${year}: ${areas.get(parent)!.name}'s total ${total} is not the sum of its councils (${sum}, with ${suppressed} suppressed): ${diff > 0 ? '+' : ''}${diff}, more than DfE's rounding allows (${Math.round(allowed)})`, undefined, 'count', String(total));
        }
        checked++;
        const share = total > 0 ? Math.abs(diff) / total : 0;
        if (!largest || share > largest.share) largest = { measure, year, area: parent, diff, share };
      }
    }
  }
  return { checked, skipped, largest };
}

/** Each release's own headline figures (national), against the national figures of that release's tables. */
const HEADLINES: readonly { file: string; source: Readonly<Record<string, readonly [string, string]>> }[] = [
  // children_in_need etc. of the 2022 CIN release against its B1, D1 and C1
  { file: `${D}/ees-2022-release/headline_figures.csv`, source: { children_in_need: ['children-in-need', 'dfe-cin-2022-b1'], child_protection_plans: ['child-protection-plans', 'dfe-cin-2022-d1'], referrals: ['referrals', 'dfe-cin-2022-c1'] } },
  { file: 'dfe-cla/ees-2021-release/children_looked_after_2021_headline_figures.csv', source: { cla_31_march: ['looked-after', 'dfe-cla-2021'], cla_starting: ['care-starts', 'dfe-cla-2021'] } },
  { file: 'dfe-cla/ees-2022-release/cla_2022_headline_figure.csv', source: { cla_31_march: ['looked-after', 'dfe-cla-2022'], cla_starting: ['care-starts', 'dfe-cla-2022'] } },
];

export function checkHeadlines(ctx: IngestContext, obs: ObservationSet): number {
  let n = 0;
  for (const h of HEADLINES) {
    const csv = ctx.raw.csv(h.file);
    for (const r of csv.rows) {
      if (text(csv, r, 'geographic_level') !== 'National') throw new CsvError(h.file, 'expected national rows only', r.row, 'geographic_level', text(csv, r, 'geographic_level'));
      const year = yearCell(csv, r, 'time_period', 2013, ctx.lastDataYear);
      for (const [column, [measure, sourceId]] of Object.entries(h.source)) {
        const headline = cell(csv, r, column, 'old'); // these files write thousands separators ("378,030")
        const c = obs.candidate(measure, year, ENGLAND, sourceId);
        if (!c) continue; // the table does not cover that year (a headline file's back series reaches further)
        const same = headline.kind === 'value' ? c.count.kind === 'value' && c.count.value === headline.value : c.count.kind === 'missing';
        if (!same) throw new CsvError(h.file, `England ${measure} ${year}: the release's headline figure is ${showCell(headline)} but its table (${c.file}) gives ${showCell(c.count)}`, r.row, column, r.values[column]);
        n++;
      }
    }
  }
  return n;
}

const showCell = (c: Cell) => (c.kind === 'value' ? String(c.value) : c.status);

/**
 * Bounds on the whole run: how many figures later releases revised (2,026 in the releases held
 * now, 50 of them England's), and how many computed rates agree with DfE's LAIT rates (all of
 * them now). A new release legitimately moves both a little; a swapped or shifted column moves
 * them by thousands. Raise a bound only after reading the report of what changed.
 */
export const RUN_BOUNDS = { maxRevisions: 2300, maxEnglandRevisions: 70, minRateAgreement: 0.995 } as const;

export function checkRunBounds(revisions: readonly { areaCode: string }[], rateChecks: readonly { match: boolean }[]): void {
  const england = revisions.filter((r) => r.areaCode === ENGLAND).length;
  if (revisions.length > RUN_BOUNDS.maxRevisions) throw new Error(`ingest: ${revisions.length} figures differ between releases (at most ${RUN_BOUNDS.maxRevisions} expected): a column may be swapped or shifted; read reports/revisions.csv`);
  if (england > RUN_BOUNDS.maxEnglandRevisions) throw new Error(`ingest: ${england} England figures differ between releases (at most ${RUN_BOUNDS.maxEnglandRevisions} expected): read reports/revisions.csv`);
  const agree = rateChecks.filter((c) => c.match).length / Math.max(1, rateChecks.length);
  if (rateChecks.length > 0 && agree < RUN_BOUNDS.minRateAgreement) throw new Error(`ingest: only ${(100 * agree).toFixed(2)}% of computed rates agree with DfE's (at least ${100 * RUN_BOUNDS.minRateAgreement}% expected): a count or population column may be wrong; read reports/rate-check.csv`);
}
