// The hostile corpus through the real CLI, all files in one `portfund check --json` run: each is file.unreadable with the
// zh-TW text of its reason sub-code (the JSON carries messages, not params), exit 2, no stack trace, no English.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TEXTS } from '@portfund/shared-rules/src/findings/texts';
import { cachedTemplate } from './support/cached-template';
import { HOSTILE_CORPUS } from '../ingest-server/src/workbook/testing/hostile-corpus';
import { runPortfund } from './helpers/cli';
import { makeTempDir, removeDir } from './helpers/temp-dir';

const STACK_LINE = /^\s+at .+/m;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text of a reason sub-code as a pattern: its fixed words, any value in its {slots} (function texts: their opening words). */
const textPattern = (reason: string): RegExp => {
  const text = TEXTS[reason as keyof typeof TEXTS];
  if (typeof text === 'string') return new RegExp(`^無法讀取檔案：${text.split(/\{\w+\}/).map(escape).join('.*')}$`, 's');
  const opening = { 'reader.active_formula': '工作表「.*」儲存格 [A-Z]+\\d+ 的公式', 'reader.active_name': '定義名稱「.*」' }[reason] ?? '';
  return new RegExp(`^無法讀取檔案：${opening}.*開啟時可能執行程式或連線到其他電腦`, 's');
};

describe('portfund check on the hostile corpus', () => {
  let dir: string | undefined;

  beforeAll(async () => {
    dir = await makeTempDir('hostile-corpus');
    const templates = {
      application: await cachedTemplate('application', { year: 115, ubn: '04595257' }),
      cashbook: await cachedTemplate('cashbook', { year: 115, ubn: '04595257' }),
    };
    for (const kind of HOSTILE_CORPUS) await writeFile(join(dir, kind.name), kind.make(templates));
  }, 120_000);
  afterAll(() => removeDir(dir));

  it('refuses every kind with the zh-TW text of its reason, in one run, exit 2', async () => {
    const { code, stdout, stderr } = await runPortfund(['check', '--json', ...HOSTILE_CORPUS.map((k) => join(dir ?? '', k.name))]);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(stdout).not.toMatch(/Map maximum size|RangeError|heap/i);
    const { files } = JSON.parse(stdout) as { files: { file: string; kind: unknown; findings: { code: string; message: string }[] }[] };
    const seen = files.map((f, i) => {
      const kind = HOSTILE_CORPUS[i];
      const finding = f.findings[0];
      const says = finding !== undefined && kind !== undefined && textPattern(kind.reason).test(finding.message);
      return `${f.file} ${f.findings.length} ${finding?.code ?? '-'} ${says ? kind?.reason : `${finding?.message ?? ''} ≠ ${kind?.reason ?? ''}`}`;
    });
    expect(seen).toEqual(HOSTILE_CORPUS.map((k) => `${k.name} 1 file.unreadable ${k.reason}`));
    expect(code).toBe(2);
  }, 300_000);
});
