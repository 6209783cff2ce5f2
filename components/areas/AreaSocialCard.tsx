import { bold, CARD_COLOURS, Frame } from '@/components/share/SocialCard';
import type { AreaCard } from '@/lib/areas/card';

const { INK, MUTED, LINE, ACCENT } = CARD_COLOURS;

/** An area page's social card (1200×630, drawn by next/og at build time): four latest rates against England's. */
export function AreaSocialCard({ card, siteName }: { readonly card: AreaCard; readonly siteName: string }) {
  const titleSize = card.name.length > 34 ? 46 : 58;
  return (
    <Frame kicker={`${siteName.toUpperCase()} · ${card.kicker}`} source={card.source} sourceSize={18}>
      <div style={{ display: 'flex', fontSize: titleSize, lineHeight: 1.1, marginTop: 10, ...bold(titleSize, INK, 0.8) }}>{card.name}</div>
      <div style={{ display: 'flex', fontSize: 24, color: MUTED, marginTop: 6 }}>Latest rates per 10,000 children</div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 24 }}>
        {card.tiles.map((t) => (
          <div key={t.measure} style={{ display: 'flex', flexDirection: 'column', width: 256, height: 250, border: `2px solid ${LINE}`, borderRadius: 10, padding: '12px 16px' }}>
            <div style={{ display: 'flex', fontSize: 22, color: MUTED }}>{t.label}</div>
            <div style={{ display: 'flex', fontSize: 18, color: MUTED }}>{t.yearLabel}</div>
            <div style={{ display: 'flex', fontSize: t.figure.length > 7 ? 40 : 60, lineHeight: 1.15, marginTop: 8, ...bold(60) }}>{t.figure}</div>
            {t.england !== undefined && <div style={{ display: 'flex', fontSize: 24, color: ACCENT, marginTop: 4, ...bold(24, ACCENT, 0.6) }}>{`England ${t.england}`}</div>}
            <div style={{ display: 'flex', flexGrow: 1 }} />
            {t.verdict && <div style={{ display: 'flex', fontSize: 18, color: MUTED }}>{t.verdict}</div>}
          </div>
        ))}
      </div>
    </Frame>
  );
}
