/**
 * Chart primitives: the parts every chart of the explorer shares, composed the way Observable Plot
 * composes marks and scales. A chart is a pure function (props in, SVG out, no hooks, no effects) so
 * the server renders it into the static HTML and the browser hydrates the same markup; the parent
 * holds the state (cursor, selection, open note) and passes callbacks.
 *
 * How to build a new chart (a ScatterChart, a decile GradientChart, a PathwayChart, SmallMultiples):
 *
 * 1. Model (no layout): turn the props into what is drawn — values as typed cells (lib/status Cell),
 *    a missing value is never a zero: leave it out of the marks and list it with its reason.
 * 2. Layout per width: `layout(props, model, width)` computes a Geometry — scales from scales.ts
 *    (`zeroBasedScale` for values from zero, `yearScale` for years, `bandScale` for deciles, steps
 *    or ranks, `linearScale` for a scatter's x), the plot box, and label positions from text.ts
 *    (`directLabels` for line ends, `LabelPlacer` for names beside dots, `spreadLabels`, `fitText`).
 *    Text widths are estimated (`textWidth`), so layout runs on the server.
 * 3. Draw one layout: an <svg viewBox="0 0 width height" className={base.svg}> with `UnitLabel`,
 *    `YGrid` (y grid + tick labels, `data-y-tick`), `YearAxis` / `XValueAxis` / `BandAxis`, then the
 *    chart's own marks inside `PlotArea` (the one tab stop: hit area + focus ring). Buttons on the
 *    chart (quotes, break labels) are `MarkButton`s. Cursor marks get `data-export-ignore`.
 * 4. Interaction (only when the parent passes callbacks): `keyMove(e.key)` + `stepIndex` for a list
 *    cursor (ranked dots, bars, scatter dots in `readingOrder`), `pointerToView` + `nearestPoint`
 *    for hover and tap (scatter: a point cursor), `isKeyboardFocus` to start the cursor on Tab.
 *    The cursor's text goes in ONE `LiveRegion`; the same text drives the `Tooltip` ('point' for a
 *    dot, 'beside' for a vertical guide, so it never covers the axis or the marks under it).
 * 5. Compose: `ResponsiveChart` draws the layouts (three widths, a CSS container query shows the
 *    one that fits — works without JavaScript; or one at a measured `width`), then children once:
 *    the `LiveRegion`, the `Legend` (HTML list with `Swatch`es and the `data-export-legend` JSON the
 *    image export reads; build items with `lineItem` / `markerItem`) and notes (`data-export-note`
 *    on anything the exported PNG/SVG must carry in words).
 * 6. Styles: import `base` from './chart.module.css' for everything shared (axes, grid, focus
 *    ring, tooltip, legend, screen-reader text); a chart's own module holds only its marks. Series
 *    colours, dashes and markers come from palette.ts (`seriesStyles`, `areaStyle`), never typed in.
 * 7. Tests (tests/unit): render with renderToStaticMarkup at a fixed `width` and read the data-*
 *    attributes (positions, years, codes) — a missing value must not be drawn, a zero must be.
 *
 * Examples: TrendChart (lines, year cursor, breaks, quotes), RankChart (dots/funnel, list cursor,
 * point cursor), MapLegend (a Legend with a hatch swatch).
 */

export { BandAxis, UnitLabel, XGrid, XValueAxis, YearAxis, YGrid, yearLabelYears, yLabelWidth } from './axes';
export { isKeyboardFocus, keyMove, LiveRegion, nearestPoint, PlotArea, pointerToView, readingOrder, stepIndex, type CursorMove } from './cursor';
export { exportLegend, Legend, lineItem, markerItem, Swatch, type LegendItem, type LegendProps } from './legend';
export { MarkButton, markRingClass } from './marks';
export { HATCH, HatchPattern } from './patterns';
export { layoutWidths, RESPONSIVE_WIDTHS, ResponsiveChart } from './responsive';
export { bandScale, linearScale, tickCountFor, yearScale, zeroBasedScale, type BandScale, type LinearScale, type YearScale } from './scales';
export { boxesOverlap, CHART_FONT, directLabels, fitText, LabelPlacer, pointBox, spreadLabels, textBox, textWidth, type Box } from './text';
export { Tooltip, type TooltipAnchor } from './tooltip';
export { default as base } from './chart.module.css';
