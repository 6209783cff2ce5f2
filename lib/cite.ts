import type { CitationInput } from './share/types';

/**
 * Citations of a chart's figures, or of one figure, in APA 7, Harvard, BibTeX and plain text. Each
 * names the publisher's release (with its own URL) and table, the data years (or the figure's year
 * and value), this explorer, the permalink of the exact view and the access date. Pure: the caller
 * passes the permalink and the date.
 */
export interface CiteContext {
  readonly input: CitationInput;
  readonly permalink: string;
  readonly accessed: Date;
  readonly siteName: string;
}

export const CITATION_FORMATS = ['apa', 'harvard', 'bibtex', 'plain'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];
export const CITATION_LABELS: Record<CitationFormat, string> = { apa: 'APA 7', harvard: 'Harvard', bibtex: 'BibTeX', plain: 'Plain text' };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dayMonthYear = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const monthDayYear = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** "Children in need, reporting year 2025 (2024-25)". */
function releaseTitle(i: CitationInput): string {
  return `${i.publication}, ${i.release}`;
}

function tableNote(i: CitationInput): string {
  return i.table ? `Table ${i.table.replace(/^Table\s+/i, '')}` : '';
}

function earlier(i: CitationInput): string {
  return i.otherReleases > 0 ? `; earlier years from ${i.otherReleases} earlier release${i.otherReleases > 1 ? 's' : ''}` : '';
}

/** What is cited: "Section 47 enquiries, …, England and Blackpool, 2009-10 to 2024-25" or, for one figure, "…, England, 31 March 2025: 81,770 children". */
function what(i: CitationInput, withEarlier = true): string {
  return `${i.subject}, ${i.dataYears}${i.value ? `: ${i.value}` : withEarlier ? earlier(i) : ''}${i.breakNote ? `; ${i.breakNote}` : ''}`;
}

export function cite(format: CitationFormat, c: CiteContext): string {
  const i = c.input;
  const table = tableNote(i);
  const url = i.releaseUrl;
  switch (format) {
    case 'apa':
      // Author. (Year). Title [Description]. What was used. URL. Retrieved …, from the exact view.
      return `${i.publisher}. (${i.publishedYear}). ${releaseTitle(i)}${table ? ` (${table})` : ''} [Data set]. ${what(i)}.${url ? ` ${url}.` : ''} Retrieved ${monthDayYear(c.accessed)}, from ${c.siteName}: ${c.permalink}`;
    case 'harvard':
      // Author (Year) Title [Data set]. Available at: URL (Accessed: Day Month Year).
      return `${i.publisher} (${i.publishedYear}) ${releaseTitle(i)}${table ? `, ${table}` : ''} [Data set]. ${what(i)}.${url ? ` Available at: ${url}.` : ''} Via ${c.siteName} at: ${c.permalink} (Accessed: ${dayMonthYear(c.accessed)}).`;
    case 'bibtex': {
      const key = `${slugKey(i.publisher)}${i.publishedYear}${slugKey(i.subject).slice(0, 24)}${i.value ? `fig${/\d{4}(?!.*\d{4})/.exec(i.dataYears)?.[0] ?? ''}` : ''}`;
      const esc = (s: string) => s.replace(/[{}\\]/g, '').replace(/([&%$#_])/g, '\\$1');
      return [
        `@misc{${key},`,
        `  author = {{${esc(i.publisher)}}},`,
        `  title = {{${esc(releaseTitle(i))}}${table ? `: ${esc(table)}` : ''}},`,
        `  year = {${i.publishedYear}},`,
        `  howpublished = {${esc(c.siteName)}},`,
        `  note = {${esc(`${what(i)}. Data set${url ? `; release: ${url}` : ''}`)}; accessed ${iso(c.accessed)}},`,
        `  url = {${c.permalink}}`,
        `}`,
      ].join('\n');
    }
    case 'plain':
      return `${what(i, false)}. Source: ${i.publisher}, ${releaseTitle(i)}${table ? `, ${table}` : ''}${i.value ? '' : earlier(i)}${url ? ` (${url})` : ''}. Via ${c.siteName}, ${c.permalink} (accessed ${dayMonthYear(c.accessed)}).`;
  }
}

function slugKey(s: string): string {
  const words = s
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  // "Department for Education" → "dfe"-like initials for multi-word publishers; otherwise the words.
  if (words.length > 2 && s === words.join(' ')) return words.map((w) => w[0]!.toLowerCase()).join('');
  return words.map((w) => w.toLowerCase()).join('');
}
