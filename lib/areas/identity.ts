import type { Area } from '../schema/tables';

/**
 * Which page profiles which area (pure). A council whose GSS code changed without a change of area
 * (Barnsley E08000016 → E08000038 in 2025; Buckinghamshire, North Yorkshire and Somerset becoming
 * unitary councils; Northumberland's and Gateshead's codes corrected in 2013) is one council with
 * one profile, at its current code: its figures under every code are one series. The older codes
 * get a page that leads to it, so no published link breaks. A council that was split or merged
 * (Northamptonshire, Cumbria, Dorset, Bournemouth, Poole) keeps a profile of its own, which leads
 * to its successors.
 */

export interface ProfileMember {
  readonly code: string;
  readonly firstYear: number;
  /** undefined: exists now. */
  readonly lastYear: number | undefined;
}

export interface Profile {
  /** The code the profile is published under: the latest code of the area. */
  readonly code: string;
  readonly area: Area;
  /** The codes whose figures make up the profile, oldest first (one for most areas). */
  readonly members: readonly ProfileMember[];
}

export interface ProfileRedirect {
  readonly from: string;
  readonly to: string;
  /** Why the code leads elsewhere, in a sentence. */
  readonly reason: string;
}

export interface ProfileIndex {
  readonly profiles: readonly Profile[];
  readonly byCode: ReadonlyMap<string, Profile>;
  /** Older codes of a profiled area → the profile (including former codes that are not areas of their own). */
  readonly redirects: ReadonlyMap<string, ProfileRedirect>;
  /** The profile a code's figures belong to (a profile's own code, a member's or a former code). */
  profileOf(code: string): Profile | undefined;
}

/** The one area replacing `a` alone, when `a` is its only predecessor: the same area under a new code. */
function sameAreaSuccessor(a: Area, byCode: ReadonlyMap<string, Area>): Area | undefined {
  if (a.successors.length !== 1) return undefined;
  const s = byCode.get(a.successors[0]!);
  return s && s.predecessors.length === 1 && s.predecessors[0] === a.code ? s : undefined;
}

export function buildProfileIndex(areas: readonly Area[]): ProfileIndex {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const profiles: Profile[] = [];
  const redirects = new Map<string, ProfileRedirect>();
  const memberOf = new Map<string, Profile>();
  const fmt = (y: number) => `${y - 1}-${String(y).slice(2)}`;
  for (const a of areas) {
    if (sameAreaSuccessor(a, byCode)) continue; // not the end of its chain
    const chain: Area[] = [a];
    for (let p = a; ; ) {
      const prev = p.predecessors.length === 1 ? byCode.get(p.predecessors[0]!) : undefined;
      if (!prev || sameAreaSuccessor(prev, byCode) !== p) break;
      chain.unshift(prev);
      p = prev;
    }
    const profile: Profile = { code: a.code, area: a, members: chain.map((m) => ({ code: m.code, firstYear: m.firstYear, lastYear: m.lastYear })) };
    profiles.push(profile);
    for (const m of chain) memberOf.set(m.code, profile);
    for (const m of chain.slice(0, -1)) {
      const reason =
        m.name === a.name
          ? `${m.name}'s figures to ${fmt(m.lastYear ?? a.firstYear - 1)} were published under ${m.code}; the council now has the code ${a.code} (same area).`
          : `${m.name} (${m.code}) became ${a.name} (${a.code}), the same area.`;
      redirects.set(m.code, { from: m.code, to: a.code, reason });
    }
    for (const m of chain) {
      const area = byCode.get(m.code)!;
      for (const f of area.formerCodes) {
        redirects.set(f, { from: f, to: a.code, reason: `${f} was ${area.name}'s GSS code until 31 March 2013 (same council and area); it is now ${area.code}.` });
        memberOf.set(f, profile);
      }
    }
  }
  const order = { country: 0, region: 1, la: 2 } as const;
  profiles.sort((x, y) => order[x.area.level] - order[y.area.level] || x.area.name.localeCompare(y.area.name) || x.code.localeCompare(y.code));
  return {
    profiles,
    byCode: new Map(profiles.map((p) => [p.code, p])),
    redirects,
    profileOf: (code) => memberOf.get(code),
  };
}

/** The member code in force in a year (ending 31 March), or undefined when the area did not exist. */
export function memberIn(profile: Pick<Profile, 'members'>, year: number): string | undefined {
  return profile.members.find((m) => m.firstYear <= year && (m.lastYear === undefined || m.lastYear >= year))?.code;
}

/** The path of an area's profile page. */
export const profilePath = (code: string) => `/areas/${code}/`;
