import { createInflateRaw } from 'node:zlib';
import * as CFB from 'cfb';
import ExcelJS from 'exceljs';
import {
  LYING_BOMB_DECLARED_BYTES,
  buildZip,
  encryptedWorkbook,
  legacyXls,
  lyingZipBomb,
  partText,
  passwordZip,
  pseudoRandomBytes,
  readZipParts,
  withExternalLink,
  xlsmWithMacros,
  zipBomb,
} from './hostile-files';

let validXlsx: Buffer;

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('決算').getCell('A1').value = 123;
  validXlsx = Buffer.from(await workbook.xlsx.writeBuffer());
});

function streamNames(file: Buffer): string[] {
  return CFB.read(file, { type: 'buffer' }).FileIndex.map((entry) => entry.name);
}

/** Inflates without keeping the output, counting bytes. */
function inflatedLength(deflated: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    let length = 0;
    const inflater = createInflateRaw();
    inflater.on('data', (chunk: Buffer) => void (length += chunk.length));
    inflater.on('end', () => resolve(length));
    inflater.on('error', reject);
    inflater.end(deflated);
  });
}

function part(zip: Buffer, name: string) {
  const found = readZipParts(zip).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no ${name} in zip`);
  return found;
}

describe('hostile-files', () => {
  it('legacyXls is a compound file with a Workbook stream', () => {
    expect(streamNames(legacyXls())).toContain('Workbook');
  });

  it('encryptedWorkbook has the EncryptionInfo and EncryptedPackage streams Office writes', () => {
    expect(streamNames(encryptedWorkbook())).toEqual(expect.arrayContaining(['EncryptionInfo', 'EncryptedPackage']));
  });

  it('the zip writer round-trips an exceljs workbook that exceljs can load again', async () => {
    const rebuilt = buildZip(readZipParts(validXlsx));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(rebuilt as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('決算')?.getCell('A1').value).toBe(123);
  });

  it('zipBomb declares at least 1 GB for one entry in a file of a few KB', () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(16 * 1024);
    expect(part(bomb, 'xl/worksheets/sheet1.xml').uncompressedSize).toBeGreaterThanOrEqual(1_000_000_000);
  });

  it('lyingZipBomb declares a small sheet that really inflates past 450 MB', async () => {
    const sheet = part(lyingZipBomb(), 'xl/worksheets/sheet1.xml');
    expect(sheet.uncompressedSize).toBe(LYING_BOMB_DECLARED_BYTES);
    expect(await inflatedLength(sheet.data)).toBeGreaterThan(450 * 1024 * 1024);
  });

  it('xlsmWithMacros adds a VBA project and the macro-enabled content type', () => {
    const xlsm = xlsmWithMacros(validXlsx);
    expect(part(xlsm, 'xl/vbaProject.bin').data.length).toBeGreaterThan(0);
    expect(partText(part(xlsm, '[Content_Types].xml'))).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  });

  it('withExternalLink adds an external link part and its content type', () => {
    const linked = withExternalLink(validXlsx);
    expect(partText(part(linked, 'xl/externalLinks/externalLink1.xml'))).toContain('externalBook');
    expect(partText(part(linked, '[Content_Types].xml'))).toContain('externalLink+xml');
  });

  it('passwordZip sets the encryption flag on every entry', () => {
    expect(readZipParts(passwordZip()).every((entry) => ((entry.flags ?? 0) & 1) === 1)).toBe(true);
  });

  it('pseudoRandomBytes is deterministic', () => {
    expect(pseudoRandomBytes(64, 9)).toEqual(pseudoRandomBytes(64, 9));
    expect(pseudoRandomBytes(64, 9)).not.toEqual(pseudoRandomBytes(64, 10));
  });
});
