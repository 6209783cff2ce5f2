import type { PeriodType } from './schema/tables';
import { STATUS_LABEL, type Cell } from './status';

/**
 * Wording of numbers and years, the DfE way. Pure functions, shared by pages, charts, citations,
 * alt text and downloads.
 */

/** "2024-25" for flows counted over a reporting or financial year; "31 March 2025" for snapshots. */
export function formatYear(period: PeriodType, year: number): string {
  switch (period) {
    case 'reporting-year':
    case 'financial-year':
      return `${year - 1}-${String(year).slice(2)}`;
    case '31-march':
      return `31 March ${year}`;
    case '30-september':
      return `30 September ${year}`;
    case 'year':
      return String(year);
  }
}

/** Short form for axes: "2024-25", "2025". */
export function formatYearShort(period: PeriodType, year: number): string {
  return period === 'reporting-year' || period === 'financial-year' ? `${year - 1}-${String(year).slice(2)}` : String(year);
}

const viaIntl: Intl.NumberFormat[] = [];

/**
 * `n` with at most `digits` decimals, exactly as Intl.NumberFormat('en-GB', { maximumFractionDigits })
 * writes it — the double's shortest decimal, rounded half away from zero, commas between thousands,
 * no trailing zeros — but without Intl: a page's first Intl.NumberFormat loads ICU's locale data,
 * which costs a phone ~50 ms of main thread, most of a chart's hydration. Intl still writes what this
 * does not (exponents, infinities); tests/unit/format.test.ts holds the two to the same output.
 */
export function formatFixed(n: number, digits: number): string {
  const abs = String(Math.abs(n));
  if (!Number.isFinite(n) || abs.includes('e')) return (viaIntl[digits] ??= new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits })).format(n);
  const dot = abs.indexOf('.');
  let int = dot < 0 ? abs : abs.slice(0, dot);
  let frac = dot < 0 ? '' : abs.slice(dot + 1);
  if (frac.length > digits) {
    const up = frac[digits]! >= '5';
    frac = frac.slice(0, digits);
    if (up) {
      // One more in the last place kept, carrying through nines.
      const d = (int + frac).split('');
      let i = d.length - 1;
      while (i >= 0 && d[i] === '9') d[i--] = '0';
      if (i < 0) d.unshift('1');
      else d[i] = String(Number(d[i]) + 1);
      int = d.slice(0, d.length - frac.length).join('');
      frac = d.slice(d.length - frac.length).join('');
    }
    frac = frac.replace(/0+$/, '');
  }
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${int.replace(/\B(?=(\d{3})+$)/g, ',')}${frac ? `.${frac}` : ''}`;
}

const intFmt = { format: (n: number) => formatFixed(n, 0) };
const decFmt = { format: (n: number) => formatFixed(n, 1) };

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? intFmt.format(n) : decFmt.format(n);
}

/** A count in its unit: "230,590", "£5.3bn", "28.1%". */
export function formatCount(n: number, unit: string): string {
  if (unit === '£') {
    const abs = Math.abs(n);
    if (abs >= 1e9) return `£${decFmt.format(n / 1e9)}bn`;
    if (abs >= 1e6) return `£${decFmt.format(n / 1e6)}m`;
    return `£${intFmt.format(n)}`;
  }
  if (unit === '%') return `${decFmt.format(n)}%`;
  return formatNumber(n);
}

export function formatRate(n: number): string {
  return decFmt.format(n);
}

/** A cell as text: the number, or why it is missing ("suppressed"). */
export function formatCell(c: Cell, fmt: (n: number) => string = formatNumber): string {
  return c.kind === 'value' ? fmt(c.value) : STATUS_LABEL[c.status];
}

/** Percentage change from a to b, e.g. "+163%" (whole percent; one decimal below 10%). */
export function formatChange(from: number, to: number): string {
  const pct = ((to - from) / from) * 100;
  const abs = Math.abs(pct);
  const s = abs < 10 ? decFmt.format(abs) : intFmt.format(Math.round(abs));
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${s}%`;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${decFmt.format(n / 1024 / 1024)} MB` : `${intFmt.format(Math.ceil(n / 1024))} kB`;
}

/** English ordinal: 1st, 2nd, 3rd, 11th, 22nd. */
export function formatOrdinal(n: number): string {
  const t = n % 100;
  const suffix = t >= 11 && t <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as written in the data ("2021-06-17", "2021-06", "") in words: "17 June 2021", "June 2021", "". */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const month = MONTH_NAMES[Number(m[2]) - 1] ?? m[2];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}
