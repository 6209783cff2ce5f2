'use client';

import { DataTable } from '@/components/explorer/DataTable';
import { formatNumber, formatRate } from '@/lib/format';
import { SCALE_INFO } from '@/lib/inequalities/scatter';
import type { ColumnFormat, TableModel } from '@/lib/inequalities/views';

const FORMATS: Record<ColumnFormat, (n: number) => string> = {
  rate: formatRate,
  count: formatNumber,
  round: (n) => formatNumber(Math.round(n)),
  ratio: (n) => n.toFixed(2),
  times: (n) => `${n.toFixed(2)}×`,
  imd: SCALE_INFO.imd.format,
  idaci: SCALE_INFO.idaci.format,
  share: SCALE_INFO.share.format,
};

/** A view model's table as the site's sortable data table. */
export function IneqTable({ model }: { readonly model: TableModel }) {
  return (
    <DataTable
      caption={model.caption}
      columns={model.columns.map((c) => ({ key: c.key, label: c.label, numeric: c.numeric, format: c.format ? FORMATS[c.format] : undefined }))}
      rows={model.rows}
      format={formatNumber}
      initialSort={model.sort}
    />
  );
}
