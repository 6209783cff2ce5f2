import { z } from 'zod';
import { CELL_STATUSES } from '../status';

/**
 * Field parsers for tidy CSV cells (all cells arrive as strings). Each rejects with a message that
 * the loader turns into "file: row N, column "c": message (value "v")".
 */

const NUM = /^-?\d+(\.\d+)?$/;

/** A required decimal number written plainly (no separators, no exponent). */
export const num = z
  .string()
  .regex(NUM, 'must be a plain number (digits, optional minus and decimal point)')
  .transform(Number);

/** An optional number: empty means absent. (Not a union: a union would hide the reason a value failed.) */
export const optNum = z
  .string()
  .regex(/^(-?\d+(\.\d+)?)?$/, 'must be a plain number (digits, optional minus and decimal point) or empty')
  .transform((v) => (v === '' ? undefined : Number(v)));

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

export const text = z.string();
export const nonEmpty = z.string().min(1, 'must not be empty');

/** A list written as codes joined by "|" (empty = none). */
export const codeList = z
  .string()
  .transform((s) => (s === '' ? [] : s.split('|')))
  .pipe(z.array(gssCode));

export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug (a-z, 0-9, hyphens)');
