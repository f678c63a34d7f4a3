import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { decodeText } from './decode';
import { openTable } from './open-table';
import { type TableSource } from './source';
import { big5Csv, utf8BomCsv, utf8Csv, xlsxOf } from './testing/files';

const TABLE = [
  ['身分證字號', '志工姓名', '服務日期起', '服務時數'],
  ['A123456789', '林淑芬', '2025-01-02', '3.5'],
  ['A123456789', '臺中市「港區」, 裝卸', '1140102', '2'],
];

const rowsOf = async (source: TableSource) => {
  const out: { line: number; cells: unknown[] }[] = [];
  for await (const r of source.rows()) out.push({ line: r.line, cells: [...r.cells] });
  return out;
};

const open = async (bytes: Buffer, sheet?: string) => {
  const opened = await openTable(bytes, sheet === undefined ? {} : { sheet });
  if (!opened.ok) throw new Error(opened.reason);
  return opened.source;
};

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, Big5 and UTF-16 the same', () => {
    const text = '志工姓名,臺中\r\n林淑芬,碁\r\n';
    expect(decodeText(Buffer.from(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ ok: true, text, encoding: 'utf-8-bom' });
    expect(decodeText(iconv.encode(text, 'big5'))).toEqual({ ok: true, text, encoding: 'cp950' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]))).toEqual({ ok: true, text, encoding: 'utf-16le' });
  });

  it('refuses bytes that are neither text nor decodable, naming the line, instead of producing mojibake', () => {
    expect(decodeText(Buffer.alloc(0))).toMatchObject({ ok: false, reason: expect.stringContaining('空的') });
    expect(decodeText(Buffer.from([0x50, 0x00, 0x01, 0xff, 0x02]))).toMatchObject({ ok: false, reason: expect.stringContaining('二進位') });
    // line 2 holds a Big5 user-defined (造字) code CP950 does not map
    const eudc = Buffer.concat([iconv.encode('姓名\r\n', 'big5'), Buffer.from([0xfa, 0x40]), Buffer.from('\r\n')]);
    expect(decodeText(eudc)).toMatchObject({ ok: false, reason: expect.stringContaining('第 2 行') });
    const badBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\nb'), Buffer.from([0xb1, 0xa1])]);
    expect(decodeText(badBom)).toMatchObject({ ok: false, reason: expect.stringContaining('第 2 行') });
  });
});

describe('CSV source', () => {
  it('yields the same cells from UTF-8, UTF-8 with BOM and Big5, quotes and commas inside a cell intact', async () => {
    for (const [bytes, encoding] of [
      [utf8Csv(TABLE), 'utf-8'],
      [utf8BomCsv(TABLE), 'utf-8-bom'],
      [big5Csv(TABLE), 'cp950'],
    ] as const) {
      const source = await open(bytes);
      expect([source.format, source.encoding]).toEqual(['csv', encoding]);
      expect(await rowsOf(source)).toEqual(TABLE.map((cells, i) => ({ line: i + 1, cells })));
    }
  });

  it('detects a TAB or semicolon delimiter and can be read twice', async () => {
    const source = await open(Buffer.from('a\tb\n1\t2\n'));
    expect((await rowsOf(source)).map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2']]);
    expect((await rowsOf(source)).length).toBe(2);
    expect((await rowsOf(await open(Buffer.from('a;b\n1;2\n')))).map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps record numbers across blank lines and multi-line cells', async () => {
    const rows = await rowsOf(await open(Buffer.from('a,b\n\n"x\ny",2\n3,4\n')));
    expect(rows.map((r) => [r.line, r.cells])).toEqual([[1, ['a', 'b']], [2, ['']], [3, ['x\ny', '2']], [4, ['3', '4']]]);
  });

  it('fails part-way on a quote that never closes, naming the line', async () => {
    const source = await open(Buffer.from('a,b\n1,2\n"3,4\n5,6\n'));
    await expect(rowsOf(source)).rejects.toMatchObject({ reason: expect.stringContaining('引號未結束') });
  });

  it('streams chunks without splitting a character', async () => {
    const long = `${'名'.repeat(70_000)}😀`;
    const rows = await rowsOf(await open(Buffer.from(`a,b\n${long},x\n`)));
    expect(rows[1]?.cells).toEqual([long, 'x']);
    // Big5: two bytes a character, shifted by one so a 64 KB chunk ends inside one
    const big5 = `a,b\n${'名'.repeat(70_000)},x\n`;
    const source = await open(iconv.encode(big5, 'big5'));
    expect(source.encoding).toBe('cp950');
    expect((await rowsOf(source))[1]?.cells).toEqual(['名'.repeat(70_000), 'x']);
  });
});

describe('XLSX source', () => {
  it('streams the first sheet: texts, numbers and real dates', async () => {
    const bytes = await xlsxOf(TABLE, { realDates: true });
    const source = await open(bytes);
    const rows = await rowsOf(source);
    expect(source.sheet()).toBe('資料');
    expect(rows[1]?.cells).toEqual(['A123456789', '林淑芬', { date: '2025-01-02' }, '3.5']);
    expect(rows[2]?.cells).toEqual(['A123456789', '臺中市「港區」, 裝卸', '1140102', '2']);
  });

  it('reads a chosen sheet, and says which sheets exist when it is missing', async () => {
    const bytes = await xlsxOf(TABLE, { sheetName: '服務時數', before: ['說明'] });
    expect((await rowsOf(await open(bytes)))[0]?.cells).toEqual(['說明', '這不是資料']);
    expect((await rowsOf(await open(bytes, '服務時數')))[0]?.cells).toEqual(TABLE[0]);
    await expect(rowsOf(await open(bytes, '不存在'))).rejects.toMatchObject({ reason: '活頁簿沒有名為「不存在」的工作表（有：說明、服務時數）' });
  });

  it('keeps sheet row numbers when rows are skipped', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.getCell('A1').value = 'a';
    ws.getCell('A4').value = 'b';
    const rows = await rowsOf(await open(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(rows).toEqual([{ line: 1, cells: ['a'] }, { line: 4, cells: ['b'] }]);
  });

  it('refuses legacy .xls and broken zips before exceljs sees them', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]);
    expect(await openTable(ole)).toMatchObject({ ok: false });
    expect(await openTable(Buffer.from('PK\x03\x04garbage'))).toMatchObject({ ok: false });
  });
});
