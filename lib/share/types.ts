/**
 * What the share kit of a chart frame needs to know about the chart it shares (DESIGN §5). Every
 * view (trend chart, maps, ranking) builds one of these; the kit turns it into a permalink, embed
 * code, downloads (PNG, SVG, CSV), citations and the text description.
 */

export interface CsvExport {
  /** File name without extension, e.g. "s47-enquiries-rate-england-blackpool-2010-2025". */
  readonly filename: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/**
 * A CSV too large to carry in every page that shows its chart (the scatter of all councils, ~55 kB
 * on each council's page): the build writes it as a static file, fetched when it is downloaded.
 */
export interface CsvFile {
  readonly filename: string;
  /** Site path of the file, e.g. "/inequalities/data/looked-after-rate-against-imd-councils-2025.csv". */
  readonly href: string;
}

export interface ChartShare<Csv extends CsvExport | CsvFile = CsvExport | CsvFile> {
  /** The frame's title (states the subject: measure, unit, places, years). */
  readonly title: string;
  /** Plain-text source line as printed under the chart (publisher, release, table; rate origin). */
  readonly sourceText: string;
  /** Generated text description of what the chart shows, with its key numbers (alt text). */
  readonly description: string;
  /** The measure page path and query of exactly this view, e.g. "/measures/s47-enquiries/?areas=E06000009". */
  readonly path: string;
  /** The embed path of the same view, e.g. "/embed/s47-enquiries/?areas=E06000009". */
  readonly embedPath: string;
  /** The chart's figures, in the page (a builder's own share) or as a static file (`CsvFile`). */
  readonly csv: Csv;
  /** Citation inputs of the chart: every figure shown. */
  readonly cite: CitationInput;
  /**
   * Citation inputs of the one figure in focus (the chart's cursor, the selected table cell, or
   * else the latest figure of the first selected area or England), from its own release.
   */
  readonly figure?: CitationInput;
  /** How to cite another figure in this view, e.g. "To cite another figure, select its cell in the table …". */
  readonly figureHint?: string;
  /** What is shared, in words: "chart" (default) or "table". */
  readonly noun?: 'chart' | 'table';
  /** Whether PNG and SVG downloads can be drawn (false for a table: CSV only). Default true. */
  readonly images?: boolean;
}

export interface CitationInput {
  /** e.g. "Department for Education" */
  readonly publisher: string;
  /** e.g. "Children in need" */
  readonly publication: string;
  /** e.g. "reporting year 2025 (2024-25)" */
  readonly release: string;
  /** e.g. "C4: Section 47s and initial child protection conferences, by local authority" */
  readonly table: string;
  /** Year the release was published, e.g. 2025. */
  readonly publishedYear: number;
  /** URL of the release, if known. */
  readonly releaseUrl: string;
  /** What the figures are: "Section 47 enquiries, rate per 10,000 children, England and Blackpool". */
  readonly subject: string;
  /** Data years as the DfE labels them: "2009-10 to 2024-25" (one year for a figure). */
  readonly dataYears: string;
  /** A single figure's value as shown, with its unit: "81,770 children". */
  readonly value?: string;
  /** Other releases the figures also come from (older years), e.g. 3; 0 when one release. */
  readonly otherReleases: number;
  /**
   * When the years cited cross a break in the series, or a figure comes from before one: what a
   * reader must know, e.g. "figures before 2012-13 count children, not enquiries (a break in the series)".
   */
  readonly breakNote?: string;
}
