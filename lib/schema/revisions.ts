import { z } from 'zod';
import { isMissingStatus, MISSING_STATUSES, type Cell } from '../status';
import { gssCode, slug, year } from './fields';
import type { TidyTable } from './table';

/**
 * data/reports/revisions.csv, written by the ingest: every figure an older release gave differently
 * from the one kept (the latest release covering the year). Claims use it to show the figure of the
 * time next to today's. A report rather than a download table, but validated like one.
 */

/** A figure as the report writes it: a plain number, or DfE's code for why there is none. */
const figure = z
  .string()
  .refine((v) => /^-?\d+(\.\d+)?$/.test(v) || isMissingStatus(v), `must be a plain number or one of ${MISSING_STATUSES.join(', ')}`)
  .transform((v): Cell => (isMissingStatus(v) ? { kind: 'missing', status: v } : { kind: 'value', value: Number(v) }));

const same = (a: Cell, b: Cell) => (a.kind === 'value' ? b.kind === 'value' && a.value === b.value : b.kind === 'missing' && a.status === b.status);

export interface RevisionRow {
  readonly measure: string;
  readonly year: number;
  readonly areaCode: string;
  /** The figure kept in data/ (today's) and the release it came from. */
  readonly kept: Cell;
  readonly keptSource: string;
  /** What an older release gave for the same measure, year and area, and that release. */
  readonly other: Cell;
  readonly otherSource: string;
}

export const revisionsTable: TidyTable<RevisionRow> = {
  file: 'reports/revisions.csv',
  title: 'Revisions between releases',
  description: 'Every figure an older release gave differently from the one kept: measure, year, area, kept value and source, other value and source.',
  columns: [
    { name: 'measure', description: 'Measure id (measures.csv).' },
    { name: 'year', description: 'Year ending 31 March (or the measure\u2019s own period year).' },
    { name: 'area_code', description: 'ONS GSS code of the area.' },
    { name: 'kept', description: 'The figure kept in data/ (from the latest release covering the year), or its DfE status code.' },
    { name: 'kept_source', description: 'Release the kept figure came from.' },
    { name: 'other', description: 'The figure an older release gave, or its DfE status code.' },
    { name: 'other_source', description: 'That older release.' },
  ],
  row: z
    .object({ measure: slug, year: year(2009, 2030), area_code: gssCode, kept: figure, kept_source: slug, other: figure, other_source: slug })
    .superRefine((r, ctx) => {
      if (r.kept_source === r.other_source) ctx.addIssue({ code: 'custom', path: ['other_source'], message: 'a revision needs two different releases' });
      if (same(r.kept, r.other)) ctx.addIssue({ code: 'custom', path: ['other'], message: 'a revision needs two different figures' });
    })
    .transform((r): RevisionRow => ({ measure: r.measure, year: r.year, areaCode: r.area_code, kept: r.kept, keptSource: r.kept_source, other: r.other, otherSource: r.other_source })),
  key: (r) => `${r.measure}|${r.year}|${r.areaCode}|${r.otherSource}`,
  licence: 'Open Government Licence v3.0',
};
