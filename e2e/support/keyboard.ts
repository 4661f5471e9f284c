import { expect, type Locator, type Page } from '@playwright/test';

interface Focus {
  /** What holds focus, as a failing test should name it. */
  what: string;
  onBody: boolean;
  /** An outline or ring is drawn around it, or around the control that stands for it. */
  shows: boolean;
}

/** What holds keyboard focus now, and whether the eye can see where it is. */
export async function focusNow(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'the page body', onBody: true, shows: false };
    const ringed = (e: Element | null | undefined) => {
      if (!e) return false;
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none';
    };
    // A native input Mantine hides (segmented control, switch) has its ring drawn on its label.
    const input = el instanceof HTMLInputElement ? el : null;
    const shows = ringed(el) || ringed(input?.labels?.[0]) || ringed(el.nextElementSibling) || ringed(el.parentElement);
    const name =
      el.getAttribute('aria-label') ??
      input?.labels?.[0]?.textContent ??
      el.textContent ??
      el.getAttribute('placeholder') ??
      '';
    return { what: `<${el.tagName.toLowerCase()}> "${name.trim().slice(0, 60)}"`, onBody: false, shows };
  });
}

/** Fails unless focus is on an element (not dropped to the page body) and visibly so. */
export async function expectVisibleFocus(page: Page, after: string): Promise<void> {
  const focus = await focusNow(page);
  expect(focus.onBody, `focus is lost to the page body after ${after}`).toBe(false);
  expect(focus.shows, `focus on ${focus.what} (after ${after}) cannot be seen`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking at every stop that focus can be seen.
 * Fails naming each stop when it takes more than `max` presses: the order a keyboard user meets.
 */
export async function tabTo(page: Page, target: Locator, { max = 40, back = false } = {}): Promise<void> {
  await expect(target).toBeAttached();
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await focusNow(page);
    stops.push(focus.what);
    expect(focus.shows, `focus on ${focus.what} cannot be seen (stops so far: ${stops.join(' → ')})`).toBe(true);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${max} presses of Tab did not reach the target; they went ${stops.join(' → ')}`);
}

/** Presses Tab once and expects focus on `next`: the order of the fields as they are read. */
export async function tabExpecting(page: Page, next: Locator): Promise<void> {
  await page.keyboard.press('Tab');
  await expect(next).toBeFocused();
  await expectVisibleFocus(page, `Tab to ${await next.evaluate((el) => el.outerHTML.slice(0, 80))}`);
}
