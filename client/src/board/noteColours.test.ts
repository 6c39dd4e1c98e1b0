import { describe, expect, it } from 'vitest';
import { noteColors } from '@vermeboard/shared';
import { accessibleNoteFills, accessibleThemes } from './noteColours.js';

/** WCAG 2.1 relative luminance of an sRGB colour, `#rrggbb` or `hsl(h, s%, l%)`. */
function luminance(colour: string): number {
  const rgb = toRgb(colour).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!;
}

function toRgb(colour: string): number[] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return hex.slice(1).map((h) => parseInt(h, 16) / 255);
  const hsl = /^hsl\(([\d.]+),\s*([\d.]+)%,\s*([\d.]+)%\)$/.exec(colour);
  if (!hsl) throw new Error(`not a colour: ${colour}`);
  const [h, s, l] = [Number(hsl[1]) / 360, Number(hsl[2]) / 100, Number(hsl[3]) / 100];
  const f = (n: number) => {
    const k = (n + h * 12) % 12;
    return l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [f(0), f(8), f(4)];
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe('note colours', () => {
  for (const mode of ['light', 'dark'] as const) {
    const canvas = accessibleThemes.default.colors[mode].background;
    it(`every note colour stands out 3:1 from the ${mode} canvas and carries text at 4.5:1`, () => {
      for (const colour of noteColors) {
        const [fill, text] = accessibleNoteFills[mode][colour]!;
        expect(contrast(fill, canvas), `${colour} on ${canvas}`).toBeGreaterThanOrEqual(3);
        expect(contrast(text, fill), `text on ${colour}`).toBeGreaterThanOrEqual(4.5);
        const themed = (accessibleThemes.default.colors[mode] as unknown as Record<string, { noteFill: string }>)[
          colour
        ];
        expect(themed?.noteFill).toBe(fill);
      }
    });
  }

  it('the check itself tells a failing pair: tldraw’s light yellow note on its light canvas', () => {
    expect(contrast('#FED49A', '#f9fafb')).toBeLessThan(3);
  });
});
