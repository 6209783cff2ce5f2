import { z } from 'zod';
import { gssCode, nonEmpty, optYear, slug } from './fields';
import type { TidyTable } from './table';
import { NATIONS, type Nation } from '../areas/nations';

/**
 * "Find your council" lookups (postcode-ranges.csv, postcode-districts.csv, districts.csv): from a
 * postcode, a postcode district (outward code) or a district name to the English upper-tier council
 * that runs children's services there today, or to the nation a place outside England is in.
 * Derived from ONS postcode products (through mySociety and the NHS COVID-19 app) and ONS's district
 * to county lookup; every council code is a council of today (areas.csv).
 */

const POSTCODE_OGL =
  'Open Government Licence v3.0. Contains OS data © Crown copyright and database right; contains Royal Mail data © Royal Mail copyright and database right; source: Office for National Statistics';

export { NATIONS, NATION_NAME, type Nation } from '../areas/nations';

const nation = z.enum(NATIONS, { message: `must be one of ${NATIONS.join(', ')}` });

/**
 * A postcode written the Royal Mail way: outward code, one space, inward code ("FY1 1AA", "SW1A
 * 1AA"). ONS's directory also holds three postcodes of older, non-standard outward codes (GIR 0AA,
 * the old Girobank; NPT 0AD and NPT 9ZB, old Newport codes): they are kept as the directory has them.
 */
export const POSTCODE_PATTERN = /^([A-Z]{1,2}\d[A-Z\d]?|GIR|NPT) \d[A-Z]{2}$/;
/** A postcode district (outward code): "FY1", "SW1A", "B10". */
export const DISTRICT_PATTERN = /^[A-Z]{1,2}\d[A-Z\d]?$/;

// ---------------------------------------------------------------------------------------------
// Postcode ranges.

export interface PostcodeRange {
  /** First postcode of a run of consecutive postcodes (in the order of their base-36 value) that lie in one place. */
  readonly firstPostcode: string;
  /** undefined: ONS gives these postcodes no local authority (e.g. postcodes with no grid reference). */
  readonly nation: Nation | undefined;
  /** The English upper-tier council (of today) when the nation is England. */
  readonly areaCode: string | undefined;
  readonly sourceId: string;
}

export const postcodeRangesTable: TidyTable<PostcodeRange> = {
  file: 'postcode-ranges.csv',
  title: 'Postcodes to councils (ranges)',
  description:
    "Every UK postcode of ONS's November 2022 postcode directory, as runs of consecutive postcodes that lie in the same place: the English upper-tier council that runs children's services there today, or the nation outside England. A postcode lies in the run whose first postcode is the last one at or before it, in the order of postcodes read as base-36 numbers (spaces removed). Districts are mapped to today's councils through ONS's 2023 district-to-county lookup and the reorganisations of 2023 and 2025. Northern Ireland's postcodes are given only as Northern Ireland (ONS supplies them under a separate licence). A postcode created after November 2022 falls in a neighbouring run.",
  columns: [
    { name: 'first_postcode', description: 'First postcode of the run, e.g. "FY1 1AA". A run ends where the next row begins.' },
    { name: 'nation', description: 'england, wales, scotland, northern-ireland, channel-islands or isle-of-man; empty where ONS gives the postcodes no local authority.' },
    { name: 'area_code', description: 'GSS code of the English upper-tier council of today (areas.csv) when nation is england; empty otherwise.' },
    { name: 'source_id', description: 'The lookup file (sources.csv).' },
  ],
  row: z
    .object({
      first_postcode: z.string().regex(POSTCODE_PATTERN, 'must be a postcode written "FY1 1AA" (outward code, one space, inward code)'),
      nation: z.union([z.literal(''), nation]),
      area_code: z.union([z.literal(''), gssCode]),
      source_id: slug,
    })
    .superRefine((r, ctx) => {
      if ((r.nation === 'england') !== (r.area_code !== '')) ctx.addIssue({ code: 'custom', path: ['area_code'], message: 'an English postcode needs its council, and only an English one has one' });
    })
    .transform((r): PostcodeRange => ({ firstPostcode: r.first_postcode, nation: r.nation || undefined, areaCode: r.area_code || undefined, sourceId: r.source_id })),
  key: (r) => r.firstPostcode,
  licence: POSTCODE_OGL,
};

// ---------------------------------------------------------------------------------------------
// Postcode districts (outward codes).

export interface PostcodeDistrict {
  readonly district: string;
  readonly nation: Nation;
  /** An English council (of today) the district reaches into; undefined for a nation outside England. */
  readonly areaCode: string | undefined;
  readonly sourceId: string;
}

export const postcodeDistrictsTable: TidyTable<PostcodeDistrict> = {
  file: 'postcode-districts.csv',
  title: 'Postcode districts to councils',
  description:
    'Every UK postcode district (the outward code, e.g. FY1) with each English upper-tier council of today it reaches into, or the nation outside England. One row per district and council (or nation): a district in several councils has several rows, in no order of size (the source gives no shares). From the NHS COVID-19 app\'s district lookup (2020 districts), mapped to today\'s councils.',
  columns: [
    { name: 'postcode_district', description: 'The outward code, e.g. "FY1", "SW1A".' },
    { name: 'nation', description: 'england, wales, scotland or northern-ireland.' },
    { name: 'area_code', description: 'GSS code of an English upper-tier council of today (areas.csv) the district reaches into, when nation is england; empty otherwise.' },
    { name: 'source_id', description: 'The lookup file (sources.csv).' },
  ],
  row: z
    .object({
      postcode_district: z.string().regex(DISTRICT_PATTERN, 'must be a postcode district (outward code) such as FY1 or SW1A'),
      nation,
      area_code: z.union([z.literal(''), gssCode]),
      source_id: slug,
    })
    .superRefine((r, ctx) => {
      if ((r.nation === 'england') !== (r.area_code !== '')) ctx.addIssue({ code: 'custom', path: ['area_code'], message: 'an English district row needs its council, and only an English one has one' });
    })
    .transform((r): PostcodeDistrict => ({ district: r.postcode_district, nation: r.nation, areaCode: r.area_code || undefined, sourceId: r.source_id })),
  key: (r) => `${r.district}|${r.nation}|${r.areaCode ?? ''}`,
  licence: POSTCODE_OGL,
};

// ---------------------------------------------------------------------------------------------
// Districts (lower-tier councils, and councils outside England) by name.

export interface DistrictRow {
  readonly code: string;
  readonly name: string;
  readonly nation: Nation;
  /** The English upper-tier council of today that runs children's services for the district's area. */
  readonly areaCode: string | undefined;
  /** Last year (ending 31 March) of a district that has been abolished; undefined if it exists. */
  readonly lastYear: number | undefined;
  readonly sourceId: string;
}

export const districtsTable: TidyTable<DistrictRow> = {
  file: 'districts.csv',
  title: 'Districts and towns to councils',
  description:
    "England's district councils (lower tier) of today and those abolished since 2019, each with the upper-tier council that runs children's services for its area today, so that a search for a town such as Harrogate or Crawley finds North Yorkshire or West Sussex; and the councils of Wales, Scotland and Northern Ireland, so that a search for one says which nation it is in.",
  columns: [
    { name: 'district_code', description: 'GSS code of the district (E07), or of the council outside England (W06, S12, N09).' },
    { name: 'name', description: 'Name as ONS publishes it.' },
    { name: 'nation', description: 'england, wales, scotland or northern-ireland.' },
    { name: 'area_code', description: 'GSS code of the English upper-tier council of today (areas.csv) for an English district; empty otherwise.' },
    { name: 'last_year', description: 'For a district abolished since 2019: the last year (ending 31 March) it existed; empty if it exists.' },
    { name: 'source_id', description: 'The lookup the district and its council come from (sources.csv).' },
  ],
  row: z
    .object({
      district_code: z.string().regex(/^(E07|W06|S12|N09)\d{6}$/, 'must be a GSS code of an English district (E07) or a council of Wales (W06), Scotland (S12) or Northern Ireland (N09)'),
      name: nonEmpty,
      nation,
      area_code: z.union([z.literal(''), gssCode]),
      last_year: optYear,
      source_id: slug,
    })
    .superRefine((r, ctx) => {
      if ((r.nation === 'england') !== (r.area_code !== '')) ctx.addIssue({ code: 'custom', path: ['area_code'], message: 'an English district needs its council, and only an English one has one' });
      if ((r.nation === 'england') !== r.district_code.startsWith('E')) ctx.addIssue({ code: 'custom', path: ['nation'], message: 'nation does not match the district code' });
    })
    .transform((r): DistrictRow => ({ code: r.district_code, name: r.name, nation: r.nation, areaCode: r.area_code || undefined, lastYear: r.last_year, sourceId: r.source_id })),
  key: (r) => r.code,
  licence: POSTCODE_OGL,
};
