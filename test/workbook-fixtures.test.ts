// Every fixture as a real xlsx on disk, checked like an upload: the expected findings at the right sheet and cell (SPEC §7).
import { CATALOGUE, FINDING_CODES } from '@portfund/shared-rules';
import { INSERT_ROW_TIMEOUT_MS } from './fixtures/insert-row';
import { WORKBOOK_FIXTURES, type ExpectedFinding, type WorkbookFixture } from './fixtures/workbook-fixtures';
import { makeTempDir, removeDir } from './helpers/temp-dir';
import { checkPathAs, located, writeFixture } from './helpers/workbooks';
import { proseProblems } from './support/prose';

const key = (f: { code: string; sheet?: string; cell?: string; severity: string }): string =>
  `${f.code} ${f.sheet ?? '-'}!${f.cell ?? '-'} ${f.severity}`;

const wanted = (e: ExpectedFinding): string => key({ ...e, severity: e.severity ?? CATALOGUE[e.code].severity });

const isClean = (f: WorkbookFixture): boolean =>
  f.fill === undefined && f.cells === undefined && f.bytes === undefined && f.version === undefined && f.expect.length === 0 && f.exact === true;

describe('workbook fixtures', () => {
  let dir: string | undefined;

  beforeAll(async () => {
    dir = await makeTempDir('fixtures');
  });
  afterAll(() => removeDir(dir));

  // one fixture has LibreOffice insert a row, which takes a while on a busy machine
  it.each(WORKBOOK_FIXTURES.map((f, i) => [f.name, i, f] as const))('%s', async (_, i, fixture) => {
    const path = await writeFixture(fixture, dir ?? '', String(i));
    const result = await checkPathAs(path, fixture.fileName);
    const found = result.findings.map((f) => key(located(f)));
    if (fixture.exact === true) expect([...found].sort()).toEqual(fixture.expect.map(wanted).sort());
    else expect(found).toEqual(expect.arrayContaining(fixture.expect.map(wanted)));
    // several findings may share a place (moved names): one of them must say all the expected words
    for (const e of fixture.expect) {
      const messages = result.findings.filter((f) => key(located(f)) === wanted(e)).map((f) => f.message);
      expect([wanted(e), messages.some((m) => (e.says ?? []).every((text) => m.includes(text)))]).toEqual([wanted(e), true]);
    }
    // every message as a reader sees it: no doubled punctuation or repeated words
    expect(result.findings.flatMap((f) => proseProblems(f.message))).toEqual([]);
    expect(result.readable).toBe(!fixture.expect.some((e) => e.code === 'file.unreadable'));
  }, INSERT_ROW_TIMEOUT_MS);

  it('covers every workbook-scope code of the catalogue', () => {
    const covered = new Set(WORKBOOK_FIXTURES.flatMap((f) => f.expect.map((e) => e.code)));
    const workbookCodes = FINDING_CODES.filter((code) => CATALOGUE[code].scope === 'workbook');
    expect(workbookCodes.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('expects only workbook-scope codes', () => {
    const codes = WORKBOOK_FIXTURES.flatMap((f) => f.expect.map((e) => e.code));
    expect(codes.filter((code) => CATALOGUE[code].scope !== 'workbook')).toEqual([]);
  });

  it('gives every fixture a clean counterpart: the seed example of its kind, unchanged', () => {
    const kinds = new Set(WORKBOOK_FIXTURES.map((f) => f.kind));
    const clean = new Set(WORKBOOK_FIXTURES.filter(isClean).map((f) => f.kind));
    expect([...kinds].filter((kind) => !clean.has(kind))).toEqual([]);
  });

  it('names every fixture once', () => {
    const names = WORKBOOK_FIXTURES.map((f) => f.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
