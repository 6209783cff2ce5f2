import { z } from 'zod';
import { CsvError } from '../../lib/csv';
import { compact, formatPostcode, NORTHERN_IRELAND_AREA, outwardOf, postcodeArea } from '../../lib/areas/postcodes';
import { DISTRICT_PATTERN, POSTCODE_PATTERN, type Nation } from '../../lib/schema/postcodes';
import type { IngestContext } from './context';
import { text } from './raw';
import type { TidyRecord } from './write';

/**
 * "Find your council": postcode → council, postcode district → councils, district name → council
 * (raw folder postcodes/, see its PROVENANCE.md).
 *
 * - mySociety's mini postcode lookup (every UK postcode of ONSPD November 2022 → its 2022 local
 *   authority district, as range-compressed runs) gives postcode-ranges.csv;
 * - the NHS COVID-19 app's postal district lookup (2020 districts) gives postcode-districts.csv and
 *   the names of the councils of Scotland and Northern Ireland;
 * - ONS's April 2023 district → county/unitary lookup and the change list (boundaries/changes.csv)
 *   take every district to the upper-tier council that runs children's services there today.
 *
 * Each district's council of today is checked to be a council in areas.csv that still exists, and
 * every council of today must be reached by some postcode. Northern Ireland is kept at nation level
 * only: ONS supplies NI postcodes under a separate Land & Property Services licence, and all of
 * them begin BT.
 */
const RANGES = 'postcodes/mysociety_mini_postcode_lookup_local_authorities.json';
const NHS = 'postcodes/nhs_covid19_app_localAuthorities.json';
const LAD23 = 'postcodes/ons_LAD23_to_CTYUA23_April2023_lookup_EW.csv';
const CHANGES = 'boundaries/changes.csv';

export const POSTCODE_SOURCES = { ranges: 'mysociety-postcodes-2022', districts: 'nhs-postal-districts-2020', lad23: 'ons-lad23-utla23' } as const;

const rangeFile = z.object({
  postcode_keys: z.array(z.number().int().nonnegative()).min(1),
  value_key: z.array(z.number().int().nonnegative()),
  value_values: z.array(z.union([z.null(), z.string().regex(/^[EWSNLM]\d{8}$/, 'must be a GSS code or L99999999/M99999999')])),
});
const nhsFile = z.object({
  localAuthorities: z.record(z.string().regex(/^[EWSN]\d{8}$/), z.object({ name: z.string().min(1), country: z.string() })),
  postcodes: z.record(z.string().regex(DISTRICT_PATTERN), z.array(z.string().regex(/^[EWSN]\d{8}$/)).min(1)),
});

/** The NHS file's country names (one misspelt), as nations. */
const NHS_COUNTRY: Readonly<Record<string, Nation>> = { England: 'england', Wales: 'wales', Scotland: 'scotland', 'Nothern Island': 'northern-ireland', NorthernIreland: 'northern-ireland' };

function parseJson<T>(ctx: IngestContext, file: string, schema: z.ZodType<T>, prepare: (s: string) => string = (s) => s): T {
  let value: unknown;
  try {
    value = JSON.parse(prepare(ctx.raw.text(file)));
  } catch (e) {
    throw new CsvError(file, `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CsvError(file, `unexpected structure at ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data;
}

const nationOfCode = (code: string): Nation | undefined =>
  code.startsWith('E') ? 'england' : code.startsWith('W') ? 'wales' : code.startsWith('S') ? 'scotland' : code.startsWith('N') ? 'northern-ireland' : code === 'L99999999' ? 'channel-islands' : code === 'M99999999' ? 'isle-of-man' : undefined;

export interface PostcodeTables {
  readonly ranges: TidyRecord[];
  readonly districts: TidyRecord[];
  readonly names: TidyRecord[];
}

export function buildPostcodes(ctx: IngestContext): PostcodeTables {
  // --- district → upper-tier council of today
  const lad = ctx.raw.csv(LAD23);
  const utlaOf = new Map<string, string>();
  const lad23Names = new Map<string, string>();
  for (const r of lad.rows) {
    const cd = text(lad, r, 'LTLA23CD');
    utlaOf.set(cd, text(lad, r, 'UTLA23CD'));
    lad23Names.set(cd, text(lad, r, 'LTLA23NM'));
  }
  const changes = ctx.raw.csv(CHANGES);
  /** A district or council merged into, or recoded as, another: old code → new code, and the year it ended. */
  const next = new Map<string, { code: string; lastYear: number; name: string; row: number }>();
  for (const r of changes.rows) {
    const type = text(changes, r, 'type');
    if (type !== 'merger' && type !== 'new_code') continue;
    const old = text(changes, r, 'oldcd');
    const to = text(changes, r, 'newcd');
    if (!old.startsWith('E0') || !to.startsWith('E0')) continue; // combined authorities (E47) are not councils here
    // A change takes effect on 1 April of `start` (May for the 2025 recodes): the old code's last year ending 31 March is `start`.
    next.set(old, { code: to, lastYear: Number(text(changes, r, 'start')), name: text(changes, r, 'oldnm'), row: r.row });
  }
  const follow = (code: string) => {
    let c = code;
    for (let guard = 0; next.has(c); guard++) {
      if (guard > 10) throw new Error(`${CHANGES}: the changes of ${code} form a cycle`);
      c = next.get(c)!.code;
    }
    return c;
  };
  const councilToday = (ladCode: string, file: string, where: string): string => {
    const d = follow(ladCode);
    const up = follow(utlaOf.get(d) ?? d);
    const a = ctx.areas.get(up);
    if (!a || a.level !== 'la' || a.lastYear !== undefined) {
      throw new CsvError(file, `district ${ladCode} (${where}) leads to ${up}, which is not a council of today in areas.csv (through ${LAD23} and ${CHANGES})`);
    }
    return up;
  };

  // --- postcode ranges
  const rf = parseJson(ctx, RANGES, rangeFile, (s) => s.replace(/\bNaN\b/g, 'null'));
  const n = rf.postcode_keys.length;
  if (rf.value_key.length !== n) throw new CsvError(RANGES, `value_key has ${rf.value_key.length} entries, postcode_keys ${n}`);
  // value_key: the first two as they are; later a 0 repeats the entry two places back; then minus 1.
  const decoded: number[] = [];
  rf.value_key.forEach((v, i) => decoded.push(i < 2 || v !== 0 ? v : decoded[i - 2]!));
  let key = 0;
  let prevKey = -1;
  const ranges: TidyRecord[] = [];
  const placeKey = (nation: Nation | undefined, area: string | undefined) => `${nation ?? ''}|${area ?? ''}`;
  let last = '';
  const reached = new Set<string>();
  const councilMemo = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    key += rf.postcode_keys[i]!;
    const vi = decoded[i]! - 1;
    if (vi < 0 || vi >= rf.value_values.length) throw new CsvError(RANGES, `value_key entry ${i} points outside value_values (${vi})`);
    const pc = key.toString(36).toUpperCase();
    if (!POSTCODE_PATTERN.test(formatPostcode(pc))) throw new CsvError(RANGES, `postcode key ${i} decodes to ${pc}, not a postcode`);
    if (key <= prevKey) throw new CsvError(RANGES, `postcode keys are not ascending at entry ${i}`);
    prevKey = key;
    const code = rf.value_values[vi]!;
    let nation: Nation | undefined;
    let area: string | undefined;
    if (postcodeArea(pc) === NORTHERN_IRELAND_AREA) nation = 'northern-ireland';
    else if (code !== null) {
      nation = nationOfCode(code);
      if (!nation) throw new CsvError(RANGES, `unknown place code ${code}`);
      if (nation === 'northern-ireland') throw new CsvError(RANGES, `${formatPostcode(pc)} is outside BT but in Northern Ireland (${code})`);
      if (nation === 'england') {
        area = councilMemo.get(code) ?? councilToday(code, RANGES, `of ${formatPostcode(pc)}`);
        councilMemo.set(code, area);
        reached.add(area);
      }
    }
    const k = placeKey(nation, area);
    if (k === last) continue;
    last = k;
    ranges.push({ first_postcode: formatPostcode(pc), nation: nation ?? '', area_code: area ?? '', source_id: POSTCODE_SOURCES.ranges });
  }
  const today = ctx.areas.all.filter((a) => a.level === 'la' && a.lastYear === undefined);
  const unreached = today.filter((a) => !reached.has(a.code));
  if (unreached.length) throw new CsvError(RANGES, `no postcode leads to ${unreached.map((a) => a.name).join(', ')}`);
  ctx.useSource(POSTCODE_SOURCES.ranges);
  ctx.useSource(POSTCODE_SOURCES.lad23);

  // --- postcode districts
  const nhs = parseJson(ctx, NHS, nhsFile);
  const nhsNation = (code: string): Nation => {
    const la = nhs.localAuthorities[code];
    if (!la) throw new CsvError(NHS, `district list names ${code}, which is not in localAuthorities`);
    const nation = NHS_COUNTRY[la.country];
    if (!nation) throw new CsvError(NHS, `unknown country "${la.country}" of ${code}`);
    if (nation !== nationOfCode(code)) throw new CsvError(NHS, `${code} (${la.name}) is listed in ${la.country}`);
    return nation;
  };
  const districts: TidyRecord[] = [];
  const seen = new Set<string>();
  let multi = 0;
  for (const [district, codes] of Object.entries(nhs.postcodes)) {
    const rows = new Map<string, TidyRecord>();
    for (const code of codes) {
      const nation = postcodeArea(district) === NORTHERN_IRELAND_AREA ? 'northern-ireland' : nhsNation(code);
      const area = nation === 'england' ? (councilMemo.get(code) ?? councilToday(code, NHS, `in postcode district ${district}`)) : '';
      if (area) councilMemo.set(code, area);
      rows.set(`${nation}|${area}`, { postcode_district: district, nation, area_code: area, source_id: POSTCODE_SOURCES.districts });
    }
    if ([...rows.values()].filter((r) => r.nation === 'england').length > 1) multi++;
    for (const r of rows.values()) districts.push(r);
    seen.add(district);
  }
  // The 2020 lookup can miss a council a district reaches into (its lists are not complete at the
  // edges): add every council or nation a run of the 2022 directory starts in within the district.
  const listed = new Set(districts.map((d) => `${d.postcode_district}|${d.nation}|${d.area_code}`));
  let added = 0;
  const addedExamples: string[] = [];
  for (const r of ranges) {
    if (r.nation === '') continue;
    const out = outwardOf(compact(String(r.first_postcode)));
    if (!DISTRICT_PATTERN.test(out)) continue;
    const k = `${out}|${r.nation}|${r.area_code}`;
    if (listed.has(k)) continue;
    listed.add(k);
    added++;
    if (addedExamples.length < 12) addedExamples.push(`${out} → ${r.area_code || r.nation} (from ${r.first_postcode})`);
    districts.push({ postcode_district: out, nation: r.nation, area_code: r.area_code, source_id: POSTCODE_SOURCES.ranges });
    seen.add(out);
  }
  districts.sort((a, b) => cmpDistrict(String(a.postcode_district), String(b.postcode_district)) || String(a.nation).localeCompare(String(b.nation)) || String(a.area_code).localeCompare(String(b.area_code)));
  ctx.useSource(POSTCODE_SOURCES.districts);
  const perDistrict = new Map<string, number>();
  for (const d of districts) if (d.nation === 'england') perDistrict.set(String(d.postcode_district), (perDistrict.get(String(d.postcode_district)) ?? 0) + 1);
  const multiAfter = [...perDistrict.values()].filter((c) => c > 1).length;

  // --- district names: English districts of today and those abolished since 2019, councils of Wales, Scotland and NI
  const names: TidyRecord[] = [];
  for (const [cd, name] of lad23Names) {
    if (cd.startsWith('E07')) names.push({ district_code: cd, name, nation: 'england', area_code: councilToday(cd, LAD23, name), last_year: '', source_id: POSTCODE_SOURCES.lad23 });
    else if (cd.startsWith('W06')) names.push({ district_code: cd, name, nation: 'wales', area_code: '', last_year: '', source_id: POSTCODE_SOURCES.lad23 });
  }
  for (const [cd, ch] of next) {
    if (!cd.startsWith('E07') || lad23Names.has(cd)) continue;
    names.push({ district_code: cd, name: ch.name, nation: 'england', area_code: councilToday(cd, CHANGES, ch.name), last_year: ch.lastYear, source_id: POSTCODE_SOURCES.lad23 });
  }
  for (const [cd, la] of Object.entries(nhs.localAuthorities)) {
    const nation = NHS_COUNTRY[la.country];
    if (nation === 'scotland' || nation === 'northern-ireland') names.push({ district_code: cd, name: la.name, nation, area_code: '', last_year: '', source_id: POSTCODE_SOURCES.districts });
  }
  names.sort((a, b) => String(a.district_code).localeCompare(String(b.district_code)));

  const byNation = (rows: readonly TidyRecord[]) => countBy(rows, (r) => String(r.nation || 'none'));
  ctx.report(
    'postcodes.md',
    [
      '# Postcode lookups',
      '',
      `Generated by \`npm run data\` (scripts/ingest/postcodes.ts) from the raw folder postcodes/ (see its PROVENANCE.md).`,
      '',
      `- ${RANGES}: ${n} runs of 2022 districts, merged here into ${ranges.length} runs of today's councils and nations (consecutive runs in the same place are one run). By nation: ${byNation(ranges)}. Northern Ireland is one run per stretch of BT postcodes (nation only).`,
      `- ${NHS}: ${Object.keys(nhs.postcodes).length} postcode districts; ${multi} reach into more than one English council.`,
      `- Added from the postcode ranges (a run of the 2022 directory starts in the district, in a council or nation the 2020 lookup does not list for it): ${added} district rows${addedExamples.length ? `, e.g. ${addedExamples.join('; ')}` : ''}.`,
      `- postcode-districts.csv: ${seen.size} districts, ${districts.length} rows; ${multiAfter} districts reach into more than one English council (no source gives shares, so a search for such a district lists them all and asks for the full postcode).`,
      `- ${LAD23} and ${CHANGES}: ${names.filter((r) => r.nation === 'england').length} English districts by name (${names.filter((r) => r.nation === 'england' && r.last_year !== '').length} abolished since 2019), ${names.filter((r) => r.nation !== 'england').length} councils of Wales, Scotland and Northern Ireland.`,
      '',
      '## Checks',
      '',
      `- Every council of today (${today.length}) is reached by some postcode.`,
      '',
    ].join('\n'),
  );
  return { ranges, districts, names };
}

/** Districts in the Royal Mail's order: area letters, then the district number (FY1, FY2, FY10). */
function cmpDistrict(a: string, b: string): number {
  const pa = /^([A-Z]+)(\d+)(.*)$/.exec(a)!;
  const pb = /^([A-Z]+)(\d+)(.*)$/.exec(b)!;
  return pa[1]!.localeCompare(pb[1]!) || Number(pa[2]) - Number(pb[2]) || pa[3]!.localeCompare(pb[3]!);
}

function countBy<T>(xs: readonly T[], key: (x: T) => string): string {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k} ${v}`).join(', ');
}
