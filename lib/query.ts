import type { Observation } from './schema/tables';
import type { Cell } from './status';

/** Pure selections over observations (no file access): what a page or chart shows. */

export const ENGLAND = 'E92000001';

export function seriesFor(obs: readonly Observation[], areaCode: string): Observation[] {
  return obs.filter((o) => o.areaCode === areaCode).sort((a, b) => a.year - b.year);
}

export interface Headline {
  readonly latest: Observation;
  readonly first: Observation;
  /** Count change from first to latest year, when both are numbers. */
  readonly change: { readonly from: number; readonly to: number } | undefined;
}

/** Latest and first years with a published count for an area. */
export function headline(obs: readonly Observation[], areaCode: string): Headline | undefined {
  const s = seriesFor(obs, areaCode).filter((o) => o.count.kind === 'value');
  const first = s[0];
  const latest = s[s.length - 1];
  if (!first || !latest) return undefined;
  const from = first.count.kind === 'value' ? first.count.value : undefined;
  const to = latest.count.kind === 'value' ? latest.count.value : undefined;
  return { latest, first, change: from !== undefined && to !== undefined && first !== latest ? { from, to } : undefined };
}

export const cellValue = (c: Cell): number | undefined => (c.kind === 'value' ? c.value : undefined);
