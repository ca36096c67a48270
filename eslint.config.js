import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { entryFiles, modulesReachedFrom } from './scripts/import-graph.mjs';

/*
 * Import zones: the architecture in README.md, enforced. Each is a list of forbidden import
 * sources (matched on the specifier, so `@/lib/db/x`, `../db/x` and `./db/x` all count).
 * ESLint replaces a rule's options rather than merging them, so where zones overlap the later
 * block wins and each zone below repeats what the ones before it forbid.
 */
const REACT = {
  regex: '^(react|react-dom|zustand)(/.*)?$|^dexie-react-hooks$',
  message: 'React and stores belong to components and extension pages.',
};
const DEXIE = {
  regex: '^(dexie|dexie-react-hooks|fake-indexeddb)(/.*)?$',
  message: 'Only lib/db opens the database (through Dexie).',
};
const DB = {
  regex: '(^|/)db(/.*)?$',
  message: 'Only extension pages and the background reach the database (lib/db).',
};
const MESSAGING = {
  regex: '(^|/)(messaging|messaging-client)$|^wxt(/.*)?$',
  message: 'Host readers are pure functions of a Document: no messaging, no browser APIs.',
};
const inZone = (zone, ...restrictions) =>
  restrictions.map((r) => ({ ...r, message: `${zone}: ${r.message}` }));

/** Every module a content script loads at run time, wherever it sits: bundled into the page. */
const CONTENT_SCRIPT_FILES = [
  'entrypoints/*.content/**/*.{ts,tsx}',
  'entrypoints/*.content.{ts,tsx}',
  ...modulesReachedFrom(
    import.meta.dirname,
    entryFiles(import.meta.dirname, /\.content(\.tsx?)?$/),
  ),
];

/*
 * Pure rules: functions of data and `now`. lib/nudges.ts is not here: it reads the database
 * today and is to move into lib/db; the nudge rule itself (nudgeFor) lives in impressions.ts.
 */
const PURE_RULE_FILES = [
  'lib/impressions.ts',
  'lib/nudge-rule.ts',
  'lib/metrics.ts',
  'lib/digest.ts',
  'lib/identity.ts',
  'lib/model.ts',
  'lib/review.ts',
  'lib/goodwill-format.ts',
  'lib/news/**/*.ts',
  'lib/compose/**/*.ts',
];

const importZones = [
  {
    files: ['lib/db/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: inZone('lib/db', REACT) }],
    },
  },
  {
    files: CONTENT_SCRIPT_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: inZone('Content script', DEXIE, DB).map((r) => ({
            ...r,
            // Types leave nothing in the bundle.
            allowTypeImports: true,
          })),
        },
      ],
    },
  },
  {
    files: PURE_RULE_FILES,
    rules: {
      'no-restricted-imports': ['error', { patterns: inZone('Pure rule', DEXIE, DB) }],
    },
  },
  {
    files: ['lib/hosts/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: inZone('Host reader', REACT, DEXIE, DB, MESSAGING) },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      '.output*/**',
      '.wxt/**',
      '.bench-baseline/**',
      'node_modules/**',
      'reports/**',
      'demo-output/**',
      'bench-results/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // Page and user text is rendered as text only (Trust promise 3).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text, never HTML: dangerouslySetInnerHTML is forbidden.',
        },
        {
          selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render text, never HTML: innerHTML/outerHTML writes are forbidden.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Render text, never HTML: insertAdjacentHTML is forbidden.',
        },
      ],
    },
  },
  {
    files: ['{components,entrypoints,lib}/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...importZones,
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
