// Formulas are recomputed, never trusted (SPEC §7): a file with stale cached results (as exceljs or a script leaves it) checks
// exactly like the same data recalculated and re-saved by LibreOffice, which also rewrites formulas in its own style.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Finding } from '@portfund/shared-rules';
import { loadSnapshot } from '../ingest-server/src/workbook/check/check-file';
import { APP_FILE, CB_FILE, staleCaches, WORKBOOK_FIXTURES, type WorkbookFixture } from './fixtures/workbook-fixtures';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from './helpers/libreoffice';
import { makeTempDir, removeDir } from './helpers/temp-dir';
import { checkPathAs, located, writeFixture } from './helpers/workbooks';

const fixture = (name: string): WorkbookFixture => {
  const found = WORKBOOK_FIXTURES.find((f) => f.name === name);
  if (found === undefined) throw new Error(`no fixture ${name}`);
  return found;
};

const STALE_APP = staleCaches('application', '決算', { B8: 1, C26: 1, D26: 1, B27: 1, B28: 1 });
const STALE_CB = staleCaches('cashbook', '現金收支登記簿', { L27: 0, M27: 0, O27: 0, P27: 0, P40: 0 });

interface Case {
  readonly file: string;
  readonly fixture: WorkbookFixture;
  readonly expected: readonly string[];
}

const CASES: readonly Case[] = [
  { file: 'clean-application.xlsx', fixture: fixture('application: the seed example saved by a script, every total cached as 1'), expected: [] },
  { file: 'clean-cashbook.xlsx', fixture: fixture('cashbook: the seed example saved by a script, running balances cached as 0'), expected: [] },
  {
    file: 'faulty-application.xlsx',
    fixture: {
      name: 'a typed-over total and option A with interest for 教育訓練, totals cached stale',
      kind: 'application',
      fileName: APP_FILE,
      fill: { fa_interest_option: 'A' },
      cells: { ...STALE_APP, 教育訓練經費: { B16: 185000 } },
      expect: [],
    },
    expected: ['fa.interest_option 決算!D13', 'fa.interest_option 決算!D21', 'sum.mismatch 教育訓練經費!B16', 'template.formula_overwritten 教育訓練經費!B16'],
  },
  {
    file: 'faulty-cashbook.xlsx',
    fixture: {
      ...fixture('a transfer to 定期存款 that overdraws 零用金'),
      fileName: CB_FILE,
      cells: { 現金收支登記簿: { ...STALE_CB.現金收支登記簿, M22: 1640000 } },
    },
    expected: [
      'ledger.account_not_allowed 現金收支登記簿!K27',
      'ledger.balance_mismatch 現金收支登記簿!M22',
      'ledger.negative_balance 現金收支登記簿!P27',
      'template.formula_overwritten 現金收支登記簿!M22',
    ],
  },
];

const brief = (f: Finding): string => `${f.code} ${f.sheet ?? '-'}!${f.cell ?? '-'}`;

describe('a workbook saved by exceljs checks like the same workbook recalculated by LibreOffice', () => {
  let dir: string | undefined;
  let saved: { file: string; fileName: string; path: string }[] = [];
  let resaved: string[] = [];

  beforeAll(async () => {
    dir = await makeTempDir('lo-recalc');
    const outDir = join(dir, 'libreoffice');
    await mkdir(outDir);
    saved = [];
    for (const c of CASES) {
      const path = await writeFixture({ ...c.fixture, fileName: c.file }, dir, 'exceljs');
      saved.push({ file: c.file, fileName: c.fixture.fileName, path });
    }
    resaved = await convertWithLibreOffice(saved.map((s) => s.path), 'xlsx', outDir);
  }, LIBREOFFICE_TIMEOUT_MS);
  afterAll(() => removeDir(dir));

  it('LibreOffice really recalculated: the stale cached totals are replaced', async () => {
    const before = await loadSnapshot(await readFile(saved[0]?.path ?? ''));
    const after = await loadSnapshot(await readFile(resaved[0] ?? ''));
    const cached = (s: typeof before, cell: string): unknown =>
      'reason' in s ? s.reason : s.sheets.find((sheet) => sheet.name === '決算')?.cells.get(cell)?.v;
    expect([cached(before, 'B8'), cached(before, 'B28')]).toEqual([1, 1]);
    expect([cached(after, 'B8'), cached(after, 'B28')]).toEqual([996537, 2357031]);
  });

  it.each(CASES.map((c, i) => [c.file, i] as const))('%s: the expected findings, whatever the cached results', async (_, i) => {
    const s = saved[i];
    const result = await checkPathAs(s?.path ?? '', s?.fileName ?? '');
    expect(result.findings.map(brief).sort()).toEqual([...(CASES[i]?.expected ?? [])].sort());
  });

  it.each(CASES.map((c, i) => [c.file, i] as const))('%s: same codes, sheets, cells and messages after LibreOffice', async (_, i) => {
    const s = saved[i];
    const ours = await checkPathAs(s?.path ?? '', s?.fileName ?? '');
    const theirs = await checkPathAs(resaved[i] ?? '', s?.fileName ?? '');
    expect(theirs.findings.map(brief)).toEqual(ours.findings.map(brief));
    expect(theirs.findings.map(located)).toEqual(ours.findings.map(located));
    expect(theirs.findings).toEqual(ours.findings);
  });
});
