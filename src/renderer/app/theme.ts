import { createTheme, type MantineColorsTuple } from '@mantine/core';

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

export const theme = createTheme({
  primaryColor: 'pacewise',
  colors: { pacewise },
  primaryShade: { light: 8, dark: 5 },
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
    // Sentence case and square-ish corners on every badge, so "Go with modifications" reads the same
    // on Today, the caseload and the recorder.
    Badge: { defaultProps: { radius: 'sm' }, styles: { root: { textTransform: 'none' } } },
  },
});
