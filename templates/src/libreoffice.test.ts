import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type WorkbookKind } from '@portfund/shared-rules';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from '../../test/helpers/libreoffice';
import { makeTempDir, removeDir } from '../../test/helpers/temp-dir';
import { writeTemplate } from './generate';

const KINDS: readonly WorkbookKind[] = ['application', 'cashbook'];

// A second opinion on the XML: LibreOffice must open each template and print it (conditional formats, names, validations).
// Both are converted by one LibreOffice start (each start costs seconds).
describe('LibreOffice opens the templates', () => {
  let dir: string | undefined;
  const pdfs = new Map<WorkbookKind, string>();

  beforeAll(async () => {
    dir = await makeTempDir('portfund-lo');
    const files = await Promise.all(
      KINDS.map(async (kind) => {
        const file = join(dir ?? '', `${kind}.xlsx`);
        await writeFile(file, await writeTemplate(kind, { year: 115, ubn: '04595257' }));
        return file;
      }),
    );
    const converted = await convertWithLibreOffice(files, 'pdf', dir ?? '');
    KINDS.forEach((kind, i) => pdfs.set(kind, converted[i] ?? ''));
  }, LIBREOFFICE_TIMEOUT_MS);
  afterAll(() => removeDir(dir));

  it.each(KINDS)('converts the %s template to a non-empty PDF', async (kind) => {
    const pdf = pdfs.get(kind) ?? '';
    expect(pdf).toBe(join(dir ?? '', `${kind}.pdf`));
    expect((await stat(pdf)).size).toBeGreaterThan(1000);
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
