'use client';

import { type ReactNode, startTransition, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { AreaMap, NO_FIGURE, type AreaFill } from '@/components/charts/AreaMap';
import { MapLegend, type MissingArea } from '@/components/charts/MapLegend';
import { ChartFrame } from '@/components/frame/ChartFrame';
import { useFrameMode } from '@/components/frame/FrameMode';
import { profilePath } from '@/lib/areas/identity';
import { areaMap, cellAt, councilsIn, stateContextOf } from '@/lib/explorer/access';
import { describeMap } from '@/lib/explorer/alt';
import { makeShare, yearCsv } from '@/lib/explorer/share';
import type { ViewState } from '@/lib/view-state';
import { chartTitle, rateNote, sourcesShown, unitLabel } from '@/lib/explorer/describe';
import type { MeasureData, MeasureMeta, Unit } from '@/lib/explorer/types';
import { formatCount, formatNumber, formatOrdinal, formatRate, formatYear } from '@/lib/format';
import { boundaryMapFrom, checkMapsFile, hexMapFrom, MAP_HEIGHT, MAP_WIDTH, MAPS_FILE, type MapsFile } from '@/lib/geo/maps-file';
import { GEO_DIR, geoYear, geoYears } from '@/lib/geo/vintage';
import { binOf, makeBins, type Bins } from '@/lib/stats/bins';
import { STATUS_LABEL, STATUS_MEANING, type MissingStatus } from '@/lib/status';
import styles from './MapView.module.css';

export interface MapViewProps {
  readonly data: MeasureData;
  readonly unit: Unit;
  readonly year: number;
  readonly selected: readonly string[];
  readonly onToggleArea: (code: string) => void;
  /** Where data/geo/ is served; default '/data/geo/'. */
  readonly geoBase?: string;
  /** The explorer's view state, for the share kit's permalink and embed (absent: no share kit). */
  readonly state?: ViewState;
}

/** Both maps are drawn in this viewBox. */
const W = MAP_WIDTH;
const H = MAP_HEIGHT;

// --- geometry, fetched once per page (module-level promise cache) --------------------------------

const mapsCache = new Map<string, Promise<MapsFile>>();

/**
 * Fetch the maps of every year (data/geo/maps.json, projected at build time: lib/geo/maps-file.ts)
 * from `base` once; a failed load can be retried.
 */
export function loadMaps(base = '/data/geo/'): Promise<MapsFile> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const name = MAPS_FILE.slice(GEO_DIR.length + 1);
  let p = mapsCache.get(root);
  if (!p) {
    p = fetch(root + name).then(async (res) => {
      if (!res.ok) throw new Error(`could not load ${name} (HTTP ${res.status})`);
      return checkMapsFile(await res.json(), W, H);
    });
    mapsCache.set(root, p);
    const mine = p;
    p.catch(() => {
      if (mapsCache.get(root) === mine) mapsCache.delete(root);
    });
  }
  return p;
}

type GeoState = { status: 'loading' } | { status: 'ready'; geo: MapsFile } | { status: 'error'; message: string };

/** A task of its own for what follows (a macrotask: the browser may paint and handle input first). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The maps file, ready to draw at `year`. Writing the year's two maps' paths takes a phone ~30 ms
 * each; they are written here, a task each, before the state changes (memoised in lib/geo/maps-file,
 * so the render reuses them), and the first draw is a transition, which React renders in slices.
 * Without this the three were one task of ~120 ms at 4× CPU slowdown.
 */
function useMaps(base: string, attempt: number, year: number): GeoState {
  const [state, setState] = useState<GeoState>({ status: 'loading' });
  // The year when the file arrives; a later year change does not refetch.
  const yearNow = useRef(year);
  useEffect(() => {
    yearNow.current = year;
  }, [year]);
  useEffect(() => {
    let live = true;
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    loadMaps(base)
      .then(async (geo) => {
        const row = geoYear(geo.vintages, yearNow.current);
        if (row) {
          await nextTask();
          hexMapFrom(geo, row.hexLayout);
          await nextTask();
          boundaryMapFrom(geo, row.boundaryVintage);
          await nextTask();
        }
        return geo;
      })
      .then(
        (geo) => live && startTransition(() => setState({ status: 'ready', geo })),
        (e: unknown) => live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
  }, [base, attempt]);
  return state;
}

// --- wording ----------------------------------------------------------------------------------

function valueText(m: MeasureMeta, unit: Unit, v: number): string {
  if (unit === 'rate') return `${formatRate(v)} per 10,000 children`;
  if (m.countUnit === '£' || m.countUnit === '%') return formatCount(v, m.countUnit);
  return `${formatCount(v, m.countUnit)} ${m.countUnit}`;
}

function thresholdFormat(m: MeasureMeta, unit: Unit): (n: number) => string {
  if (unit === 'count' && (m.countUnit === '£' || m.countUnit === '%')) return (n) => formatCount(n, m.countUnit);
  return formatNumber;
}

export interface Rank {
  readonly rank: number;
  readonly tied: boolean;
}

export interface YearView {
  readonly fills: Readonly<Record<string, AreaFill>>;
  readonly values: ReadonlyMap<string, number>;
  readonly status: ReadonlyMap<string, MissingStatus | undefined>;
  readonly ranks: ReadonlyMap<string, Rank>;
  readonly withValue: number;
  readonly missing: readonly MissingArea[];
}

/** Every council value of the measure in a unit, all years (the classes must not change with the year). */
export function binsFor(data: MeasureData, unit: Unit): Bins {
  const table = unit === 'rate' ? data.rate : data.count;
  const values: number[] = [];
  for (const a of data.areas) {
    if (a.level !== 'la') continue;
    for (const p of table[a.code] ?? []) if (typeof p === 'number') values.push(p);
  }
  return makeBins(values, { format: thresholdFormat(data.measure, unit) });
}

/**
 * What a year changes on the maps: each council's class (or why it has none), values, ranks among
 * councils with a figure, and the list of councils drawn hatched. Linear in the number of councils
 * plus one sort; no geometry work.
 */
export function mapYearView(
  data: MeasureData,
  unit: Unit,
  year: number,
  bins: Bins,
  shapeSets: readonly (readonly { readonly code: string; readonly name: string }[])[],
  names: ReadonlyMap<string, { readonly name: string }> = areaMap(data),
): YearView {
  const measure = data.measure;
  const shapeNames = new Map<string, string>();
  for (const set of shapeSets) for (const s of set) if (!shapeNames.has(s.code)) shapeNames.set(s.code, s.name);
  const fills: Record<string, AreaFill> = {};
  const values = new Map<string, number>();
  const status = new Map<string, MissingStatus | undefined>();
  const missing: (MissingArea & { order: number })[] = [];
  // The list is in name order. data.areas is (councils by name, built so), so its order is used:
  // an en-GB comparison would load ICU's collation data, ~20 ms on a phone, in the map's first draw.
  const order = new Map<string, number>();
  for (const code of names.keys()) order.set(code, order.size);
  for (const [code, shapeName] of shapeNames) {
    const c = cellAt(data, unit, code, year);
    const bin = c?.kind === 'value' ? binOf(c.value, bins) : undefined;
    if (c?.kind === 'value' && bin !== undefined) {
      fills[code] = { bin, text: valueText(measure, unit, c.value) };
      values.set(code, c.value);
    } else {
      const st = c?.kind === 'missing' ? c.status : undefined;
      const reason = st ? STATUS_LABEL[st] : NO_FIGURE;
      fills[code] = { missing: reason };
      status.set(code, st);
      missing.push({ name: names.get(code)?.name ?? shapeName, reason, order: order.get(code) ?? Infinity });
    }
  }
  const sorted = [...values].sort((a, b) => b[1] - a[1]);
  const ranks = new Map<string, Rank>();
  let first = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]![1];
    if (i > 0 && sorted[i - 1]![1] !== v) first = i;
    const tied = first !== i || (i + 1 < sorted.length && sorted[i + 1]![1] === v);
    ranks.set(sorted[i]![0], { rank: first + 1, tied });
  }
  // A shape without an area in the data (none, as the ingest checks) goes last, by name.
  missing.sort((a, b) => a.order - b.order || (a.order === Infinity ? a.name.localeCompare(b.name, 'en-GB') : 0));
  return { fills, values, status, ranks, withValue: sorted.length, missing: missing.map(({ name, reason }) => ({ name, reason })) };
}

// --- the view ---------------------------------------------------------------------------------

/**
 * The map view of a measure: a population hex cartogram and a geographic map side by side (stacked
 * on phones), one legend, one info panel for the council under the cursor (shared by both maps),
 * attribution. Geometry is fetched on the client; the year slider lives in the parent.
 */
export function MapView({ data, unit, year, selected, onToggleArea, geoBase = '/data/geo/', state }: MapViewProps) {
  const { measure } = data;
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [attempt, setAttempt] = useState(0);
  const geoState = useMaps(geoBase, attempt, year);
  const geo = geoState.status === 'ready' ? geoState.geo : undefined;
  const [cursor, setCursor] = useState<string | null>(null);
  const embed = useFrameMode() === 'embed';

  const names = useMemo(() => areaMap(data), [data]);
  const bins = useMemo(() => binsFor(data, unit), [data, unit]);

  const row = geo ? geoYear(geo.vintages, year) : undefined;
  const vintage = row?.boundaryVintage;
  const layout = row?.hexLayout;
  // Path strings are written only when the vintage or layout changes (memoised in lib/geo/maps-file).
  const geoMap = useMemo(() => (geo && vintage !== undefined ? boundaryMapFrom(geo, vintage) : undefined), [geo, vintage]);
  const hex = useMemo(() => (geo && layout !== undefined ? hexMapFrom(geo, layout) : undefined), [geo, layout]);

  // Write the other years' paths while the page is idle, one map per callback, so playing through
  // the years never waits for them (each distinct vintage or layout costs a few ms, once).
  useEffect(() => {
    if (!geo) return;
    const todo = geo.vintages.years.flatMap((r) => [() => boundaryMapFrom(geo, r.boundaryVintage), () => hexMapFrom(geo, r.hexLayout)]);
    const idle: (cb: () => void) => number = typeof window.requestIdleCallback === 'function' ? (cb) => window.requestIdleCallback(cb) : (cb) => window.setTimeout(cb, 100);
    const cancel: (h: number) => void = typeof window.cancelIdleCallback === 'function' ? (h) => window.cancelIdleCallback(h) : (h) => window.clearTimeout(h);
    let handle = 0;
    const step = () => {
      const next = todo.shift();
      if (!next) return;
      next();
      handle = idle(step);
    };
    handle = idle(step);
    return () => cancel(handle);
  }, [geo]);

  // Per year: only colours, ranks and the missing list.
  const view = useMemo(
    () => (geoMap && hex ? mapYearView(data, unit, year, bins, [hex.shapes, geoMap.shapes], names) : undefined),
    [geoMap, hex, data, unit, year, bins, names],
  );

  // The council last selected (click, tap or Enter) keeps its figure and profile link on show once the pointer or focus moves on.
  const [picked, setPicked] = useState<string | null>(null);
  const onSelect = useCallback(
    (code: string) => {
      setPicked(code);
      onToggleArea(code);
    },
    [onToggleArea],
  );

  const yearLabel = formatYear(measure.period, year);
  // The councils of this year (the same set both maps draw, checked by the ingest): for the source line.
  const codes = useMemo(() => councilsIn(data, year).map((a) => a.code), [data, year]);
  const legendId = `${uid}-legend`;
  const legendTitle =
    unit === 'rate'
      ? `${measure.shortLabel} per 10,000 children aged 0 to 17`
      : measure.countUnit === '£' || measure.countUnit === '%'
        ? `${measure.shortLabel} (${unitLabel(measure, unit)})`
        : `${measure.shortLabel}: number of ${measure.countUnit}`;
  const years = geo ? geoYears(geo.vintages) : [];

  let body: ReactNode;
  if (geoState.status === 'loading') {
    body = (
      <p className={styles.status} role="status">
        Loading the maps…
      </p>
    );
  } else if (geoState.status === 'error') {
    body = (
      <div className={styles.status} role="alert">
        <p>The maps could not be loaded: {geoState.message}. The rank and table views show the same figures.</p>
        <button type="button" className={styles.retry} onClick={() => setAttempt((a) => a + 1)}>
          Try again
        </button>
      </div>
    );
  } else if (!row || !geoMap || !hex || !view) {
    body = (
      <p className={styles.status} role="status">
        There is no map for {yearLabel}: the maps cover {formatYear(measure.period, years[0]!)} to {formatYear(measure.period, years[years.length - 1]!)}.
      </p>
    );
  } else {
    const cur = cursor ? geoMap.shapes.find((s) => s.code === cursor) : undefined;
    body = (
      <>
        <div className={styles.legend}>
          <MapLegend
            id={legendId}
            title={legendTitle}
            labels={bins.labels}
            colours={bins.colours}
            missing={view.missing}
            note={`The same colour bands in every year, ${formatYear(measure.period, data.years[0]!)} to ${formatYear(measure.period, data.years[data.years.length - 1]!)}, so colours can be compared across years.`}
          />
        </div>
        <div className={`${styles.info} ${cur || picked ? styles.infoActive : ''}`} aria-live="polite" aria-atomic="true">
          {cur ? (
            <Info name={names.get(cur.code)?.name ?? cur.name} code={cur.code} yearLabel={yearLabel} view={view} selected={selected.includes(cur.code)} profile={!embed && cur.code === picked} />
          ) : picked && names.get(picked) ? (
            <Info name={names.get(picked)!.name} code={picked} yearLabel={yearLabel} view={view} selected={selected.includes(picked)} profile={!embed} />
          ) : (
            <p className={styles.hint}>Point at a council, or tab to a map and use the arrow keys, to see its figure. Click, tap or press Enter to add it to the comparison.</p>
          )}
        </div>
        <section className={`${styles.panel} ${styles.hex}`} aria-labelledby={`${uid}-hex`}>
          <h3 id={`${uid}-hex`} className={styles.mapTitle}>
            Hex map: councils sized by population
          </h3>
          <p className={styles.caption} id={`${uid}-hexcap`}>
            Each council is a group of small hexagons, one for about 8,000 residents (at least one each), so councils with more people take more space. Outlines show counties and city regions.
          </p>
          <AreaMap
            title={`Hex cartogram of councils, ${measure.shortLabel}, ${yearLabel}`}
            shapes={hex.shapes}
            fills={view.fills}
            colours={bins.colours}
            selected={selected}
            cursor={cursor}
            onCursorChange={setCursor}
            onSelect={onSelect}
            overlay={hex.groupOutlines}
            labels={hex.labels}
            width={W}
            height={H}
            descId={`${uid}-hexcap ${legendId}`}
          />
        </section>
        <section className={`${styles.panel} ${styles.geo}`} aria-labelledby={`${uid}-geo`}>
          <h3 id={`${uid}-geo`} className={styles.mapTitle}>
            Geographic map
          </h3>
          <p className={styles.caption} id={`${uid}-geocap`}>
            Council boundaries on a map of England; thicker lines are the borders between the nine regions.
          </p>
          <AreaMap
            title={`Map of councils, ${measure.shortLabel}, ${yearLabel}`}
            shapes={geoMap.shapes}
            fills={view.fills}
            colours={bins.colours}
            selected={selected}
            cursor={cursor}
            onCursorChange={setCursor}
            onSelect={onSelect}
            overlay={geoMap.regionBorders}
            outline={geoMap.outline}
            width={W}
            height={H}
            descId={`${uid}-geocap ${legendId}`}
          />
        </section>
        <ul className={styles.attribution} data-export-note="">
          <li>
            Council boundaries as at 31 March {year}
            {row.boundaryVintage !== year - 1 ? ` (drawn with the ONS ${row.boundaryVintage} boundaries; the councils were the same)` : ''}. Hex layout: House of Commons Library {row.hexLayout}.
          </li>
          <li>Hex cartogram: House of Commons Library, Open Parliament Licence v3.0.</li>
          <li>Boundaries: ONS, OGL v3.0, contains OS data © Crown copyright and database right.</li>
        </ul>
      </>
    );
  }

  const title = chartTitle(measure, unit, 'councils in England', yearLabel);
  const sources = sourcesShown(data, codes, [year]);
  const note = rateNote(data, codes, [year], unit);
  // The share kit's figures (description, CSV, citation) follow the year at lower priority, so a
  // year change recolours the maps first and never waits for them.
  const shareYear = useDeferredValue(year);
  const share = useMemo(() => {
    if (!state) return undefined;
    const shareCodes = councilsIn(data, shareYear).map((a) => a.code);
    const shareSources = sourcesShown(data, shareCodes, [shareYear]);
    return makeShare({
      data,
      state: { ...state, view: 'map', year: shareYear, unit },
      ctx: stateContextOf(data),
      title: chartTitle(measure, unit, 'councils in England', formatYear(measure.period, shareYear)),
      sources: shareSources,
      rateNote: rateNote(data, shareCodes, [shareYear], unit),
      description: describeMap(data, unit, shareYear, selected, bins.labels),
      subject: `${measure.label}, ${unitLabel(measure, unit)}, every council in England`,
      from: shareYear,
      to: shareYear,
      csv: yearCsv(data, unit, shareYear),
    });
    // state is read only for what the permalink keeps besides the year; its identity changes every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, unit, shareYear, selected, bins, measure, state?.areas, state?.regions, state?.from, state?.to, state?.plot]);
  return (
    <ChartFrame
      id={`map-${measure.id}`}
      title={title}
      definition={`${measure.definition} Unit: ${unitLabel(measure, unit)}.`}
      sources={sources}
      rateNote={note}
      share={share}
      notes={['Hatched councils have no figure for this year; the legend says why. Select a council (click, or Enter) to add it to the comparison.']}
    >
      <div className={styles.mapView}>{body}</div>
    </ChartFrame>
  );
}

function Info({ name, code, yearLabel, view, selected, profile }: { name: string; code: string; yearLabel: string; view: YearView; selected: boolean; profile: boolean }) {
  const fill = view.fills[code];
  const v = view.values.get(code);
  const r = view.ranks.get(code);
  const st = view.status.get(code);
  return (
    <div className={styles.infoBody}>
      <p className={styles.infoName}>
        {name} <span className={styles.infoYear}>{yearLabel}</span>
      </p>
      {v !== undefined && fill && 'bin' in fill ? (
        <p className={styles.infoValue}>
          <strong>{fill.text}</strong>
          {r && (
            <span className={styles.infoRank}>
              {' '}
              · {r.tied ? 'joint ' : ''}
              {formatOrdinal(r.rank)} highest of {view.withValue} councils with a figure
            </span>
          )}
        </p>
      ) : (
        <p className={styles.infoValue}>
          <strong>No figure: {fill && 'missing' in fill ? fill.missing : NO_FIGURE}.</strong>{' '}
          <span className={styles.infoMeaning}>{st ? STATUS_MEANING[st] : 'DfE published no figure for this council and year.'}</span>
        </p>
      )}
      <p className={styles.infoSel}>{selected ? 'In the comparison: select again (click, tap or Enter) to remove it.' : 'Select (click, tap or Enter) to add it to the comparison.'}</p>
      {profile && (
        <p className={styles.infoSel}>
          <a href={profilePath(code)}>{name}&rsquo;s profile</a>: every figure against England, its region and similar councils.
        </p>
      )}
    </div>
  );
}
