import type { CSSProperties, ReactNode } from 'react';
import { trendGeometry, type MeasureCard, type TrendPoint } from '@/lib/share/card';

/**
 * Social cards (og:image, 1200×630) drawn by next/og at build time: plain JSX with inline styles
 * (Satori's subset of CSS: flex layout only). The only font is the one next/og bundles (Geist
 * Regular), so nothing is fetched; headline figures are emboldened with a text stroke.
 */

export const CARD_COLOURS = { INK: '#1b1f24', MUTED: '#4d5661', LINE: '#d5dae0', PANEL: '#f4f6f8', ACCENT: '#0b5cad', ACCENT_FILL: '#e3edf8' } as const;
const { INK, MUTED, LINE, PANEL, ACCENT, ACCENT_FILL } = CARD_COLOURS;

/** Faux bold: a text stroke proportional to the size (Geist Regular is the only weight bundled). */
export const bold = (px: number, color: string = INK, weight = 1): CSSProperties => ({ WebkitTextStrokeWidth: Math.max(0.5, (px / 36) * weight), WebkitTextStrokeColor: color });

/** The card's frame (kicker, body, source bar); exported for the area cards. */
export function Frame({ kicker, children, source, sourceSize = 20 }: { kicker: ReactNode; children: ReactNode; source: string; sourceSize?: number }) {
  return (
    <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#ffffff', color: INK, fontFamily: 'Geist', borderTop: `12px solid ${ACCENT}` }}>
      <div style={{ display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '36px 60px 0 60px' }}>
        <div style={{ display: 'flex', fontSize: 22, color: ACCENT, letterSpacing: 0.5, ...bold(22, ACCENT) }}>{kicker}</div>
        {children}
      </div>
      <div style={{ display: 'flex', alignItems: 'center', padding: '16px 60px 18px 60px', borderTop: `2px solid ${LINE}`, background: PANEL, fontSize: sourceSize, color: MUTED, lineHeight: 1.3 }}>
        <span>{`Source: ${source}`}</span>
      </div>
    </div>
  );
}

function Trend({ points, width, height, strokeWidth, dot, labels }: { points: readonly TrendPoint[]; width: number; height: number; strokeWidth: number; dot: number; labels?: { readonly first: string; readonly last: string } }) {
  const g = trendGeometry(points, { width, height, pad: dot + 2, padTop: labels ? 48 : dot + 2 });
  const svg = (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <line x1={0} x2={width} y1={g.baseY} y2={g.baseY} stroke={LINE} strokeWidth={2} />
      {g.area && <path d={g.area} fill={ACCENT_FILL} />}
      {g.d && <path d={g.d} fill="none" stroke={ACCENT} strokeWidth={strokeWidth} strokeLinejoin="round" strokeLinecap="round" />}
      {g.first && <circle cx={g.first.x} cy={g.first.y} r={dot * 0.7} fill="#ffffff" stroke={ACCENT} strokeWidth={strokeWidth * 0.7} />}
      {g.last && <circle cx={g.last.x} cy={g.last.y} r={dot} fill={ACCENT} />}
    </svg>
  );
  if (!labels || !g.first || !g.last) return svg;
  // Value labels of the first and last points, on the side away from the line: a line rising
  // from the first point leaves room below it; one rising into the last point leaves room above.
  const label = (p: { x: number; y: number }, text: string, above: boolean, align: 'left' | 'right', strong: boolean) => (
    <div
      style={{
        position: 'absolute',
        display: 'flex',
        top: above ? p.y - 46 : p.y + 14,
        ...(align === 'left' ? { left: Math.max(0, p.x - 12) } : { right: Math.max(0, width - p.x - 12) }),
        fontSize: 26,
        color: strong ? ACCENT : MUTED,
        ...(strong ? bold(26, ACCENT) : {}),
      }}
    >
      {text}
    </div>
  );
  const room = (p: { y: number }, above: boolean) => (above ? p.y >= 46 : p.y + 46 <= g.baseY);
  const side = (p: { y: number }, preferAbove: boolean) => (room(p, preferAbove) ? preferAbove : !preferAbove);
  return (
    <div style={{ display: 'flex', position: 'relative', width, height }}>
      {svg}
      {label(g.first, labels.first, side(g.first, !g.first.rising), 'left', false)}
      {label(g.last, labels.last, side(g.last, g.last.rising), 'right', true)}
    </div>
  );
}

/** Card title: the catalogue label, or its short label when the label is long or carries a bracketed qualifier. */
export const cardTitle = (c: Pick<MeasureCard, 'label' | 'shortLabel'>) => (c.label.length > 50 || c.label.includes('(') ? c.shortLabel : c.label);

export function MeasureSocialCard({ card, siteName }: { card: MeasureCard; siteName: string }) {
  const title = cardTitle(card);
  const titleSize = title.length > 40 ? 44 : 54;
  const figureSize = card.figure.length > 7 ? 112 : 132;
  const chartW = 480;
  const chartH = 250;
  return (
    <Frame kicker={`${siteName.toUpperCase()} · ${card.group}`} source={card.source}>
      <div style={{ display: 'flex', fontSize: titleSize, lineHeight: 1.12, marginTop: 12, maxWidth: 1080, ...bold(titleSize, INK, 0.8) }}>{title}</div>
      <div style={{ display: 'flex', flexGrow: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <div style={{ display: 'flex', flexDirection: 'column', width: 560 }}>
          <div style={{ display: 'flex', fontSize: 28, color: MUTED }}>{`England, ${card.yearLabel}`}</div>
          <div style={{ display: 'flex', fontSize: figureSize, lineHeight: 1.08, letterSpacing: 2, ...bold(figureSize, INK, 1.1) }}>{card.figure}</div>
          {(card.figureUnit || card.rateText) && (
            <div style={{ display: 'flex', flexWrap: 'wrap', fontSize: 30, lineHeight: 1.25 }}>
              {card.figureUnit && <span style={{ marginRight: 10 }}>{card.figureUnit}</span>}
              {card.rateText && <span style={{ color: MUTED }}>{`${card.figureUnit ? '· ' : ''}${card.rateText}`}</span>}
            </div>
          )}
          {card.change && (
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', marginTop: 22, rowGap: 8 }}>
              <div style={{ display: 'flex', fontSize: 30, color: ACCENT, background: ACCENT_FILL, borderRadius: 8, padding: '6px 16px', marginRight: 14, ...bold(30, ACCENT, 0.8) }}>{card.change}</div>
              <div style={{ display: 'flex', fontSize: 28, color: MUTED }}>{`since ${card.firstYearLabel}${card.likeForLike ? ', like for like' : ''}`}</div>
            </div>
          )}
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', width: chartW }}>
          <div style={{ display: 'flex', fontSize: 22, color: MUTED, marginBottom: 10 }}>{`England, ${card.trend.unitLabel}`}</div>
          <Trend points={card.trend.points} width={chartW} height={chartH} strokeWidth={6} dot={9} labels={{ first: card.trend.fromValue, last: card.trend.toValue }} />
          <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 22, color: MUTED, marginTop: 8 }}>
            <span>{card.trend.fromLabel}</span>
            <span>{card.trend.toLabel}</span>
          </div>
        </div>
      </div>
    </Frame>
  );
}

/** The home page's card: the latest England figure of each core measure (up to 7), and where to find more. */
export function HomeSocialCard({ cards, siteName, source, title, more }: { cards: readonly MeasureCard[]; siteName: string; source: string; title: string; more: string }) {
  const tiles = cards.slice(0, 7);
  const tile: CSSProperties = { display: 'flex', flexDirection: 'column', width: 256, height: 178, borderRadius: 10, padding: '10px 16px 8px 16px', marginBottom: 14 };
  return (
    <Frame kicker={siteName.toUpperCase()} source={source} sourceSize={18}>
      <div style={{ display: 'flex', fontSize: 44, lineHeight: 1.12, marginTop: 8, ...bold(44, INK, 0.8) }}>{title}</div>
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', marginTop: 16 }}>
        {tiles.map((c) => (
          <div key={c.id} style={{ ...tile, border: `2px solid ${LINE}` }}>
            <div style={{ display: 'flex', fontSize: 20, color: MUTED }}>{c.shortLabel}</div>
            <div style={{ display: 'flex', fontSize: 42, lineHeight: 1.1, ...bold(42) }}>{c.figure}</div>
            <div style={{ display: 'flex', fontSize: 17, color: MUTED }}>{c.yearLabel}</div>
            <div style={{ display: 'flex', flexGrow: 1 }} />
            <Trend points={c.trend.points} width={220} height={38} strokeWidth={3.5} dot={4.5} />
            {c.change && (
              <div style={{ display: 'flex', fontSize: 17, color: MUTED, marginTop: 4 }}>
                <span style={{ color: ACCENT, marginRight: 6, ...bold(17, ACCENT) }}>{c.change}</span>
                <span>{`since ${c.firstYearLabel}`}</span>
              </div>
            )}
          </div>
        ))}
        <div style={{ ...tile, background: ACCENT, color: '#ffffff', justifyContent: 'center', border: `2px solid ${ACCENT}` }}>
          <div style={{ display: 'flex', fontSize: 24, lineHeight: 1.3, ...bold(24, '#ffffff', 0.7) }}>{more}</div>
        </div>
      </div>
    </Frame>
  );
}
