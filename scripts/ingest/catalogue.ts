import type { DfeMeasureId } from '../../lib/schema/tables';

/**
 * Wording of the DfE measures (the seven core ones and the pathway measures): the one place their
 * labels, definitions and caveats are written. The ingest adds years, sources and file from the
 * data and writes data/measures.csv, which every page, chart, citation and download reads.
 */
export interface DfeMeasureText {
  readonly label: string;
  readonly shortLabel: string;
  readonly definition: string;
  readonly group: string;
  readonly kind: 'flow' | 'snapshot';
  readonly countUnit: string;
  readonly caveats: string;
  readonly file: string;
  /** One of the seven core measures (home page, area headlines). */
  readonly core: boolean;
  /** Rates per 10,000 children exist (false for percentages). */
  readonly hasRate: boolean;
  /** For a percentage: the measure whose count is the base of the percentage (for binomial limits). */
  readonly denominator?: DfeMeasureId;
}

const RATES_CIN =
  'Rates from 2013 are computed here (DfE\'s 2025 release publishes counts only) from the count and the ONS mid-year estimate of children aged 0 to 17 that DfE ships with that release, for the mid-year before the year end; they match the rates DfE shows in its LAIT tool. Rates for 2010 to 2012 are as DfE published them, on the population estimates of the time, except where DfE published none (computed here, marked).';
const CIN_BREAKS =
  'Hackney: no figures for 2020-21 and 2021-22 (cyber-attack; DfE put Hackney\'s 2019-20 figures into the England and London totals). Hampshire: 2023-24 marked low reliability after a case-management system change (DfE used 2022-23 figures in the totals). England totals are rounded to the nearest 10; 2009-10 and 2010-11 totals to the nearest 100 and include DfE estimates for councils with missing data. No regional totals were published before 2013.';

export const DFE_MEASURES: Readonly<Record<DfeMeasureId, DfeMeasureText>> = {
  referrals: {
    label: "Referrals to children's social care",
    shortLabel: 'Referrals',
    definition:
      "Referrals received by councils' children's social care in the year to 31 March: requests for services for a child not already in need, from police, schools, health services, family or others. Each referral is counted, so a child referred twice counts twice.",
    group: 'Children in need',
    kind: 'flow',
    countUnit: 'referrals',
    caveats: `${CIN_BREAKS} ${RATES_CIN}`,
    file: 'children-in-need.csv',
    core: true,
    hasRate: true,
  },
  's47-enquiries': {
    label: 'Section 47 enquiries',
    shortLabel: 'S47 enquiries',
    definition:
      'Child protection investigations started in the year to 31 March: a council must make enquiries under section 47 of the Children Act 1989 when it has reasonable cause to suspect a child is suffering, or is likely to suffer, significant harm. From 2012-13 enquiries are counted, so a child with two enquiries in the year counts twice; until 2011-12 DfE counted children who were the subject of an enquiry (see the break in the series, and the children subject to section 47 enquiries for a like-for-like series since 2009-10).',
    group: 'Child protection',
    kind: 'flow',
    countUnit: 'enquiries',
    caveats: `2009-10 was the first, experimental year of the children in need census; its England total includes DfE estimates for councils with missing data, and DfE treats 2010-11 onwards as the more robust base. So "since 2010" comparisons depend on which year is taken as the base. ${CIN_BREAKS} ${RATES_CIN}`,
    file: 'section-47.csv',
    core: true,
    hasRate: true,
  },
  icpcs: {
    label: 'Initial child protection conferences',
    shortLabel: 'ICPCs',
    definition:
      'Initial child protection conferences held in the year to 31 March: the meeting of professionals and the family, usually after a section 47 enquiry, that decides whether a child should be made the subject of a child protection plan. From 2012-13 conferences are counted; until 2011-12 DfE counted children who were the subject of a conference (see the break in the series, and the children subject to an initial conference for a like-for-like series since 2009-10).',
    group: 'Child protection',
    kind: 'flow',
    countUnit: 'conferences',
    caveats: `${CIN_BREAKS} ${RATES_CIN}`,
    file: 'section-47.csv',
    core: true,
    hasRate: true,
  },
  'children-in-need': {
    label: 'Children in need at 31 March',
    shortLabel: 'Children in need',
    definition:
      "Children assessed as needing help from children's social care under the Children Act 1989, counted on 31 March: it includes children on child protection plans and children looked after.",
    group: 'Children in need',
    kind: 'snapshot',
    countUnit: 'children',
    caveats: `From 2013 DfE counts episodes of need open on 31 March under its 2018 revised method, back-cast to 2013; 2010 to 2012 use the earlier method and are not strictly comparable. ${CIN_BREAKS} ${RATES_CIN}`,
    file: 'children-in-need.csv',
    core: true,
    hasRate: true,
  },
  'child-protection-plans': {
    label: 'Children on a child protection plan at 31 March',
    shortLabel: 'Child protection plans',
    definition:
      'Children who were the subject of a child protection plan on 31 March: children judged at a child protection conference to be at continuing risk of significant harm, with a multi-agency plan to protect them.',
    group: 'Child protection',
    kind: 'snapshot',
    countUnit: 'children',
    caveats: `${CIN_BREAKS} ${RATES_CIN}`,
    file: 'children-in-need.csv',
    core: true,
    hasRate: true,
  },
  'looked-after': {
    label: 'Children looked after at 31 March',
    shortLabel: 'Children in care',
    definition:
      'Children in the care of councils on 31 March: under a care order or accommodated with their parents\' agreement (section 20), including unaccompanied asylum-seeking children; excluding children looked after only under an agreed series of short-term (respite) placements.',
    group: 'Children in care',
    kind: 'snapshot',
    countUnit: 'children',
    caveats:
      'England figures for 2010 to 2020 are from the revised national time series of DfE\'s 2024 release and can differ slightly from those first published (31 March 2020: 80,080 first published, 80,000 revised). Councils\' and regions\' figures come from the latest release covering each year. Rates are whole numbers where DfE published them; rates computed here (2010 to 2013 and England 2010 to 2019, where no release gives the rate with the count used) have one decimal place. Unaccompanied asylum-seeking children raise numbers in some councils (e.g. Kent, Croydon). The Isles of Scilly are absent from the 2011 to 2018 files (DfE: no looked-after children) and marked not applicable in the 2025 release. England and regional totals are rounded to the nearest 10.',
    file: 'looked-after.csv',
    core: true,
    hasRate: true,
  },
  'care-starts': {
    label: 'Children starting to be looked after',
    shortLabel: 'Care starts',
    definition:
      'Children who started to be looked after in the year to 31 March; a child who started more than once in the year is counted once.',
    group: 'Children in care',
    kind: 'flow',
    countUnit: 'children',
    caveats:
      'England figures for 2010 to 2020 are from the revised national time series of DfE\'s 2024 release. DfE\'s 2015 file labels its columns 2014, but the values are for the year ending 31 March 2015 (read as such here). Rates are whole numbers where DfE published them (2015 onwards); rates computed here have one decimal place. England and regional totals are rounded to the nearest 10.',
    file: 'looked-after.csv',
    core: true,
    hasRate: true,
  },
  's47-children': {
    label: 'Children subject to section 47 enquiries',
    shortLabel: 'Children in S47 enquiries',
    definition:
      'Children who were the subject of at least one section 47 enquiry (a child protection investigation under the Children Act 1989) started in the year to 31 March. Each child is counted once however many enquiries there were, so this series is counted the same way in every year since 2009-10, unlike the count of enquiries.',
    group: 'Child protection',
    kind: 'flow',
    countUnit: 'children',
    caveats: `2009-10 to 2011-12 come from DfE's old underlying-data files, which counted children (the same columns as the enquiries series for those years); from 2012-13 from table C4 (Section47_child). 2009-10 was the first, experimental year of the children in need census. ${CIN_BREAKS} ${RATES_CIN}`,
    file: 'section-47.csv',
    core: false,
    hasRate: true,
  },
  'icpc-children': {
    label: 'Children subject to initial child protection conferences',
    shortLabel: 'Children at an ICPC',
    definition:
      'Children who were the subject of an initial child protection conference held in the year to 31 March. Each child is counted once, so this series is counted the same way in every year since 2009-10, unlike the count of conferences.',
    group: 'Child protection',
    kind: 'flow',
    countUnit: 'children',
    caveats: `2009-10 to 2011-12 come from DfE's old underlying-data files, which counted children; from 2012-13 from table C4 (ICPC_child). ${CIN_BREAKS} ${RATES_CIN}`,
    file: 'section-47.csv',
    core: false,
    hasRate: true,
  },
  'cpp-starts': {
    label: 'Child protection plans started',
    shortLabel: 'Plans started',
    definition:
      'Child protection plans that started in the year to 31 March: the step after an initial child protection conference decides a child is at continuing risk of significant harm. From 2012-13 DfE counts plans started (table D3); until 2011-12 it counted children who became the subject of a plan, almost the same number (a child rarely starts two plans in one year).',
    group: 'Child protection',
    kind: 'flow',
    countUnit: 'plans',
    caveats: `From 2012-13 the figures are plans started (D3 CPP_start, which DfE's data guidance defines as "number of child protection plans starting during the year"); 2009-10 to 2011-12 are children who became the subject of a plan (old files' CPPIn and CPPStart columns). DfE's 2022 release published both for 2012-13 to 2021-22: children were %CHILD_PLAN_SHARE% of plans in England each year. ${CIN_BREAKS} ${RATES_CIN}`,
    file: 'children-in-need.csv',
    core: false,
    hasRate: true,
  },
  'cpp-repeat': {
    label: 'Child protection plans that were a second or subsequent plan',
    shortLabel: 'Repeat plans',
    definition:
      'The percentage of child protection plans started in the year to 31 March that were the child\'s second or subsequent plan (at any time in the child\'s life): a sign of how often protection has to start again.',
    group: 'Child protection',
    kind: 'flow',
    countUnit: '%',
    caveats: `A percentage of plans started (table D3, CPP_subsequent_percent, as DfE published it to one decimal place), not a rate per 10,000 children. ${CIN_BREAKS}`,
    file: 'children-in-need.csv',
    core: false,
    hasRate: false,
    denominator: 'cpp-starts',
  },
  'cla-placement-moves': {
    label: 'Children looked after with three or more placements in the year',
    shortLabel: '3+ placements in the year',
    definition:
      'The percentage of children looked after on 31 March who had three or more placements during the year to 31 March: DfE\'s short-term measure of placement stability.',
    group: 'Children in care',
    kind: 'snapshot',
    countUnit: '%',
    caveats: 'A percentage of children looked after at 31 March, as DfE published it (whole numbers), not a rate per 10,000 children. Published at council level from 2020-21 in the 2025 release\'s placement stability file. DfE suppresses percentages for small numbers of children.',
    file: 'looked-after.csv',
    core: false,
    hasRate: false,
    denominator: 'looked-after',
  },
  'cla-long-term-stability': {
    label: 'Children in care for 2.5 years or more living with the same carer for 2 years',
    shortLabel: 'Long-term stability',
    definition:
      'Of children under 16 looked after continuously for at least two and a half years on 31 March, the percentage who had been living with the same carer for at least two years: DfE\'s long-term measure of placement stability.',
    group: 'Children in care',
    kind: 'snapshot',
    countUnit: '%',
    caveats: 'A percentage of a small group (children under 16 in care continuously for 2.5 years or more), as DfE published it (whole numbers), so council figures move a lot from year to year. Published at council level from 2020-21 in the 2025 release\'s placement stability file; the wording "living with the same carer" is DfE\'s.',
    file: 'looked-after.csv',
    core: false,
    hasRate: false,
  },
};
