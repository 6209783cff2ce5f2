import { EPISODES_WITH_FACTORS } from '../schema/pathway';
import type { Cell } from '../status';
import { sourceRef } from '../explorer/build';
import { factorsShare } from '../explorer/factors';
import { areaByCode, loadFactorLabels, loadFactors, sourceById } from './load';

/**
 * Factors identified at the end of assessment for one area and year (build time): each factor's
 * share of the episodes with factor information, with England's beside it, most common first.
 */
export interface FactorShare {
  readonly factor: string;
  readonly label: string;
  readonly topic: string;
  readonly note: string;
  /** % of the area's episodes with factor information that recorded the factor. */
  readonly share: Cell;
  readonly assessments: Cell;
  readonly englandShare: Cell | undefined;
}

export interface AreaFactors {
  readonly areaCode: string;
  readonly year: number;
  /** Episodes of need with assessment factor information (the base of every share). */
  readonly episodes: Cell;
  readonly factors: readonly FactorShare[];
  readonly sourceId: string;
}

export function factorYears(): number[] {
  return [...new Set(loadFactors().map((f) => f.year))].sort((a, b) => a - b);
}

export function factorsOf(areaCode: string, year: number): AreaFactors | undefined {
  const rows = loadFactors().filter((f) => f.year === year && (f.areaCode === areaCode || f.areaCode === 'E92000001'));
  const mine = rows.filter((f) => f.areaCode === areaCode);
  if (mine.length === 0) return undefined;
  const england = new Map(rows.filter((f) => f.areaCode === 'E92000001').map((f) => [f.factor, f]));
  const labels = new Map(loadFactorLabels().map((l) => [l.factor, l]));
  const base = mine.find((f) => f.factor === EPISODES_WITH_FACTORS)!;
  const value = (c: Cell) => (c.kind === 'value' ? c.value : -1);
  const factors = mine
    .filter((f) => f.factor !== EPISODES_WITH_FACTORS)
    .map((f) => {
      const l = labels.get(f.factor)!;
      return { factor: f.factor, label: l.label, topic: l.topic, note: l.note, share: f.share, assessments: f.assessments, englandShare: england.get(f.factor)?.share };
    })
    .sort((a, b) => value(b.share) - value(a.share) || a.label.localeCompare(b.label));
  return { areaCode, year, episodes: base.assessments, factors, sourceId: base.sourceId };
}

/** The props of the "What assessments find" chart of an area, latest year (undefined without figures). */
export function factorsPanel(areaCode: string, path: string) {
  const years = factorYears();
  const f = factorsOf(areaCode, years[years.length - 1]!);
  if (!f) return undefined;
  const area = areaByCode().get(areaCode)!;
  const source = sourceRef(sourceById().get(f.sourceId)!);
  return { factors: f, areaName: area.name, source, share: factorsShare(f, area.name, source, path) };
}

/** Areas with factor figures in the latest year (the embeds' pages). */
export function factorAreas(): string[] {
  const years = factorYears();
  const last = years[years.length - 1];
  return [...new Set(loadFactors().filter((f) => f.year === last).map((f) => f.areaCode))].sort();
}
