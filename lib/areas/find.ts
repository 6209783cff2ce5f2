import { normaliseName, searchAreas } from '../search';
import type { DistrictRow } from '../schema/postcodes';
import { NATION_NAME, type Nation } from './nations';
import type { Area } from '../schema/tables';
import type { Profile, ProfileRedirect } from './identity';
import { NORTHERN_IRELAND_AREA, placeOfPostcode, placesOfDistrict, type AreaFile, type PostcodeQuery } from './postcodes';

/**
 * "Find a council" (pure; the /areas/ page's search box runs it in the browser): by a council's or
 * region's name or GSS code, a word of a name ("north" → North East, North West, North Yorkshire,
 * North Tyneside…), a district or town ("Harrogate" → North Yorkshire), or a postcode (full or
 * outward code; the lookup file of its postcode area is fetched only then).
 */

export type EntryKind = 'england' | 'region' | 'council' | 'former' | 'district' | 'abroad';

export interface SearchEntry {
  readonly kind: EntryKind;
  /** As the area picker's search ranks it (lib/search): a district counts as a council. */
  readonly level: 'country' | 'region' | 'la';
  readonly name: string;
  /** GSS code of the entry itself (a district's own code). */
  readonly code: string;
  /** The profile it leads to (undefined for places outside England). */
  readonly target: string | undefined;
  /** A few words after the name: "region", "2009-10 to 2020-21", "district, part of West Sussex". */
  readonly hint: string;
  readonly nation?: Nation;
  /** Older codes that lead to the same profile (searchable by code only). */
  readonly aliases?: readonly string[];
}

export interface SearchResults {
  readonly regions: readonly SearchEntry[];
  readonly councils: readonly SearchEntry[];
  readonly places: readonly SearchEntry[];
  readonly former: readonly SearchEntry[];
  readonly total: number;
}


/**
 * Matches ranked as the area picker ranks them (lib/search: the whole name, its start, a word's
 * start, anywhere in it; alphabetical within), grouped: regions, then councils, towns and
 * districts, former councils. A GSS code matches its area, or the area an older code now belongs to.
 */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 12): SearchResults {
  const code = query.trim().toUpperCase();
  let matched: SearchEntry[];
  if (/^[EWSN]\d{2}\d*$/.test(code)) {
    const exact = entries.filter((e) => e.code === code || e.aliases?.includes(code));
    matched = exact.length ? exact : code.length >= 3 ? entries.filter((e) => e.code.startsWith(code) || e.aliases?.some((a) => a.startsWith(code))) : [];
  } else {
    // One-letter queries match only the start of a name: "e" is in almost every name.
    const q = normaliseName(query);
    matched = searchAreas(entries, query, { limit: Infinity }).filter((e) => q.length >= 2 || normaliseName(e.name).split(' ').some((w) => w.startsWith(q)));
  }
  const pick = (kinds: readonly EntryKind[]) => matched.filter((e) => kinds.includes(e.kind)).slice(0, limit);
  // A council is not listed again as a district of itself.
  const councils = pick(['england', 'council']);
  const councilNames = new Set(councils.map((c) => normaliseName(c.name)));
  const places = pick(['district', 'abroad']).filter((p) => !councilNames.has(normaliseName(p.name)));
  const res = { regions: pick(['region']), councils, places, former: pick(['former']) };
  return { ...res, total: res.regions.length + res.councils.length + res.places.length + res.former.length };
}

// ---------------------------------------------------------------------------------------------
// Postcodes.

export interface PlaceLink {
  readonly code: string;
  readonly name: string;
}

export type PostcodeAnswer =
  | { readonly kind: 'council'; readonly text: string; readonly links: readonly PlaceLink[] }
  | { readonly kind: 'several'; readonly text: string; readonly links: readonly PlaceLink[] }
  | { readonly kind: 'nation'; readonly text: string; readonly nation: Nation }
  | { readonly kind: 'unknown'; readonly text: string }
  | { readonly kind: 'malformed'; readonly text: string };

const NOT_ENGLAND: Readonly<Record<Exclude<Nation, 'england'>, string>> = {
  wales: 'Figures for Welsh councils are published by the Welsh Government.',
  scotland: 'Figures for Scottish councils are published by the Scottish Government.',
  'northern-ireland': "Northern Ireland's children's social services are run by health and social care trusts, with figures published by the Department of Health (Northern Ireland).",
  'channel-islands': 'The Channel Islands are not part of the United Kingdom.',
  'isle-of-man': 'The Isle of Man is not part of the United Kingdom.',
};

export function outsideEngland(nation: Exclude<Nation, 'england'>, what: string): string {
  return `${what} is in ${NATION_NAME[nation]}. This site covers councils in England. ${NOT_ENGLAND[nation]}`;
}

const isNation = (p: string): p is Exclude<Nation, 'england'> => p in NOT_ENGLAND;

/** Whether a query needs a lookup file, and which: undefined when it can be answered without one. */
export function postcodeFileNeeded(q: PostcodeQuery, known: ReadonlySet<string>): string | undefined {
  if (q.kind !== 'full' && q.kind !== 'outward') return undefined;
  return q.area !== NORTHERN_IRELAND_AREA && known.has(q.area) ? q.area : undefined;
}

/** The answer to a postcode query, given its area's lookup file (undefined when none is needed or the area has none). */
export function answerPostcode(q: PostcodeQuery, file: AreaFile | undefined, nameOf: (code: string) => string | undefined): PostcodeAnswer | undefined {
  if (q.kind === 'none') return undefined;
  if (q.kind === 'malformed') return { kind: 'malformed', text: `“${q.text}” is not a postcode we can read. A postcode looks like FY1 1AA or SW1A 2AA; the first half (FY1) on its own finds its district.` };
  const what = q.kind === 'full' ? q.postcode : q.outward;
  if (q.area === NORTHERN_IRELAND_AREA) return { kind: 'nation', nation: 'northern-ireland', text: outsideEngland('northern-ireland', `${what}`) };
  if (!file) return { kind: 'unknown', text: `No UK postcode starts “${q.area}”. Check the postcode, or search for the town or council by name.` };
  const district = placesOfDistrict(file, q.outward);
  if (!district) return { kind: 'unknown', text: `There is no postcode district ${q.outward} in the lookup (ONS postcodes of 2020 and 2022). Check the postcode, or search for the town or council by name.` };
  const links = (places: readonly string[]) => places.filter((p) => !isNation(p) && p !== '').map((code) => ({ code, name: nameOf(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name));
  const several = (text: string, places: readonly string[]): PostcodeAnswer => {
    const english = links(places);
    const abroad = places.filter(isNation);
    const also = abroad.length ? ` It also reaches into ${abroad.map((n) => NATION_NAME[n]).join(' and ')}.` : '';
    return english.length === 1 ? { kind: 'council', text: `${text} is in ${english[0]!.name}.${also}`, links: english } : { kind: 'several', text: `${text} covers parts of ${english.map((l) => l.name).join(', ').replace(/, ([^,]*)$/, ' and $1')}.${also} Type the full postcode to find which council yours is in.`, links: english };
  };
  if (q.kind === 'outward') {
    if (district.every(isNation)) return { kind: 'nation', nation: district[0] as Exclude<Nation, 'england'>, text: outsideEngland(district[0] as Exclude<Nation, 'england'>, `Postcode district ${what}`) };
    return several(`Postcode district ${what}`, district);
  }
  const place = placeOfPostcode(file, q.postcode.replace(' ', ''));
  if (place === undefined || place === '') {
    // ONS places some postcodes (no grid reference) in no local authority: fall back to the district.
    return several(`${what} is not placed in a council by ONS; its district ${q.outward}`, district);
  }
  if (isNation(place)) return { kind: 'nation', nation: place, text: outsideEngland(place, what) };
  return { kind: 'council', text: `${what} is in ${nameOf(place) ?? place}.`, links: [{ code: place, name: nameOf(place) ?? place }] };
}

// ---------------------------------------------------------------------------------------------
// The entries (built at build time, shipped to the search box).

const yearSpan = (first: number, last: number) => `${first - 1}-${String(first).slice(2)} to ${last - 1}-${String(last).slice(2)}`;

export function buildSearchEntries(profiles: readonly Profile[], redirects: ReadonlyMap<string, ProfileRedirect>, areas: ReadonlyMap<string, Area>, districts: readonly DistrictRow[]): SearchEntry[] {
  const aliases = new Map<string, string[]>();
  for (const r of redirects.values()) aliases.set(r.to, [...(aliases.get(r.to) ?? []), r.from]);
  const regionName = (code: string | undefined) => (code ? areas.get(code)?.name : undefined);
  const out: SearchEntry[] = [];
  for (const p of profiles) {
    const a = p.area;
    const al = aliases.get(p.code);
    const base = { name: a.name, code: p.code, target: p.code, level: a.level, ...(al ? { aliases: al } : {}) };
    if (a.level === 'country') out.push({ ...base, kind: 'england', hint: 'country' });
    else if (a.level === 'region') out.push({ ...base, kind: 'region', hint: 'region' });
    else if (a.lastYear !== undefined) out.push({ ...base, kind: 'former', hint: `former council, ${yearSpan(p.members[0]!.firstYear, a.lastYear)}` });
    else out.push({ ...base, kind: 'council', hint: regionName(a.regionCode) ?? '' });
  }
  for (const d of districts) {
    if (d.nation !== 'england') {
      out.push({ kind: 'abroad', level: 'la', name: d.name, code: d.code, target: undefined, hint: `in ${NATION_NAME[d.nation]}`, nation: d.nation });
      continue;
    }
    const council = areas.get(d.areaCode!)?.name ?? d.areaCode!;
    out.push({ kind: 'district', level: 'la', name: d.name, code: d.code, target: d.areaCode, hint: d.lastYear !== undefined ? `district council until ${d.lastYear}, now part of ${council}` : `district, part of ${council}` });
  }
  return out;
}
