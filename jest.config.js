// One jest run over every workspace; each package is a project so they can be run alone (--selectProjects).
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

const project = (name, roots, extra = {}) => ({
  displayName: name,
  roots,
  testEnvironment: 'node',
  transform,
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  ...extra,
});

module.exports = {
  testTimeout: 60000,
  projects: [
    project('shared-rules', ['<rootDir>/shared-rules']),
    project('templates', ['<rootDir>/templates']),
    project('ingest-server', ['<rootDir>/ingest-server']),
    project('addin', ['<rootDir>/addin']),
    project('e2e', ['<rootDir>/test']),
  ],
};
