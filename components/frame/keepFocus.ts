/**
 * Keep keyboard focus when part of the page is redrawn under it. When the interactive chart
 * replaces the server-drawn one (or redraws), the button or link a keyboard reader was on is
 * removed, and the browser leaves focus on <body>: the reader loses their place and a screen
 * reader announces nothing. This watches `root` and, when the focused element is removed while
 * focus has gone nowhere else, focuses its twin in what replaced it: the element of the same tag
 * and name (aria-label, else text), the same one of those in order.
 *
 * DOM only (no React). Returns the function that stops watching.
 */

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/** Tag and accessible name, as far as they can be read cheaply. */
function nameOf(el: Element): string {
  return `${el.tagName}|${el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 80)}`;
}

interface Place {
  readonly name: string;
  /** Which of the elements with this name, in document order. */
  readonly nth: number;
}

function placeOf(root: Element, el: Element): Place {
  const name = nameOf(el);
  const same = [...root.querySelectorAll(FOCUSABLE)].filter((e) => nameOf(e) === name);
  return { name, nth: Math.max(0, same.indexOf(el)) };
}

function twinOf(root: Element, place: Place): HTMLElement | undefined {
  const same = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => nameOf(e) === place.name);
  return same[place.nth] ?? same[0];
}

const focusIsNowhere = () => document.activeElement === null || document.activeElement === document.body;

export function keepFocusIn(root: HTMLElement): () => void {
  let last: { readonly el: Element; readonly place: Place } | undefined;
  const onFocusIn = (e: FocusEvent) => {
    if (e.target instanceof Element && e.target !== root) last = { el: e.target, place: placeOf(root, e.target) };
  };
  const onFocusOut = (e: FocusEvent) => {
    if (e.relatedTarget instanceof Node && root.contains(e.relatedTarget)) return;
    if (e.relatedTarget instanceof Node) {
      last = undefined;
      return;
    }
    // Focus went to nothing: a removal (the twin is found below) or a click on the page's
    // background, which leaves the element in place and must not be undone.
    const was = last;
    setTimeout(() => {
      if (was && last === was && was.el.isConnected) last = undefined;
    });
  };
  const restore = () => {
    if (!last || last.el.isConnected || !focusIsNowhere()) return;
    const twin = twinOf(root, last.place);
    if (twin) twin.focus({ preventScroll: true });
  };
  root.addEventListener('focusin', onFocusIn);
  root.addEventListener('focusout', onFocusOut);
  const observer = new MutationObserver(restore);
  observer.observe(root, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    root.removeEventListener('focusin', onFocusIn);
    root.removeEventListener('focusout', onFocusOut);
  };
}
