import type { Page } from '@playwright/test';
import axe, { type NodeResult, type Result, type RunOptions } from 'axe-core';

export type ColorScheme = 'light' | 'dark';

/** WCAG 2.1 levels A and AA: the anchor issue 25 sets for every screen. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const FAILING = new Set(['serious', 'critical']);

const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: WCAG_21_AA },
  // Only violations are reported in full; passes would be serialised back for nothing.
  resultTypes: ['violations'],
};

/**
 * The serious and critical WCAG 2.1 A/AA violations on what the page shows now.
 *
 * axe-core is injected by evaluation, as @axe-core/playwright's AxeBuilder does (the CSP blocks inline
 * scripts, rightly), but once per page load rather than twice per check, and run in the page itself:
 * the app has no frames (CSP frame-src 'none'), so AxeBuilder's partial run in an extra blank page would
 * check nothing more, and Electron's launcher cannot open one.
 */
export async function seriousViolations(page: Page): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(
    (options) => (window as unknown as { axe: typeof axe }).axe.run(document, options),
    OPTIONS,
  );
  return results.violations
    .map((violation) => ({ ...violation, nodes: violation.nodes.filter((node) => FAILING.has(node.impact ?? '')) }))
    .filter((violation) => violation.nodes.length > 0);
}

function describeNode(node: NodeResult): string {
  const why = (node.failureSummary ?? '').split('\n').slice(1).join(' ').trim();
  const html = node.html.length > 160 ? `${node.html.slice(0, 160)}…` : node.html;
  return `    at ${node.target.join(' ')}\n      ${why}\n      ${html}`;
}

/** One line per rule and one entry per element: what a failing test prints, so the fix can start from it. */
export function describeViolations(screen: string, scheme: ColorScheme, violations: Result[]): string {
  const count = violations.reduce((n, v) => n + v.nodes.length, 0);
  return [
    `${count} serious or critical WCAG 2.1 A/AA violation${count === 1 ? '' : 's'} on "${screen}" (${scheme}):`,
    ...violations.map(
      (v) => `  ${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]\n${v.nodes.map(describeNode).join('\n')}`,
    ),
  ].join('\n');
}

/**
 * Waits until no finite animation or transition has run for three frames in a row (a colour mid-fade
 * would be measured wrong, and a tooltip's fade can start a frame after the pointer leaves), leaving
 * endless ones such as a loader's spin alone.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __calmFrames: number }).__calmFrames = 0;
  });
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __calmFrames: number };
      const calm = document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity);
      w.__calmFrames = calm ? w.__calmFrames + 1 : 0;
      return w.__calmFrames >= 3;
    },
    undefined,
    { polling: 'raf' },
  );
}
