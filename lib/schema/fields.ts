import { z } from 'zod';
import { CELL_STATUSES } from '../status';

/**
 * Field parsers for tidy CSV cells (all cells arrive as strings). Each rejects with a message that
 * the loader turns into "file: row N, column "c": message (value "v")".
 */

const NUM = /^-?\d+(\.\d+)?$/;
/** Digits enough for any figure here (England's largest counts have 6; spending in pounds 10); more is a broken cell. */
const MAX_DIGITS = 15;

/** A required decimal number written plainly (no separators, no exponent), finite. */
export const num = z
  .string()
  .regex(NUM, 'must be a plain number (digits, optional minus and decimal point)')
  .refine((v) => v.replace(/^-/, '').split('.')[0]!.length <= MAX_DIGITS, `must have at most ${MAX_DIGITS} digits before the decimal point`)
  .transform(Number)
  .refine(Number.isFinite, 'must be a finite number');

/** An optional number: empty means absent. (Not a union: a union would hide the reason a value failed.) */
export const optNum = z
  .string()
  .regex(/^(-?\d+(\.\d+)?)?$/, 'must be a plain number (digits, optional minus and decimal point) or empty')
  .refine((v) => v.replace(/^-/, '').split('.')[0]!.length <= MAX_DIGITS, `must have at most ${MAX_DIGITS} digits before the decimal point`)
  .transform((v) => (v === '' ? undefined : Number(v)))
  .refine((v) => v === undefined || Number.isFinite(v), 'must be a finite number');

/** An optional number ≥ 0 (counts, rates, percentages, spending): empty means absent. */
export const optNonNeg = optNum.refine((v) => v === undefined || v >= 0, 'must not be negative');

/** A whole number ≥ 0. */
export const count = z.string().regex(/^\d+$/, 'must be a whole number').transform(Number);

export const year = (min = 1990, max = 2100) =>
  z
    .string()
    .regex(/^\d{4}$/, 'must be a four-digit year')
    .transform(Number)
    .refine((y) => y >= min && y <= max, `must be a year from ${min} to ${max}`);

export const optYear = z
  .string()
  .regex(/^(\d{4})?$/, 'must be a four-digit year or empty')
  .transform((v) => (v === '' ? undefined : Number(v)));

export const status = z.enum(CELL_STATUSES, { message: `must be one of ${CELL_STATUSES.join(', ')}` });

/** ONS GSS code for England, an English region or an English upper-tier local authority. */
export const gssCode = z.string().regex(/^E(92|12|06|08|09|10)\d{6}$/, 'must be an English GSS code (E92/E12/E06/E08/E09/E10 + 6 digits)');

/**
 * Characters no name or note here needs and that can change how text reads: control characters
 * (including line breaks), zero-width characters, bidirectional overrides and isolates, the
 * byte-order mark and soft hyphen. "Hartlepool" with a right-to-left override reads backwards.
 */
export const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffd]/;
const visible = (s: string) => !INVISIBLE_OR_CONTROL.test(s);
const VISIBLE_MESSAGE = 'must not contain control, zero-width or bidirectional characters, line breaks or U+FFFD (a sign of text that was not UTF-8)';

export const text = z.string().refine(visible, VISIBLE_MESSAGE);
export const nonEmpty = z.string().min(1, 'must not be empty').refine(visible, VISIBLE_MESSAGE);

/** A list written as codes joined by "|" (empty = none). */
export const codeList = z
  .string()
  .transform((s) => (s === '' ? [] : s.split('|')))
  .pipe(z.array(gssCode));

export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug (a-z, 0-9, hyphens)');
