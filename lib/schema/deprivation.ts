import { z } from 'zod';
import { count, gssCode, nonEmpty, num, optNum, optYear, slug, text } from './fields';
import type { TidyTable } from './table';

/**
 * Deprivation tidy files: children by IoD2019 decile for every area (deprivation-deciles.csv), and
 * the Child Welfare Inequalities Project's published figures (cwip.csv), kept as what they are:
 * rates stay rates, ratios stay ratios.
 */

// ---------------------------------------------------------------------------------------------
// Children by deprivation decile.

export const DEPRIVATION_INDICES = ['imd-2019', 'idaci-2019'] as const;
export type DeprivationIndex = (typeof DEPRIVATION_INDICES)[number];

export interface DecileRow {
  readonly index: DeprivationIndex;
  readonly areaCode: string;
  readonly decile: number;
  readonly lsoas: number;
  readonly children: number;
  readonly shareOfChildren: number;
  readonly sourceId: string;
}

const decile = count.refine((d) => d >= 1 && d <= 10, 'must be a decile from 1 (most deprived 10%) to 10 (least deprived 10%)');
const share = num.refine((s) => s >= 0 && s <= 1, 'must be a share from 0 to 1');

export const deprivationDecilesTable: TidyTable<DecileRow> = {
  file: 'deprivation-deciles.csv',
  title: 'Children by neighbourhood deprivation decile (English Indices of Deprivation 2019)',
  description:
    "For England, each region and every upper-tier local authority (including councils abolished or created since 2019): how many of the area's dependent children aged 0 to 15 (mid-2015) live in neighbourhoods (LSOAs) of each national decile of the Index of Multiple Deprivation 2019 and of the Income Deprivation Affecting Children Index 2019. Computed from the LSOA files of the IoD2019 (File 1, File 3, File 6); every area is built from whole LSOAs.",
  columns: [
    { name: 'index', description: 'Which index the deciles are of: imd-2019 = Index of Multiple Deprivation 2019; idaci-2019 = Income Deprivation Affecting Children Index 2019.' },
    { name: 'area_code', description: 'ONS GSS code of England (E92000001), a region (E12) or an upper-tier local authority (see areas.csv), including councils that no longer exist (areas are built from LSOAs, so any year\'s councils can be shown).' },
    { name: 'decile', description: 'National decile of the LSOAs: 1 = the most deprived 10% of the 32,844 LSOAs in England, 10 = the least deprived 10%. All ten deciles are listed for every area, with 0 where the area has no LSOA in that decile.' },
    { name: 'lsoas', description: "Number of the area's LSOAs (2011 lower-layer super output areas, about 1,500 residents each) in this decile." },
    { name: 'children_0_15', description: 'Dependent children aged 0 to 15 (mid-2015, excluding prisoners; the IoD2019 population denominators, File 6) living in those LSOAs.' },
    { name: 'share_of_children', description: "children_0_15 as a share (0 to 1) of all the area's children aged 0 to 15; the ten shares of an area add up to 1." },
    { name: 'source_id', description: 'mhclg-iod2019 (see sources.csv).' },
  ],
  row: z
    .object({
      index: z.enum(DEPRIVATION_INDICES, { message: `must be one of ${DEPRIVATION_INDICES.join(', ')}` }),
      area_code: gssCode,
      decile,
      lsoas: count,
      children_0_15: count,
      share_of_children: share,
      source_id: slug,
    })
    .superRefine((r, ctx) => {
      if (r.lsoas === 0 && r.children_0_15 !== 0) ctx.addIssue({ code: 'custom', path: ['children_0_15'], message: 'children are given for a decile in which the area has no LSOA' });
      if (r.children_0_15 === 0 && r.share_of_children !== 0) ctx.addIssue({ code: 'custom', path: ['share_of_children'], message: 'share must be 0 when there are no children' });
      if (r.children_0_15 > 0 && r.share_of_children === 0) ctx.addIssue({ code: 'custom', path: ['share_of_children'], message: 'share must be above 0 when there are children' });
    })
    .transform(
      (r): DecileRow => ({
        index: r.index,
        areaCode: r.area_code,
        decile: r.decile,
        lsoas: r.lsoas,
        children: r.children_0_15,
        shareOfChildren: r.share_of_children,
        sourceId: r.source_id,
      }),
    ),
  key: (r) => `${r.index}|${r.areaCode}|${r.decile}`,
  licence:
    'Open Government Licence v3.0. Contains public sector information licensed under the Open Government Licence v3.0 (source: MHCLG, English Indices of Deprivation 2019).',
};

// ---------------------------------------------------------------------------------------------
// Child Welfare Inequalities Project figures.

export const CWIP_KINDS = ['rate', 'ratio'] as const;
/** How a published ratio was worded: ">10" is "more than", "~3"/"around 20" is "about". */
export const RATIO_QUALIFIERS = ['as stated', 'more than', 'about', 'almost'] as const;
export const CWIP_SOURCE_IDS = ['cwip-final-report', 'cwip-published-ratios'] as const;

export interface CwipRow {
  readonly sourceId: (typeof CWIP_SOURCE_IDS)[number];
  readonly rowRef: number;
  readonly part: number;
  readonly kind: (typeof CWIP_KINDS)[number];
  readonly country: string;
  readonly measure: string;
  readonly year: number | undefined;
  readonly snapshotDate: string | undefined;
  readonly decile: number | undefined;
  readonly neighbourhoods: string;
  readonly ratePer10k: number | undefined;
  readonly rateBasis: string;
  readonly ratio: number | undefined;
  readonly ratioQualifier: (typeof RATIO_QUALIFIERS)[number] | undefined;
  readonly ratioLabel: string;
  readonly ratioAsStated: string;
  readonly definition: string;
  readonly valueAsStated: string;
  readonly source: string;
  readonly sourceType: string;
  readonly url: string;
  readonly location: string;
  readonly certainty: string;
  readonly notes: string;
}

const isoDate = z.union([
  z.literal('').transform(() => undefined),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD or empty'),
]);
const optDecile = z.union([z.literal('').transform(() => undefined), decile]);
const url = z.union([z.literal(''), z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL or empty')]);

export const cwipTable: TidyTable<CwipRow> = {
  file: 'cwip.csv',
  title: 'Child Welfare Inequalities Project: intervention rates and ratios by neighbourhood deprivation',
  description:
    'Published figures of the Child Welfare Inequalities Project (Bywaters and the CWIP team, Nuffield Foundation; data for 31 March 2015) on how child protection and care rates rise with neighbourhood deprivation: rates per 10,000 children by deprivation decile for England and Wales (as reproduced from the 2020 Final Report by a project co-author), and the ratios and "1 in N" figures quoted in project briefings, press releases and articles, each with its citation and how certain it is. Ratios are kept as ratios and rates as rates; nothing here is converted or re-estimated.',
  columns: [
    { name: 'source_id', description: 'cwip-final-report (rates by decile, England and Wales) or cwip-published-ratios (figures quoted in CWIP publications and press coverage); see sources.csv.' },
    { name: 'row_ref', description: 'Where the row comes from in the raw file: the id column of cwip_decile_rates.csv, or the line number in cwip_decile_rates_tables.csv.' },
    { name: 'part', description: '1, or the position of the figure when one source statement gives several (e.g. "England and Wales >2; Scotland ~3" gives parts 1 and 2).' },
    { name: 'kind', description: 'rate = a rate per 10,000 children (rate_per_10k is filled); ratio = how many times higher one rate is than another (ratio is filled). A ratio is never turned into a rate, nor a rate into a ratio.' },
    { name: 'country', description: 'Country (or comparison of countries) the figure is about, as the source states it.' },
    { name: 'measure', description: 'What is counted, as the source states it: CPP = child protection plans (England), CPR = child protection register (Wales, Scotland, Northern Ireland), CLA/LAC = children looked after (in care).' },
    { name: 'year', description: 'Year of the underlying data (CWIP: children on plans/registers or looked after on 31 March 2015, Scotland 31 July 2015); empty when the source does not give it.' },
    { name: 'snapshot_date', description: 'Census date of the underlying data (YYYY-MM-DD) where the source gives it; otherwise empty.' },
    { name: 'decile', description: "For rates by decile only: neighbourhood deprivation decile of the country's own small-area index, 1 = most deprived 10% of neighbourhoods, 10 = least deprived (the source chart numbers them the other way round; see location)." },
    { name: 'neighbourhoods', description: 'Which neighbourhoods the figure is about, in the words of the source (e.g. "most vs least deprived 10%"), or the decile in words.' },
    { name: 'rate_per_10k', description: 'For kind = rate: children on a plan/register or looked after per 10,000 children in those neighbourhoods. Empty for ratios.' },
    { name: 'rate_basis', description: 'How the rate was obtained: as stated in the source, or derived from a "1 in N" statement (10,000 / N; approximate, since N was rounded).' },
    { name: 'ratio', description: 'For kind = ratio: the number of times, as published (e.g. 10 for "ten times"; 1.33 for "a rise of around a third"). Read it together with ratio_qualifier. Empty for rates.' },
    { name: 'ratio_qualifier', description: 'For kind = ratio: as stated (a plain figure, usually rounded), more than (">10", "over ten times": ratio is a lower bound), about ("around", "~"), almost ("almost 12"). Empty for rates.' },
    { name: 'ratio_label', description: 'When one statement gives several figures, which one this row holds (e.g. Scotland, White:Asian, alternative figure); "per decile step" for a rise per one-decile step in deprivation; otherwise empty.' },
    { name: 'ratio_as_stated', description: 'The ratio exactly as written in the compilation (e.g. ">10", "almost 12", "England and Wales >2; Scotland ~3").' },
    { name: 'definition', description: 'What is divided by what (for ratios), or what the rate counts.' },
    { name: 'value_as_stated', description: 'The figure as the source words it (a verbatim quotation where one was available).' },
    { name: 'source', description: 'Citation: the publication (and, for secondary copies, where the figure was read).' },
    { name: 'source_type', description: 'primary (CWIP report, briefing or partner press release, author article) or secondary (news report, or a copy of the figures by a project co-author).' },
    { name: 'url', description: 'Where the cited text or figure can be read.' },
    { name: 'location', description: 'Where in the source (page, slide, abstract, or file and lines of the secondary copy).' },
    { name: 'certainty', description: 'How firm the figure is: as stated, approximate, lower bound, or UNCERTAIN with the reason.' },
    { name: 'notes', description: 'Caveats: sample, definitions, and disagreements between sources.' },
  ],
  row: z
    .object({
      source_id: z.enum(CWIP_SOURCE_IDS, { message: `must be one of ${CWIP_SOURCE_IDS.join(', ')}` }),
      row_ref: count,
      part: count.refine((p) => p >= 1, 'must be 1 or more'),
      kind: z.enum(CWIP_KINDS, { message: 'must be rate or ratio' }),
      country: nonEmpty,
      measure: nonEmpty,
      year: optYear,
      snapshot_date: isoDate,
      decile: optDecile,
      neighbourhoods: nonEmpty,
      rate_per_10k: optNum,
      rate_basis: text,
      ratio: optNum,
      ratio_qualifier: z.union([z.literal('').transform(() => undefined), z.enum(RATIO_QUALIFIERS, { message: `must be one of ${RATIO_QUALIFIERS.join(', ')} or empty` })]),
      ratio_label: text,
      ratio_as_stated: text,
      definition: text,
      value_as_stated: text,
      source: nonEmpty,
      source_type: text,
      url,
      location: text,
      certainty: nonEmpty,
      notes: text,
    })
    .superRefine((r, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (r.kind === 'rate') {
        if (r.rate_per_10k === undefined) issue('rate_per_10k', 'a rate row needs rate_per_10k');
        else if (r.rate_per_10k < 0 || r.rate_per_10k > 10000) issue('rate_per_10k', 'a rate per 10,000 must be from 0 to 10,000');
        if (r.rate_basis === '') issue('rate_basis', 'a rate row needs its basis (as stated, or derived from "1 in N")');
        if (r.ratio !== undefined) issue('ratio', 'a rate row must not carry a ratio');
        if (r.ratio_qualifier !== undefined) issue('ratio_qualifier', 'a rate row must not carry a ratio qualifier');
        if (r.ratio_as_stated !== '' || r.ratio_label !== '') issue(r.ratio_as_stated !== '' ? 'ratio_as_stated' : 'ratio_label', 'a rate row must not carry ratio text');
      } else {
        if (r.ratio === undefined) issue('ratio', 'a ratio row needs ratio');
        else if (r.ratio <= 0) issue('ratio', 'a ratio must be above 0');
        if (r.ratio_qualifier === undefined) issue('ratio_qualifier', 'a ratio row needs a qualifier (as stated, more than, about or almost)');
        if (r.ratio_as_stated === '') issue('ratio_as_stated', 'a ratio row needs the ratio as stated');
        if (r.rate_per_10k !== undefined) issue('rate_per_10k', 'a ratio row must never be given a rate');
        if (r.rate_basis !== '') issue('rate_basis', 'a ratio row must not carry a rate basis');
        if (r.decile !== undefined) issue('decile', 'a decile is only given for rates by decile');
      }
    })
    .transform(
      (r): CwipRow => ({
        sourceId: r.source_id,
        rowRef: r.row_ref,
        part: r.part,
        kind: r.kind,
        country: r.country,
        measure: r.measure,
        year: r.year,
        snapshotDate: r.snapshot_date,
        decile: r.decile,
        neighbourhoods: r.neighbourhoods,
        ratePer10k: r.rate_per_10k,
        rateBasis: r.rate_basis,
        ratio: r.ratio,
        ratioQualifier: r.ratio_qualifier,
        ratioLabel: r.ratio_label,
        ratioAsStated: r.ratio_as_stated,
        definition: r.definition,
        valueAsStated: r.value_as_stated,
        source: r.source,
        sourceType: r.source_type,
        url: r.url,
        location: r.location,
        certainty: r.certainty,
        notes: r.notes,
      }),
    ),
  key: (r) => `${r.sourceId}|${r.rowRef}|${r.part}`,
  licence:
    "Facts and short quotations from the cited works, with attribution (see source and url in each row). The reports are © their authors and the Nuffield Foundation: cite them, do not reproduce them. The per-decile rates are a co-author's secondary copy of figures attributed to the CWIP Final Report (Bywaters, P. and the CWIP team, 2020).",
};
