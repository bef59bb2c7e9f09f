import type { Config } from 'tailwindcss';

export default {
  // `relative: true` resolves the globs against this file, not the cwd
  // (the dev server and build are started from the repository root).
  content: {
    relative: true,
    files: ['./app/**/*.{ts,tsx}'],
  },
  theme: {
    extend: {
      fontFamily: {
        sans: ['Inter', 'ui-sans-serif', 'system-ui', 'sans-serif', 'Apple Color Emoji', 'Segoe UI Emoji'],
      },
    },
  },
  plugins: [],
} satisfies Config;
