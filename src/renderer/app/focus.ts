import { useEffect, useRef } from 'react';

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
/** How many recent focus holders are remembered: a dialog's buttons, then what opened the dialog. */
const REMEMBERED = 4;
/** Focus is put back only while the loss is fresh; a screen still loading after this keeps the body. */
const PATIENCE_MS = 3000;

interface Holder {
  element: HTMLElement;
  /** Its ancestors when it took focus, nearest first: once it is removed, it no longer leads to them. */
  ancestors: HTMLElement[];
}

/** Makes an element focusable by script only (not by Tab) and focuses it. */
export function focusQuietly(element: HTMLElement): void {
  if (element.tabIndex < 0 && !element.hasAttribute('tabindex')) element.tabIndex = -1;
  element.focus();
}

function visible(element: HTMLElement): boolean {
  return element.checkVisibility({ visibilityProperty: true });
}

/** The first visible heading inside the element, or none. */
function headingIn(element: HTMLElement): HTMLElement | null {
  return [...element.querySelectorAll<HTMLElement>(HEADINGS)].find(visible) ?? null;
}

/**
 * Where focus goes back to when the element that held it has gone: that element if it is back (a
 * dialog's opener), else the heading of the nearest part of the screen still there, not looking
 * beyond the screen itself (`isBound`).
 */
function recoveryTarget(holders: Holder[], isBound: (e: HTMLElement) => boolean): HTMLElement | null {
  for (const holder of [...holders].reverse()) {
    if (holder.element.isConnected && visible(holder.element)) return holder.element;
    for (const ancestor of holder.ancestors) {
      if (!ancestor.isConnected) continue;
      const heading = headingIn(ancestor);
      if (heading) return heading;
      if (isBound(ancestor)) break;
    }
  }
  return null;
}

/**
 * Keeps keyboard focus on the screen. When a button is disabled while it saves, focus comes back to it
 * when it is enabled again. When the element holding focus is removed (a form replaced
 * by what it saved, a finalised draft, a closed dialog whose opener has gone, a new screen after a
 * button that navigates), the browser drops focus to the page body and a keyboard or screen-reader
 * user has to start again from the top. This puts it on the heading of the nearest part of the
 * screen that is still there (waiting for a screen that is still loading), never past the screen
 * itself into the menu or header. Screens that know a better place say so themselves (useFocusWhen).
 */
export function useFocusRecovery(): void {
  useEffect(() => {
    let holders: Holder[] = [];
    let lostAt: number | null = null;
    let busy: HTMLElement | null = null;
    const onFocusIn = (event: FocusEvent) => {
      const element = event.target;
      if (!(element instanceof HTMLElement)) return;
      const ancestors: HTMLElement[] = [];
      for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) ancestors.push(a);
      holders = [...holders, { element, ancestors }].slice(-REMEMBERED);
      lostAt = null;
      busy = null;
    };
    const recover = () => {
      const last = holders.at(-1);
      if (!last) return;
      // A button busy saving is disabled, which drops its focus (when the browser next lays out, not at
      // once): it gets focus back when it is enabled again.
      if (last.element.isConnected && last.element.matches(':disabled')) {
        busy = last.element;
        lostAt ??= performance.now();
        return;
      }
      const active = document.activeElement;
      if (active && active !== document.body) return;
      // Focus left on purpose (a click on plain text), not lost with its element.
      if (last.element.isConnected && busy !== last.element) return;
      lostAt ??= performance.now();
      if (performance.now() - lostAt > PATIENCE_MS) return;
      const target = last.element.isConnected ? last.element : recoveryTarget(holders, (e) => e.tagName === 'MAIN');
      if (target && !target.closest('[inert], [aria-hidden="true"]')) focusQuietly(target);
    };
    const observer = new MutationObserver(recover);
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
}

/**
 * Focuses the element each time `signal` moves on (and on mount if it already has): the heading of what
 * a save has just put on screen, such as the exercise log once the screen is recorded.
 */
export function useFocusWhen<T extends HTMLElement>(signal: number) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (signal > 0 && ref.current) focusQuietly(ref.current);
  }, [signal]);
  return ref;
}
