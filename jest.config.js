// One jest run over every workspace; each package is a project so they can be run alone (--selectProjects).
// Sucrase strips TypeScript and JSX and turns imports into require (pure JavaScript: no platform binaries to install).
const transform = {
  // the plugin picks the transforms per file extension (TypeScript, JSX, imports, jest.mock hoisting)
  '^.+\\.(t|j)sx?$': ['@sucrase/jest-plugin', { jsxRuntime: 'automatic', production: true }],
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
