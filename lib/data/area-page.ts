import { memberIn, profilePath, type Profile } from '../areas/identity';
import { buildAreaProfile, coreMeasures, type AreaProfile } from '../areas/profile';
import { CONTEXT_MEASURES } from '../areas/context';
import type { MeasureInfo } from '../areas/words';
import { sourceRef } from '../explorer/build';
import type { SeriesBreak, SourceRef } from '../explorer/types';
import { PATHWAY_MAIN } from '../pathway';
import { profileByCode, profileIndex, profileInputs } from './areas';
import { factorsPanel, factorYears } from './factors';
import { breaksFor, sourceById } from './load';

/**
 * What an area page (and its embed, card and oEmbed) renders, built at build time: the profile,
 * the wording of each measure it shows from the catalogue, the releases its figures come from, and
 * the breaks in each measure's series.
 */
export interface AreaPageData {
  readonly data: AreaProfile;
  /** "What assessments find" (components/explorer/AssessmentFactors), for the council's code of the latest year. */
  readonly factors: ReturnType<typeof factorsPanel>;
  readonly measures: Readonly<Record<string, MeasureInfo>>;
  readonly sources: Readonly<Record<string, SourceRef>>;
  readonly breaks: Readonly<Record<string, readonly SeriesBreak[]>>;
}

const cache = new Map<string, AreaPageData>();

export function measureInfo(id: string): MeasureInfo {
  const m = profileInputs().measures.get(id);
  if (!m) throw new Error(`unknown measure ${id}`);
  return { id: m.id, label: m.label, shortLabel: m.shortLabel, definition: m.definition, period: m.period, countUnit: m.countUnit, hasRate: m.hasRate };
}

export function areaPageData(code: string): AreaPageData | undefined {
  const hit = cache.get(code);
  if (hit) return hit;
  const profile: Profile | undefined = profileByCode(code);
  if (!profile) return undefined;
  const inputs = profileInputs();
  const data = buildAreaProfile(inputs, profile);
  const ids = [...new Set([...coreMeasures(inputs).map((m) => m.id), ...PATHWAY_MAIN, ...CONTEXT_MEASURES])].filter((id) => inputs.measures.has(id));
  const measures = Object.fromEntries(ids.map((id) => [id, measureInfo(id)]));
  const all = sourceById();
  const used = new Set<string>();
  for (const h of data.headline) {
    if (h.sourceId) used.add(h.sourceId);
    if (h.lastValue) used.add(h.lastValue.sourceId);
  }
  for (const y of data.pathway.years) for (const s of y.sourceIds) if (s) used.add(s);
  if (data.neighbours) used.add(data.neighbours.sourceId);
  for (const l of data.lait) if (l.sourceId) used.add(l.sourceId);
  if (data.deprivation.deciles) used.add(data.deprivation.deciles.sourceId);
  if (data.population?.sourceId) used.add(data.population.sourceId);
  for (const t of data.trends) for (const s of t.sourceIds) used.add(s);
  const sources = Object.fromEntries([...used].filter((id) => all.has(id)).sort().map((id) => [id, sourceRef(all.get(id)!)]));
  const breaks = Object.fromEntries(
    ids.map((id) => [id, breaksFor(id).map((b) => ({ year: b.year, kind: b.kind, appliesTo: b.appliesTo, label: b.label, note: b.note, before: b.before, sourceId: b.sourceId, source: sourceRef(all.get(b.sourceId)!).citation }))]),
  );
  // The member in force in the latest year with factor figures (Barnsley's E08000016 for 2024-25; a former council's own code).
  const factorCode = [...factorYears()].reverse().map((y) => memberIn(profile, y)).find((c) => c !== undefined) ?? profile.code;
  const factors = factorsPanel(factorCode, `${profilePath(profile.code)}#assessment-factors`);
  const page = { data, factors, measures, sources, breaks };
  cache.set(code, page);
  return page;
}

/** Every code with a page: profiles, and the older codes that lead to them. */
export function areaPageCodes(): string[] {
  const idx = profileIndex();
  return [...idx.profiles.map((p) => p.code), ...idx.redirects.keys()];
}
