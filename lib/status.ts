/**
 * DfE's symbols for a value that is not shown, kept as data (never 0, never NaN, never dropped).
 * Meanings follow the Explore Education Statistics conventions used in the CIN and CLA releases.
 */
export const MISSING_STATUSES = ['c', 'x', 'z', 'u', 'low'] as const;
export type MissingStatus = (typeof MISSING_STATUSES)[number];

/** Status column of the tidy files: `ok` when a value is present, otherwise DfE's code. */
export const CELL_STATUSES = ['ok', ...MISSING_STATUSES] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export const STATUS_LABEL: Record<MissingStatus, string> = {
  c: 'suppressed',
  x: 'not available',
  z: 'not applicable',
  u: 'low reliability',
  low: 'rounds to zero',
};

export const STATUS_MEANING: Record<MissingStatus, string> = {
  c: 'Suppressed by DfE to protect confidentiality (a small number, 1 to 5, or a figure that would reveal one).',
  x: 'Not available: the council did not return usable data for this year, or the figure was not collected.',
  z: 'Not applicable: the figure does not exist for this area and year (for example, the council did not exist).',
  u: 'Low reliability: DfE withheld the figure because the return was not reliable (for example, after a system change).',
  low: 'Rounds to zero: a positive number too small to show at the published precision.',
};

/** A statistic as typed data: a number, or the reason there is none. */
export type Cell = { readonly kind: 'value'; readonly value: number } | { readonly kind: 'missing'; readonly status: MissingStatus };

export const value = (v: number): Cell => ({ kind: 'value', value: v });
export const missing = (status: MissingStatus): Cell => ({ kind: 'missing', status });

export function isMissingStatus(s: string): s is MissingStatus {
  return (MISSING_STATUSES as readonly string[]).includes(s);
}

/** Build a Cell from a tidy-file number field and its status field. */
export function cellFrom(num: number | undefined, status: CellStatus): Cell {
  if (status === 'ok') {
    if (num === undefined) throw new Error('status ok needs a number');
    return value(num);
  }
  return missing(status);
}
