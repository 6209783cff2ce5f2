/** Type-ahead search of areas by name (or GSS code): "black" finds Blackpool and Blackburn with Darwen. */

export interface Searchable {
  readonly code: string;
  readonly name: string;
  readonly level: 'country' | 'region' | 'la';
}

export const normaliseName = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Ranked matches: the whole name starts with the query, then a word starts with it, then the name
 * contains it anywhere; regions before councils at equal rank (there are nine, and "north" should
 * offer North East and North West, not only the eight councils named North…); alphabetical
 * within. A query that looks like a GSS code matches the code. `limit` defaults to 10 (Infinity:
 * every match).
 */
export function searchAreas<T extends Searchable>(areas: readonly T[], query: string, opts: { exclude?: ReadonlySet<string>; limit?: number } = {}): T[] {
  const q = normaliseName(query);
  if (q === '') return [];
  const code = query.trim().toUpperCase();
  const scored: { a: T; score: number }[] = [];
  for (const a of areas) {
    if (opts.exclude?.has(a.code)) continue;
    const n = normaliseName(a.name);
    let score: number | undefined;
    if (/^E\d{2}/.test(code) && a.code.startsWith(code)) score = 0;
    else if (n === q) score = 0;
    else if (n.startsWith(q)) score = 1;
    else if (n.split(' ').some((w, i, ws) => ws.slice(i).join(' ').startsWith(q))) score = 2;
    else if (n.includes(q)) score = 3;
    if (score !== undefined) scored.push({ a, score: score * 10 + (a.level === 'region' ? 0 : a.level === 'la' ? 1 : 2) });
  }
  scored.sort((x, y) => x.score - y.score || x.a.name.localeCompare(y.a.name));
  return scored.slice(0, opts.limit ?? 10).map((s) => s.a);
}
