import { CsvError } from '../../lib/csv';
import type { Cell } from '../../lib/status';
import type { IngestContext } from './context';
import { eesArea, expectConstant } from './ees';
import type { ObservationSet } from './observations';
import { cell, text, yearCell } from './raw';

/**
 * DfE placement stability of children looked after (2025 release, 2020-21 to 2024-25): the
 * percentage of children looked after on 31 March with three or more placements in the year
 * (`cla-placement-moves`), and the percentage of children under 16 looked after continuously for
 * 2.5 years or more who had lived with the same carer for at least two years
 * (`cla-long-term-stability`). The percentages are DfE's (whole numbers); each is checked against
 * DfE's own counts in the same file, and each group's total of children looked after on 31 March
 * is returned so that it can be checked against the looked-after series.
 */
export const PLACEMENTS_FILE = 'dfe-csc-extra/la_cla_placement_stability.csv';
const SOURCE = 'dfe-cla-2025-placements';

/** cla_group → placement_stability → what it is. */
const GROUPS: Readonly<Record<string, Readonly<Record<string, string | null>>>> = {
  'CLA on 31 March': { 'With 3 or more placements during the year': 'cla-placement-moves', 'Total children': 'total' },
  'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years': { 'Living with the same carer for at least 2 years': 'cla-long-term-stability', 'Total children': 'total' },
  // DfE's two-year measure (3+ placements in the previous two years) is not shown by this explorer.
  'CLA 2 years on 31 March': { 'With 3 or more placements during the previous 2 years': null, 'Total children': null },
};

export interface PlacementsResult {
  /** area|year → children looked after on 31 March, as this file counts them. */
  readonly lookedAfterTotals: ReadonlyMap<string, { count: Cell; row: number }>;
  readonly skippedRows: number;
  readonly droppedNonexistent: number;
}

export function readPlacements(ctx: IngestContext, into: ObservationSet): PlacementsResult {
  const csv = ctx.raw.csv(PLACEMENTS_FILE);
  expectConstant(csv, 'time_identifier', ['Reporting year']);
  const totals = new Map<string, { count: Cell; row: number }>();
  const parts = new Map<string, { measure: string; count: Cell; pct: Cell; row: number }>();
  let skipped = 0;
  let dropped = 0;
  for (const r of csv.rows) {
    const group = text(csv, r, 'cla_group');
    const kinds = GROUPS[group];
    if (!kinds) throw new CsvError(csv.file, 'unknown group of children', r.row, 'cla_group', group);
    const stability = text(csv, r, 'placement_stability');
    const what = kinds[stability];
    if (what === undefined) throw new CsvError(csv.file, `unknown breakdown for "${group}"`, r.row, 'placement_stability', stability);
    const year = yearCell(csv, r, 'time_period', 2018, ctx.lastDataYear);
    const count = cell(csv, r, 'children_count', 'ees');
    const pct = cell(csv, r, 'children_percent', 'ees');
    if (text(csv, r, 'geographic_level') === 'Local authority') {
      const known = ctx.areas.lookup(text(csv, r, 'new_la_code'));
      if (known && !ctx.areas.inForce(known, year)) {
        if (count.kind === 'missing' && count.status === 'z') {
          dropped++;
          continue;
        }
        throw new CsvError(csv.file, `${known.name} did not exist in ${year} but the file gives a figure`, r.row, 'children_count', r.values['children_count']);
      }
    }
    if (what === null) {
      skipped++;
      continue;
    }
    const area = eesArea(ctx, csv, r, year);
    if (area === 'skip') {
      skipped++;
      continue;
    }
    if (pct.kind === 'value' && (pct.value < 0 || pct.value > 100)) throw new CsvError(csv.file, 'a percentage must lie between 0 and 100', r.row, 'children_percent', r.values['children_percent']);
    const key = `${group}|${area.code}|${year}`;
    if (what === 'total') {
      if (pct.kind === 'value' && pct.value !== 100) throw new CsvError(csv.file, 'a total must be 100%', r.row, 'children_percent', r.values['children_percent']);
      if (group === 'CLA on 31 March') totals.set(`${area.code}|${year}`, { count, row: r.row });
      parts.set(`${key}|total`, { measure: 'total', count, pct, row: r.row });
      continue;
    }
    parts.set(key, { measure: what, count, pct, row: r.row });
    into.add({ measure: what, year, areaCode: area.code, count: pct, rate: undefined, sourceId: SOURCE, release: 202511, file: csv.file, row: r.row, countColumn: 'children_percent' });
  }
  // DfE's percentage is its count over the group's total, to a whole number.
  for (const [key, p] of parts) {
    if (p.measure === 'total') continue;
    const total = parts.get(`${key}|total`);
    if (!total) throw new CsvError(csv.file, 'no total for this group, area and year', p.row, 'placement_stability');
    if (p.count.kind === 'value' && total.count.kind === 'value') {
      if (p.count.value > total.count.value) throw new CsvError(csv.file, `${p.count.value} children out of a total of ${total.count.value}`, p.row, 'children_count', String(p.count.value));
      if (p.pct.kind === 'value' && total.count.value > 0) {
        const exact = (100 * p.count.value) / total.count.value;
        // England and regional counts are rounded to the nearest 10; DfE's percentage uses the unrounded ones.
        const slack = key.includes('|E92') || key.includes('|E12') ? (100 * 10) / total.count.value : 0;
        if (Math.abs(p.pct.value - exact) > 0.5 + slack + 1e-9) throw new CsvError(csv.file, `percentage ${p.pct.value} is not ${p.count.value} ÷ ${total.count.value}`, p.row, 'children_percent', String(p.pct.value));
      }
    }
  }
  ctx.useSource(SOURCE);
  return { lookedAfterTotals: totals, skippedRows: skipped, droppedNonexistent: dropped };
}
