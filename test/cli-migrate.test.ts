// `portfund migrate`: a workbook filled in the 1.0 template comes out as the current template with the same data —
// the same findings except template.outdated, and every input value unchanged.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CURRENT_VERSION } from '@portfund/shared-rules';
import { APPLICATION_EXAMPLE, CASHBOOK_EXAMPLE } from '@portfund/shared-rules/src/testing/seed-examples';
import { writeTemplate, type FillValues } from '@portfund/templates';
import { checkFileBytes } from '../ingest-server/src/workbook/check-file';
import { runPortfund } from './helpers/cli';
import { makeTempDir, removeDir } from './helpers/temp-dir';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('migrate');
});
afterAll(() => removeDir(dir));

const located = (f: { code: string; sheet?: string; cell?: string }) => `${f.code} ${f.sheet ?? ''}!${f.cell ?? ''}`;

it.each([
  ['application', '115_04595257_application.xlsx', { ...APPLICATION_EXAMPLE, app_fax: null }],
  ['cashbook', '11512_04595257_accounting.xlsx', { ...CASHBOOK_EXAMPLE, cb_open_petty: '５７９０４' }],
] as const)('moves a 1.0 %s with its mistakes into the current template', async (kind, name, fill) => {
  const old = join(dir, `old-${name}`);
  const migrated = join(dir, name);
  await writeFile(old, await writeTemplate(kind, { version: '1.0', fill: fill as FillValues }));
  const run = await runPortfund(['migrate', old, '--out', migrated]);
  expect(run.code).toBe(0);
  const before = await checkFileBytes(await readFile(old), name);
  const after = await checkFileBytes(await readFile(migrated), name);
  expect(before.templateVersion).toBe('1.0');
  expect(after.templateVersion).toBe(CURRENT_VERSION);
  expect(before.findings.map(located)).toContain('template.outdated !');
  expect(after.findings.map(located)).toEqual(before.findings.map(located).filter((f) => !f.startsWith('template.outdated')));
});

it('refuses a file that is not a workbook, with exit code 2', async () => {
  const junk = join(dir, 'junk.xlsx');
  await writeFile(junk, 'not a workbook');
  const run = await runPortfund(['migrate', junk, '--out', join(dir, 'out.xlsx')]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('無法讀取');
});
