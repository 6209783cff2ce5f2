import type { Source } from '../../lib/schema/tables';

/**
 * Every raw file the ingest reads, described once. Rows in data/ point here through source_id, and
 * data/sources.csv is written from the ids actually used. URLs are the publisher's pages where the
 * raw folder's PROVENANCE files or headline checks name them; empty where they do not.
 */
const OGL = 'Open Government Licence v3.0';
const EES = 'https://explore-education-statistics.service.gov.uk/find-statistics';
const DFE = 'Department for Education';

type Def = Omit<Source, 'notes' | 'series'> & { notes?: string; series?: string };

const cin = (id: string, release: string, published: string, table: string, file: string, url: string, notes = ''): Def => ({
  id,
  publisher: DFE,
  // DfE renamed the release "Children in need" from the 2023 edition.
  title: Number(/\d{4}/.exec(release)?.[0]) >= 2023 ? 'Children in need' : 'Characteristics of children in need',
  series: 'Children in need',
  release,
  table,
  file,
  url,
  licence: OGL,
  published,
  notes,
});

const cla = (id: string, release: string, published: string, table: string, file: string, url: string, notes = ''): Def => ({
  id,
  publisher: DFE,
  title: 'Children looked after in England including adoptions',
  release,
  table,
  file,
  url,
  licence: OGL,
  published,
  notes,
});

const claOld = (year: number, sfr: string, file: string, table: string, notes = ''): Def =>
  cla(`dfe-cla-${year}-ud-${table.startsWith('CLA') ? 'cla' : 'adm'}`, `year ending 31 March ${year} (${sfr})`, `${year}`, `${table}, underlying data`, file, '', notes);

const DEFS: Def[] = [
  cin('dfe-cin-2025-b1', 'reporting year 2025 (2024-25)', 'November 2025', 'B1: Children in need at 31 March, by local authority', 'dfe-cin/ees-2025-release/b1_children_in_need_2013_to_2025.csv', `${EES}/children-in-need/2025`),
  cin('dfe-cin-2025-c1', 'reporting year 2025 (2024-25)', 'November 2025', 'C1: Referrals and re-referrals, by local authority', 'dfe-cin/ees-2025-release/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv', `${EES}/children-in-need/2025`),
  cin('dfe-cin-2025-c4', 'reporting year 2025 (2024-25)', 'November 2025', 'C4: Section 47s and initial child protection conferences, by local authority', 'dfe-cin/ees-2025-release/c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv', `${EES}/children-in-need/2025`),
  cin('dfe-cin-2025-d3', 'reporting year 2025 (2024-25)', 'November 2025', 'D3: Child protection plans starting during the year which were a second or subsequent plan, by local authority', 'dfe-csc-extra/d3_cpps_subsequent_plan_2013_to_2025.csv', `${EES}/children-in-need/2025`, "DfE's EES open-data file as mirrored in DfE's repository dfe-analytical-services/CSC_outcomes_and_enablers (data-raw/, commit c19350f7). CPP_start counts plans starting in the year (DfE data guidance)."),
  cin('dfe-cin-2025-c3', 'reporting year 2025 (2024-25)', 'November 2025', 'C3: Factors identified at the end of assessment, by local authority', 'dfe-csc-extra/c3_factors_identified_at_end_of_assessment_2018_to_2025.csv', `${EES}/children-in-need/2025`, "DfE's EES open-data file as mirrored in DfE's repository dfe-analytical-services/CSC_outcomes_and_enablers (data-raw/, commit c19350f7). An assessment can record several factors."),
  cin('dfe-cin-2025-d5', 'reporting year 2025 (2024-25)', 'November 2025', 'D5: Child protection plans at 31 March by duration, by local authority', 'dfe-cin/ees-2025-release/d5_cpps_at31march_by_duration_2013_to_2025.csv', `${EES}/children-in-need/2025`),
  cin('dfe-cin-2024-b1', 'reporting year 2024 (2023-24)', 'October 2024', 'B1: Children in need at 31 March, by local authority', 'dfe-cin/ees-2024-release/b1_children_in_need_2013_to_2024.csv', `${EES}/children-in-need/2024`),
  cin('dfe-cin-2024-c1', 'reporting year 2024 (2023-24)', 'October 2024', 'C1: Referrals and re-referrals, by local authority', 'dfe-cin/ees-2024-release/c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv', `${EES}/children-in-need/2024`),
  cin('dfe-cin-2024-d5', 'reporting year 2024 (2023-24)', 'October 2024', 'D5: Child protection plans at 31 March by duration, by local authority', 'dfe-cin/ees-2024-release/d5_cpps_at31march_by_duration_2013_to_2024.csv', `${EES}/children-in-need/2024`),
  cin('dfe-cin-2022-b1', 'reporting year 2022 (2021-22)', 'October 2022', 'B1: Children in need at 31 March, by local authority', 'dfe-cin/ees-2022-release/b1_children_in_need_2013_to_2022.csv', `${EES}/characteristics-of-children-in-need/2022`),
  cin('dfe-cin-2022-c1', 'reporting year 2022 (2021-22)', 'October 2022', 'C1: Referrals and re-referrals, by local authority', 'dfe-cin/ees-2022-release/c1_children_in_need_referrals_and_rereferrals_2013_to_2022.csv', `${EES}/characteristics-of-children-in-need/2022`),
  cin('dfe-cin-2022-c4', 'reporting year 2022 (2021-22)', 'October 2022', 'C4: Section 47s and initial child protection conferences, by local authority', 'dfe-cin/ees-2022-release/c4_children_in_need_section_47s_and_icpcs_2013_to_2022.csv', `${EES}/characteristics-of-children-in-need/2022`),
  cin('dfe-cin-2022-d1', 'reporting year 2022 (2021-22)', 'October 2022', 'D1: Child protection plans, by local authority', 'dfe-cin/ees-2022-release/d1_child_protection_plans_2013_to_2022.csv', `${EES}/characteristics-of-children-in-need/2022`),
  cin('dfe-cin-2010-ud', '2009-10 (OSR28/2010, Experimental Statistics)', 'October 2010', 'Underlying data (OSR28-2010ud)', 'dfe-cin/underlying-2009-10/osr28-2010ud.csv', '', 'First full census year. England totals rounded to the nearest 100 and include DfE estimates for councils with missing data; no regional totals.'),
  cin('dfe-cin-2011-ud', '2010-11 (OSR26/2011)', 'October 2011', 'Underlying data (OSR26-2011ud)', 'dfe-cin/underlying-2010-11/osr26-2011ud.csv', '', 'England totals rounded and include DfE estimates for missing data; no regional totals.'),
  cin('dfe-cin-2012-ud', '2011-12 (SFR27/2012)', 'October 2012', 'Underlying data (SFR27-2012ud)', 'dfe-cin/underlying-2011-12/SFR27-2012ud.csv', '', 'No regional totals in this file.'),
  cla('dfe-cla-2025', 'reporting year 2025 (2024-25)', 'November 2025', 'Children looked after, starting and ceasing, number and rate per 10,000 children, by local authority', 'dfe-cla/ees-2025-release/cla_number_and_rate_per_10k_children.csv', `${EES}/children-looked-after-in-england-including-adoptions/2025`),
  cla('dfe-cla-2025-placements', 'reporting year 2025 (2024-25)', 'November 2025', 'Placement stability of children looked after, by local authority', 'dfe-csc-extra/la_cla_placement_stability.csv', `${EES}/children-looked-after-in-england-including-adoptions/2025`, "DfE's EES open-data file as mirrored in DfE's repository dfe-analytical-services/CSC_outcomes_and_enablers (data-raw/, commit 9a527ae3); percentages as DfE published them (whole numbers)."),
  cla('dfe-cla-2024', 'reporting year 2024 (2023-24)', 'November 2024', 'Children looked after, starting and ceasing, number and rate per 10,000 children, by local authority', 'dfe-cla/ees-2024-release/cla_number_and_rate_per_10k_children.csv', `${EES}/children-looked-after-in-england-including-adoptions/2024`),
  cla('dfe-cla-2024-ts', 'reporting year 2024 (2023-24)', 'November 2024', 'National time series 1994 to 2024', 'dfe-cla/ees-2024-release/cla_time_series_1994_2024.csv', `${EES}/children-looked-after-in-england-including-adoptions/2024`, 'England only; no rates.'),
  cla('dfe-cla-2023', 'reporting year 2023 (2022-23)', 'December 2023', 'Children looked after, starting and ceasing, number and rate per 10,000 children, by local authority', 'dfe-cla/ees-2023-release/cla_number_and_rate_per_10k_children.csv', `${EES}/children-looked-after-in-england-including-adoptions/2023`),
  cla('dfe-cla-2022', 'reporting year 2022 (2021-22)', 'November 2022', 'Children looked after, starting and ceasing, number and rate per 10,000 children, by local authority', 'dfe-cla/ees-2022-release/cla_number_and_rate_per_10k_children.csv', `${EES}/children-looked-after-in-england-including-adoptions/2022`),
  cla('dfe-cla-2021', 'reporting year 2021 (2020-21)', 'November 2021', 'Children looked after, starting and ceasing, number and rate per 10,000 children, by local authority', 'dfe-cla/ees-2021-release/cla_number_and_rate_per_10k_children.csv', `${EES}/children-looked-after-in-england-including-adoptions/2021`),
  claOld(2019, 'release of December 2019', 'dfe-cla/underlying-2019/CLA2019.csv', 'CLA2019'),
  claOld(2019, 'release of December 2019', 'dfe-cla/underlying-2019/ADM2019.csv', 'ADM2019'),
  claOld(2018, 'SFR50/2018', 'dfe-cla/underlying-2018/CLA2018.csv', 'CLA2018'),
  claOld(2018, 'SFR50/2018', 'dfe-cla/underlying-2018/ADM2018_amended.csv', 'ADM2018 (amended)'),
  claOld(2017, 'SFR50/2017', 'dfe-cla/underlying-2017/SFR50_CLA2017.csv', 'CLA2017'),
  claOld(2017, 'SFR50/2017', 'dfe-cla/underlying-2017/SFR50_ADM2017.csv', 'ADM2017'),
  claOld(2016, 'SFR41/2016', 'dfe-cla/underlying-2016/SFR41_CLA2016.csv', 'CLA2016'),
  claOld(2016, 'SFR41/2016', 'dfe-cla/underlying-2016/SFR41_ADM2016.csv', 'ADM2016'),
  claOld(2015, 'SFR34/2015', 'dfe-cla/underlying-2015/SFR34_CLA2015.csv', 'CLA2015'),
  claOld(2015, 'SFR34/2015', 'dfe-cla/underlying-2015/SFR34_ADM2015.csv', 'ADM2015', 'Column headers say 2014 but the values are for the year ending 31 March 2015.'),
  claOld(2014, 'SFR36/2014', 'dfe-cla/underlying-2014/SFR36_CLA2014.csv', 'CLA2014'),
  claOld(2014, 'SFR36/2014', 'dfe-cla/underlying-2014/SFR36_ADM2014.csv', 'ADM2014'),
  claOld(2013, 'SFR36/2013', 'dfe-cla/underlying-2013/SFR36_CLA2013.csv', 'CLA2013'),
  claOld(2013, 'SFR36/2013', 'dfe-cla/underlying-2013/SFR36_ADM2013.csv', 'ADM2013'),
  claOld(2012, 'SFR20/2012', 'dfe-cla/underlying-2012/SFR20_CLA2012.csv', 'CLA2012'),
  claOld(2012, 'SFR20/2012', 'dfe-cla/underlying-2012/SFR20_ADM2012.csv', 'ADM2012'),
  claOld(2011, 'SFR21/2011', 'dfe-cla/underlying-2011/SFR21_CLA.csv', 'CLA2011'),
  claOld(2011, 'SFR21/2011', 'dfe-cla/underlying-2011/SFE21_ADM.csv', 'ADM2011'),
  {
    ...cla('dfe-cla-2010-ud-cla', 'year ending 31 March 2010 (SFR27/2010)', 'September 2010', 'Looked after at 31 March, underlying data', 'dfe-cla/underlying-2010/SFR27_2010_March.csv', 'https://www.gov.uk/government/statistics/children-looked-after-by-local-authorities-in-england-year-ending-31-march-2010'),
    notes: 'National totals rounded to the nearest 100; DfE grossing factors applied.',
  },
  {
    ...cla('dfe-cla-2010-ud-adm', 'year ending 31 March 2010 (SFR27/2010)', 'September 2010', 'Started to be looked after, underlying data', 'dfe-cla/underlying-2010/SFR27_2010_Started.csv', 'https://www.gov.uk/government/statistics/children-looked-after-by-local-authorities-in-england-year-ending-31-march-2010'),
    notes: 'National totals rounded to the nearest 100; DfE grossing factors applied.',
  },
  {
    id: 'dfe-sn-2025',
    publisher: DFE,
    title: "Children's services statistical neighbours",
    release: '2025 model (May 2025; the same lists as LAIT sn_may_2025.xlsx)',
    table: 'sn_model_2025_wide: 10 nearest neighbours of each council with closeness bands',
    file: 'statistical-neighbours/sn_model_2025_wide.csv',
    url: 'https://www.gov.uk/government/publications/local-authority-interactive-tool-lait',
    licence: `${OGL} (DfE statistics; DfE's repository carries an MIT licence for its code and states no separate data licence)`,
    published: 'May 2025',
    notes: "Copied from DfE's repository dfe-analytical-services/CSC_outcomes_and_enablers (data-raw/, commit 1329930). The model's method and variables are described by DfE with LAIT.",
  },
  {
    id: 'dfe-sn-2021',
    publisher: DFE,
    title: "Children's services statistical neighbours",
    release: 'April 2021 groupings',
    table: 'New_Statistical_Neighbour_Groupings_April_2021 (with DfE\'s "Old SNs" block for four councils that had gone by 2021)',
    file: 'statistical-neighbours/New_Statistical_Neighbour_Groupings_April_2021.csv',
    url: 'https://www.gov.uk/government/publications/local-authority-interactive-tool-lait',
    licence: `${OGL} (DfE statistics; DfE's repository carries an MIT licence for its code and states no separate data licence)`,
    published: 'April 2021',
    notes: "Copied from DfE's repository dfe-analytical-services/CSC_outcomes_and_enablers (data-raw/, commit 1329930).",
  },
  {
    id: 'ons-pop-cin-2025',
    publisher: 'Office for National Statistics (distributed by the Department for Education)',
    title: 'Mid-year population estimates, children aged 0 to 17',
    release: 'as shipped with DfE Children in need 2025 (mid-2012 to mid-2024, rebased on Census 2021)',
    table: 'ons_mid-year_population_estimates_2012_to_2024',
    file: 'ons-population/ons_mid-year_population_estimates_2012_to_2024.csv',
    url: `${EES}/children-in-need/2025`,
    licence: OGL,
    published: 'November 2025',
  },
  {
    id: 'ons-pop-cin-2022',
    publisher: 'Office for National Statistics (distributed by the Department for Education)',
    title: 'Mid-year population estimates, children aged 0 to 17',
    release: 'as shipped with DfE Characteristics of children in need 2022 (mid-2012 to mid-2020, before rebasing on Census 2021)',
    table: 'ons_mid-year_population_estimates',
    file: 'ons-population/cin-2022-release_ons_mid-year_population_estimates_2012_to_2020.csv',
    url: `${EES}/characteristics-of-children-in-need/2022`,
    licence: OGL,
    published: 'October 2022',
    notes: 'Older vintage; used only where the latest vintage has no estimate (Bournemouth, Poole and Dorset before 2019).',
  },
  {
    id: 'dfe-lait-2026',
    publisher: DFE,
    title: 'Local Authority Interactive Tool (LAIT)',
    release: 'data refreshed April 2026 (repository dfe-analytical-services/local-authority-interactive-tool, commit 2e30e39)',
    table: 'bds_long (children\'s social care, workforce, finance and economic indicators)',
    file: 'dfe-lait/csv/lait_csc_long.csv',
    url: 'https://www.gov.uk/government/publications/local-authority-interactive-tool-lait',
    licence: OGL,
    published: 'April 2026',
    notes: 'Secondary DfE product; underlying indicators come from DfE releases, Cafcass, HMRC/DWP and others.',
  },
  {
    id: 'mhclg-iod2019',
    publisher: 'Ministry of Housing, Communities and Local Government',
    title: 'English indices of deprivation 2019',
    release: 'IoD2019 (26 September 2019)',
    table: 'File 11 (upper-tier summaries), File 1 and File 3 (LSOA ranks and deciles), File 6 (population denominators, mid-2015)',
    file: 'imd2019/csv/',
    url: 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019',
    licence: OGL,
    published: 'September 2019',
  },
  {
    id: 'ons-uk-topojson',
    publisher: 'Office for National Statistics (data visualisation team)',
    title: 'UK TopoJSON, 2014 - 2025 (ONSvisual/uk-topojson)',
    release: 'snapshot b2fde50 (June 2025); built from 2016 super-generalised LAD boundaries',
    table: 'utla',
    file: 'boundaries/topo.json',
    url: 'https://github.com/ONSvisual/uk-topojson',
    licence: `${OGL}. Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right`,
    published: 'June 2025',
  },
  {
    id: 'hocl-hex-cartograms',
    publisher: 'House of Commons Library',
    title: 'UK hex cartograms (non-contiguous), upper-tier local authorities',
    release: 'layouts 2018, 2019, 2020, 2021 and 2023',
    table: 'LocalAuthorities-uppertier.gpkg, LocalAuthorities-uppertier-2023.gpkg',
    file: 'hexmaps/hocl/geojson/',
    url: 'https://github.com/houseofcommonslibrary/uk-hex-cartograms-noncontiguous',
    licence: 'Open Parliament Licence v3.0. Contains Parliamentary information licensed under the Open Parliament Licence v3.0.',
    published: '2021 and 2023',
  },
  {
    id: 'cwip-final-report',
    publisher: 'Nuffield Foundation (Child Welfare Inequalities Project)',
    title: 'The Child Welfare Inequalities Project: Final Report (Bywaters, P. and the CWIP team, 2020)',
    release: 'July 2020',
    table: 'Rates per 10,000 children by neighbourhood deprivation decile, England and Wales, 31 March 2015',
    file: 'cwip/cwip_decile_rates_tables.csv',
    url: 'http://irep.ntu.ac.uk/id/eprint/42995',
    licence: 'Facts quoted with attribution; the report is © its authors and the Nuffield Foundation',
    published: 'July 2020',
    notes: "Secondary copy: figures as hard-coded (rounded to whole numbers) by CWIP co-author Calum Webb in chart data attributed to the Final Report; the report's own table was not seen.",
  },
  {
    id: 'cwip-published-ratios',
    publisher: 'Child Welfare Inequalities Project (various publications)',
    title: 'Published CWIP ratios and "1 in N" figures (most vs least deprived neighbourhoods)',
    release: '2017 to 2021',
    table: 'Compiled from CWIP briefings, partner press releases and articles (see each row)',
    file: 'cwip/cwip_decile_rates.csv',
    url: 'https://www.basw.co.uk/resources/identifying-and-understanding-inequalities-child-welfare-intervention-rates-comparative',
    licence: 'Facts quoted with attribution',
    published: '2017 to 2021',
  },
];

// A source's series is its title unless the publication was renamed (set in its Def).
export const SOURCE_DEFS: ReadonlyMap<string, Source> = new Map(DEFS.map((d) => [d.id, { notes: '', ...d, series: d.series ?? d.title }]));

export function sourceDef(id: string): Source {
  const s = SOURCE_DEFS.get(id);
  if (!s) throw new Error(`unknown source id ${id} (add it to scripts/ingest/sources.ts)`);
  return s;
}
