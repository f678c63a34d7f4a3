// Hostile and wrong-format uploads for tests of the input gate, the CLI and the server. Test-only code.
import { constants, deflateRawSync } from 'node:zlib';
import * as CFB from 'cfb';
import { buildZip, deflatedPart, editPart, partText, readZipParts, storedPart, type ZipPart } from '@portfund/templates/src/zip';

export { buildZip, deflatedPart, editPart, partText, readZipParts, storedPart, type ZipPart };

function addContentType(types: string, element: string): string {
  return types.replace('</Types>', `${element}</Types>`);
}

function addRelationship(rels: string, element: string): string {
  return rels.replace('</Relationships>', `${element}</Relationships>`);
}

/** Deterministic filler bytes (xorshift32): fixtures must be identical on every run. */
export function pseudoRandomBytes(length: number, seed = 0x2545f491): Buffer {
  const out = Buffer.alloc(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out[i] = state & 0xff;
  }
  return out;
}

// ---------- Compound-file (OLE) uploads ----------

function compoundFile(streams: Record<string, Buffer>): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, name, content);
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Buffer);
}

/** A BIFF8 workbook stream reduced to its BOF and EOF records. */
function biff8WorkbookStream(): Buffer {
  const bof = Buffer.alloc(20);
  bof.writeUInt16LE(0x0809, 0); // BOF record
  bof.writeUInt16LE(16, 2);
  bof.writeUInt16LE(0x0600, 4); // BIFF8
  bof.writeUInt16LE(0x0005, 6); // workbook globals
  bof.writeUInt16LE(0x2775, 8); // build
  bof.writeUInt16LE(0x07cd, 10); // year
  const eof = Buffer.from([0x0a, 0x00, 0x00, 0x00]);
  return Buffer.concat([bof, eof]);
}

/** A legacy Excel 97-2003 .xls: a compound file with a Workbook stream. */
export function legacyXls(): Buffer {
  return compoundFile({ Workbook: biff8WorkbookStream() });
}

/** A password-protected .xlsx as Office writes it: a compound file with EncryptionInfo and EncryptedPackage. */
export function encryptedWorkbook(): Buffer {
  const infoHeader = Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]); // agile encryption 4.4
  const infoXml = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
      '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">' +
      '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" ' +
      'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>',
  );
  const packageSize = Buffer.alloc(8);
  packageSize.writeUInt32LE(6000, 0);
  return compoundFile({
    EncryptionInfo: Buffer.concat([infoHeader, infoXml]),
    EncryptedPackage: Buffer.concat([packageSize, pseudoRandomBytes(6144)]),
  });
}

// ---------- Zip uploads built from a valid workbook ----------

/** The first `fraction` of a valid file, as when a download or copy stops part-way. */
export function truncatedZip(validXlsx: Buffer, fraction = 0.6): Buffer {
  return Buffer.from(validXlsx.subarray(0, Math.floor(validXlsx.length * fraction)));
}

/** A valid workbook saved as .xlsm: a VBA project and the macro-enabled main content type. */
export function xlsmWithMacros(validXlsx: Buffer): Buffer {
  let parts = readZipParts(validXlsx);
  parts = editPart(parts, '[Content_Types].xml', (types) =>
    addContentType(
      types.replace(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      ),
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
    ),
  );
  parts = editPart(parts, 'xl/_rels/workbook.xml.rels', (rels) =>
    addRelationship(
      rels,
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>',
    ),
  );
  const vbaProject = compoundFile({ PROJECT: Buffer.from('ID="{00000000-0000-0000-0000-000000000000}"\r\nName="VBAProject"\r\n') });
  return buildZip([...parts, deflatedPart('xl/vbaProject.bin', vbaProject)]);
}

/** A valid workbook with a link to another workbook on someone's desktop. */
export function withExternalLink(validXlsx: Buffer): Buffer {
  let parts = readZipParts(validXlsx);
  parts = editPart(parts, '[Content_Types].xml', (types) =>
    addContentType(
      types,
      '<Override PartName="/xl/externalLinks/externalLink1.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>',
    ),
  );
  parts = editPart(parts, 'xl/_rels/workbook.xml.rels', (rels) =>
    addRelationship(
      rels,
      '<Relationship Id="rIdExt1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" ' +
        'Target="externalLinks/externalLink1.xml"/>',
    ),
  );
  const link =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<externalBook r:id="rId1"><sheetNames><sheetName val="決算"/></sheetNames></externalBook></externalLink>';
  const linkRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" ' +
    'Target="file:///C:\\Users\\union\\Desktop\\114年決算.xlsx" TargetMode="External"/></Relationships>';
  return buildZip([
    ...parts,
    deflatedPart('xl/externalLinks/externalLink1.xml', link),
    deflatedPart('xl/externalLinks/_rels/externalLink1.xml.rels', linkRels),
  ]);
}

// ---------- Valid zips far beyond what a template holds (the audit's crafted uploads) ----------

/** A valid workbook whose first shared string starts with a character reference to U+0000 (XML that is not well-formed). */
export function withNulCharRef(validXlsx: Buffer): Buffer {
  return buildZip(editPart(readZipParts(validXlsx), 'xl/sharedStrings.xml', (xml) => xml.replace(/<t([^>]*)>/, '<t$1>&#0;')));
}

/** `count` cells of pseudo-random digits, `perRow` to a row, from row `firstRow` on (compresses about 10:1, as real data). */
function digitRows(firstRow: number, count: number, perRow = 100): string {
  const digits = pseudoRandomBytes(count);
  const rows: string[] = [];
  for (let i = 0; i < count; i += perRow) {
    const cells = Array.from(digits.subarray(i, Math.min(i + perRow, count)), (d) => `<c><v>${d % 10}</v></c>`).join('');
    rows.push(`<row r="${firstRow + i / perRow}">${cells}</row>`);
  }
  return rows.join('');
}

/** A valid template whose 填表說明 (its first sheet, generated and never filled) holds `megabytes` MB of junk rows. */
export function withJunkInstructions(validXlsx: Buffer, megabytes = 2): Buffer {
  const junk = digitRows(1, Math.ceil((megabytes * MiB) / 15));
  return buildZip(editPart(readZipParts(validXlsx), 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${junk}</sheetData>`)));
}

/**
 * A valid template with `count` extra cells below the data of its second sheet (the first one users fill), 26 to a row
 * from row 1,001 on: within the rows and columns a template may reach, so only the number of cells is refused.
 */
export function withManyCells(validXlsx: Buffer, count = 1_100_000): Buffer {
  return buildZip(editPart(readZipParts(validXlsx), 'xl/worksheets/sheet2.xml', (xml) => xml.replace('</sheetData>', `${digitRows(1_001, count, 26)}</sheetData>`)));
}

// ---------- Hand-built workbook zips ----------

const XML_PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** The smallest set of parts that passes the gate's "is it a workbook" check; the sheet is supplied by the caller. */
function skeletonWorkbookParts(): ZipPart[] {
  return [
    deflatedPart(
      '[Content_Types].xml',
      `${XML_PROLOG}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    ),
    deflatedPart(
      '_rels/.rels',
      `${XML_PROLOG}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    ),
    deflatedPart(
      'xl/workbook.xml',
      `${XML_PROLOG}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    deflatedPart(
      'xl/_rels/workbook.xml.rels',
      `${XML_PROLOG}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '</Relationships>',
    ),
  ];
}

const MiB = 1024 * 1024;

/** Deflate of 1 MiB of zeros ending in a full flush: self-contained and byte-aligned, so copies can be chained. */
function deflatedZerosMiB(): Buffer {
  return deflateRawSync(Buffer.alloc(MiB), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
}

/** A raw deflate stream that inflates to `mebibytes` MiB of zeros, built without allocating that much. */
export function deflatedZeros(mebibytes: number): Buffer {
  const block = deflatedZerosMiB();
  const finalEmptyBlock = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array<Buffer>(mebibytes).fill(block), finalEmptyBlock]);
}

const DECLARED_BOMB_BYTES = 1_200_000_000;

/** A workbook whose central directory declares a 1.2 GB sheet (the data itself is 1 MiB of zeros, ~1 KB deflated). */
export function zipBomb(): Buffer {
  const sheet: ZipPart = { name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(1), method: 8, crc: 0, uncompressedSize: DECLARED_BOMB_BYTES };
  return buildZip([...skeletonWorkbookParts(), sheet]);
}

export const LYING_BOMB_REAL_BYTES = 460 * MiB;
export const LYING_BOMB_DECLARED_BYTES = 512 * 1024;
let lyingBombCache: Buffer | undefined;

/**
 * A workbook whose sheet declares 512 KiB (small enough that no ratio is judged) but whose deflate
 * stream really expands to 460 MiB (~470 KB on disk). Built in milliseconds and cached.
 */
export function lyingZipBomb(): Buffer {
  lyingBombCache ??= buildZip([
    ...skeletonWorkbookParts(),
    {
      name: 'xl/worksheets/sheet1.xml',
      data: deflatedZeros(LYING_BOMB_REAL_BYTES / MiB),
      method: 8,
      crc: 0,
      uncompressedSize: LYING_BOMB_DECLARED_BYTES,
    },
  ]);
  return Buffer.from(lyingBombCache);
}

/** A workbook packed with a zip password (traditional ZipCrypto flag set on every entry). */
export function passwordZip(): Buffer {
  const parts = skeletonWorkbookParts().map((part, i) => ({
    ...part,
    data: pseudoRandomBytes(12 + part.data.length, i + 1), // 12-byte encryption header + ciphertext
    flags: 0x0001,
  }));
  return buildZip(parts);
}

// ---------- Other formats renamed to .xlsx ----------

export function emptyFile(): Buffer {
  return Buffer.alloc(0);
}

export function textFileNamedXlsx(): Buffer {
  return Buffer.from('姓名,金額\n王小明,1000\n', 'utf8');
}

export function htmlNamedXlsx(): Buffer {
  return Buffer.from(
    '<html><head><meta charset="utf-8"></head><body><table><tr><td>姓名</td><td>金額</td></tr>' +
      '<tr><td>王小明</td><td>1000</td></tr></table></body></html>',
    'utf8',
  );
}

export function pdfNamedXlsx(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
      'trailer <</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}

/** An OpenDocument spreadsheet: the `mimetype` entry comes first and is stored, as the ODF spec requires. */
export function odsNamedXlsx(): Buffer {
  return buildZip([
    storedPart('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'),
    deflatedPart(
      'META-INF/manifest.xml',
      `${XML_PROLOG}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">` +
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    ),
    deflatedPart(
      'content.xml',
      `${XML_PROLOG}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">' +
        '<office:body><office:spreadsheet><table:table table:name="工作表1"><table:table-row><table:table-cell>' +
        '<text:p>姓名</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>',
    ),
  ]);
}

export function docxNamedXlsx(): Buffer {
  return buildZip([
    deflatedPart(
      '[Content_Types].xml',
      `${XML_PROLOG}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    ),
    deflatedPart(
      '_rels/.rels',
      `${XML_PROLOG}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    ),
    deflatedPart(
      'word/document.xml',
      `${XML_PROLOG}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
        '<w:body><w:p><w:r><w:t>會議紀錄</w:t></w:r></w:p></w:body></w:document>',
    ),
  ]);
}
