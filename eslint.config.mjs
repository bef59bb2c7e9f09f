import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import globals from 'globals';
import security from 'eslint-plugin-security';
import { dependencyMapBlocks } from './eslint.dependency-map.mjs';

/** Contract files that build zod schemas: the browser takes their types only, so zod stays out of its bundle. */
const contractSchemaFiles = readdirSync(new URL('./contracts/', import.meta.url))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .filter((file) => /from 'zod'/.test(readFileSync(new URL(`./contracts/${file}`, import.meta.url), 'utf8')))
  .map((file) => `@contracts/${file.replace(/\.ts$/, '')}`);

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.data/',
      'web/build/',
      'web/.cache/',
      'web/.react-router/',
      'coverage/',
      'test-artifacts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Security lint (seed 003 S7.3). Off: object-injection, which flags every typed index (hundreds, none reachable
  // with a caller's key), and non-literal file names, which here come from configuration or are checked
  // (audio-store-disk keeps keys inside its folder).
  security.configs.recommended,
  {
    rules: {
      'security/detect-object-injection': 'off',
      'security/detect-non-literal-fs-filename': 'off',
    },
  },
  // Tests, benches, scripts and simulators build patterns from their own inputs, never from a caller's.
  {
    files: ['tests/**', 'bench/**', 'scripts/**', 'sim/**', '**/*.test.ts'],
    rules: { 'security/detect-unsafe-regex': 'off', 'security/detect-non-literal-regexp': 'off' },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  { files: ['web/app/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  ...dependencyMapBlocks({
    web: {
      patterns: [
        {
          group: contractSchemaFiles,
          allowTypeImports: true,
          message:
            'The web app imports contract schemas as types only (decision 009); values come from vocabulary files.',
        },
      ],
    },
    // Workflows must stay deterministic: no I/O, no database, no HTTP layer, no provider SDKs.
    workflows: {
      paths: nodeBuiltins.map((name) => ({ name, message: 'Workflows are deterministic: do I/O in an activity.' })),
      patterns: [
        { group: ['@mikro-orm/*', 'pg'], message: 'Workflows must not touch the database; use an activity.' },
        { group: ['fastify', '@fastify/*'], message: 'Workflows must not depend on the HTTP layer.' },
        {
          group: [
            'stripe',
            'twilio',
            'heroku-client',
            '@elevenlabs/*',
            'nodemailer',
            '@temporalio/client',
            '@temporalio/worker',
            '@temporalio/activity',
          ],
          message: 'Provider SDKs and Temporal client/worker code belong in activities or temporal/.',
        },
      ],
    },
  }),
);
