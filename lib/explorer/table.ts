import { breaksForUnit } from '../breaks';
import { formatYear, formatYearShort } from '../format';
import type { CsvExport } from '../share/types';
import type { Cell } from '../status';
import type { ViewState } from '../view-state';
import { cellAt, councilsIn, ENGLAND } from './access';
import { chartTitle, yearRange } from './describe';
import { trendCsv, yearCsv } from './share';
import type { AreaMeta, MeasureData, SeriesBreak, Unit } from './types';

/**
 * The table view as data (pure): its columns, rows, the notes on breaks in the series and the CSV
 * of exactly the rows shown. Two modes (view state `table`): the compared areas over the chosen
 * years (years newest or oldest first, `order`), or every council in one year (`year`).
 */

/** Footnote marks of breaks, in the order of their years. */
export const BREAK_MARKS = ['*', '†', '‡', '§'] as const;

export interface TableColumn {
  readonly key: string;
  readonly label: string;
  readonly numeric?: boolean;
  /** The year of a figure column. */
  readonly year?: number;
  /** Footnote marks of the breaks this column's figures come before (counted the old way). */
  readonly marks?: readonly string[];
}

export interface TableRow {
  /** The area's GSS code. */
  readonly key: string;
  readonly cells: Readonly<Record<string, string | Cell | undefined>>;
}

export interface BreakNote {
  readonly mark: string;
  readonly year: number;
  /** "Up to 2011-12: children, not enquiries. Until 2011-12 DfE counted …" */
  readonly text: string;
}

export interface TableModel {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  readonly notes: readonly BreakNote[];
  /** The years whose figures are shown, in column order. */
  readonly years: readonly number[];
  readonly csv: CsvExport;
  readonly initialSort?: { readonly key: string; readonly dir: 'asc' | 'desc' };
}

/**
 * The breaks whose earlier figures are among the years shown, one mark per break year (two
 * changes in the same year share it), and the marks of each shown year (a year before two breaks
 * carries both).
 */
export function breakNotes(data: MeasureData, unit: Unit, years: readonly number[]): { notes: BreakNote[]; marksOf: (year: number) => string[] } {
  const m = data.measure;
  const byYear = new Map<number, SeriesBreak[]>();
  for (const b of breaksForUnit(data.breaks, unit)) {
    if (!years.some((y) => y < b.year)) continue;
    byYear.set(b.year, [...(byYear.get(b.year) ?? []), b]);
  }
  const notes = [...byYear.keys()]
    .sort((a, b) => a - b)
    .slice(0, BREAK_MARKS.length)
    .map((year, i) => {
      const bs = byYear.get(year)!;
      return { mark: BREAK_MARKS[i]!, year, text: `Up to ${formatYear(m.period, year - 1)}: ${bs.map((b) => b.before).join('; ')}. ${bs.map((b) => b.note).join(' ')}` };
    });
  return { notes, marksOf: (year) => notes.filter((n) => year < n.year).map((n) => n.mark) };
}

/**
 * `shown`: the compared areas (England first), as the chart shows them; `places`: their name in
 * words ("England and Blackpool").
 */
export function buildTable(data: MeasureData, state: ViewState, shown: readonly AreaMeta[], places: string): TableModel {
  const { measure } = data;
  const unit = state.unit;
  if (state.table === 'councils') {
    const year = state.year;
    const { notes, marksOf } = breakNotes(data, unit, [year]);
    const regionName = new Map(data.areas.filter((a) => a.level === 'region').map((a) => [a.code, a.name]));
    const councils = councilsIn(data, year);
    return {
      caption: chartTitle(measure, unit, 'every council', formatYear(measure.period, year)),
      // The figure comes straight after the name, so a phone shows both without scrolling.
      columns: [
        { key: 'area', label: 'Council' },
        { key: 'value', label: formatYearShort(measure.period, year), numeric: true, year, marks: marksOf(year) },
        { key: 'region', label: 'Region' },
        { key: 'code', label: 'Code' },
      ],
      rows: [
        { key: ENGLAND, cells: { area: 'England', value: cellAt(data, unit, ENGLAND, year), region: '', code: ENGLAND } },
        ...councils.map((a) => ({ key: a.code, cells: { area: a.name, value: cellAt(data, unit, a.code, year), region: regionName.get(a.regionCode ?? '') ?? '', code: a.code } })),
      ],
      notes,
      years: [year],
      csv: yearCsv(data, unit, year),
      initialSort: { key: 'value', dir: 'desc' },
    };
  }
  const inRange = data.years.filter((y) => y >= state.from && y <= state.to);
  const years = state.order === 'newest' ? [...inRange].reverse() : inRange;
  const { notes, marksOf } = breakNotes(data, unit, years);
  return {
    caption: chartTitle(measure, unit, places, yearRange(measure, state.from, state.to)),
    columns: [{ key: 'area', label: 'Area' }, ...years.map((y) => ({ key: String(y), label: formatYearShort(measure.period, y), numeric: true, year: y, marks: marksOf(y) }))],
    rows: shown.map((a) => ({ key: a.code, cells: { area: a.name, ...Object.fromEntries(years.map((y) => [String(y), cellAt(data, unit, a.code, y)])) } })),
    notes,
    years,
    csv: trendCsv(data, unit, shown, state.from, state.to),
  };
}
