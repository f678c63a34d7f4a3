// `portfund migrate`: a workbook filled in the 1.0, 1.1 or 1.2 template comes out as the current template with the same data —
// the same findings except template.outdated, and every input cell (value or typed formula) unchanged.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDefinition, CURRENT_VERSION, type WorkbookKind, type WorkbookSnapshot } from '@portfund/shared-rules';
import { patchedEntries } from '@portfund/shared-rules/src/ledger/test-book';
import { APPLICATION_EXAMPLE, CASHBOOK_EXAMPLE } from '@portfund/shared-rules/src/testing/seed-examples';
import { type CellOverrides, type FillValues } from '@portfund/templates';
import { cachedTemplate } from './support/cached-template';
import { checkFileBytes } from '../ingest-server/src/workbook/check/check-file';
import { runPortfund } from './helpers/cli';
import { makeTempDir, removeDir } from './helpers/temp-dir';
import { testRunDir } from './support/run-dir';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('migrate');
});
afterAll(() => removeDir(dir));

// each call fills a blank current template: made through exceljs by the first call of the run, then read from this
// folder (PORTFUND_TEMPLATE_CACHE, README "Configuration") rather than made again by each process
const cached = (): NodeJS.ProcessEnv => ({ PORTFUND_TEMPLATE_CACHE: join(testRunDir() ?? dir, 'cli-blank-templates') });

const located = (f: { code: string; sheet?: string; cell?: string }) => `${f.code} ${f.sheet ?? ''}!${f.cell ?? ''}`;

/** Every input cell of the kind's definition as the user left it: the typed formula, else the value. */
const inputs = (snapshot: WorkbookSnapshot | undefined, kind: WorkbookKind, version: string): string[] =>
  buildDefinition(kind, version).sheets.flatMap((sheet) =>
    [...sheet.cells]
      .filter(([, spec]) => spec.kind === 'input')
      .flatMap(([at]) => {
        const cell = snapshot?.sheets.find((s) => s.name === sheet.name)?.cells.get(at);
        return cell === undefined ? [] : [`${sheet.name}!${at}=${cell.f === undefined ? JSON.stringify(cell.v) : `=${cell.f}`}`];
      }),
  );

const APP_NAME = '115_04595257_application.xlsx';
const CB_NAME = '11512_04595257_accounting.xlsx';

// a mistake of each kind: a blank required cell, full-width digits, a typed reference, typed arithmetic with a lying cache
const CASES = ['1.0', '1.1', '1.2'].flatMap((version) => [
  { version, kind: 'application' as const, name: APP_NAME, fill: { ...APPLICATION_EXAMPLE, app_fax: null }, cells: {} },
  { version, kind: 'cashbook' as const, name: CB_NAME, fill: { ...CASHBOOK_EXAMPLE, cb_open_petty: '５７９０４' }, cells: {} },
  {
    version,
    kind: 'application' as const,
    name: APP_NAME,
    fill: APPLICATION_EXAMPLE,
    cells: { 申請書: { B4: { formula: 'HYPERLINK("http://example.com","工會")', result: '工會' } }, 教育訓練經費: { B3: { formula: '14000*2', result: 1 } } },
  },
]);

it.each(CASES.map((c, i) => [`${c.kind} ${c.version}`, i, c] as const))('moves a %s workbook with its mistakes into the current template (%#)', async (_, i, c) => {
  const old = join(dir, `old-${i}-${c.name}`);
  const migrated = join(dir, `new-${i}-${c.name}`);
  await writeFile(old, await cachedTemplate(c.kind, { version: c.version, fill: c.fill as FillValues, cells: c.cells as CellOverrides }));
  const run = await runPortfund(['migrate', old, '--out', migrated], cached());
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`${c.version} 版的資料轉入 ${CURRENT_VERSION} 版範本`);
  const before = await checkFileBytes(await readFile(old), c.name);
  const after = await checkFileBytes(await readFile(migrated), c.name);
  expect(before.templateVersion).toBe(c.version);
  expect(after.templateVersion).toBe(CURRENT_VERSION);
  expect(before.findings.map(located)).toContain('template.outdated !');
  expect(before.findings.length).toBeGreaterThan(1);
  expect(after.findings.map(located)).toEqual(before.findings.map(located).filter((f) => !f.startsWith('template.outdated')));
  expect(inputs(after.snapshot, c.kind, CURRENT_VERSION)).toEqual(inputs(before.snapshot, c.kind, c.version));
});

it('brings a 1.2 cash book under the 1.3 parameter table and its required names (issue 13)', async () => {
  const old = join(dir, `old-params-${CB_NAME}`);
  const migrated = join(dir, `new-params-${CB_NAME}`);
  // 離職 paid from 分配款 to a member whose name is missing: allowed by 1.2's own table, not by 1.3's
  const fill = { ...CASHBOOK_EXAMPLE, cb_entries: patchedEntries({ 18: { no: '4-2', note: null } }) };
  await writeFile(old, await cachedTemplate('cashbook', { version: '1.2', fill: fill as FillValues }));
  const run = await runPortfund(['migrate', old, '--out', migrated], cached());
  expect(run.code).toBe(0);
  const before = await checkFileBytes(await readFile(old), CB_NAME);
  const after = await checkFileBytes(await readFile(migrated), CB_NAME);
  expect(before.findings.map(located)).toEqual(['template.outdated !']);
  expect(after.templateVersion).toBe(CURRENT_VERSION);
  expect(after.findings.map(located).sort()).toEqual(['ledger.category_not_allowed 現金收支登記簿!J32', 'ledger.person_name_required 現金收支登記簿!H32']);
  expect(inputs(after.snapshot, 'cashbook', CURRENT_VERSION)).toEqual(inputs(before.snapshot, 'cashbook', '1.2'));
});

it('refuses a file that is not a workbook, with exit code 2', async () => {
  const junk = join(dir, 'junk.xlsx');
  await writeFile(junk, 'not a workbook');
  const run = await runPortfund(['migrate', junk, '--out', join(dir, 'out.xlsx')]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('無法讀取');
});
