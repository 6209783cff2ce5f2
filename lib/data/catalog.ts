import { OBSERVATION_TABLES, areasTable, measuresTable, populationTable, quotesTable, sourcesTable } from '../schema/tables';
import type { TidyTable } from '../schema/table';
import { cwipTable, deprivationDecilesTable } from '../schema/deprivation';

/**
 * The downloadable tidy tables, in the order the /data/ page lists them. Extra tables (deprivation,
 * CWIP) register here too, so the page, the download copy and the dictionary stay in step.
 */
export const DOWNLOAD_TABLES: readonly TidyTable<unknown>[] = [
  ...OBSERVATION_TABLES,
  areasTable,
  deprivationDecilesTable,
  cwipTable,
  populationTable,
  measuresTable,
  sourcesTable,
  quotesTable,
] as unknown as TidyTable<unknown>[];
