
/**
 * View state of a measure page ⇄ query string (DESIGN §4). Parsed with zod; a bad or unknown
 * parameter falls back to the default with a notice (never a crash); only values that differ from
 * the defaults are written back. Pure: no window, no React.
 */
export const VIEWS = ['chart', 'map', 'rank', 'table', 'sources'] as const;
export type View = (typeof VIEWS)[number];
export const PLOTS = ['dots', 'funnel'] as const;
export type Plot = (typeof PLOTS)[number];
/** Table view: the compared areas over the years, or every council in one year. */
export const TABLE_MODES = ['areas', 'councils'] as const;
export type TableMode = (typeof TABLE_MODES)[number];
/** Table view: order of the year columns (newest first, so the latest figures are seen first on a phone). */
export const YEAR_ORDERS = ['newest', 'oldest'] as const;
export type YearOrder = (typeof YEAR_ORDERS)[number];
export const MAX_AREAS = 8;

export interface ViewState {
  readonly view: View;
  /** Selected areas (GSS codes of regions or councils), in the order added. England is always shown. */
  readonly areas: readonly string[];
  readonly year: number;
  readonly from: number;
  readonly to: number;
  readonly unit: 'rate' | 'count';
  /** Show every region's line on the trend chart. */
  readonly regions: boolean;
  /** Rank view: dot plot or funnel plot. */
  readonly plot: Plot;
  /** Table view: compared areas over time, or all councils in `year`. */
  readonly table: TableMode;
  /** Table view: year columns newest or oldest first. */
  readonly order: YearOrder;
}

export interface StateContext {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Codes that may be selected (regions and councils of this measure). */
  readonly areaCodes: ReadonlySet<string>;
  readonly hasRate: boolean;
  readonly hasCount: boolean;
}

export interface Notice {
  readonly param: string;
  readonly message: string;
  /** Nothing was wrong, the link just asked for what is shown anyway (England's code): said, not warned. */
  readonly info?: boolean;
}

export const PARAMS = ['view', 'areas', 'year', 'from', 'to', 'unit', 'regions', 'plot', 'table', 'order'] as const;

export function defaultState(ctx: StateContext): ViewState {
  return { view: 'chart', areas: [], year: ctx.lastYear, from: ctx.firstYear, to: ctx.lastYear, unit: ctx.hasRate ? 'rate' : 'count', regions: false, plot: 'dots', table: 'areas', order: 'newest' };
}

/**
 * Characters that can hide or reorder echoed text, so a link could make a notice say something
 * else: C0 and C1 controls, zero-width characters and bidi marks (U+200B-U+200F), bidi embeddings
 * and overrides (U+202A-U+202E), bidi isolates (U+2066-U+2069), line and paragraph separators,
 * the Arabic letter mark and the byte order mark.
 */
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Show at most 40 characters of what the user typed, without the characters above (React escapes it; this keeps notices short and literal). */
export function shown(raw: string): string {
  const s = raw.replace(UNSAFE_CHARS, '');
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * The notice of an embed: inside another site's page, nothing from the link is echoed (the host
 * chose the link, so echoed text would read as ours). Only the names of settings this site
 * defines are given; unknown names and all values are counted, never shown.
 */
export function embedNotice(all: readonly Notice[]): string | undefined {
  const notices = all.filter((n) => !n.info);
  if (notices.length === 0) return undefined;
  const known = (PARAMS as readonly string[]).filter((p) => notices.some((n) => n.param === p));
  const unknown = new Set(notices.map((n) => n.param).filter((p) => !(PARAMS as readonly string[]).includes(p))).size;
  const count = known.length + unknown;
  const which = known.length ? ` (${known.map((p) => `“${p}”`).join(', ')}${unknown ? ` and ${unknown === 1 ? 'an unknown one' : `${unknown} unknown ones`}` : ''})` : '';
  return count === 1 ? `A setting in this link was ignored${which}; the default is shown.` : `${count} settings in this link were ignored${which}; the defaults are shown.`;
}

/** Query string of a state: only what differs from the defaults, in a fixed order ('' when all default). */
export function serializeViewState(s: ViewState, ctx: StateContext): string {
  const d = defaultState(ctx);
  const q = new URLSearchParams();
  if (s.view !== d.view) q.set('view', s.view);
  if (s.areas.length) q.set('areas', s.areas.join(','));
  if (s.year !== d.year) q.set('year', String(s.year));
  if (s.from !== d.from) q.set('from', String(s.from));
  if (s.to !== d.to) q.set('to', String(s.to));
  if (s.unit !== d.unit) q.set('unit', s.unit);
  if (s.regions !== d.regions) q.set('regions', s.regions ? '1' : '0');
  if (s.plot !== d.plot) q.set('plot', s.plot);
  if (s.table !== d.table) q.set('table', s.table);
  if (s.order !== d.order) q.set('order', s.order);
  const str = q.toString().replace(/%2C/g, ',');
  return str ? `?${str}` : '';
}
