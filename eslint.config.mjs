import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// shared-rules must run unchanged in Excel, the CLI and the server: no Node, no DOM, no I/O, no clock.
const pureRestrictions = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['node:*'], message: 'shared-rules is pure: no Node built-ins.' },
        {
          group: ['fs', 'path', 'crypto', 'os', 'stream', 'buffer', 'util', 'zlib', 'child_process', 'http', 'https'],
          message: 'shared-rules is pure: no Node built-ins.',
        },
        {
          group: ['exceljs', 'knex', 'objection', 'pg', 'express', 'react', 'react-dom', '@fluentui/*', '@portfund/templates', '@portfund/ingest-server', '@portfund/addin'],
          message: 'shared-rules is pure: I/O and UI live at the edges.',
        },
      ],
    },
  ],
  'no-restricted-globals': ['error', 'process', 'Buffer', 'window', 'document', 'require', '__dirname', 'Office', 'Excel'],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Rules are deterministic: no randomness.' },
    { object: 'Date', property: 'now', message: 'Pass today in through the check context.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass today in through the check context.' },
  ],
};

// The add-in and the console run in a browser and reach the server only through @portfund/api-contract: no import of
// ingest-server/src, under any spelling (from ingest-server/console/src, "../../src/…" is the server's src).
const uiFence = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['**/ingest-server/src', '**/ingest-server/src/**', '@portfund/ingest-server', '@portfund/ingest-server/**'],
          message: 'The UIs use the server through @portfund/api-contract (schemas, labels, client), never ingest-server/src.',
        },
        { regex: '^(\\.\\./)+src(/|$)', message: 'A relative path out of the UI into a src folder: use @portfund/api-contract.' },
        { regex: '^(\\.\\./)*\\.\\./?$', message: 'A relative path out of the UI: use @portfund/api-contract.' },
      ],
    },
  ],
};

// Services answer with results (services/result.ts); only http/ knows statuses and error responses.
const servicesFence = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['**/src/http', '**/src/http/**', '@portfund/ingest-server/src/http/**'], message: 'Services never import http/: return a refusal (services/result.ts).' },
        { regex: '^(\\.\\./)+http(/|$)', message: 'Services never import http/: return a refusal (services/result.ts).' },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', 'test-output/**', 'bench/out/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/testing/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs', '**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared-rules/src/**/*.ts'],
    ignores: ['shared-rules/src/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: pureRestrictions,
  },
  {
    files: ['addin/src/**/*.{ts,tsx}', 'ingest-server/console/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // the end-to-end tests (addin/test, console/*.test.ts) start a real server: only they may reach into it
    files: ['addin/**/*.{ts,tsx,js,mjs}', 'ingest-server/console/**/*.{ts,tsx}'],
    ignores: ['addin/test/**', 'ingest-server/console/*.test.ts'],
    rules: uiFence,
  },
  {
    files: ['ingest-server/src/services/**/*.ts'],
    rules: servicesFence,
  },
  {
    files: ['addin/src/**/*.{ts,tsx}'],
    ignores: ['addin/src/office/**', 'addin/src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='Excel'][property.name='run']", message: 'Excel.run lives in addin/src/office/ only.' },
      ],
    },
  },
);
