import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { RouteFocus } from '@/components/frame/RouteFocus';
import { SITE_NAME, SITE_URL } from '@/lib/site';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(SITE_URL),
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: "England's children's social care statistics from the official releases: section 47 enquiries, children in need, child protection plans and children in care, nationally and for every council since 2010.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body>
        {/* Controls that only work with JavaScript (class needs-js) are not shown without it. */}
        <noscript>
          <style>{'.needs-js { display: none !important; }'}</style>
        </noscript>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
        <RouteFocus />
      </body>
    </html>
  );
}
