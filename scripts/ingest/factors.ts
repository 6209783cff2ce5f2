import { CsvError } from '../../lib/csv';
import { EPISODES_WITH_FACTORS } from '../../lib/schema/pathway';
import type { Cell } from '../../lib/status';
import type { IngestContext } from './context';
import { eesArea, expectConstant } from './ees';
import { cell, yearCell } from './raw';
import { cellFields, roundHalfUp, type TidyRecord } from './write';

/**
 * DfE Children in need table C3 (2025 release): factors identified at the end of assessment, per
 * area and year, 2017-18 to 2024-25, written long (factor, year, area). Each factor's label is DfE's
 * own description from the data guidance of its 2022 release (the same columns), so a new or
 * renamed column without a description stops the ingest. Shares are computed here: the factor's
 * assessments as a percentage of the episodes with factor information.
 */
export const C3_FILE = 'dfe-csc-extra/c3_factors_identified_at_end_of_assessment_2018_to_2025.csv';
const GUIDANCE = 'dfe-cin/ees-2022-release/data-guidance.txt';
const SOURCE = 'dfe-cin-2025-c3';
const BASE_COLUMN = 'Episodes_with_assessment_factor';
const GEO_COLUMNS = ['time_period', 'time_identifier', 'geographic_level', 'country_code', 'country_name', 'region_code', 'region_name', 'old_la_code', 'new_la_code', 'la_name', 'category'];

/** "Domestic_Abuse_parent" → "domestic-abuse-parent". */
const factorId = (column: string) => column.toLowerCase().replace(/_/g, '-');

/** DfE's "Variable name | Variable description" table for C3, and its numbered footnotes. */
export function c3Guidance(text: string): { labels: Map<string, string>; footnotes: string[] } {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^C3 Factors identified at the end of assessment/.test(l));
  if (start < 0) throw new CsvError(GUIDANCE, 'section "C3 Factors identified at the end of assessment" not found');
  const end = lines.findIndex((l, i) => i > start && /^C4 /.test(l));
  const section = lines.slice(start, end < 0 ? undefined : end);
  const labels = new Map<string, string>();
  for (const l of section) {
    const m = /^([A-Za-z_]+)\s+\|\s+(.+)$/.exec(l.trim());
    if (m && m[1] !== 'Variable') labels.set(m[1]!, m[2]!.trim());
  }
  const footnotes = section.map((l) => /^\d+\.\s+(.*)$/.exec(l.trim())?.[1]).filter((x): x is string => x !== undefined);
  return { labels, footnotes };
}

export function buildFactors(ctx: IngestContext): { rows: TidyRecord[]; labels: TidyRecord[] } {
  const csv = ctx.raw.csv(C3_FILE);
  expectConstant(csv, 'time_identifier', ['Reporting year']);
  expectConstant(csv, 'category', ['Factors identified at the end of assessment']);
  const { labels, footnotes } = c3Guidance(ctx.raw.text(GUIDANCE));
  const factorColumns = csv.header.filter((h) => !GEO_COLUMNS.includes(h) && h !== BASE_COLUMN);
  if (!csv.header.includes(BASE_COLUMN)) throw new CsvError(C3_FILE, 'column with the episodes with factor information is missing', 1, BASE_COLUMN);
  for (const c of [BASE_COLUMN, ...factorColumns]) if (!labels.has(c)) throw new CsvError(GUIDANCE, `C3 column ${c} has no description in DfE's data guidance`, undefined, c);

  const noteFor = (column: string): string => {
    if (/^(Physical|Sexual)_Abuse_unknown$/.test(column) || /_(adult|child)_on_child$/.test(column)) {
      return footnotes.find((f) => /child on child and adult on child/i.test(f)) ?? '';
    }
    if (/^Domestic_Abuse/.test(column)) return footnotes.find((f) => /renamed as .Domestic abuse/i.test(f)) ?? '';
    return '';
  };
  const labelRows: TidyRecord[] = [
    { factor: EPISODES_WITH_FACTORS, dfe_column: BASE_COLUMN, label: labels.get(BASE_COLUMN)!, topic: 'All assessments', note: footnotes.find((f) => /more than one factor/i.test(f)) ?? '' },
    ...factorColumns.map((c) => {
      const label = labels.get(c)!;
      return { factor: factorId(c), dfe_column: c, label, topic: label.includes(':') ? label.slice(0, label.indexOf(':')).trim() : label, note: noteFor(c) };
    }),
  ];

  const rows: TidyRecord[] = [];
  const seen = new Map<string, number>();
  for (const r of csv.rows) {
    const year = yearCell(csv, r, 'time_period', 2013, ctx.lastDataYear);
    const area = eesArea(ctx, csv, r, year);
    if (area === 'skip') continue;
    const key = `${year}|${area.code}`;
    if (seen.has(key)) throw new CsvError(C3_FILE, `duplicate area and year ${key} (also at row ${seen.get(key)})`, r.row);
    seen.set(key, r.row);
    const base = cell(csv, r, BASE_COLUMN, 'ees');
    const [b, bs] = cellFields(base);
    rows.push({ factor: EPISODES_WITH_FACTORS, year, area_code: area.code, assessments: b, assessments_status: bs, share_pct: '', share_status: 'z', source_id: SOURCE });
    for (const c of factorColumns) {
      const n = cell(csv, r, c, 'ees');
      if (n.kind === 'value' && !Number.isInteger(n.value)) throw new CsvError(C3_FILE, 'not a whole number of assessments', r.row, c, r.values[c]);
      if (n.kind === 'value' && base.kind === 'value' && n.value > base.value) throw new CsvError(C3_FILE, `${n.value} assessments record the factor, more than the ${base.value} episodes with factor information`, r.row, c, r.values[c]);
      const share: Cell = n.kind === 'missing' ? n : base.kind === 'missing' ? base : base.value === 0 ? { kind: 'missing', status: 'z' } : { kind: 'value', value: roundHalfUp((100 * n.value) / base.value, 1) };
      const [v, vs] = cellFields(n);
      const [sh, shs] = cellFields(share);
      rows.push({ factor: factorId(c), year, area_code: area.code, assessments: v, assessments_status: vs, share_pct: sh, share_status: shs, source_id: SOURCE });
    }
  }
  ctx.useSource(SOURCE);
  rows.sort((a, b) => String(a.factor).localeCompare(String(b.factor)) || String(a.area_code).localeCompare(String(b.area_code)) || Number(a.year) - Number(b.year));
  return { rows, labels: labelRows };
}
