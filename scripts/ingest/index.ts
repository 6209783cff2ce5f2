/**
 * The ingest: raw public releases (RAW_DIR, default ../shared/data/raw) → tidy, validated files in
 * data/ (or the folder given with --out). Run with `npm run data`. Fails loudly, naming file, row,
 * column and value, on anything unexpected.
 */
import { readFileSync, rmSync } from 'node:fs';
import { HAND_WRITTEN, MANIFEST_FILE, manifestEntry } from '../../lib/data/manifest';
import { checkManifest, listFiles, validateDataDir } from '../../lib/data/validate';
import path from 'node:path';
import { areasTable, childrenInNeedTable, DFE_MEASURE_IDS, laitTable, lookedAfterTable, measuresTable, populationTable, quotesTable, section47Table, sourcesTable, type DfeMeasureId } from '../../lib/schema/tables';
import { cwipTable, deprivationDecilesTable } from '../../lib/schema/deprivation';
import { assessmentFactorsTable, breaksTable, factorLabelsTable, neighboursTable } from '../../lib/schema/pathway';
import { districtsTable, postcodeDistrictsTable, postcodeRangesTable } from '../../lib/schema/postcodes';
import { updatesTable } from '../../lib/schema/updates';
import { buildAreas, type AreaIndex } from './areas';
import { buildBreaks } from './breaks';
import { DFE_MEASURES } from './catalogue';
import { readCin } from './cin';
import { checkCouncilSums, checkHeadlines, checkRowIdentities, checkRunBounds, RUN_BOUNDS, SUM_TOLERANCE } from './identities';
import { readCla } from './cla';
import { buildCwip } from './cwip';
import { buildDeprivation, type DeprivationSummary } from './deprivation';
import { buildFactors } from './factors';
import { buildNeighbours } from './neighbours';
import { readPlacements } from './placements';
import type { IngestContext } from './context';
import { ObservationSet, revisionsCsv, type EnglandRateChoice } from './observations';
import { buildPopulation } from './population';
import { buildPostcodes } from './postcodes';
import { buildGeo } from './geo';
import { buildLait } from './lait';
import { buildQuotes } from './quotes';
import { compareRates, rateCheckCsv } from './rate-check';
import { toCsv } from '../../lib/csv';
import { ENGLAND } from './areas';
import { RawDir, yearCell } from './raw';
import { SOURCE_DEFS, sourceDef } from './sources';
import { fmtNum, writeOut, writeTable, type TidyRecord } from './write';

export interface IngestResult {
  readonly files: string[];
}

export function runIngest(rawDir: string, outDir: string): IngestResult {
  const raw = new RawDir(rawDir);
  const lastDataYear = latestYear(raw);
  const areas = buildAreas(raw, lastDataYear);
  const used = new Set<string>();
  const reports = new Map<string, string>();
  const ctx: IngestContext = {
    raw,
    areas,
    lastDataYear,
    useSource: (id) => {
      sourceDef(id);
      used.add(id);
      return id;
    },
    report: (name, content) => reports.set(name, content),
  };

  // Clean output of generated folders so a removed file does not linger.
  rmSync(path.join(outDir, 'reports'), { recursive: true, force: true });

  const populations = buildPopulation(ctx);

  const obs = new ObservationSet(new Set(DFE_MEASURE_IDS.filter((id) => DFE_MEASURES[id].countUnit === '%')));
  const cin = readCin(ctx, obs);
  const cla = readCla(ctx, obs);
  const placements = readPlacements(ctx, obs);
  const identities = checkRowIdentities(ctx);
  const headlines = checkHeadlines(ctx, obs);
  const rateless = new Set(DFE_MEASURE_IDS.filter((id) => !DFE_MEASURES[id].hasRate));
  const { rows, revisions, englandRates } = obs.resolve(ctx, populations, rateless);
  checkPlacementTotals(rows, placements.lookedAfterTotals);
  const sums = checkCouncilSums(rows, areas);

  const byFile = new Map<string, TidyRecord[]>();
  for (const r of rows) {
    const m = DFE_MEASURES[r.measure as DfeMeasureId];
    if (!m) throw new Error(`measure ${r.measure} has no catalogue entry`);
    const list = byFile.get(m.file) ?? [];
    list.push(r);
    byFile.set(m.file, list);
  }
  writeTable(outDir, childrenInNeedTable, byFile.get(childrenInNeedTable.file) ?? []);
  writeTable(outDir, section47Table, byFile.get(section47Table.file) ?? []);
  writeTable(outDir, lookedAfterTable, byFile.get(lookedAfterTable.file) ?? []);
  writeTable(outDir, populationTable, populations.rows());

  const lait = buildLait(ctx);
  writeTable(outDir, laitTable, lait.rows);
  writeTable(outDir, updatesTable, lait.updates);
  const rateChecks = compareRates(rows, lait.publishedRates, populations, areas);
  ctx.report('rate-check.csv', rateCheckCsv(rateChecks));
  checkRunBounds(revisions, rateChecks);
  ctx.report('england-rates.csv', englandRatesCsv(rows, lait.publishedRates));

  const deprivation = buildDeprivation(ctx);
  writeTable(outDir, deprivationDecilesTable, deprivation.deciles);
  writeTable(outDir, cwipTable, buildCwip(ctx));
  writeTable(outDir, areasTable, areaRows(areas, deprivation.summaries));
  rmSync(path.join(outDir, 'geo'), { recursive: true, force: true });
  for (const f of buildGeo(ctx)) writeOut(outDir, f.path, f.content);
  writeTable(outDir, quotesTable, buildQuotes(ctx));
  writeTable(outDir, neighboursTable, buildNeighbours(ctx));
  const factors = buildFactors(ctx);
  writeTable(outDir, factorLabelsTable, factors.labels);
  writeTable(outDir, assessmentFactorsTable, factors.rows);
  const postcodes = buildPostcodes(ctx);
  writeTable(outDir, postcodeRangesTable, postcodes.ranges);
  writeTable(outDir, postcodeDistrictsTable, postcodes.districts);
  writeTable(outDir, districtsTable, postcodes.names);

  const share = identities.childShareOfPlans;
  const pct = (x: number) => `${(Math.floor(x * 1000) / 10).toFixed(1)}%`;
  const facts: Record<string, string> = { '%CHILD_PLAN_SHARE%': `${pct(share.min)} to ${pct(share.max)} (${share.from - 1}-${String(share.from).slice(2)} to ${share.to - 1}-${String(share.to).slice(2)})` };
  const measureRows: TidyRecord[] = [...DFE_MEASURE_IDS.map((id) => catalogueRow(id, rows, facts)), ...lait.measures];
  writeTable(outDir, measuresTable, measureRows);
  const spans = new Map(measureRows.map((m) => [String(m.id), { first: Number(m.first_year), last: Number(m.last_year) }]));
  writeTable(outDir, breaksTable, buildBreaks(ctx, spans));

  // The releases a later one revised are sources too: revisions.csv names them, and claims quote their figures of the time.
  for (const r of revisions) ctx.useSource(r.otherSource);
  writeTable(
    outDir,
    sourcesTable,
    [...used].sort().map((id) => {
      const s = sourceDef(id);
      return { source_id: s.id, publisher: s.publisher, title: s.title, series: s.series, release: s.release, table: s.table, file: s.file, url: s.url, licence: s.licence, published: s.published, notes: s.notes };
    }),
  );

  ctx.report('revisions.csv', revisionsCsv(revisions));
  ctx.report(
    'ingest-report.md',
    [
      '# Ingest report',
      '',
      `Generated by \`npm run data\` from the raw releases. Latest data year: ${lastDataYear}.`,
      '',
      '## Rule when releases disagree',
      '',
      'For each measure, year and area the latest release covering the year wins; within one release, a file that also publishes the rate is preferred (the counts must then agree, or the ingest stops). Every figure an older release gave differently is listed in `revisions.csv` (kept value and source, other value and source).',
      '',
      `- Figures changed by a later release: ${revisions.length} (by measure: ${countBy(revisions, (r) => r.measure)}).`,
      `- England figures changed by a later release: ${revisions.filter((r) => r.areaCode === 'E92000001').length}.`,
      '',
      '## Computed rates against DfE-published rates',
      '',
      `Rates computed here compared with the rates DfE publishes in LAIT for the same measure, year and area (\`rate-check.csv\`): ${rateChecks.filter((c) => c.match).length} of ${rateChecks.length} within rounding (${((100 * rateChecks.filter((c) => c.match).length) / Math.max(1, rateChecks.length)).toFixed(2)}%). By measure: ${countBy(rateChecks.filter((c) => !c.match), (c) => c.measure) || 'no mismatches'}.`,
      '',
      '## Identities checked',
      '',
      "Besides the per-row identities (re-referrals ≤ referrals, children ≤ enquiries and conferences, repeat plans ≤ plans started, DfE's percentages = their counts' ratio):",
      '',
      `- Councils add up to their region and England within DfE's rounding (${SUM_TOLERANCE * 100}%, or 10, plus 5 per suppressed council): ${sums.checked} totals checked; ${sums.skipped} not checked because a council's figure was withheld and DfE substituted it in the total. Largest gap: ${sums.largest ? `${sums.largest.measure} ${sums.largest.year} ${sums.largest.area}, ${sums.largest.diff} (${(100 * sums.largest.share).toFixed(2)}%)` : 'none'}.`,
      `- National figures equal each release's own headline figures: ${headlines} figures checked.`,
      `- Run bounds: at most ${RUN_BOUNDS.maxRevisions} figures revised between releases (${RUN_BOUNDS.maxEnglandRevisions} for England), at least ${100 * RUN_BOUNDS.minRateAgreement}% of computed rates within rounding of DfE's.`,
      '',
      '## England rates taken from the councils\' release',
      '',
      "Where the councils' rates of a measure and year are DfE's own but England's count comes from a release without a rate (the revised national time series of children looked after), England's rate is the one DfE published in the councils' release, so England and the councils share a denominator (`rate_source_id` in the data; every England year in `england-rates.csv`):",
      '',
      ...englandRates.map((e) => `- ${e.measure} ${e.year}: ${fmtNum(e.rate)} per 10,000 from ${e.rateSource} (which gave England ${fmtNum(e.rateCount)}; the count kept is ${fmtNum(e.count)} from ${e.countSource}).`),
      '',
      '## Rows deliberately not taken',
      '',
      `- Inner and Outer London rows (E13, sub-regional splits): ${cin.skippedSubregionRows + cla.skippedSubregionRows}.`,
      `- Rows for councils in years before they existed or after they were abolished, all marked \`z\` by DfE: ${cla.droppedNonexistent}.`,
      `- Rows of measures this explorer does not show (children ceasing to be looked after): ${cla.skippedOtherMeasures}.`,
      `- Placement stability rows not shown (DfE's two-year measure, 3 or more placements in the previous 2 years) or sub-regional: ${placements.skippedRows}; rows for councils that did not exist, marked \`z\`: ${placements.droppedNonexistent}.`,
      '',
    ].join('\n'),
  );
  for (const [name, content] of [...reports].sort(([a], [b]) => a.localeCompare(b))) writeOut(outDir, path.join('reports', name), content);

  // What the build will check, checked before the manifest blesses it: the ingest can never write
  // a data folder the site would refuse.
  validateDataDir(outDir, { manifest: false });
  const files = listFiles(outDir).filter((f) => f !== MANIFEST_FILE && !HAND_WRITTEN.has(f)).sort();
  const manifest = { generator: 'npm run data', files: Object.fromEntries(files.map((f) => [f, manifestEntry(f, readFileSync(path.join(outDir, f), 'utf8'))])) };
  writeOut(outDir, MANIFEST_FILE, JSON.stringify(manifest, null, 2) + '\n');
  checkManifest(outDir);
  return { files };
}

function countBy<T>(xs: readonly T[], key: (x: T) => string): string {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ');
}

function latestYear(raw: RawDir): number {
  const csv = raw.csv('dfe-cin/ees-2025-release/b1_children_in_need_2013_to_2025.csv');
  return Math.max(...csv.rows.map((r) => yearCell(csv, r, 'time_period', 2013, 2100)));
}

function catalogueRow(id: DfeMeasureId, rows: readonly TidyRecord[], facts: Readonly<Record<string, string>>): TidyRecord {
  const m = DFE_MEASURES[id];
  const fill = (t: string) => t.replace(/%[A-Z_]+%/g, (k) => {
    const v = facts[k];
    if (v === undefined) throw new Error(`catalogue text of ${id} uses unknown ${k}`);
    return v;
  });
  const mine = rows.filter((r) => r.measure === id);
  const years = mine.map((r) => Number(r.year));
  const sources = [...new Set(mine.map((r) => String(r.source_id)))].sort();
  return {
    id,
    label: m.label,
    short_label: m.shortLabel,
    definition: fill(m.definition),
    group: m.group,
    kind: m.kind,
    period: m.kind === 'flow' ? 'reporting-year' : '31-march',
    count_unit: m.countUnit,
    has_count: 'yes',
    has_rate: m.hasRate ? 'yes' : 'no',
    first_year: Math.min(...years),
    last_year: Math.max(...years),
    sources: sources.join('|'),
    caveats: fill(m.caveats),
    file: m.file,
    polarity: 'neutral',
    core: m.core ? 'yes' : 'no',
    denominator: m.denominator ?? '',
  };
}

/** "C4 of DfE's Children in need, reporting year 2025 (2024-25)" for a raw file. */
function tableOf(file: string): string {
  const s = [...SOURCE_DEFS.values()].find((d) => d.file === file);
  return s ? `table ${s.table.split(':')[0]} of ${s.title}, ${s.release}` : file;
}

function areaRows(areas: AreaIndex, summaries: ReadonlyMap<string, DeprivationSummary>): TidyRecord[] {
  const n = (v: number | undefined) => (v === undefined ? '' : fmtNum(v));
  return areas.all
    .map((a) => {
      const d = summaries.get(a.code);
      if (!d) throw new Error(`no deprivation summary for ${a.code}`);
      return {
        code: a.code,
        name: a.name,
        level: a.level,
        region_code: a.regionCode ?? '',
        la_number: a.laNumber ?? '',
        first_year: a.firstYear,
        last_year: a.lastYear ?? '',
        predecessors: a.predecessors.join('|'),
        successors: a.successors.join('|'),
        former_codes: a.formerCodes.join('|'),
        change_note: [areas.formerCodeNote(a, tableOf), a.changeNote].filter(Boolean).join(' '),
        imd_avg_score: n(d.imdAvgScore),
        imd_avg_score_rank: n(d.imdAvgScoreRank),
        imd_share_most_deprived_10pc: n(d.imdShareMostDeprived10),
        idaci_avg_score: n(d.idaciAvgScore),
        idaci_avg_score_rank: n(d.idaciAvgScoreRank),
        deprivation_basis: d.basis,
        deprivation_note: d.note,
      };
    })
    .sort((x, y) => x.code.localeCompare(y.code));
}

/** The placement stability file's children looked after on 31 March must be the looked-after series' count. */
function checkPlacementTotals(rows: readonly TidyRecord[], totals: ReadonlyMap<string, { count: { kind: string; value?: number }; row: number }>): void {
  const la = new Map(rows.filter((r) => r.measure === 'looked-after').map((r) => [`${r.area_code}|${r.year}`, r]));
  for (const [key, t] of totals) {
    const r = la.get(key);
    if (!r || t.count.kind !== 'value' || r.count_status !== 'ok') continue;
    if (Number(r.count) !== t.count.value) {
      throw new Error(`dfe-csc-extra/la_cla_placement_stability.csv: row ${t.row}: ${t.count.value} children looked after on 31 March (${key}) but the looked-after series has ${r.count} (${r.source_id})`);
    }
  }
}

/**
 * England's rate, every year and core measure: the rate kept, whether DfE's or computed here, and
 * every rate DfE published for England that year (LAIT), so that the choice can be checked.
 */
function englandRatesCsv(rows: readonly TidyRecord[], lait: readonly { measure: string; year: number; areaCode: string; rate?: number }[]): string {
  const pub = new Map(lait.filter((p) => p.areaCode === ENGLAND && p.rate !== undefined).map((p) => [`${p.measure}|${p.year}`, p.rate!]));
  const out = rows
    .filter((r) => r.area_code === ENGLAND && r.rate_origin !== '')
    .map((r) => {
      const p = pub.get(`${r.measure}|${r.year}`);
      const kept = r.rate_status === 'ok' ? Number(r.rate_per_10k) : undefined;
      // within half a unit of each rate's own precision (whole numbers or one decimal)
      const half = (x: number) => (Number.isInteger(x) ? 0.5 : 0.05);
      const agree = p === undefined || kept === undefined ? '' : Math.abs(kept - p) <= half(kept) + half(p) + 1e-9 ? 'yes' : 'no';
      return { measure: r.measure, year: r.year, rate_kept: r.rate_per_10k, rate_origin: r.rate_origin, rate_source: r.rate_source_id || r.source_id, dfe_lait_rate: p === undefined ? '' : fmtNum(p), agree };
    });
  return toCsv(['measure', 'year', 'rate_kept', 'rate_origin', 'rate_source', 'dfe_lait_rate', 'agree'], out);
}

if (require.main === module) {
  const outIdx = process.argv.indexOf('--out');
  const outDir = outIdx > 0 ? process.argv[outIdx + 1]! : path.join(process.cwd(), 'data');
  const rawDir = process.env.RAW_DIR ?? path.join(process.cwd(), '..', 'shared', 'data', 'raw');
  const t0 = Date.now();
  runIngest(rawDir, outDir);
  console.log(`ingest: wrote ${outDir} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
