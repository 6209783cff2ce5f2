import type { z } from 'zod';
import type { TidyTable } from '../schema/table';

/**
 * The typed fields of a tidy table, derived from its descriptor: the zod schema of each column
 * (lib/schema) says what a cell becomes, so the JSON API and the Data Package describe exactly
 * what the loader accepts, and a table or column added to the descriptors appears in both without
 * new code here.
 *
 * The descriptors do not declare a type per column, so it is found by asking each column's own
 * schema: which sample cells it accepts and what it turns them into (a number, a list, text).
 * typedRecord then checks every real cell against the type found, so a wrong guess fails the build.
 */

export type FieldType = 'integer' | 'number' | 'boolean' | 'list' | 'string';

export interface FieldSpec {
  readonly name: string;
  readonly description: string;
  readonly type: FieldType;
  /** The schema rejects an empty cell. */
  readonly required: boolean;
  /** The values a plain enum column allows (status codes, levels, kinds). */
  readonly values?: readonly string[];
  /** For lists: the separator between items in the CSV cell. */
  readonly separator?: string;
}

/** A CSV row as the API serves it: numbers as numbers, yes/no as booleans, lists as arrays, any other empty cell as null. */
export type TypedValue = string | number | boolean | readonly string[] | null;
export type TypedRecord = Record<string, TypedValue>;

export const LIST_SEPARATOR = '|';
const BOOLEAN_VALUES = { true: 'yes', false: 'no' } as const;

// Cells the probes offer each column's schema: whole numbers across the ranges the schemas allow
// (deciles 1-10, years), fractions (shares 0-1, rates), and a list of codes and of slugs.
const WHOLE = ['0', '1', '5', '10', '2000', '2020'];
const FRACTION = ['0.5', '1.5', '2020.5'];
const LISTS = ['E92000001|E12000001', 'a|b'];

type Field = z.ZodType<unknown, string>;
interface Def {
  readonly type: string;
  readonly in?: unknown;
  readonly entries?: Record<string, string>;
}
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** The per-column schemas of a table's row schema (an object, possibly refined and transformed). */
export function columnSchemas(table: Pick<TidyTable<unknown>, 'file' | 'row'>): Record<string, Field> {
  let s: unknown = table.row;
  while (defOf(s).type === 'pipe') s = defOf(s).in;
  if (defOf(s).type !== 'object') throw new Error(`${table.file}: the row schema is not an object of columns (found ${defOf(s).type}), so its fields cannot be typed`);
  return (s as { shape: Record<string, Field> }).shape;
}

function accepts(schema: Field, cell: string): { ok: true; out: unknown } | { ok: false } {
  const r = schema.safeParse(cell);
  return r.success ? { ok: true, out: r.data } : { ok: false };
}

/** What one column's schema makes of a cell. */
export function fieldSpecOf(name: string, description: string, schema: Field): FieldSpec {
  const required = !accepts(schema, '').ok;
  const def = defOf(schema);
  if (def.type === 'enum' && def.entries) {
    // An empty option ('' = not given) is the field's missing value, not a value.
    const values = Object.values(def.entries).filter((v) => v !== '');
    if (values.length === 2 && values.includes(BOOLEAN_VALUES.true) && values.includes(BOOLEAN_VALUES.false)) return { name, description, type: 'boolean', required };
    return { name, description, type: 'string', required, values };
  }
  const numberOut = (cells: readonly string[]) =>
    cells.some((c) => {
      const r = accepts(schema, c);
      return r.ok && typeof r.out === 'number';
    });
  if (numberOut(FRACTION)) return { name, description, type: 'number', required };
  if (numberOut(WHOLE)) return { name, description, type: 'integer', required };
  if (LISTS.some((c) => {
    const r = accepts(schema, c);
    return r.ok && Array.isArray(r.out);
  }))
    return { name, description, type: 'list', required, separator: LIST_SEPARATOR };
  return { name, description, type: 'string', required };
}

/** Every column of a table with its type, in the file's column order. */
export function fieldSpecs(table: Pick<TidyTable<unknown>, 'file' | 'row' | 'columns'>): FieldSpec[] {
  const schemas = columnSchemas(table);
  return table.columns.map((c) => {
    const schema = schemas[c.name];
    if (!schema) throw new Error(`${table.file}: column ${c.name} is listed but has no schema`);
    return fieldSpecOf(c.name, c.description, schema);
  });
}

/**
 * A CSV record (strings) as typed JSON: each cell through its column's own schema. Throws, naming
 * file, row, column and value, if a cell does not parse or comes out other than its field's type.
 */
export function typedRecord(file: string, fields: readonly FieldSpec[], schemas: Record<string, Field>, values: Readonly<Record<string, string>>, row?: number): TypedRecord {
  const out: TypedRecord = {};
  for (const f of fields) {
    const cell = values[f.name];
    const where = `${file}${row !== undefined ? `: row ${row}` : ''}, column "${f.name}" (value ${JSON.stringify(cell)})`;
    if (cell === undefined) throw new Error(`${where}: missing`);
    if (cell === '') {
      if (f.required) throw new Error(`${where}: empty but required`);
      out[f.name] = f.type === 'list' ? [] : null; // an empty list is no items, not a missing value
      continue;
    }
    const r = accepts(schemas[f.name]!, cell);
    if (!r.ok) throw new Error(`${where}: rejected by the column's schema`);
    const v = r.out;
    const ok =
      f.type === 'boolean'
        ? v === BOOLEAN_VALUES.true || v === BOOLEAN_VALUES.false
        : f.type === 'integer'
          ? Number.isInteger(v)
          : f.type === 'number'
            ? typeof v === 'number' && Number.isFinite(v)
            : f.type === 'list'
              ? Array.isArray(v) && v.every((x) => typeof x === 'string')
              : typeof v === 'string';
    if (!ok) throw new Error(`${where}: parses to ${JSON.stringify(v)}, not a ${f.type}`);
    out[f.name] = f.type === 'boolean' ? v === BOOLEAN_VALUES.true : (v as TypedValue);
  }
  return out;
}

/** The inverse of typedRecord: the CSV cells a typed record stands for (to check it against the row schema). */
export function csvRecord(fields: readonly FieldSpec[], rec: Readonly<TypedRecord>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = rec[f.name];
    if (v === undefined) throw new Error(`field ${f.name} is missing`);
    out[f.name] =
      v === null ? '' : typeof v === 'boolean' ? BOOLEAN_VALUES[v ? 'true' : 'false'] : Array.isArray(v) ? v.join(f.separator ?? LIST_SEPARATOR) : String(v);
  }
  return out;
}

/** The name of a tidy file as a Data Package resource and API key: its file name without .csv. */
export const resourceName = (file: string) => file.replace(/\.csv$/, '');
