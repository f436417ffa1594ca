import type { Config } from 'tailwindcss';

// Tailwind v4 reads its design tokens from @theme in app/globals.css; this file is loaded there
// with @config and only names where class names are found.
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
};

export default config;
