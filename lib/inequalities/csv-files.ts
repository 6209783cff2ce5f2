import type { CsvExport, CsvFile } from '../share/types';
import { adjustedView, scatterView, type FrameModel } from './views';
import { buildInequalitiesData, ineqMeasureFile } from './build';
import { councilScatter } from './council';
import { councilMap } from './share';
import { contextOf, defaultIneqState } from './state';

/**
 * The CSVs of the all-councils charts the build draws on the server — /inequalities/' default
 * scatter and adjusted comparison, and each council page's scatter — written as static files under
 * /inequalities/data/ (build time only). Carried in the page, the scatter's CSV was ~55 kB of every
 * council page, parsed on every load for a download few readers make; its share kit fetches the file
 * instead. The interactive charts build their CSV in the browser and keep it there.
 */

export const csvFileHref = (filename: string) => `/inequalities/data/${filename}.csv`;

let files: Map<string, CsvExport> | undefined;

/** Every such CSV by file name (without ".csv"). */
export function serverCsvFiles(): ReadonlyMap<string, CsvExport> {
  if (files) return files;
  const data = buildInequalitiesData();
  const ctx = contextOf(data);
  const state = defaultIneqState(ctx);
  const councils = councilMap(data.councils);
  const adj = ineqMeasureFile(state.adj);
  const views = [
    scatterView({ md: ineqMeasureFile(state.measure).data, councils, regions: data.regions, iod: data.iodSource, state, ctx, interactive: true }),
    adjustedView({ md: adj.data, input: adj.adjusted!, councils, regions: data.regions, iod: data.iodSource, cwip: data.gradient.source, state, ctx, interactive: true }),
    ...data.councils.map((c) => councilScatter(c.code)),
  ];
  files = new Map();
  for (const v of views) {
    const csv = v.frame.share.csv;
    if ('href' in csv) throw new Error(`serverCsvFiles: ${csv.filename} is already a file`);
    files.set(csv.filename, csv);
  }
  return files;
}

/**
 * The same view with its share kit's CSV as the static file of the same name. Throws when the build
 * does not write that file, so a page cannot link to a CSV that is not there.
 */
export function withCsvFile<V extends { readonly frame: FrameModel }>(view: V): V {
  const { filename } = view.frame.share.csv;
  if (!serverCsvFiles().has(filename)) throw new Error(`withCsvFile: the build writes no ${filename}.csv (add its view to serverCsvFiles)`);
  const csv: CsvFile = { filename, href: csvFileHref(filename) };
  return { ...view, frame: { ...view.frame, share: { ...view.frame.share, csv } } };
}
