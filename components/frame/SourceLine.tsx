import type { Source } from '@/lib/schema/tables';

/** "Source: Department for Education, Children in need, reporting year 2025 (2024-25), C4: …" with a link to the release. */
export function SourceLine({ source, rateOrigin }: { source: Pick<Source, 'publisher' | 'title' | 'release' | 'table' | 'url'>; rateOrigin?: 'published' | 'computed' | '' }) {
  const text = `${source.publisher}, ${source.title}, ${source.release}${source.table ? `, ${source.table}` : ''}`;
  return (
    <p className="source-line">
      Source: {source.url ? <a href={source.url}>{text}</a> : text}.
      {rateOrigin === 'computed' && ' Rate per 10,000 computed here from the count and the ONS population DfE uses.'}
      {rateOrigin === 'published' && ' Rate as published by DfE.'}
    </p>
  );
}
