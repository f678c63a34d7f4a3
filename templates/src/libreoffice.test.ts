import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  buildDefinition,
  CB_FIRST_ENTRY_ROW,
  CB_SHEET,
  INSTRUCTIONS_SHEET,
  parseAddress,
  parseRange,
  type SheetSpec,
  type WorkbookKind,
} from '@portfund/shared-rules';
import { APPLICATION_EXAMPLE, CASHBOOK_ENTRIES, CASHBOOK_EXAMPLE } from '@portfund/shared-rules/src/testing/seed-examples';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from '../../test/helpers/libreoffice';
import { makeTempDir, removeDir } from '../../test/helpers/temp-dir';
import { type FillValues } from './fill';
import { cachedTemplate } from '../../test/support/cached-template';
import { readBack, sheetOf, type ReadBack } from './test-helpers';
import { buildZip, deflatedPart, partText, readZipParts } from './zip';

const run = promisify(execFile);
const KINDS: readonly WorkbookKind[] = ['application', 'cashbook'];
const PNG_DIR = join(__dirname, '..', '..', 'test-output', 'templates-print');

// the seed's examples: the 115 application (385 members) and the 14 entries of the cash book up to September
const SEPTEMBER = CASHBOOK_ENTRIES.filter((e) => e[0] <= 9);
const FILLS: Readonly<Record<WorkbookKind, FillValues>> = {
  application: APPLICATION_EXAMPLE as FillValues,
  cashbook: { ...CASHBOOK_EXAMPLE, cb_period: 9, cb_entries: SEPTEMBER.map((e) => [...e]) } as FillValues,
};

/**
 * The ledger's print area is a formula (it ends at the last entry); Excel evaluates it when printing, LibreOffice keeps
 * only plain ranges and would print all 3,000 prepared rows. The copy LibreOffice renders gets the range Excel computes.
 */
const asExcelPrints = async (bytes: Buffer, lastRow: number): Promise<Buffer> => {
  const parts = readZipParts(bytes).map((part) => {
    if (part.name !== 'xl/workbook.xml') return part;
    const xml = partText(part).replace(
      /(<definedName name="_xlnm\.Print_Area" localSheetId="1">)[^<]*OFFSET[^<]*(<\/definedName>)/,
      (_all, open: string, close: string) => `${open}&apos;${CB_SHEET}&apos;!$A$1:$P$${lastRow}${close}`,
    );
    if (!xml.includes(`!$A$1:$P$${lastRow}<`)) throw new Error('no formula print area on the ledger');
    return deflatedPart(part.name, xml);
  });
  return buildZip(parts);
};

/** Pages of a PDF by the sheet named at the left of each page's footer (&A). */
const pagesBySheet = async (pdf: string): Promise<Map<string, number[]>> => {
  const { stdout } = await run('pdftotext', ['-layout', pdf, '-']);
  const pages = new Map<string, number[]>();
  stdout.split('\f').forEach((page, i) => {
    const footer = page
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .pop();
    const sheet = /^(\S+)\s+第 \d+ 頁/.exec(footer ?? '')?.[1];
    if (sheet !== undefined) pages.set(sheet, [...(pages.get(sheet) ?? []), i + 1]);
  });
  return pages;
};

/** Width in Excel character units: CJK and full-width characters take two. */
const width = (text: string): number => [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);

/** Wrapped label cells whose row (or merged rows) are lower than their text needs at 14 pt a line. */
const clippedLabels = (sheet: SheetSpec, read: ReadBack): string[] => {
  const ws = sheetOf(read.workbook, sheet.name);
  const merges = new Map(sheet.layout.merges.map((m) => [m.split(':')[0] ?? '', parseRange(m)]));
  const clipped: string[] = [];
  for (const [at, spec] of sheet.cells) {
    const a = parseAddress(at);
    if (spec.kind !== 'label' || !['header', 'label', 'note'].includes(spec.role) || a === null) continue;
    const b = merges.get(at) ?? { top: a.row, bottom: a.row, left: a.col, right: a.col };
    let columns = 0;
    for (let c = b.left; c <= b.right; c += 1) columns += ws.getColumn(c).width ?? 8.43;
    let height = 0;
    for (let r = b.top; r <= b.bottom; r += 1) height += ws.getRow(r).height ?? 15;
    const lines = Math.ceil(width(spec.text) / Math.max(1, columns - 2));
    if (height < lines * 14) clipped.push(`${sheet.name}!${at} ${spec.text} (${lines} lines in ${height}pt)`);
  }
  return clipped;
};

// A second opinion on the XML and the printing: LibreOffice opens each template and prints it (conditional formats, names,
// validations, print areas). Both workbooks are converted by one LibreOffice start (each start costs seconds).
describe('LibreOffice prints the templates as the ministry prints them', () => {
  let dir: string | undefined;
  const pdfs = new Map<WorkbookKind, string>();
  const reads = new Map<WorkbookKind, ReadBack>();
  const pages = new Map<WorkbookKind, Map<string, number[]>>();

  beforeAll(async () => {
    dir = await makeTempDir('portfund-lo');
    const files = await Promise.all(
      KINDS.map(async (kind) => {
        // writeTemplate once per test run (test/support/cached-template.ts): the blank through exceljs is the run's
        const bytes = await cachedTemplate(kind, { fill: FILLS[kind] });
        reads.set(kind, await readBack(bytes));
        const file = join(dir ?? '', `${kind}.xlsx`);
        await writeFile(file, kind === 'cashbook' ? await asExcelPrints(bytes, CB_FIRST_ENTRY_ROW + SEPTEMBER.length - 1) : bytes);
        return file;
      }),
    );
    const converted = await convertWithLibreOffice(files, 'pdf', dir ?? '');
    await rm(PNG_DIR, { recursive: true, force: true });
    await mkdir(PNG_DIR, { recursive: true });
    for (const [i, kind] of KINDS.entries()) {
      const pdf = converted[i] ?? '';
      pdfs.set(kind, pdf);
      const bySheet = await pagesBySheet(pdf);
      pages.set(kind, bySheet);
      // one PNG per page, named by sheet, to look at (test-output/templates-print/)
      await run('pdftoppm', ['-r', '60', '-png', pdf, join(PNG_DIR, kind)]);
      for (const name of await readdir(PNG_DIR)) {
        const page = new RegExp(`^${kind}-0*(\\d+)\\.png$`).exec(name)?.[1];
        const sheet = [...bySheet].find(([, numbers]) => numbers.includes(Number(page)))?.[0];
        if (page !== undefined) await rename(join(PNG_DIR, name), join(PNG_DIR, `${kind}-${sheet ?? 'unknown'}-p${page.padStart(2, '0')}.png`));
      }
    }
  }, LIBREOFFICE_TIMEOUT_MS);
  afterAll(() => removeDir(dir));

  it.each(KINDS)('converts the %s to a PDF', async (kind) => {
    const pdf = pdfs.get(kind) ?? '';
    expect(pdf).toBe(join(dir ?? '', `${kind}.pdf`));
    expect((await stat(pdf)).size).toBeGreaterThan(1000);
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints each form of the application on one page, the roster and the instructions on a few', () => {
    const count = (sheet: string): number => pages.get('application')?.get(sheet)?.length ?? 0;
    expect(['申請書', '決算', '教育訓練成果', '教育訓練經費', '工作計畫', '預算'].map((s) => [s, count(s)])).toEqual(
      ['申請書', '決算', '教育訓練成果', '教育訓練經費', '工作計畫', '預算'].map((s) => [s, 1]),
    );
    // 385 members, about 60 a page
    expect(count('會員名冊')).toBeGreaterThanOrEqual(5);
    expect(count('會員名冊')).toBeLessThanOrEqual(8);
    expect(count(INSTRUCTIONS_SHEET)).toBeGreaterThanOrEqual(2);
    expect(count(INSTRUCTIONS_SHEET)).toBeLessThanOrEqual(10);
  });

  it('prints a 14-entry cash book on at most 2 pages, its 參數表 on at most 2', () => {
    const count = (sheet: string): number => pages.get('cashbook')?.get(sheet)?.length ?? 0;
    expect(count(CB_SHEET)).toBeGreaterThanOrEqual(1);
    expect(count(CB_SHEET)).toBeLessThanOrEqual(2);
    expect(count('參數表')).toBeGreaterThanOrEqual(1);
    expect(count('參數表')).toBeLessThanOrEqual(2);
    expect(count(INSTRUCTIONS_SHEET)).toBeLessThanOrEqual(6);
  });

  it.each(KINDS)('gives every wrapped header and label of the %s a row tall enough for its lines', (kind) => {
    const read = reads.get(kind);
    if (read === undefined) throw new Error('not generated');
    expect(buildDefinition(kind).sheets.flatMap((sheet) => clippedLabels(sheet, read))).toEqual([]);
  });

  it.each(KINDS)('prints every header of the %s in full', async (kind) => {
    const { stdout } = await run('pdftotext', ['-raw', pdfs.get(kind) ?? '', '-']);
    const printed = stdout.replace(/\s+/g, '');
    const headers = buildDefinition(kind).sheets.flatMap((sheet) =>
      [...sheet.cells.values()].flatMap((spec) => (spec.kind === 'label' && spec.role === 'header' ? [spec.text.replace(/\s+/g, '')] : [])),
    );
    expect(headers.filter((text) => !printed.includes(text))).toEqual([]);
  });
});
