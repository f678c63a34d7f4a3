// The lint fences, run on source text as ESLint sees it with the repository's config: the add-in and the console never
// import ingest-server/src (by package name or any relative path), services never import http/.
import { join } from 'node:path';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: join(__dirname, '..') });

/** How many no-restricted-imports problems one import gets in a file at this path. */
const fenced = async (filePath: string, source: string): Promise<number> => {
  const [result] = await eslint.lintText(`import { x } from '${source}';\nexport const y = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
};

describe('the add-in never imports the server', () => {
  it.each([
    ['addin/src/ui/labels.ts', '../../../ingest-server/src/services/review/state-machine'],
    ['addin/src/api/server.ts', '../../../ingest-server/src/models/filing'],
    ['addin/src/main.tsx', '../../ingest-server/src/http/errors'],
    ['addin/src/ui/labels.ts', '@portfund/ingest-server/src/api/registry'],
    ['addin/src/ui/labels.ts', '@portfund/ingest-server'],
  ])('%s: %s is refused', async (file, source) => expect(await fenced(file, source)).toBe(1));

  it.each([
    ['addin/src/ui/labels.ts', '@portfund/api-contract'],
    ['addin/src/ui/labels.ts', '../check/run-check'],
    ['addin/src/ui/labels.ts', '@portfund/shared-rules'],
  ])('%s: %s passes', async (file, source) => expect(await fenced(file, source)).toBe(0));
});

describe('the console never imports the server', () => {
  it.each([
    ['ingest-server/console/src/labels.ts', '../../src/services/review/state-machine'],
    ['ingest-server/console/src/types.ts', '../../src/models/filing'],
    ['ingest-server/console/src/pages/ReportsPage.tsx', '../../../src/services/reports/quarters'],
    ['ingest-server/console/src/pages/ReportsPage.tsx', '../../../ingest-server/src/api/registry'],
    ['ingest-server/console/src/App.tsx', '../..'],
    ['ingest-server/console/src/App.tsx', '@portfund/ingest-server/src/models/user'],
  ])('%s: %s is refused', async (file, source) => expect(await fenced(file, source)).toBe(1));

  it.each([
    ['ingest-server/console/src/pages/ReportsPage.tsx', '@portfund/api-contract'],
    ['ingest-server/console/src/pages/ReportsPage.tsx', '../labels'],
    ['ingest-server/console/src/App.tsx', './api'],
  ])('%s: %s passes', async (file, source) => expect(await fenced(file, source)).toBe(0));
});

describe('services never import http/', () => {
  it.each([
    ['ingest-server/src/services/users.ts', '../http/errors'],
    ['ingest-server/src/services/registry/scope.ts', '../../http/errors'],
    ['ingest-server/src/services/reconcile/testing/harness.ts', '../../../http/refusals'],
    ['ingest-server/src/services/users.ts', '@portfund/ingest-server/src/http/auth'],
  ])('%s: %s is refused', async (file, source) => expect(await fenced(file, source)).toBe(1));

  it.each([
    ['ingest-server/src/services/users.ts', './result'],
    ['ingest-server/src/services/registry/scope.ts', '../../models/user'],
    ['ingest-server/src/routes/admin.ts', '../http/errors'],
  ])('%s: %s passes', async (file, source) => expect(await fenced(file, source)).toBe(0));
});
