// Sticky-note colours people can tell from the canvas: tldraw's own note fills are pastel (its
// light yellow, grey and white are 1.0–1.6:1 against the light canvas), which fails WCAG 2.1
// 1.4.11's 3:1 for graphics a person must see. These keep each colour's hue and move its
// lightness until the note is at least 3:1 against the canvas and its text at least 4.5:1 against
// the note (1.4.3), in the light and the dark theme. The numbers are checked in noteColours.test.ts.
import { DEFAULT_THEME, type TLTheme } from 'tldraw';

type Fills = Record<string, readonly [fill: string, text: string]>;

export const accessibleNoteFills: { light: Fills; dark: Fills } = {
  light: {
    // tldraw draws its default note colour, "black", as a yellow sticky note in the light theme.
    black: ['#B88606', '#000000'],
    blue: ['#6687FF', '#000000'],
    green: ['#3DA068', '#000000'],
    grey: ['#7C91A4', '#000000'],
    'light-blue': ['#518FE6', '#000000'],
    'light-green': ['#53A040', '#000000'],
    'light-red': ['#E8655E', '#000000'],
    'light-violet': ['#BD6BEA', '#000000'],
    orange: ['#F55C09', '#000000'],
    red: ['#FB5353', '#000000'],
    violet: ['#CA5CFC', '#000000'],
    yellow: ['#D07A02', '#000000'],
    white: ['#8E8E8E', '#000000'],
  },
  dark: {
    black: ['#626262', '#FFFFFF'],
    blue: ['#3D58C9', '#FFFFFF'],
    green: ['#027144', '#FFFFFF'],
    grey: ['#5F6268', '#FFFFFF'],
    'light-blue': ['#2462AD', '#FFFFFF'],
    'light-green': ['#2A7025', '#FFFFFF'],
    'light-red': ['#A24444', '#FFFFFF'],
    'light-violet': ['#923AAF', '#FFFFFF'],
    orange: ['#9F4906', '#FFFFFF'],
    red: ['#B72F2D', '#FFFFFF'],
    violet: ['#9A2DB6', '#FFFFFF'],
    yellow: ['#835A1B', '#FFFFFF'],
    white: ['#EAEAEA', '#1D1D1D'],
  },
};

function withNotes(colors: TLTheme['colors']['light'], fills: Fills): TLTheme['colors']['light'] {
  const out: Record<string, unknown> = { ...colors };
  for (const [name, [noteFill, noteText]] of Object.entries(fills)) {
    const base = (colors as unknown as Record<string, object>)[name];
    if (base) out[name] = { ...base, noteFill, noteText };
  }
  return out as TLTheme['colors']['light'];
}

/** tldraw's default theme with the note colours above; passed to <Tldraw themes>. */
export const accessibleThemes = {
  default: {
    ...DEFAULT_THEME,
    colors: {
      light: withNotes(DEFAULT_THEME.colors.light, accessibleNoteFills.light),
      dark: withNotes(DEFAULT_THEME.colors.dark, accessibleNoteFills.dark),
    },
  },
} satisfies { default: TLTheme };
