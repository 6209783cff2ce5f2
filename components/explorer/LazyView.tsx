'use client';

import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';

interface BoundaryProps {
  /** What failed, for the message: "map view". */
  readonly what: string;
  readonly onRetry: () => void;
  readonly children: ReactNode;
}

/**
 * Catches a view that could not load its code (offline, or this page's HTML is older than the
 * site: its code files are gone after a redeploy) or failed while drawing, so that only the
 * view's place shows a message, never the whole page an error.
 */
class ViewBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="notice">
        <p>
          <strong>The {this.props.what} could not be loaded.</strong> The connection may have dropped, or the site was updated since this page was opened. The rest of the
          page still works.
        </p>
        <p className="notice-actions">
          <button type="button" className="button" onClick={this.props.onRetry}>
            Retry
          </button>{' '}
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>{' '}
          <span className="small">(a reload keeps this view)</span>
        </p>
      </div>
    );
  }
}

/**
 * A view whose code loads only when it is first shown (to keep first-load JavaScript small), with
 * a loading line while it arrives and a message with Retry if it cannot arrive. Unlike
 * next/dynamic, a failed load is not remembered: Retry, or showing the view again, loads it anew.
 * Views made this way are never in the server-rendered HTML (the default view is the chart).
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, what: string, loading: string): ComponentType<P> {
  const make = () =>
    lazy(() =>
      load().then(
        (c) => ({ default: c }),
        (e: unknown) => {
          Lazy = make(); // the next render tries again
          throw e;
        },
      ),
    );
  let Lazy = make();
  function LazyView(props: P) {
    const [attempt, setAttempt] = useState(0);
    return (
      <ViewBoundary key={attempt} what={what} onRetry={() => setAttempt((a) => a + 1)}>
        <Suspense fallback={<p role="status">{loading}</p>}>
          <Lazy {...props} />
        </Suspense>
      </ViewBoundary>
    );
  }
  LazyView.displayName = `LazyView(${what})`;
  return LazyView;
}
