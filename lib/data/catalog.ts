import { OBSERVATION_TABLES, areasTable, measuresTable, populationTable, quotesTable, sourcesTable } from '../schema/tables';
import type { TidyTable } from '../schema/table';
import { cwipTable, deprivationDecilesTable } from '../schema/deprivation';
import { assessmentFactorsTable, breaksTable, factorLabelsTable, neighboursTable } from '../schema/pathway';
import { districtsTable, postcodeDistrictsTable, postcodeRangesTable } from '../schema/postcodes';
import { updatesTable } from '../schema/updates';

/**
 * The downloadable tidy tables, in the order the /data/ page lists them. Extra tables (deprivation,
 * CWIP) register here too, so the page, the download copy and the dictionary stay in step.
 */
export const DOWNLOAD_TABLES: readonly TidyTable<unknown>[] = [
  ...OBSERVATION_TABLES,
  breaksTable,
  assessmentFactorsTable,
  factorLabelsTable,
  areasTable,
  neighboursTable,
  districtsTable,
  postcodeDistrictsTable,
  postcodeRangesTable,
  deprivationDecilesTable,
  cwipTable,
  populationTable,
  measuresTable,
  sourcesTable,
  updatesTable,
  quotesTable,
] as unknown as TidyTable<unknown>[];

/** Non-tabular downloads (geometry) and the ingest's reports, with what each is. */
export const OTHER_FILES: readonly { file: string; title: string; description: string; licence: string }[] = [
  { file: 'geo/boundaries.topo.json', title: 'Council boundaries, 2014 to 2025 vintages (TopoJSON)', description: 'English upper-tier council outlines of every vintage, simplified for national maps, with the nine regions. Each feature has code, name and the years it started or ended.', licence: 'Open Government Licence v3.0. Source: Office for National Statistics. Contains OS data © Crown copyright and database right.' },
  { file: 'geo/hex.topo.json', title: 'Hex cartogram layouts 2018 to 2023 (TopoJSON)', description: 'House of Commons Library population-scaled hex cartograms of upper-tier councils (England), one object per layout year, with group labels for 2023.', licence: 'Open Parliament Licence v3.0. Contains Parliamentary information licensed under the Open Parliament Licence v3.0.' },
  { file: 'geo/vintages.json', title: 'Which map for which year', description: 'For each data year, the boundary vintage and hex layout that hold exactly the councils that existed on 31 March.', licence: 'Open Government Licence v3.0' },
  { file: 'manifest.json', title: 'Manifest of what the ingest wrote', description: 'Every file in data/ with its SHA-256 and row count, written by the ingest; the build refuses a file that was cut short, emptied or edited by hand.', licence: 'Open Government Licence v3.0' },
  { file: 'reports/ingest-report.md', title: 'Ingest report', description: 'How releases were combined (latest release covering a year wins), how many figures later releases revised, how computed rates compare with DfE\'s, and which rows were deliberately not taken.', licence: 'Open Government Licence v3.0' },
  { file: 'reports/revisions.csv', title: 'Revisions between releases', description: 'Every figure an older release gave differently from the one kept: measure, year, area, kept value and source, other value and source.', licence: 'Open Government Licence v3.0' },
  { file: 'reports/england-rates.csv', title: "England's rate, every year", description: "For every measure and year, England's rate per 10,000 as shown here, whether it is DfE's or computed here and from which release, next to the rate DfE's LAIT gives for England.", licence: 'Open Government Licence v3.0' },
  { file: 'reports/postcodes.md', title: 'Postcode lookups report', description: 'How the postcode, postcode district and district lookups were built from their sources, what was added or left out, and the checks made.', licence: 'Open Government Licence v3.0' },
  { file: 'reports/rate-check.csv', title: 'Computed rates against DfE-published rates', description: 'Each rate computed here next to the rate DfE publishes in LAIT for the same measure, year and area, whether they agree within rounding, and why not when they do not.', licence: 'Open Government Licence v3.0' },
  { file: 'reports/deprivation.md', title: 'Deprivation summaries: how they were built', description: 'Which council summaries are published, carried over or derived from neighbourhood files, and the checks that tie them to IoD2019.', licence: 'Open Government Licence v3.0' },
  { file: 'reports/lait.md', title: 'LAIT measures: how they were read', description: 'How LAIT indicators were matched to councils and years, and the few values left out (figures filed under councils that did not exist that year).', licence: 'Open Government Licence v3.0' },
  { file: 'reports/geo.md', title: 'Maps: how vintages were matched', description: 'Boundary vintage and hex layout chosen for each data year, checked against the councils DfE published.', licence: 'Open Government Licence v3.0' },
];
