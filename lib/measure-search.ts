import { normaliseName } from './search';

/** What a measure search looks at: the catalogue's id, labels and topic group. */
export interface SearchableMeasure {
  readonly id: string;
  readonly label: string;
  readonly shortLabel: string;
  readonly group: string;
}

/**
 * Measures whose id, labels or group have a word starting with every word of the query ("care",
 * "section 47", "s47", "social work"), in catalogue order. An empty query matches every measure.
 */
export function searchMeasures<T extends SearchableMeasure>(measures: readonly T[], query: string): T[] {
  const words = normaliseName(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...measures];
  return measures.filter((m) => {
    const haystack = normaliseName(`${m.id} ${m.label} ${m.shortLabel} ${m.group}`).split(' ');
    return words.every((w) => haystack.some((h) => h.startsWith(w)));
  });
}
