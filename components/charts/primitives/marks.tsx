import type { KeyboardEvent, ReactNode } from 'react';
import base from './chart.module.css';

/**
 * A mark that is a button (a quote marker, a series-break label): a focusable <g role="button">
 * with its own focus ring (`ring`, drawn by the caller's shape and skipped by the exporter), Enter or
 * Space to activate, Escape to close when pressed. Without `onActivate` it is a plain, hidden mark.
 * The parent holds which one is open (pressed) and shows its content outside the chart.
 */
export function MarkButton({
  label,
  pressed,
  onActivate,
  onClose,
  ring,
  title,
  className,
  data,
  children,
}: {
  /** Accessible name ("Quote: …", "Break in the series: …"). */
  readonly label: string;
  readonly pressed: boolean;
  readonly onActivate?: () => void;
  readonly onClose?: () => void;
  /** The focus ring's shape (e.g. a circle or rect a little larger than the mark). */
  readonly ring: ReactNode;
  /** Native tooltip text. */
  readonly title?: string;
  readonly className?: string;
  /** data-* attributes, e.g. { 'data-quote': id }. */
  readonly data?: Readonly<Record<`data-${string}`, string | number>>;
  readonly children: ReactNode;
}) {
  const button = onActivate !== undefined;
  return (
    <g
      className={`${button ? base.markButton : ''} ${className ?? ''}`}
      role={button ? 'button' : undefined}
      tabIndex={button ? 0 : undefined}
      aria-label={button ? label : undefined}
      aria-pressed={button ? pressed : undefined}
      aria-hidden={button ? undefined : true}
      onClick={button ? onActivate : undefined}
      onKeyDown={
        button
          ? (e: KeyboardEvent<SVGGElement>) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onActivate();
              } else if (e.key === 'Escape' && pressed && onClose) {
                e.preventDefault();
                onClose();
              }
            }
          : undefined
      }
      {...data}
    >
      {title && <title>{title}</title>}
      {button && ring}
      {children}
    </g>
  );
}

/** The class for a mark button's focus ring shape. */
export const markRingClass = base.markRing;
