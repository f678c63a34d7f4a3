import ExcelJS from 'exceljs';
import { reasonText } from '@portfund/shared-rules';
import { DEFAULT_LIMITS, type GateLimits, type GateRejection, type GateResult, inspectWorkbookBytes, WORKBOOK_LIMITS } from './input-gate';
import {
  buildZip,
  docxNamedXlsx,
  emptyFile,
  encryptedWorkbook,
  htmlNamedXlsx,
  legacyXls,
  lyingZipBomb,
  odsNamedXlsx,
  passwordZip,
  pdfNamedXlsx,
  readZipParts,
  textFileNamedXlsx,
  truncatedZip,
  withExternalLink,
  xlsmWithMacros,
  zipBomb,
} from '../testing/hostile-files';

const KINDS: GateRejection[] = [
  'empty',
  'too_large',
  'legacy_xls',
  'encrypted',
  'not_zip',
  'corrupt_zip',
  'zip_bomb',
  'too_many_entries',
  'macro',
  'external_link',
  'not_workbook',
];
const CJK = /[\u4e00-\u9fff]/;

let validXlsx: Buffer;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('申請書');
  sheet.getCell('A1').value = '工會名稱';
  sheet.getCell('B1').value = '臺灣測試工會';
  sheet.getCell('B2').value = 1000;
  validXlsx = Buffer.from(await workbook.xlsx.writeBuffer());
});

afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

/** A refusal whose reason is zh-TW prose, not an English error or a stack trace. */
function expectRefused(result: GateResult, kind: GateRejection): string {
  expect(result).toMatchObject({ ok: false, kind });
  const reason = result.ok ? '' : reasonText(result.reason);
  expect(reason).toMatch(CJK);
  expect(reason).not.toMatch(/Error|\bat\s+\S+\s+\(|undefined|null/);
  return reason;
}

function expectWellFormed(result: GateResult): void {
  if (result.ok) {
    expect(result.entries.every((name) => typeof name === 'string')).toBe(true);
    return;
  }
  expect(KINDS).toContain(result.kind);
  expect(reasonText(result.reason)).toMatch(CJK);
}

/** mulberry32: a tiny seeded PRNG so fuzz failures reproduce. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInt(random: () => number, below: number): number {
  return Math.floor(random() * below);
}

/** Fills a plain Uint32Array: indexed writes to a Buffer are very slow inside Jest's sandbox. */
function randomBytes(random: () => number, length: number): Buffer {
  const words = new Uint32Array(Math.ceil(length / 4));
  for (let i = 0; i < words.length; i++) words[i] = Math.floor(random() * 4294967296);
  return Buffer.from(words.buffer, 0, length);
}

describe('inspectWorkbookBytes: a real workbook', () => {
  it('accepts an .xlsx written by exceljs and lists its entries', async () => {
    const result = await inspectWorkbookBytes(validXlsx);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.entries).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));
  });

  it('accepts a Uint8Array view as well as a Buffer', async () => {
    const view = new Uint8Array(validXlsx.buffer, validXlsx.byteOffset, validXlsx.byteLength);
    expect((await inspectWorkbookBytes(view as Buffer)).ok).toBe(true);
  });

  it('accepts the same workbook after it is rebuilt by the fixture zip writer', async () => {
    expect((await inspectWorkbookBytes(buildZip(readZipParts(validXlsx)))).ok).toBe(true);
  });
});

describe('inspectWorkbookBytes: hostile and wrong-format files', () => {
  const cases: Array<[string, () => Buffer, GateRejection, RegExp?]> = [
    ['an empty file', emptyFile, 'empty', /0 位元組/],
    ['a legacy .xls', legacyXls, 'legacy_xls', /97-2003/],
    ['a password-protected workbook', encryptedWorkbook, 'encrypted', /密碼/],
    ['a zip with password-encrypted entries', passwordZip, 'encrypted', /密碼/],
    ['a truncated workbook', () => truncatedZip(validXlsx), 'corrupt_zip', /損毀/],
    ['a declared 1.2 GB zip bomb', zipBomb, 'zip_bomb', /壓縮炸彈/],
    ['a zip bomb that lies about its sizes', lyingZipBomb, 'zip_bomb', /壓縮炸彈/],
    ['a workbook with VBA macros', () => xlsmWithMacros(validXlsx), 'macro', /巨集/],
    ['a workbook linking to another workbook', () => withExternalLink(validXlsx), 'external_link', /外部連結/],
    ['a CSV file renamed .xlsx', textFileNamedXlsx, 'not_zip', /CSV/],
    ['a web page renamed .xlsx', htmlNamedXlsx, 'not_zip', /HTML/],
    ['a PDF renamed .xlsx', pdfNamedXlsx, 'not_zip', /PDF/],
    ['an OpenDocument spreadsheet renamed .xlsx', odsNamedXlsx, 'not_workbook', /\.ods/],
    ['a Word document renamed .xlsx', docxNamedXlsx, 'not_workbook', /Word/],
    ['an empty zip archive', () => Buffer.concat([Buffer.from('PK\x05\x06'), Buffer.alloc(18)]), 'not_workbook', /空的壓縮檔/],
  ];

  it.each(cases)('refuses %s', async (_label, make, kind, mentions) => {
    const reason = expectRefused(await inspectWorkbookBytes(make()), kind);
    if (mentions) expect(reason).toMatch(mentions);
  });

  it('says the size limit in MB for a file that is too large', async () => {
    const limits: GateLimits = { ...DEFAULT_LIMITS, maxFileBytes: 1024 * 1024 };
    const reason = expectRefused(await inspectWorkbookBytes(Buffer.alloc(3 * 1024 * 1024, 1), limits), 'too_large');
    expect(reason).toContain('1 MB');
  });

  it('refuses a workbook with more entries than allowed', async () => {
    const limits: GateLimits = { ...DEFAULT_LIMITS, maxEntries: 3 };
    expectRefused(await inspectWorkbookBytes(validXlsx, limits), 'too_many_entries');
  });

  it('judges worksheets and the other parts each by their own limit, naming the part and the limit', async () => {
    const MB = 1024 * 1024;
    const sheetReason = expectRefused(await inspectWorkbookBytes(validXlsx, { ...WORKBOOK_LIMITS, maxSheetBytes: 200, maxEntryBytes: MB }), 'zip_bomb');
    expect(sheetReason).toMatch(/工作表 sheet1\.xml .*每個工作表 0 MB 的上限/);
    const partReason = expectRefused(await inspectWorkbookBytes(validXlsx, { ...WORKBOOK_LIMITS, maxSheetBytes: MB, maxEntryBytes: 200 }), 'zip_bomb');
    expect(partReason).not.toContain('sheet1.xml');
    expect(partReason).toMatch(/\.xml 解壓縮後為 .* MB，超過 0 MB 的上限/);
    expect((await inspectWorkbookBytes(validXlsx, { ...WORKBOOK_LIMITS, maxSheetBytes: MB, maxEntryBytes: MB })).ok).toBe(true);
  });

  it('refuses on declared total size before decompressing', async () => {
    const limits: GateLimits = { ...DEFAULT_LIMITS, maxTotalBytes: 4096 };
    expectRefused(await inspectWorkbookBytes(validXlsx, limits), 'zip_bomb');
  });

  it('refuses two entries with the same name (the gate and exceljs could read different ones)', async () => {
    const parts = readZipParts(validXlsx);
    const workbookPart = parts.find((part) => part.name === 'xl/workbook.xml');
    if (!workbookPart) throw new Error('fixture has no xl/workbook.xml');
    expectRefused(await inspectWorkbookBytes(buildZip([...parts, workbookPart])), 'corrupt_zip');
  });

  it('rejects only programming errors: a non-buffer or nonsensical limits', async () => {
    await expect(inspectWorkbookBytes('not bytes' as unknown as Buffer)).rejects.toThrow(TypeError);
    await expect(inspectWorkbookBytes(validXlsx, { ...DEFAULT_LIMITS, maxRatio: 0 })).rejects.toThrow(RangeError);
  });
});

describe('inspectWorkbookBytes: fuzz', () => {
  it('refuses every truncation of a valid workbook without throwing', async () => {
    const random = seededRandom(20260115);
    for (let i = 0; i < 200; i++) {
      const cut = randomInt(random, validXlsx.length);
      const result = await inspectWorkbookBytes(Buffer.from(validXlsx.subarray(0, cut)));
      expect(result.ok).toBe(false);
      expectWellFormed(result);
    }
  });

  it('returns a well-formed result for random byte flips anywhere or in the central directory', async () => {
    const random = seededRandom(115);
    const directoryStart = validXlsx.lastIndexOf(Buffer.from('PK\x01\x02')) - 600;
    for (let i = 0; i < 200; i++) {
      const bytes = Buffer.from(validXlsx);
      const from = i % 2 === 0 ? 0 : Math.max(0, directoryStart);
      for (let flips = 1 + randomInt(random, 8); flips > 0; flips--) {
        bytes[from + randomInt(random, bytes.length - from)] = randomInt(random, 256);
      }
      expectWellFormed(await inspectWorkbookBytes(bytes));
    }
  });

  it('refuses a workbook whose central-directory record signatures are damaged', async () => {
    const signature = Buffer.from('PK\x01\x02');
    for (let at = validXlsx.indexOf(signature); at >= 0; at = validXlsx.indexOf(signature, at + 1)) {
      const bytes = Buffer.from(validXlsx);
      bytes[at + 2] = 0xff;
      expectRefused(await inspectWorkbookBytes(bytes), 'corrupt_zip');
    }
  });

  it('returns a well-formed result for random garbage, with and without plausible magic bytes', async () => {
    const random = seededRandom(42);
    const prefixes = [Buffer.alloc(0), Buffer.from('PK\x03\x04'), Buffer.from('PK\x05\x06'), legacyXls().subarray(0, 8)];
    for (let i = 0; i < 200; i++) {
      const body = randomBytes(random, randomInt(random, 70_000));
      const prefix = prefixes[i % prefixes.length] ?? Buffer.alloc(0);
      expectWellFormed(await inspectWorkbookBytes(Buffer.concat([prefix, body])));
    }
  });

  it('returns a well-formed result for garbage behind a valid end-of-central-directory record', async () => {
    const random = seededRandom(7);
    const end = validXlsx.subarray(validXlsx.lastIndexOf(Buffer.from('PK\x05\x06')));
    for (let i = 0; i < 100; i++) {
      const body = randomBytes(random, validXlsx.length - end.length);
      body.write('PK\x03\x04', 0, 'latin1');
      body.write('PK\x01\x02', end.readUInt32LE(16), 'latin1'); // a directory "record" full of noise
      expectWellFormed(await inspectWorkbookBytes(Buffer.concat([body, end])));
    }
  });
});
