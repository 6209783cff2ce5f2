import type { CoreMeasureId } from '../../lib/schema/tables';

/**
 * Wording of the seven core measures: the one place their labels, definitions and caveats are
 * written. The ingest adds years, sources and file from the data and writes data/measures.csv,
 * which every page, chart, citation and download reads.
 */
export interface CoreMeasureText {
  readonly label: string;
  readonly shortLabel: string;
  readonly definition: string;
  readonly group: string;
  readonly kind: 'flow' | 'snapshot';
  readonly countUnit: string;
  readonly caveats: string;
  readonly file: string;
}

const RATES_CIN =
  'Rates from 2013 are computed here (DfE\'s 2025 release publishes counts only) from the count and the ONS mid-year estimate of children aged 0 to 17 that DfE ships with that release, for the mid-year before the year end; they match the rates DfE shows in its LAIT tool. Rates for 2010 to 2012 are as DfE published them, on the population estimates of the time, except where DfE published none (computed here, marked).';
const CIN_BREAKS =
  'Hackney: no figures for 2020-21 and 2021-22 (cyber-attack; DfE put Hackney\'s 2019-20 figures into the England and London totals). Hampshire: 2023-24 marked low reliability after a case-management system change (DfE used 2022-23 figures in the totals). England totals are rounded to the nearest 10; 2009-10 and 2010-11 totals to the nearest 100 and include DfE estimates for councils with missing data. No regional totals were published before 2013.';

export const CORE_MEASURES: Readonly<Record<CoreMeasureId, CoreMeasureText>> = {
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
  },
  's47-enquiries': {
    label: 'Section 47 enquiries',
    shortLabel: 'S47 enquiries',
    definition:
      'Child protection investigations started in the year to 31 March: a council must make enquiries under section 47 of the Children Act 1989 when it has reasonable cause to suspect a child is suffering, or is likely to suffer, significant harm. Enquiries are counted, not children.',
    group: 'Child protection',
    kind: 'flow',
    countUnit: 'enquiries',
    caveats: `2009-10 was the first, experimental year of the children in need census; its England total includes DfE estimates for councils with missing data, and DfE treats 2010-11 onwards as the more robust base. So "since 2010" comparisons depend on which year is taken as the base. ${CIN_BREAKS} ${RATES_CIN}`,
    file: 'section-47.csv',
  },
  icpcs: {
    label: 'Initial child protection conferences',
    shortLabel: 'ICPCs',
    definition:
      'Initial child protection conferences held in the year to 31 March: the meeting of professionals and the family, usually after a section 47 enquiry, that decides whether a child should be made the subject of a child protection plan.',
    group: 'Child protection',
    kind: 'flow',
    countUnit: 'conferences',
    caveats: `${CIN_BREAKS} ${RATES_CIN}`,
    file: 'section-47.csv',
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
  },
};
