import type { CSSProperties } from 'react';

import { PRIMARY_COLOR_PATTERN } from '@contracts/branding-rules';

/**
 * A tenant's primary colour as the CSS custom properties the customer portal's primary buttons and active
 * navigation use (`var(--brand-primary, <VoicePlane indigo>)`), with derived shades: lighter on hover, a soft
 * background, a strong text colour, and black or white text on the colour, whichever reads better. Without a
 * colour nothing is set and the defaults apply (the admin portal never sets any).
 */
export const DEFAULT_PRIMARY = '#4f46e5';

type Rgb = [number, number, number];

const parse = (hex: string): Rgb => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const toHex = (rgb: Rgb) => `#${rgb.map((part) => Math.round(part).toString(16).padStart(2, '0')).join('')}`;
const mix = (rgb: Rgb, other: Rgb, share: number): string =>
  toHex(rgb.map((part, i) => part * (1 - share) + other[i]! * share) as Rgb);

/** WCAG relative luminance, 0 (black) to 1 (white). */
function luminance([r, g, b]: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function brandVariables(color: string | null | undefined): Record<string, string> | null {
  if (!color || !PRIMARY_COLOR_PATTERN.test(color)) return null;
  const rgb = parse(color.toLowerCase());
  const white: Rgb = [255, 255, 255];
  const black: Rgb = [0, 0, 0];
  return {
    '--brand-primary': color.toLowerCase(),
    '--brand-primary-hover': mix(rgb, white, 0.15),
    '--brand-primary-soft': mix(rgb, white, 0.9),
    '--brand-primary-strong': mix(rgb, black, 0.25),
    '--brand-on-primary': luminance(rgb) > 0.45 ? '#0f172a' : '#ffffff',
  };
}

/** The variables as a React `style` (undefined without a colour). */
export const brandStyle = (color: string | null | undefined): CSSProperties | undefined =>
  (brandVariables(color) ?? undefined) as CSSProperties | undefined;

/** A page title with the product's name replaced by the tenant's dashboard title. */
export const brandedTitle = (title: string, dashboardTitle: string | null | undefined): string =>
  dashboardTitle ? title.replace(/VoicePlane(?: admin)?$/, dashboardTitle) : title;
