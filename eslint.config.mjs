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
