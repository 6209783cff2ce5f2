import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toCsv } from '../../lib/csv';
import { columnNames, parseTable, type TidyTable } from '../../lib/schema/table';
import type { Cell } from '../../lib/status';

export type TidyRecord = Record<string, string | number | undefined>;

/**
 * Write a tidy table, after checking that what is written passes the same validation the build
 * applies (so the ingest can never commit a file the site would reject).
 */
export function writeTable<T>(outDir: string, table: TidyTable<T>, rows: readonly TidyRecord[]): void {
  const text = toCsv(columnNames(table), rows);
  parseTable(table, text, `${table.file} (as written by the ingest)`);
  writeOut(outDir, table.file, text);
}

export function writeOut(outDir: string, relPath: string, content: string): void {
  const p = path.join(outDir, relPath);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, content);
}

/** Number → tidy text: integers as is; decimals without float artefacts (148.80000000000001 → 148.8). */
export function fmtNum(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return String(Number(n.toPrecision(12)));
}

/** Cell → [number text, status] for a tidy file. */
export function cellFields(c: Cell): [string, string] {
  return c.kind === 'value' ? [fmtNum(c.value), 'ok'] : ['', c.status];
}

/** Round half away from zero to `dp` decimals, as DfE's published rates are. */
export function roundHalfUp(x: number, dp: number): number {
  const f = 10 ** dp;
  return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
}
