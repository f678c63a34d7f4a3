import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type WorkbookKind } from '@portfund/shared-rules';
import { writeTemplate } from './generate';

const run = promisify(execFile);
const TIMEOUT_MS = 120_000;

// A second opinion on the XML: LibreOffice must open the file and print it (conditional formats, names, validations).
describe.each(['application', 'cashbook'] as const)('LibreOffice opens the %s template', (kind: WorkbookKind) => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'portfund-lo-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'and converts it to a non-empty PDF',
    async () => {
      const file = join(dir, `${kind}.xlsx`);
      await writeFile(file, await writeTemplate(kind, { year: 115, ubn: '04595257' }));
      // a private profile, so parallel runs do not share (and lock) one
      const profile = `file://${join(dir, 'profile')}`;
      await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: TIMEOUT_MS });
      const pdf = join(dir, `${kind}.pdf`);
      expect((await stat(pdf)).size).toBeGreaterThan(1000);
      expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    },
    TIMEOUT_MS + 10_000,
  );
});
