import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { areaByCode, breaksFor, loadMeasures, loadQuotes, loadTable, observationsFor, sourceById } from '../data/load';
import { cwipTable } from '../schema/deprivation';
import { revisionsTable, type RevisionRow } from '../schema/revisions';
import type { Quote, Source } from '../schema/tables';
import { evaluateClaim } from './engine';
import { publishedBy } from './releases';
import { claimSpecSchema, contextSchema, notClaimsSchema, type ClaimSpec } from './spec';
import type { ClaimData, ClaimResult, CwipPoint, ObservedFigure, ReleaseInfo } from './types';

/**
 * Build-time wiring of the claims to the data: reads the specs in claims/, the tidy files and the
 * revisions report, checks them against each other, and evaluates every claim (memoised).
 * Server-side only.
 */
if (typeof window !== 'undefined') throw new Error('lib/claims/load is build-time only');

export const CLAIMS_DIR = process.env.CLAIMS_DIR ?? path.join(process.cwd(), 'claims');
const NOT_CLAIMS = 'not-claims.json';
const CONTEXT = 'context.json';

const cache = new Map<string, unknown>();
function memo<T>(key: string, f: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const v = f();
  cache.set(key, v);
  return v;
}

function readJson(file: string): unknown {
  const text = readFileSync(path.join(CLAIMS_DIR, file), 'utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`claims/${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function issueText(file: string, error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const i = error.issues[0]!;
  return `claims/${file}: ${i.path.length ? `at ${i.path.map(String).join('.')}: ` : ''}${i.message}`;
}

/** Every claim spec, validated against its schema, the quotes and the catalogue. */
export function loadClaimSpecs(): readonly ClaimSpec[] {
  return memo('specs', () => {
    const quotes = new Map(loadQuotes().map((q) => [q.id, q]));
    const measures = new Set(loadMeasures().map((m) => m.id));
    const files = readdirSync(CLAIMS_DIR).filter((f) => f.endsWith('.json') && f !== NOT_CLAIMS && f !== CONTEXT).sort();
    return files.map((file) => {
      const parsed = claimSpecSchema.safeParse(readJson(file));
      if (!parsed.success) throw new Error(issueText(file, parsed.error));
      const spec = parsed.data;
      if (`${spec.quote}.json` !== file) throw new Error(`claims/${file}: the file must be named after its quote (${spec.quote}.json)`);
      const q = quotes.get(spec.quote);
      if (!q) throw new Error(`claims/${file}: quote ${spec.quote} is not in quotes.csv`);
      const areas = areaByCode();
      if (spec.area && !areas.has(spec.area)) throw new Error(`claims/${file}: area ${spec.area} is not in areas.csv`);
      const used = JSON.stringify(spec).matchAll(/"(?:measure|minus)":(?:"([a-z0-9-]+)"|\["([a-z0-9-]+)","([a-z0-9-]+)"\])/g);
      for (const m of used) for (const id of m.slice(1).filter(Boolean)) if (!measures.has(id!)) throw new Error(`claims/${file}: measure ${id} is not in measures.csv`);
      spec.checks.forEach((c, i) => {
        if (!q.quote.includes(c.says)) throw new Error(`claims/${file}: checks.${i}.says is not in the quote word for word: "${c.says}"`);
      });
      return spec;
    });
  });
}

/** Quotes whose numbers are not a checkable figure, with the reason (claims/not-claims.json). */
export function loadNotClaims(): Readonly<Record<string, string>> {
  return memo('not-claims', () => {
    const parsed = notClaimsSchema.safeParse(readJson(NOT_CLAIMS));
    if (!parsed.success) throw new Error(issueText(NOT_CLAIMS, parsed.error));
    const quotes = new Set(loadQuotes().map((q) => q.id));
    for (const id of Object.keys(parsed.data)) if (!quotes.has(id)) throw new Error(`claims/${NOT_CLAIMS}: quote ${id} is not in quotes.csv`);
    return parsed.data;
  });
}

/** Qualitative quotes and the measures they speak about (claims/context.json). */
export function loadQuoteContext(): Readonly<Record<string, readonly string[]>> {
  return memo('context', () => {
    const parsed = contextSchema.safeParse(readJson(CONTEXT));
    if (!parsed.success) throw new Error(issueText(CONTEXT, parsed.error));
    const quotes = new Set(loadQuotes().map((q) => q.id));
    const measures = new Set(loadMeasures().map((m) => m.id));
    for (const [id, ms] of Object.entries(parsed.data)) {
      if (!quotes.has(id)) throw new Error(`claims/${CONTEXT}: quote ${id} is not in quotes.csv`);
      for (const m of ms) if (!measures.has(m)) throw new Error(`claims/${CONTEXT}: ${id}: measure ${m} is not in measures.csv`);
    }
    return parsed.data;
  });
}

/**
 * data/reports/revisions.csv, checked: each kept figure is today's figure in data/ from the same
 * release, so a stale report cannot put a wrong "figure of the time" on a page.
 */
export function loadRevisions(): readonly RevisionRow[] {
  return memo('revisions', () => {
    const rows = loadTable(revisionsTable);
    const index = new Map<string, ReturnType<typeof observationsFor>[number]>();
    for (const m of new Set(rows.map((r) => r.measure))) for (const o of observationsFor(m)) index.set(`${o.measure}|${o.year}|${o.areaCode}`, o);
    for (const r of rows) {
      const where = `${revisionsTable.file}: ${r.measure} ${r.year} ${r.areaCode}`;
      const o = index.get(`${r.measure}|${r.year}|${r.areaCode}`);
      if (!o) throw new Error(`${where}: no such figure in data/`);
      const same = o.count.kind === r.kept.kind && (o.count.kind === 'value' ? r.kept.kind === 'value' && r.kept.value === o.count.value : r.kept.kind === 'missing' && r.kept.status === o.count.status);
      if (!same || o.sourceId !== r.keptSource) throw new Error(`${where}: kept figure and release (${r.keptSource}) differ from data/ (${o.sourceId})`);
    }
    return rows;
  });
}

/** A release's citation and publication date (sources.csv lists every release, including those a later one revised). */
function releaseOf(id: string, sources: ReadonlyMap<string, Source>): ReleaseInfo | undefined {
  const s = sources.get(id);
  if (!s) return undefined;
  return { id, citation: `${s.publisher}, ${s.title}, ${s.release}${s.table ? `, ${s.table}` : ''}`, url: s.url, published: s.published, publishedBy: publishedBy(s.published) };
}

/** The claim engine's view of data/. */
export function claimData(): ClaimData {
  return memo('data', () => {
    const measures = new Map(loadMeasures().map((m) => [m.id, m]));
    const areas = areaByCode();
    const sources = sourceById();
    const earlier = new Map<string, ObservedFigure[]>();
    for (const r of loadRevisions()) {
      const k = `${r.measure}|${r.areaCode}|${r.year}`;
      earlier.set(k, [...(earlier.get(k) ?? []), { cell: r.other, sourceId: r.otherSource }]);
    }
    const releases = new Map<string, ReleaseInfo | undefined>();
    const release = (id: string) => {
      if (!releases.has(id)) releases.set(id, releaseOf(id, sources));
      return releases.get(id);
    };
    // Older releases, oldest first.
    for (const list of earlier.values()) list.sort((a, b) => (release(a.sourceId)?.publishedBy ?? 0) - (release(b.sourceId)?.publishedBy ?? 0));
    const obs = new Map<string, ReturnType<typeof observationsFor>[number]>();
    const indexed = new Set<string>();
    const cwip = loadTable(cwipTable).filter((r) => r.sourceId === 'cwip-final-report' && r.kind === 'rate');
    return {
      measure(id) {
        const m = measures.get(id);
        return m && { id: m.id, label: m.label, shortLabel: m.shortLabel, period: m.period, countUnit: m.countUnit, hasRate: m.hasRate, firstYear: m.firstYear, lastYear: m.lastYear };
      },
      figure(measure, area, year, unit) {
        if (!indexed.has(measure)) {
          for (const o of observationsFor(measure)) obs.set(`${o.measure}|${o.areaCode}|${o.year}`, o);
          indexed.add(measure);
        }
        const o = obs.get(`${measure}|${area}|${year}`);
        if (!o) return undefined;
        return { cell: unit === 'rate' ? o.rate : o.count, sourceId: unit === 'rate' && o.rateSourceId ? o.rateSourceId : o.sourceId };
      },
      earlier: (measure, area, year) => earlier.get(`${measure}|${area}|${year}`) ?? [],
      breaks: (measure) => breaksFor(measure).map((b) => ({ year: b.year, appliesTo: b.appliesTo, label: b.label, before: b.before, kind: b.kind, note: b.note })),
      release,
      areaName: (code) => areas.get(code)?.name ?? code,
      cwip(country, measure): CwipPoint[] {
        return cwip
          .filter((r) => r.country === country && r.measure.split(' ')[0] === measure && r.decile !== undefined && r.ratePer10k !== undefined)
          .map((r) => ({
            decile: r.decile!,
            value: r.ratePer10k!,
            // Whole numbers as published: each could be up to half a unit either way.
            halfWidth: Number.isInteger(r.ratePer10k!) ? 0.5 : 0.05,
            sourceId: r.sourceId,
            measureLabel: r.measure,
            year: r.year,
            certainty: r.certainty,
          }));
      },
    };
  });
}

export interface CheckedClaim {
  readonly quote: Quote;
  readonly spec: ClaimSpec;
  readonly result: ClaimResult;
}

/** Every claim, evaluated on today's data, in the order of quotes.csv. */
export function allClaims(): readonly CheckedClaim[] {
  return memo('claims', () => {
    const quotes = loadQuotes();
    const specs = new Map(loadClaimSpecs().map((s) => [s.quote, s]));
    const data = claimData();
    return quotes.flatMap((q) => {
      const spec = specs.get(q.id);
      return spec ? [{ quote: q, spec, result: evaluateClaim(data, spec, q.date) }] : [];
    });
  });
}

export function claimById(id: string): CheckedClaim | undefined {
  return allClaims().find((c) => c.quote.id === id);
}

/** Claims that speak of a measure (for its page's quote panel and for related claims). */
export function claimsOfMeasure(measureId: string): readonly CheckedClaim[] {
  return allClaims().filter((c) => c.result.measures.includes(measureId) || c.quote.measureId === measureId);
}
