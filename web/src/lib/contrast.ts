import { darken } from "@mantine/core";

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/**
 * `color` darkened in small steps until its contrast with `against` (a lighter colour) reaches `ratio` (WCAG AA
 * for body text: 4.5): a background under white text, or text on a light tint.
 */
export function darkenForContrast(color: string, against = "#ffffff", ratio = 4.5): string {
  for (let i = 0; i < 20 && contrastRatio(color, against) < ratio; i += 1) {
    color = toHex(darken(color, 0.06));
  }
  return color;
}

/** Mantine's colour functions answer rgb(…) for some inputs; the contrast maths reads #rrggbb. */
function toHex(color: string): string {
  const match = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (!match) {
    return color;
  }
  return `#${match
    .slice(1, 4)
    .map((n) => Number(n).toString(16).padStart(2, "0"))
    .join("")}`;
}
