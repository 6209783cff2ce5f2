import { z } from 'zod';
import { nonEmpty, slug } from './fields';
import type { TidyTable } from './table';

/**
 * When DfE last updated each indicator the site uses and when it says it will next update it, as
 * its Local Authority Interactive Tool's data dictionary states (Last Update, Next Update).
 */
export interface UpdateRow {
  readonly measure: string;
  readonly indicator: string;
  /** YYYY-MM-DD */
  readonly lastUpdate: string;
  readonly nextUpdate: string;
  readonly sourceId: string;
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const updatesTable: TidyTable<UpdateRow> = {
  file: 'updates.csv',
  title: "DfE's update schedule (LAIT data dictionary)",
  description: "For each measure's LAIT indicator, the date DfE last updated it and the date it says it will next update it, as DfE's Local Authority Interactive Tool data dictionary states. DfE's own release pages are the authority; these are the dates DfE gives in LAIT.",
  columns: [
    { name: 'measure', description: 'Measure id (measures.csv) the indicator stands for.' },
    { name: 'indicator', description: "LAIT's short name of the indicator (Measure_short)." },
    { name: 'last_update', description: 'Last Update, as the dictionary gives it (an Excel date, written here as YYYY-MM-DD).' },
    { name: 'next_update', description: 'Next Update, as the dictionary gives it (YYYY-MM-DD).' },
    { name: 'source_id', description: 'dfe-lait-2026 (sources.csv).' },
  ],
  row: z
    .object({ measure: slug, indicator: nonEmpty, last_update: date, next_update: date, source_id: slug })
    .superRefine((r, ctx) => {
      if (r.next_update < r.last_update) ctx.addIssue({ code: 'custom', path: ['next_update'], message: `must not be before last_update (${r.last_update})` });
    })
    .transform((r): UpdateRow => ({ measure: r.measure, indicator: r.indicator, lastUpdate: r.last_update, nextUpdate: r.next_update, sourceId: r.source_id })),
  key: (u) => `${u.measure}|${u.indicator}`,
  licence: 'Open Government Licence v3.0',
};

