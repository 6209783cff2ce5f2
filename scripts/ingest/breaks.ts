import { CsvError } from '../../lib/csv';
import type { BreakKind, BreakScope } from '../../lib/schema/pathway';
import type { IngestContext } from './context';
import type { TidyRecord } from './write';

/**
 * Breaks in the series: where a measure's figures before a year are not comparable with those from
 * it. The wording is written here (it describes, it holds no figure); each break cites the release
 * that documents it and quotes the release files' own words, and the ingest checks that every
 * quotation is in its file, so a break cannot be asserted without the release saying so.
 */
interface Evidence {
  readonly file: string;
  /** Windows-1252 metadata files of the old releases are read as such. */
  readonly encoding?: 'latin1';
  readonly quote: string;
}

interface BreakDef {
  readonly measures: readonly string[];
  readonly year: number;
  readonly kind: BreakKind;
  readonly appliesTo: BreakScope;
  readonly label: string;
  readonly before: string;
  readonly note: string;
  readonly sourceId: string;
  readonly evidence: readonly Evidence[];
}

const META_2010 = 'dfe-cin/underlying-2009-10/osr28-2010ud-metadata.txt';
const META_2012 = 'dfe-cin/underlying-2011-12/SFR27-2012_Meta_Data_Document.txt';
const GUIDANCE_2022 = 'dfe-cin/ees-2022-release/data-guidance.txt';
const CIN_FLOWS_AND_SNAPSHOTS = ['referrals', 's47-enquiries', 's47-children', 'icpcs', 'icpc-children', 'cpp-starts', 'children-in-need', 'child-protection-plans'];

const BREAKS: readonly BreakDef[] = [
  {
    measures: CIN_FLOWS_AND_SNAPSHOTS,
    year: 2011,
    kind: 'system-change',
    appliesTo: 'count-and-rate',
    label: 'First census year',
    before: 'the first year of the children in need census, published as experimental statistics, with England totals that include DfE estimates for councils with missing data',
    note: "2009-10 was the first year of DfE's children in need census. DfE published it as experimental statistics, and its England totals include DfE's estimates for councils whose data were missing. Changes measured from 2009-10 therefore start from a less reliable base; from 2010-11 the census is the established collection.",
    sourceId: 'dfe-cin-2010-ud',
    evidence: [
      { file: META_2010, encoding: 'latin1', quote: 'This release of Experimental Statistics provides final figures' },
      { file: META_2010, encoding: 'latin1', quote: 'In a number of cases where data is missing for a LA we have estimated the missing data.' },
    ],
  },
  {
    measures: ['s47-enquiries'],
    year: 2013,
    kind: 'counting-change',
    appliesTo: 'count-and-rate',
    label: 'Counting changed',
    before: 'children who were the subject of a section 47 enquiry, not enquiries',
    note: 'Until 2011-12 DfE counted children who were the subject of at least one section 47 enquiry in the year; from 2012-13 it counts the enquiries themselves, so a child with two enquiries counts twice. Figures either side of the break are not comparable: for a like-for-like series since 2009-10, see children subject to section 47 enquiries.',
    sourceId: 'dfe-cin-2012-ud',
    evidence: [
      { file: META_2012, encoding: 'latin1', quote: 'S471112:     Number of children subject to Section 47 enquiries within 2011-12' },
      { file: GUIDANCE_2022, quote: 'Section47                 |  Number of Section 47s' },
      { file: GUIDANCE_2022, quote: 'Section47_child           |  Number of children undergoing a Section 47' },
    ],
  },
  {
    measures: ['icpcs'],
    year: 2013,
    kind: 'counting-change',
    appliesTo: 'count-and-rate',
    label: 'Counting changed',
    before: 'children who were the subject of an initial child protection conference, not conferences',
    note: 'Until 2011-12 DfE counted children who were the subject of an initial child protection conference in the year; from 2012-13 it counts the conferences. Figures either side of the break are not comparable: for a like-for-like series since 2009-10, see children subject to initial child protection conferences.',
    sourceId: 'dfe-cin-2012-ud',
    evidence: [
      { file: META_2012, encoding: 'latin1', quote: 'ICPCin1112:     Number of children subject to an Initial Child Protection Conference in 2011-12' },
      { file: GUIDANCE_2022, quote: 'ICPC                      |  Number of ICPCs' },
      { file: GUIDANCE_2022, quote: 'ICPC_child                |  Number of children undergoing an ICPC' },
    ],
  },
  {
    measures: ['cpp-starts'],
    year: 2013,
    kind: 'counting-change',
    appliesTo: 'count-and-rate',
    label: 'Counting changed',
    before: 'children who became the subject of a child protection plan, not plans',
    note: 'Until 2011-12 DfE counted children who became the subject of a child protection plan in the year; from 2012-13 this series counts plans started (table D3). The two are almost the same, since a child rarely starts two plans in a year, but they are not the same count.',
    sourceId: 'dfe-cin-2012-ud',
    evidence: [
      { file: META_2012, encoding: 'latin1', quote: 'CPPStart1112:     Number of children who became the subject of a Child Protection plan during 2011-12' },
      { file: GUIDANCE_2022, quote: 'CPP_start               |  Number of child protection plans starting during the year' },
    ],
  },
  {
    measures: ['children-in-need'],
    year: 2013,
    kind: 'definition-change',
    appliesTo: 'count-and-rate',
    label: 'Method changed',
    before: "children in need counted under DfE's earlier method",
    note: 'From 2012-13 DfE counts children in need at 31 March as the episodes of need open that day, under the method it revised in 2018 and applied back to 2012-13; 2009-10 to 2011-12 were counted under the earlier method and are not strictly comparable.',
    sourceId: 'dfe-cin-2022-b1',
    evidence: [
      { file: GUIDANCE_2022, quote: 'At31_episodes             |  Children in need at 31 March' },
      { file: 'dfe-cin/PROVENANCE.md', quote: 'The 2013+ CIN counts use the **2018 revised methodology for episodes of need** (back-cast' },
    ],
  },
  {
    measures: CIN_FLOWS_AND_SNAPSHOTS,
    year: 2013,
    kind: 'population-rebase',
    appliesTo: 'rate',
    label: 'New population base',
    before: 'rates on the population estimates of the time',
    note: "Rates for 2009-10 to 2011-12 are DfE's (or computed here from the population DfE published with the figures), on the population estimates of the time; from 2012-13 they are computed here on the estimates DfE ships with its 2025 release, which ONS rebased on Census 2021. Part of any change in the rate across this break comes from the new estimates, not from the children counted.",
    sourceId: 'ons-pop-cin-2025',
    evidence: [
      { file: META_2010, encoding: 'latin1', quote: 'Mid2009Pop0-17:     Mid-2009 population estimates, rounded to the nearest 100.' },
      { file: 'dfe-cin/PROVENANCE.md', quote: 'Each release re-computes all historic rates with the latest population vintage' },
    ],
  },
];

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function buildBreaks(ctx: IngestContext, measureYears: ReadonlyMap<string, { first: number; last: number }>): TidyRecord[] {
  const texts = new Map<string, string>();
  const read = (e: Evidence) => {
    const k = `${e.encoding ?? 'utf8'}|${e.file}`;
    if (!texts.has(k)) texts.set(k, squash(ctx.raw.text(e.file, e.encoding ?? 'utf8')));
    return texts.get(k)!;
  };
  const rows: TidyRecord[] = [];
  for (const b of BREAKS) {
    for (const e of b.evidence) {
      if (!read(e).includes(squash(e.quote))) throw new CsvError(e.file, `the words quoted for the ${b.kind} break of ${b.measures.join(', ')} in ${b.year} are not in the file`, undefined, undefined, e.quote);
    }
    for (const m of b.measures) {
      const span = measureYears.get(m);
      if (!span) throw new Error(`breaks: measure ${m} has no figures`);
      if (b.year <= span.first || b.year > span.last) throw new Error(`breaks: the ${b.kind} break of ${m} in ${b.year} is not inside its years (${span.first}-${span.last})`);
      ctx.useSource(b.sourceId);
      rows.push({ measure: m, year: b.year, kind: b.kind, applies_to: b.appliesTo, label: b.label, before: b.before, note: b.note, source_id: b.sourceId, evidence: b.evidence.map((e) => `${e.file}: "${e.quote}"`).join(' | ') });
    }
  }
  return rows.sort((a, b) => String(a.measure).localeCompare(String(b.measure)) || Number(a.year) - Number(b.year) || String(a.kind).localeCompare(String(b.kind)));
}
