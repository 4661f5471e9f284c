import {
  defaultCssVariablesResolver,
  defaultVariantColorsResolver,
  DEFAULT_THEME,
  mergeMantineTheme,
} from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, cssVariablesResolver, inkOn, TEXT_CONTRAST, theme } from './theme';

const merged = mergeMantineTheme(DEFAULT_THEME, theme);
const base = defaultCssVariablesResolver(merged);
const ours = cssVariablesResolver(merged);

/** The value a CSS variable has in a scheme, following var(--…) references, as the browser would. */
function resolve(scheme: 'light' | 'dark', name: `--${string}`): string {
  const value = ours[scheme][name] ?? base[scheme][name] ?? ours.variables[name] ?? base.variables[name];
  if (value === undefined) throw new Error(`No ${name} in the ${scheme} scheme`);
  const reference = /^var\((--[\w-]+)\)$/.exec(value);
  return reference ? resolve(scheme, reference[1] as `--${string}`) : value;
}

const colours = Object.keys(merged.colors).filter((name) => name !== 'dark');
const body = { light: merged.white, dark: merged.colors.dark[7] };
// Where the app puts text besides the body: grey table stripes and hovered rows (light), inputs and
// hovered buttons (dark).
const surfaces = { light: [merged.colors.gray[0], merged.colors.gray[1]], dark: [merged.colors.dark[6]] };

describe.each(['light', 'dark'] as const)('the %s scheme', (scheme) => {
  it('dimmed text and field errors read on the body and its other surfaces', () => {
    for (const bg of [body[scheme], ...surfaces[scheme]]) {
      expect(contrastRatio(resolve(scheme, '--mantine-color-dimmed'), bg)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      expect(contrastRatio(resolve(scheme, '--mantine-color-error'), bg)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
    // Still dimmer than ordinary text, or it would not be worth the name.
    expect(contrastRatio(resolve(scheme, '--mantine-color-dimmed'), body[scheme])).toBeLessThan(
      contrastRatio(resolve(scheme, '--mantine-color-text'), body[scheme]),
    );
  });

  it('a placeholder reads in an empty field, and is lighter than dimmed text', () => {
    const field = scheme === 'light' ? merged.white : merged.colors.dark[6];
    const placeholder = resolve(scheme, '--mantine-color-placeholder');
    expect(contrastRatio(placeholder, field)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(contrastRatio(placeholder, field)).toBeLessThan(
      contrastRatio(resolve(scheme, '--mantine-color-dimmed'), field),
    );
  });

  it.each(colours)('%s: coloured, outline and light-variant text read where they are drawn', (colour) => {
    const v = (suffix: string) => resolve(scheme, `--mantine-color-${colour}-${suffix}`);
    for (const bg of [body[scheme], ...surfaces[scheme]]) {
      expect(contrastRatio(v('text'), bg), `${colour}-text`).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      expect(contrastRatio(v('outline'), bg), `${colour}-outline`).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
    for (const bg of [v('light'), v('light-hover')]) {
      expect(contrastRatio(v('light-color'), bg), `${colour}-light-color`).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });

  it.each(colours)('%s: a filled badge or button gets black or white text that reads on it', (colour) => {
    const filled = defaultVariantColorsResolver({ color: colour, theme: merged, variant: 'filled' });
    const text = resolve(scheme, /^var\((--[\w-]+)\)$/.exec(filled.color)![1] as `--${string}`);
    expect(contrastRatio(text, resolve(scheme, `--mantine-color-${colour}-filled`))).toBeGreaterThanOrEqual(
      TEXT_CONTRAST,
    );
  });
});

describe('inkOn', () => {
  it('keeps a palette shade where one reads, and darkens the deepest where none does', () => {
    expect(inkOn(merged.colors.blue, ['#ffffff'])).toBe(merged.colors.blue[8]);
    const amber = inkOn(merged.colors.yellow, [merged.colors.yellow[1], merged.colors.yellow[2]]);
    expect(amber).not.toBe(merged.colors.yellow[9]);
    expect(contrastRatio(amber, merged.colors.yellow[2])).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });
});
