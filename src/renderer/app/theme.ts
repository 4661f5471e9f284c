import { createTheme, darken, luminance, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A muted teal: calm, legible in both schemes, and distinct from the red/amber/green of safety badges.
const pacewise: MantineColorsTuple = [
  '#e6f7f6',
  '#d3ebea',
  '#a9d6d3',
  '#7bc0bb',
  '#56ada7',
  '#3fa19a',
  '#319b94',
  '#228780',
  '#137871',
  '#006861',
];

/** WCAG 2.1 AA (1.4.3): normal-size text needs 4.5:1 against what is behind it. */
export const TEXT_CONTRAST = 4.5;

/** The WCAG contrast ratio of two colours (any form Mantine's luminance reads: hex, rgb(a)). */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** The first colour that reads on every background, else black. */
function firstThatReads(candidates: string[], backgrounds: string[]): string {
  return candidates.find((ink) => backgrounds.every((bg) => contrastRatio(ink, bg) >= TEXT_CONTRAST)) ?? '#000';
}

/** For a light surface: shade 8 or 9 of the colour where one reads, else shade 9 darkened until it does. */
export function inkOn(shades: MantineColorsTuple, backgrounds: string[]): string {
  const darker = Array.from({ length: 10 }, (_, step) => darken(shades[9], (step + 1) * 0.05));
  return firstThatReads([shades[8], shades[9], ...darker], backgrounds);
}

/** For a dark surface: shade 4 of the colour (Mantine's choice) where it reads, else the next lighter that does. */
function inkOnDark(shades: MantineColorsTuple, backgrounds: string[]): string {
  return firstThatReads([shades[4], shades[3], shades[2], shades[1], shades[0], '#fff'], backgrounds);
}

// Mantine's defaults put Text c="dimmed" at 3.3:1 (light) and 4.0:1 (dark), and coloured text on pale
// badges and alerts (orange, yellow, teal, green) well under 4.5:1. These greys are the lightest that
// still read on every surface the app puts them on: 4.7:1 on the pale teal of the active menu item
// (light), 4.7:1 on dark.5, a hovered row or button (dark).
const DIMMED = { light: '#5f666d', dark: '#a8a8a8' };
// A hint in an empty field ("DD/MM/YYYY", "Choose an image") is text to read too: 4.9:1 on a white field,
// 4.8:1 on a dark one, and a little lighter than dimmed text so it does not pass for a value.
const PLACEHOLDER = { light: '#6b7178', dark: '#999999' };

/**
 * Text colours that meet 4.5:1 in both schemes, for every palette, so a screen cannot pick one that fails:
 * `c="orange"` and outline badges (the colour's -text and -outline), light badges and alerts (-light-color on
 * -light and its hover), dimmed text, placeholders and field errors. Filled variants get black or white by autoContrast.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const white = t.white;
  const light: Record<string, string> = {
    '--mantine-color-dimmed': DIMMED.light,
    '--mantine-color-placeholder': PLACEHOLDER.light,
    '--mantine-color-error': inkOn(t.colors.red, [white, t.colors.gray[0], t.colors.red[0]]),
  };
  const dark: Record<string, string> = {
    '--mantine-color-dimmed': DIMMED.dark,
    '--mantine-color-placeholder': PLACEHOLDER.dark,
    '--mantine-color-error': 'var(--mantine-color-red-4)',
  };
  for (const [name, shades] of Object.entries(t.colors)) {
    if (name === 'dark') continue;
    const text = inkOn(shades, [white, t.colors.gray[1], shades[1]]);
    light[`--mantine-color-${name}-text`] = text;
    light[`--mantine-color-${name}-outline`] = text;
    light[`--mantine-color-${name}-light-color`] = inkOn(shades, [shades[1], shades[2]]);
    const onDark = inkOnDark(shades, [t.colors.dark[7], t.colors.dark[6], darken(shades[9], 0.5)]);
    dark[`--mantine-color-${name}-text`] = onDark;
    dark[`--mantine-color-${name}-outline`] = onDark;
  }
  return { variables: {}, light, dark };
};

export const theme = createTheme({
  primaryColor: 'pacewise',
  colors: { pacewise },
  // One shade in both schemes: autoContrast judges a filled colour by its light-scheme shade, so a different
  // dark shade could get the wrong text colour.
  primaryShade: { light: 8, dark: 8 },
  // Black or white text on a filled colour, whichever reads: at a luminance of 0.1833 white gives exactly
  // 4.5:1, and above it black gives more than 4.6:1 (Mantine's default threshold, 0.3, leaves white on
  // amber at 2.5:1).
  autoContrast: true,
  luminanceThreshold: 0.1833,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    // Large targets for touch and for tired hands between patients.
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    NativeSelect: { defaultProps: { size: 'md' } },
    MultiSelect: { defaultProps: { size: 'md' } },
    Radio: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    DateInput: { defaultProps: { size: 'md' } },
    TimeInput: { defaultProps: { size: 'md' } },
    SegmentedControl: { defaultProps: { size: 'md' } },
    Checkbox: { defaultProps: { size: 'md' } },
    Switch: { defaultProps: { size: 'md' } },
    // Mantine leaves these icon-only buttons unnamed; a screen reader would announce just "button".
    InputClearButton: { defaultProps: { 'aria-label': 'Clear' } },
    // A status, not an alert: "Saved" should not interrupt what a screen reader is saying.
    Notification: { defaultProps: { role: 'status', closeButtonProps: { 'aria-label': 'Close the notification' } } },
    // A dialog opens on its first field or its first button (every confirmation puts the safe choice,
    // "Cancel" or "Keep editing", first), not on the corner ×: that is left out of the Tab order, as
    // Escape and Cancel do the same from the keyboard.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close the dialog', tabIndex: -1 } } },
    // Sentence case and square-ish corners on every badge, so "Go with modifications" reads the same
    // on Today, the caseload and the recorder.
    Badge: { defaultProps: { radius: 'sm' }, styles: { root: { textTransform: 'none' } } },
  },
});
