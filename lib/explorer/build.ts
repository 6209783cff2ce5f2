import { allClaims, loadQuoteContext } from '../claims/load';
import { areaByCode, breaksFor, loadMeasure, loadPopulation, loadQuotes, observationsFor, sourceById } from '../data/load';
import type { Source } from '../schema/tables';
import type { AreaMeta, MeasureData, Packed, QuoteRef, SourceRef } from './types';

/**
 * The compact, client-side dataset of one measure (build time only): every area and year, counts
 * and rates as numbers or DfE codes, where each figure came from, denominators and quotes.
 */
export function sourceRef(s: Source): SourceRef {
  return {
    id: s.id,
    citation: `${s.publisher}, ${s.title}, ${s.release}${s.table ? `, ${s.table}` : ''}`,
    publisher: s.publisher,
    title: s.title,
    series: s.series,
    release: s.release,
    table: s.table,
    url: s.url,
    licence: s.licence,
    published: s.published,
  };
}

const cache = new Map<string, MeasureData>();

export function buildMeasureData(measureId: string): MeasureData {
  const hit = cache.get(measureId);
  if (hit) return hit;
  const m = loadMeasure(measureId);
  const obs = observationsFor(measureId);
  const areas = areaByCode();
  const years = Array.from({ length: m.lastYear - m.firstYear + 1 }, (_, i) => m.firstYear + i);
  const yi = new Map(years.map((y, i) => [y, i]));

  const codes = [...new Set(obs.map((o) => o.areaCode))];
  const levelOrder = { country: 0, region: 1, la: 2 } as const;
  const areaMeta: AreaMeta[] = codes
    .map((c) => areas.get(c)!)
    .sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || a.name.localeCompare(b.name))
    .map((a) => ({
      code: a.code,
      name: a.name,
      level: a.level,
      regionCode: a.regionCode,
      firstYear: a.firstYear,
      lastYear: a.lastYear,
      predecessors: a.predecessors.filter((p) => codes.includes(p)),
      successors: a.successors.filter((s) => codes.includes(s)),
      changeNote: a.changeNote,
    }));

  const blank = <T,>(v: T) => years.map(() => v);
  const count: Record<string, Packed[]> = {};
  const rate: Record<string, Packed[]> = {};
  const prov: Record<string, number[]> = {};
  const provenance: { sourceId: string; rateOrigin: 'published' | 'computed' | '' }[] = [];
  const provIndex = new Map<string, number>();
  for (const c of codes) {
    count[c] = blank<Packed>(null);
    rate[c] = blank<Packed>(null);
    prov[c] = blank(-1);
  }
  for (const o of obs) {
    const i = yi.get(o.year)!;
    count[o.areaCode]![i] = o.count.kind === 'value' ? o.count.value : o.count.status;
    rate[o.areaCode]![i] = o.rate.kind === 'value' ? o.rate.value : o.rate.status;
    const pk = `${o.sourceId}|${o.rateOrigin}`;
    if (!provIndex.has(pk)) {
      provIndex.set(pk, provenance.length);
      provenance.push({ sourceId: o.sourceId, rateOrigin: o.rateOrigin });
    }
    prov[o.areaCode]![i] = provIndex.get(pk)!;
  }
  // Children aged 0-17 used as denominators: the estimate for mid-year before the year end.
  const population: Record<string, (number | null)[]> = {};
  if (m.hasRate) {
    const pops = new Map(loadPopulation().map((p) => [`${p.midYear}|${p.areaCode}`, p.population]));
    for (const a of areaMeta) {
      if (a.level !== 'la') continue;
      population[a.code] = years.map((y) => {
        const p = pops.get(`${y - 1}|${a.code}`);
        return p?.kind === 'value' ? p.value : null;
      });
    }
  }
  const sources = sourceById();
  // Quotes about the measure, and quotes without a figure that speak about it (claims/context.json), each with its check if it has one.
  const context = loadQuoteContext();
  const checked = new Map(allClaims().map((c) => [c.quote.id, c.result]));
  const quotes: QuoteRef[] = loadQuotes()
    .filter((q) => q.measureId === measureId || (context[q.id] ?? []).includes(measureId))
    .map((q) => {
      const r = checked.get(q.id);
      return { id: q.id, quote: q.quote, speaker: q.speaker, sourceTitle: q.sourceTitle, publisher: q.publisher, date: q.date, url: q.url, year: q.year, claimType: q.claimType, verification: q.verification, claim: r && { verdict: r.verdict, label: r.label } };
    });

  const data: MeasureData = {
    measure: (({ file: _file, sources: _sources, group: _group, ...meta }) => meta)(m),
    years,
    areas: areaMeta,
    count,
    rate,
    prov,
    provenance,
    sources: [...new Set(provenance.map((p) => p.sourceId))].sort().map((id) => sourceRef(sources.get(id)!)),
    population,
    quotes,
    breaks: breaksFor(measureId).map((b) => ({ year: b.year, kind: b.kind, appliesTo: b.appliesTo, label: b.label, note: b.note, before: b.before, sourceId: b.sourceId, source: sourceRef(sources.get(b.sourceId)!).citation })),
  };
  cache.set(measureId, data);
  return data;
}
