import { CsvError } from '../../lib/csv';
import type { IngestContext } from './context';
import { text } from './raw';
import type { TidyRecord } from './write';

/**
 * Quotes from the reports, copied word for word from quotes/quotes_candidates.csv (never edited),
 * with three derived fields:
 * - measure_id: this explorer's measure the curator's `measure` tag refers to (empty for topics
 *   without a measure here, e.g. spending or deprivation gradients);
 * - year: the latest reporting year the claim speaks of (from "2019-20" or "31 Mar 2020" in
 *   claim_numbers), so the quote can be drawn on a trend chart; empty when it names none in range;
 * - verification: V (checked against the original), V2 (checked in a secondary page quoting it) or
 *   S (seed document only), read from the table in quotes/PROVENANCE.md.
 */
const FILE = 'quotes/quotes_candidates.csv';
const MEASURE_IDS: Readonly<Record<string, string>> = {
  s47_enquiries: 's47-enquiries',
  icpc: 'icpcs',
  cla: 'looked-after',
  cla_starts: 'care-starts',
  cin: 'children-in-need',
  cpp: 'child-protection-plans',
  referrals: 'referrals',
  spending: '',
  deprivation_gradient: '',
  other: '',
};

export function claimYear(claim: string, firstYear: number, lastYear: number): number | undefined {
  const years: number[] = [];
  for (const m of claim.matchAll(/\b(\d{4})-(\d{2})\b/g)) years.push(Number(m[1]) + 1);
  for (const m of claim.matchAll(/31 Mar (\d{4})\b/g)) years.push(Number(m[1]));
  const inRange = years.filter((y) => y >= firstYear && y <= lastYear);
  return inRange.length ? Math.max(...inRange) : undefined;
}

export function verificationById(provenance: string): Map<string, string> {
  const out = new Map<string, string>();
  const table = provenance.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Source') && !l.startsWith('|---'));
  for (const line of table) {
    const cells = line.split('|').map((c) => c.trim());
    const ids = cells[3] ?? '';
    const status = cells[4] ?? '';
    if (!/^(V2?|S|see row)\b/.test(status)) continue; // the figures table further down has other columns
    for (const part of ids.split(',')) {
      const m = /^([a-z0-9-]+)(?:\s*\((V2?|S)\))?$/.exec(part.trim());
      if (!m) continue;
      const own = m[2] ?? /^(V2?|S)\b/.exec(status)?.[1];
      if (own) out.set(m[1]!, own);
    }
  }
  return out;
}

export function buildQuotes(ctx: IngestContext): TidyRecord[] {
  const csv = ctx.raw.csv(FILE);
  const verification = verificationById(ctx.raw.text('quotes/PROVENANCE.md'));
  return csv.rows.map((r) => {
    const id = text(csv, r, 'id');
    const tag = text(csv, r, 'measure');
    const measureId = MEASURE_IDS[tag];
    if (measureId === undefined) throw new CsvError(FILE, 'unknown measure tag', r.row, 'measure', tag);
    const status = verification.get(id);
    if (!status) throw new CsvError(FILE, 'quote id has no verification status in quotes/PROVENANCE.md', r.row, 'id', id);
    const geography = text(csv, r, 'geography');
    const year = claimYear(text(csv, r, 'claim_numbers'), 2010, ctx.lastDataYear);
    return {
      id,
      quote: r.values['quote'] ?? '',
      speaker_or_author: text(csv, r, 'speaker_or_author'),
      source_title: text(csv, r, 'source_title'),
      publisher: text(csv, r, 'publisher'),
      date: text(csv, r, 'date'),
      url: text(csv, r, 'url'),
      page_or_section: text(csv, r, 'page_or_section'),
      topic: tag,
      measure_id: geography === 'england' ? measureId : '',
      geography,
      claim_type: text(csv, r, 'claim_type'),
      claim_numbers: text(csv, r, 'claim_numbers'),
      year: year ?? '',
      how_to_check: text(csv, r, 'how_to_check'),
      verification: status,
    };
  });
}
