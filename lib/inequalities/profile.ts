import { sourceLineText } from '../explorer/share';
import type { SourceRef } from '../explorer/types';
import { formatNumber } from '../format';
import type { ChartShare } from '../share/types';
import { decileShares } from '../stats/standardise';
import { decileWords } from './describe';
import { chartPaths, type IneqContext, type IneqState } from './state';
import type { FrameModel } from './views';

/**
 * Where a council's children live: the share of its children aged 0 to 15 in each national decile
 * of neighbourhood deprivation (IMD 2019), against England's (pure). The profile behind a council's
 * expected number in the adjusted comparison; on /inequalities/ and the council pages.
 */

export interface ProfileRow {
  readonly decile: number;
  readonly label: string;
  /** % of the council's children. */
  readonly share: number;
  /** % of England's children. */
  readonly england: number;
  readonly children: number;
}

const pct = (x: number) => Math.round(x * 1000) / 10;

export function profileRows(children: readonly number[], england: readonly number[]): ProfileRow[] {
  const s = decileShares(children);
  const e = decileShares(england);
  return s.map((share, i) => ({ decile: i + 1, label: i === 0 ? '1 most deprived 10%' : i === 9 ? '10 least deprived 10%' : String(i + 1), share: pct(share), england: pct(e[i]!), children: children[i]! }));
}

export function profileTitle(name: string): string {
  return `Where ${name}’s children live: share of children aged 0 to 15 by neighbourhood deprivation decile (IMD 2019), against England`;
}

export function describeProfile(name: string, rows: readonly ProfileRow[]): string {
  const most = rows[0]!;
  const least = rows[9]!;
  const two = rows[0]!.share + rows[1]!.share;
  const twoE = rows[0]!.england + rows[1]!.england;
  return `Bar chart of the share of ${name}’s children aged 0 to 15 (mid-2015) living in each tenth of England’s neighbourhoods by deprivation (IMD 2019), with England’s shares. ${most.share}% live in the most deprived 10% of neighbourhoods (England ${most.england}%) and ${least.share}% in the least deprived 10% (England ${least.england}%); ${Math.round(two * 10) / 10}% in the most deprived fifth (England ${Math.round(twoE * 10) / 10}%).`;
}

export function profileView(args: { code: string; name: string; children: readonly number[]; england: readonly number[]; iod: SourceRef; state: IneqState; ctx: IneqContext }) {
  const { code, name, children, england, iod, state, ctx } = args;
  const rows = profileRows(children, england);
  const title = profileTitle(name);
  const share: ChartShare = {
    title,
    sourceText: `${sourceLineText([iod])} Shares computed here from the LSOA files (data/deprivation-deciles.csv).`,
    description: describeProfile(name, rows),
    ...chartPaths('profile', { ...state, areas: [code, ...state.areas.filter((c) => c !== code)] }, ctx),
    csv: {
      filename: `children-by-deprivation-decile-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-imd-2019`,
      columns: ['area_code', 'area_name', 'decile', 'decile_meaning', 'children_0_15', 'share_of_children_pct', 'england_share_pct', 'index', 'source_id'],
      rows: rows.map((r) => [code, name, r.decile, decileWords(r.decile), r.children, r.share, r.england, 'imd-2019', iod.id]),
    },
    cite: { publisher: iod.publisher, publication: iod.title, release: iod.release, table: iod.table, publishedYear: 2019, releaseUrl: iod.url, subject: `Children aged 0 to 15 by neighbourhood deprivation decile, ${name} and England (computed here)`, dataYears: 'mid-2015 population, IMD 2019', otherReleases: 0 },
  };
  const frame: FrameModel = {
    id: 'profile-frame',
    title,
    definition: `Each bar is the share of ${name}’s ${formatNumber(children.reduce((s, c) => s + c, 0))} children aged 0 to 15 (mid-2015) who live in neighbourhoods (LSOAs) of one national tenth of deprivation, from the most deprived 10% of England’s neighbourhoods (1) to the least deprived (10); the diamonds are England’s shares (about a tenth each). With CWIP’s rates by decile, this profile gives the council’s expected number in the adjusted comparison.`,
    sources: [iod],
    rateNote: 'Shares computed here from the index’s LSOA files.',
    notes: [],
    share,
  };
  return { frame, rows };
}
