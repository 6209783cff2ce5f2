import type { Closeness, NeighbourModel } from '../schema/pathway';
import type { Measure } from '../schema/tables';
import type { Cell } from '../status';
import { memberIn, type Profile } from './identity';
import { ENGLAND, lastYearOf, profileObservation, type ProfileInputs } from './inputs';

/**
 * A council against its statistical neighbours (pure): DfE's 10 most similar councils, and for a
 * measure and year the council's figure, each neighbour's, and the neighbours' average.
 *
 * The average is the plain mean of the neighbours' rates (each council counts once, whatever its
 * size), over the neighbours with a figure that year, as DfE's LAIT averages statistical
 * neighbours; how many of the ten it covers is kept so the page can say so.
 */

export interface Neighbour {
  readonly rank: number;
  /** The code DfE's model lists (the council of the model's year). */
  readonly code: string;
  /** The profile the neighbour's figures belong to (its current code), for links. */
  readonly profileCode: string;
  readonly name: string;
  readonly closeness: Closeness;
}

export interface NeighbourSet {
  readonly model: NeighbourModel;
  readonly sourceId: string;
  /** The code the model lists this council under. */
  readonly listedAs: string;
  readonly note: string;
  readonly neighbours: readonly Neighbour[];
}

/** DfE's neighbours of a council profile: the 2025 model if it lists any member, else the April 2021 model. */
export function neighbourSet(inputs: ProfileInputs, profile: Profile): NeighbourSet | undefined {
  if (profile.area.level !== 'la') return undefined;
  const codes = new Set(profile.members.map((m) => m.code));
  for (const model of ['2025', '2021'] as const) {
    const rows = inputs.neighbours.filter((n) => n.model === model && codes.has(n.areaCode)).sort((a, b) => a.rank - b.rank);
    if (!rows.length) continue;
    // One member per model (a council is listed under its code of the model's year).
    const listedAs = rows[0]!.areaCode;
    const mine = rows.filter((r) => r.areaCode === listedAs);
    return {
      model,
      sourceId: mine[0]!.sourceId,
      listedAs,
      note: mine[0]!.note,
      neighbours: mine.map((r) => {
        const p = inputs.index.profileOf(r.neighbourCode);
        return { rank: r.rank, code: r.neighbourCode, profileCode: p?.code ?? r.neighbourCode, name: inputs.areas.get(r.neighbourCode)?.name ?? r.neighbourCode, closeness: r.closeness };
      }),
    };
  }
  return undefined;
}

export interface NeighbourFigure {
  readonly neighbour: Neighbour;
  /** The code the figure is published under that year; undefined when the neighbour did not exist. */
  readonly dataCode: string | undefined;
  readonly cell: Cell | undefined;
  readonly sourceId: string | undefined;
}

export interface NeighbourAverage {
  readonly value: number;
  /** Neighbours whose figure went into the average. */
  readonly n: number;
}

export interface NeighbourComparison {
  readonly measure: string;
  readonly year: number;
  readonly unit: 'rate' | 'count';
  readonly area: Cell | undefined;
  readonly areaCode: string | undefined;
  readonly areaSourceId: string | undefined;
  readonly england: Cell | undefined;
  readonly englandSourceId: string | undefined;
  readonly neighbours: readonly NeighbourFigure[];
  /** undefined when no neighbour has a figure. */
  readonly average: NeighbourAverage | undefined;
}

/** The plain mean of the figures that are values, with how many there were. */
export function meanOf(cells: readonly (Cell | undefined)[]): NeighbourAverage | undefined {
  const vs = cells.filter((c): c is { kind: 'value'; value: number } => c?.kind === 'value').map((c) => c.value);
  if (!vs.length) return undefined;
  return { value: vs.reduce((a, b) => a + b, 0) / vs.length, n: vs.length };
}

/** A neighbour's figure for a year, from its code in force that year (e.g. Buckinghamshire's county code before 2020-21). */
export function neighbourCell(inputs: ProfileInputs, n: Neighbour, measure: string, year: number, unit: 'rate' | 'count'): NeighbourFigure {
  const p = inputs.index.profileOf(n.code) ?? inputs.index.byCode.get(n.profileCode);
  const code = p ? memberIn(p, year) : n.code;
  const o = code ? inputs.lookup(measure, code, year) : undefined;
  return { neighbour: n, dataCode: code, cell: o?.[unit], sourceId: o?.sourceId };
}

export function compareWithNeighbours(inputs: ProfileInputs, profile: Profile, set: NeighbourSet, m: Measure, year = lastYearOf(profile, m)): NeighbourComparison {
  const unit = m.hasRate ? 'rate' : 'count';
  const { code, obs: own } = profileObservation(inputs, profile, m.id, year);
  const eng = inputs.lookup(m.id, ENGLAND, year);
  const neighbours = set.neighbours.map((n) => neighbourCell(inputs, n, m.id, year, unit));
  return {
    measure: m.id,
    year,
    unit,
    area: own?.[unit],
    areaCode: code,
    areaSourceId: own?.sourceId,
    england: eng?.[unit],
    englandSourceId: eng?.sourceId,
    neighbours,
    average: meanOf(neighbours.map((f) => f.cell)),
  };
}
