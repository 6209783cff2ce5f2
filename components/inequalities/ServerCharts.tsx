import { buildInequalitiesData, ineqMeasureFile } from '@/lib/inequalities/build';
import { councilMap } from '@/lib/inequalities/share';
import { withCsvFile } from '@/lib/inequalities/csv-files';
import { contextOf, defaultIneqState, type IneqChart } from '@/lib/inequalities/state';
import { adjustedView, gapView, gradientView, scatterView } from '@/lib/inequalities/views';
import { ChartIsland } from './ChartIsland';
import { AdjustedFrameView, GapFrameView, GradientFrameView, ProfilePrompt, ScatterFrameView } from './frames';
import { TableDetails } from './TableDetails';

/**
 * The default view of each /inequalities/ chart, drawn on the server (build time) into the HTML, in
 * the island that swaps in the interactive chart when it is needed. Server only.
 */

export const TABLE_SUMMARY: Record<IneqChart, string> = {
  gradient: 'Table of the rates',
  scatter: 'Table of every council’s figures',
  adjusted: 'Table of every council’s observed and expected numbers',
  gap: 'Table of the two fifths’ rates by year',
  profile: '',
};

export function ServerChart({ chart, embed = false }: { readonly chart: IneqChart; readonly embed?: boolean }) {
  const data = buildInequalitiesData();
  const ctx = contextOf(data);
  const state = defaultIneqState(ctx);
  const councils = councilMap(data.councils);
  let view: React.ReactNode;
  switch (chart) {
    case 'gradient':
      view = <GradientFrameView view={gradientView(data.gradient, state, ctx)} />;
      break;
    case 'scatter':
      view = <ScatterFrameView view={withCsvFile(scatterView({ md: ineqMeasureFile(state.measure).data, councils, regions: data.regions, iod: data.iodSource, state, ctx, interactive: !embed }))} />;
      break;
    case 'adjusted': {
      const f = ineqMeasureFile(state.adj);
      view = <AdjustedFrameView view={withCsvFile(adjustedView({ md: f.data, input: f.adjusted!, councils, regions: data.regions, iod: data.iodSource, cwip: data.gradient.source, state, ctx, interactive: !embed }))} />;
      break;
    }
    case 'profile':
      view = <ProfilePrompt />;
      break;
    case 'gap': {
      const f = ineqMeasureFile(state.gap);
      view = <GapFrameView view={gapView({ head: f.data, gap: f.gap, iod: data.iodSource, state, ctx })} />;
      break;
    }
  }
  return (
    <ChartIsland chart={chart} eager={embed}>
      {view}
      {!embed && TABLE_SUMMARY[chart] && <TableDetails chart={chart} summary={TABLE_SUMMARY[chart]} />}
    </ChartIsland>
  );
}
