import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/** The cooperative green of the e-mails (#2f6f4e), as a ten-shade palette. Shade 7 is the brand. */
const mutua: MantineColorsTuple = [
  '#ecf7f1',
  '#dcefe4',
  '#b5dec8',
  '#8bcbaa',
  '#68bb90',
  '#52b17f',
  '#3f8f65',
  '#2f6f4e',
  '#265c41',
  '#1b4631',
];

export const theme = createTheme({
  primaryColor: 'mutua',
  // Shade 7 under white text: contrast 6.2:1 (WCAG AA for any text size).
  primaryShade: 7,
  colors: { mutua },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  defaultRadius: 'md',
  headings: { fontWeight: '650' },
  focusRing: 'auto',
  components: {
    Table: { defaultProps: { verticalSpacing: 'xs' } },
  },
});

/**
 * WCAG AA contrast: Mantine's "dimmed" grey (#868e96) is 3.3:1 on white, ours is 5.9:1; the text of
 * light badges and alerts uses each colour's darkest shade instead of shade 6 (about 3:1 on its tint).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': '#5f666d',
    '--mantine-color-placeholder': '#6c737a',
    // Field errors in red.9 (5.9:1) rather than red.6 (3.6:1).
    '--mantine-color-error': t.colors.red[9],
  };
  for (const [name, shades] of Object.entries(t.colors)) {
    if (name === 'dark' || !shades[9]) continue;
    light[`--mantine-color-${name}-light-color`] = shades[9];
  }
  return { variables: {}, light, dark: {} };
};
