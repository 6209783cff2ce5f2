import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * data/manifest.json: what the ingest wrote — every file's size, rows (for CSV) and SHA-256 —
 * so the build can tell a file that was cut short, emptied or edited by hand from the ingest's
 * output, even when every row in it is valid. Line endings are normalised before hashing, so a
 * checkout that turns LF into CRLF still matches.
 */
export const MANIFEST_FILE = 'manifest.json';
/** Files in data/ that are not the ingest's (hand-written). */
export const HAND_WRITTEN = new Set(['README.md']);

export const manifestSchema = z.object({
  generator: z.literal('npm run data'),
  files: z.record(
    z.string().regex(/^[a-z0-9][a-z0-9./_-]*$/, 'must be a relative path in data/'),
    z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest'), rows: z.number().int().nonnegative().nullable() }),
  ),
});
export type Manifest = z.infer<typeof manifestSchema>;

export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/** Data rows of a CSV (lines after the header, ignoring a final newline; quoted newlines are not used in data/). */
export function csvRows(text: string): number {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  return Math.max(0, lines.length - 1);
}

export function manifestEntry(file: string, text: string): Manifest['files'][string] {
  return { sha256: contentHash(text), rows: file.endsWith('.csv') ? csvRows(text) : null };
}
