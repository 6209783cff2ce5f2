import { currentReleases, latestSource } from '../freshness';
import type { Source } from '../schema/tables';
import { loadMeasures, loadPopulation, loadSources } from './load';

export interface DataFreshness {
  /** The most recently published source the data include. */
  readonly refreshed: Source | undefined;
  /** The latest release of each series the statistics (and their rate denominators) come from. */
  readonly releases: readonly Source[];
}

/** When the data were last refreshed and from which releases, from sources.csv (build-time). */
export function dataFreshness(): DataFreshness {
  const sources = loadSources();
  const cited = [...new Set([...loadMeasures().flatMap((m) => m.sources), ...loadPopulation().map((p) => p.sourceId)])];
  return { refreshed: latestSource(sources), releases: currentReleases(sources, cited) };
}
