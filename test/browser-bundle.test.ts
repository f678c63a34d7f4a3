// The same rule code runs unchanged in a browser: shared-rules bundles for the browser without any Node built-in, and the
// bundle, run where there is no require, process or Buffer, finds exactly what Node finds in real generated workbooks.
import { join } from 'node:path';
import { createContext, runInContext, type Context } from 'node:vm';
import { build } from 'esbuild';
import { checkWorkbook } from '@portfund/shared-rules';
import { checkFileBytes, loadSnapshot } from '../ingest-server/src/workbook/check/check-file';
import { WORKBOOK_FIXTURES, type WorkbookFixture } from './fixtures/workbook-fixtures';
import { toPlainSnapshot } from './browser/snapshot-json';
import { fixtureBytes } from './helpers/workbooks';

const BROWSER_OPTIONS = { bundle: true, platform: 'browser', format: 'iife', globalName: 'portfund', write: false, logLevel: 'silent' } as const;

const fixture = (name: string): WorkbookFixture => {
  const found = WORKBOOK_FIXTURES.find((f) => f.name === name);
  if (found === undefined) throw new Error(`no fixture ${name}`);
  return found;
};

const CASES = [
  fixture('application: the seed example'),
  fixture('option A chosen but interest spent on 教育訓練 and 5-2'),
  fixture('cashbook: the seed example (December filing)'),
  fixture('a transfer to 定期存款 that overdraws 零用金'),
];

/** A fresh global with only what a browser also has; nothing of Node. */
// (the fingerprint hashes UTF-8 text: TextEncoder, which every browser has)
const browserLikeContext = (): Context => createContext({ TextEncoder, TextDecoder });

describe('shared-rules in a browser bundle', () => {
  let bundle = '';
  let check: (snapshotJson: string, fileName?: string) => string = () => '';

  beforeAll(async () => {
    const result = await build({ ...BROWSER_OPTIONS, entryPoints: [join(__dirname, 'browser', 'entry.ts')] });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    bundle = result.outputFiles[0]?.text ?? '';
    const context = browserLikeContext();
    runInContext(bundle, context);
    check = runInContext('portfund.check', context) as typeof check;
  });

  it('the browser build refuses a Node built-in (so the bundle above proves there is none)', async () => {
    const stdin = { contents: "import { readFileSync } from 'node:fs'; export const read = readFileSync;", resolveDir: __dirname, loader: 'ts' } as const;
    await expect(build({ ...BROWSER_OPTIONS, stdin })).rejects.toThrow(/node:fs/);
  });

  it('runs in a context without require, process, Buffer or any Node global', () => {
    const context = browserLikeContext();
    expect(runInContext('[typeof require, typeof process, typeof Buffer, typeof module, typeof global, typeof setImmediate].join()', context)).toBe(
      'undefined,undefined,undefined,undefined,undefined,undefined',
    );
    runInContext(bundle, context);
    expect(runInContext('typeof portfund.check', context)).toBe('function');
  });

  it.each(CASES.map((f) => [f.name, f] as const))('%s: the bundle finds what Node finds', async (_, f) => {
    const bytes = await fixtureBytes(f);
    const snapshot = await loadSnapshot(bytes);
    if ('reason' in snapshot) throw new Error(snapshot.reason);
    const inBrowser: unknown = JSON.parse(check(JSON.stringify(toPlainSnapshot(snapshot)), f.fileName));
    const inNode: unknown = JSON.parse(JSON.stringify(checkWorkbook(snapshot, { fileName: f.fileName })));
    expect(inBrowser).toEqual(inNode);
    // and both are what the CLI and the server report for the file
    const { findings } = await checkFileBytes(bytes, f.fileName);
    expect((inBrowser as { findings: unknown }).findings).toEqual(JSON.parse(JSON.stringify(findings)));
    expect(findings.map((x) => x.code).sort()).toEqual(f.expect.map((e) => e.code).sort());
  });
});
