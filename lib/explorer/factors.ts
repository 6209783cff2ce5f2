import type { AreaFactors } from '../data/factors';
import { formatFixed, formatYear } from '../format';
import type { ChartShare, CsvExport } from '../share/types';
import { STATUS_LABEL, type Cell } from '../status';
import { releaseCitation, sourceLineText } from './share';
import type { SourceRef } from './types';

/**
 * What the "What assessments find" chart shows and shares (pure): the factors most often recorded
 * at the end of a children in need assessment in an area and year, as a share of the assessments
 * with factor information, England's beside it.
 */
export const FACTORS_SHOWN = 12;

// formatFixed, not toLocaleString: the same text without Intl's start-up cost in the browser (lib/format).
const fmtPct = (n: number) => `${formatFixed(n, 1)}%`;
const cellText = (c: Cell | undefined) => (c === undefined ? 'no figure' : c.kind === 'value' ? fmtPct(c.value) : STATUS_LABEL[c.status]);

export function factorsTitle(areaName: string, year: number): string {
  return `What assessments find: the factors most often recorded at the end of a children in need assessment, ${areaName}, ${formatYear('reporting-year', year)}`;
}

export function factorsDescription(f: AreaFactors, areaName: string): string {
  const top = f.factors.slice(0, 5).map((x) => `${x.label} ${cellText(x.share)}${f.areaCode !== 'E92000001' && x.englandShare ? ` (England ${cellText(x.englandShare)})` : ''}`);
  const base = f.episodes.kind === 'value' ? `${formatFixed(f.episodes.value, 3)} assessments with factor information` : `assessments with factor information (${STATUS_LABEL[f.episodes.kind === 'missing' ? f.episodes.status : 'x']})`;
  return `Bar chart of the ${FACTORS_SHOWN} factors most often recorded at the end of assessments in ${areaName}, ${formatYear('reporting-year', f.year)}, as a percentage of the ${base}; an assessment can record several factors. Most common: ${top.join('; ')}.`;
}

export function factorsCsv(f: AreaFactors, areaName: string, source: SourceRef): CsvExport {
  const rows = f.factors.map((x) => [
    f.areaCode,
    areaName,
    f.year,
    formatYear('reporting-year', f.year),
    x.factor,
    x.label,
    x.assessments.kind === 'value' ? x.assessments.value : '',
    x.share.kind === 'value' ? x.share.value : '',
    x.share.kind === 'value' ? 'ok' : x.share.status,
    x.englandShare?.kind === 'value' ? x.englandShare.value : '',
    source.id,
    source.citation,
  ]);
  const slug = areaName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    filename: `assessment-factors-${slug}-${f.year}`,
    columns: ['area_code', 'area_name', 'year', 'period', 'factor', 'factor_label', 'assessments', 'share_pct', 'status', 'england_share_pct', 'source_id', 'source'],
    rows,
  };
}

export function factorsShare(f: AreaFactors, areaName: string, source: SourceRef, path: string): ChartShare<CsvExport> {
  return {
    title: factorsTitle(areaName, f.year),
    sourceText: sourceLineText([source], 'Shares computed here: assessments recording the factor ÷ assessments with factor information.'),
    description: factorsDescription(f, areaName),
    path,
    embedPath: `/embed/factors/${f.areaCode}/`,
    csv: factorsCsv(f, areaName, source),
    cite: {
      ...releaseCitation(source),
      subject: `Factors identified at the end of assessment, % of assessments, ${areaName}`,
      dataYears: formatYear('reporting-year', f.year),
      otherReleases: 0,
    },
  };
}
