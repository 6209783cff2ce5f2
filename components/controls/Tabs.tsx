'use client';

import { memo, useRef, useSyncExternalStore, type KeyboardEvent, type MouseEvent } from 'react';
import styles from './Tabs.module.css';

interface Props<T extends string> {
  readonly idPrefix: string;
  readonly tabs: readonly { readonly id: T; readonly label: string }[];
  readonly value: T;
  readonly onChange: (id: T) => void;
  readonly label: string;
  /** Where each tab leads as a plain link (without JavaScript, or opened in a new tab). */
  readonly hrefOf: (id: T) => string;
}

/** False in the server HTML and while hydrating, true once this page's script runs. */
const noSubscribe = () => () => undefined;
const useScripted = () => useSyncExternalStore(noSubscribe, () => true, () => false);

/**
 * WAI-ARIA tabs: one tab stop, arrow keys/Home/End move and activate, Enter and Space activate.
 * Each tab is also a real link (`hrefOf`): in the server HTML, and so without JavaScript, they are
 * plain links (each a tab stop, the current one marked), and with a modifier key a tab opens that
 * view's URL in a new tab. Each tab controls the panel `${idPrefix}-panel-${id}`, which must exist
 * (it may be hidden).
 */
function TabsImpl<T extends string>({ idPrefix, tabs, value, onChange, label, hrefOf }: Props<T>) {
  const scripted = useScripted();
  const refs = useRef<(HTMLAnchorElement | null)[]>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    if (e.key === ' ') {
      e.preventDefault(); // a link would scroll the page; a tab is chosen
      onChange(tabs[i]!.id);
      return;
    }
    const last = tabs.length - 1;
    const to = e.key === 'ArrowRight' ? (i === last ? 0 : i + 1) : e.key === 'ArrowLeft' ? (i === 0 ? last : i - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : undefined;
    if (to === undefined) return;
    e.preventDefault();
    onChange(tabs[to]!.id);
    refs.current[to]?.focus();
  };
  const onClick = (e: MouseEvent, id: T) => {
    // Ctrl/Cmd/Shift/middle click: let the browser open the link in a new tab or window.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onChange(id);
  };
  return (
    <div role={scripted ? 'tablist' : 'navigation'} aria-label={label} className={styles.tablist}>
      {tabs.map((t, i) => (
        <a
          key={t.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          href={hrefOf(t.id)}
          role={scripted ? 'tab' : undefined}
          id={`${idPrefix}-tab-${t.id}`}
          aria-selected={scripted ? t.id === value : undefined}
          aria-current={!scripted && t.id === value ? 'page' : undefined}
          aria-controls={scripted ? `${idPrefix}-panel-${t.id}` : undefined}
          tabIndex={scripted ? (t.id === value ? 0 : -1) : undefined}
          className={styles.tab}
          onClick={(e) => onClick(e, t.id)}
          onKeyDown={(e) => onKey(e, i)}
        >
          {t.label}
        </a>
      ))}
    </div>
  );
}

export const Tabs = memo(TabsImpl) as typeof TabsImpl;
