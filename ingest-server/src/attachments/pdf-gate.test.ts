// The PDF gate, pure and fast: real PDFs made by pdf-lib (attachments/testing/pdfs.ts), each hostile kind refused with its reason.
import { reasonText } from '@portfund/shared-rules';
import { inspectPdfBytes, sniffPdf, type PdfInspection } from './pdf-gate';
import {
  additionalActionPdf,
  embeddedFilePdf,
  encryptedPdf,
  javascriptPdf,
  launchPdf,
  namedJavascriptPdf,
  pagelessPdf,
  truncatedPdf,
  validPdf,
  zipPolyglotPdf,
} from './testing/pdfs';

const MB = 1024 * 1024;
const gate = async (bytes: Buffer, maxBytes = 20 * MB): Promise<PdfInspection> => sniffPdf(bytes, maxBytes) ?? inspectPdfBytes(bytes);
const reasonOf = (result: PdfInspection): string => (result.ok ? 'accepted' : result.reason.reason);

describe('the PDF gate', () => {
  it('accepts a plain PDF and counts its pages', async () => {
    expect(await gate(await validPdf(3))).toEqual({ ok: true, pages: 3 });
  });

  it.each([
    ['encrypted', encryptedPdf, 'pdf.encrypted'],
    ['JavaScript on open', javascriptPdf, 'pdf.javascript'],
    ['document JavaScript in an object stream', namedJavascriptPdf, 'pdf.javascript'],
    ['launch action', launchPdf, 'pdf.launch'],
    ['embedded file', embeddedFilePdf, 'pdf.embedded_file'],
    ['additional action', additionalActionPdf, 'pdf.active_content'],
    ['truncated', truncatedPdf, 'pdf.truncated'],
    ['zip polyglot', zipPolyglotPdf, 'pdf.polyglot'],
    ['no pages', pagelessPdf, 'pdf.no_pages'],
  ] as const)('refuses a PDF with %s', async (_, make, reason) => {
    const result = await gate(await make());
    expect(reasonOf(result)).toBe(reason);
    if (!result.ok) expect(reasonText(result.reason)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses an empty file, a renamed workbook and one over the cap before parsing', async () => {
    expect(reasonOf(await gate(Buffer.alloc(0)))).toBe('pdf.empty');
    expect(reasonOf(await gate(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)])))).toBe('pdf.not_pdf');
    const big = await validPdf(2);
    const over = sniffPdf(big, big.length - 1);
    expect(over).toEqual({ ok: false, reason: { reason: 'pdf.too_large', sizeMb: expect.any(String), limitMb: expect.any(String) } });
  });

  it('reads names written with #xx escapes as the names they spell', async () => {
    const plain = (await javascriptPdf()).toString('latin1');
    const escaped = Buffer.from(plain.replace('/JavaScript', '/J#61vaScript').replace('/JS ', '/J#53 '), 'latin1');
    expect(reasonOf(await gate(escaped))).toBe('pdf.javascript');
  });

  it('refuses a file that only starts like a PDF', async () => {
    expect(reasonOf(await gate(Buffer.from('%PDF-1.7\n garbage garbage\n%%EOF\n')))).toBe('pdf.corrupt');
  });
});
