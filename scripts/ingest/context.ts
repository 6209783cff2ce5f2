import type { AreaIndex } from './areas';
import type { RawDir } from './raw';

/** What every ingest module receives. Modules return rows; index.ts validates and writes them. */
export interface IngestContext {
  readonly raw: RawDir;
  readonly areas: AreaIndex;
  /** Latest year (ending 31 March) in the DfE releases. */
  readonly lastDataYear: number;
  /** Record that a source id (scripts/ingest/sources.ts) was used, so it is written to sources.csv. */
  useSource(id: string): string;
  /** Add a human-readable report file under data/reports/ (e.g. a list of derived or dropped values). */
  report(fileName: string, content: string): void;
}
