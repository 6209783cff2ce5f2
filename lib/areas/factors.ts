import { EPISODES_WITH_FACTORS } from '../schema/pathway';
import type { Cell } from '../status';
import { memberIn, type Profile } from './identity';
import { ENGLAND, type ProfileInputs } from './inputs';

/**
 * Factors identified at the end of assessment (DfE table C3), pure: the most common factors in an
 * area's assessments in its latest year, each with England's share. A share is of the assessments
 * with factor information; one assessment can record several factors, so shares add up to more
 * than 100%.
 */

export interface FactorShare {
  readonly factor: string;
  readonly label: string;
  readonly assessments: Cell;
  readonly share: Cell;
  readonly england: Cell | undefined;
}

export interface FactorsTable {
  readonly year: number;
  readonly code: string;
  /** Assessments with factor information (the base of the shares). */
  readonly base: Cell | undefined;
  readonly englandBase: Cell | undefined;
  readonly top: readonly FactorShare[];
  /** Factors whose figure here is missing (suppressed...), by label, with their code. */
  readonly missing: readonly { readonly label: string; readonly cell: Cell }[];
  readonly sourceId: string;
}

export function topFactors(inputs: ProfileInputs, profile: Profile, limit = 10): FactorsTable | undefined {
  // Latest year with rows for the member in force.
  const all = profile.members.flatMap((m) => inputs.factors(m.code));
  if (!all.length) return undefined;
  const year = Math.max(...all.map((r) => r.year));
  const code = memberIn(profile, year) ?? profile.code;
  const rows = inputs.factors(code).filter((r) => r.year === year);
  const eng = new Map(inputs.factors(ENGLAND).filter((r) => r.year === year).map((r) => [r.factor, r]));
  const base = rows.find((r) => r.factor === EPISODES_WITH_FACTORS);
  const factors = rows.filter((r) => r.factor !== EPISODES_WITH_FACTORS);
  const label = (f: string) => inputs.factorLabels.get(f)?.label ?? f;
  const valued = factors.filter((r) => r.share.kind === 'value').sort((a, b) => (b.share as { value: number }).value - (a.share as { value: number }).value || a.factor.localeCompare(b.factor));
  const top = valued.slice(0, limit).map((r) => ({ factor: r.factor, label: label(r.factor), assessments: r.assessments, share: r.share, england: profile.code === ENGLAND ? undefined : eng.get(r.factor)?.share }));
  const missing = factors.filter((r) => r.share.kind !== 'value' && r.assessments.kind === 'missing').map((r) => ({ label: label(r.factor), cell: r.assessments }));
  return { year, code, base: base?.assessments, englandBase: eng.get(EPISODES_WITH_FACTORS)?.assessments, top, missing, sourceId: (base ?? rows[0])?.sourceId ?? '' };
}
