import ExcelJS from 'exceljs';
import { reasonText } from '@portfund/shared-rules';
import iconv from 'iconv-lite';
import { decodeText } from './decode';
import { openTable } from './open-table';
import { type TableReadError, type TableSource } from './source';
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

/** The zh-TW text of a refused decode ('' when it decoded). */
const refusal = (result: ReturnType<typeof decodeText>): string => (result.ok ? '' : reasonText(result.reason));

const open = async (bytes: Buffer, sheet?: string) => {
  const opened = await openTable(bytes, sheet === undefined ? {} : { sheet });
  if (!opened.ok) throw new Error(reasonText(opened.reason));
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
    expect(refusal(decodeText(Buffer.alloc(0)))).toContain('空的');
    expect(refusal(decodeText(Buffer.from([0x50, 0x00, 0x01, 0xff, 0x02])))).toContain('二進位');
    // line 2 holds a Big5 user-defined (造字) code CP950 does not map
    const eudc = Buffer.concat([iconv.encode('姓名\r\n', 'big5'), Buffer.from([0xfa, 0x40]), Buffer.from('\r\n')]);
    expect(refusal(decodeText(eudc))).toContain('第 2 行');
    const badBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\nb'), Buffer.from([0xb1, 0xa1])]);
    expect(refusal(decodeText(badBom))).toContain('第 2 行');
  });

  it('reports a UTF-8 file with one bad byte at that byte\'s line, as UTF-8 — not as a Big5 problem on line 1', () => {
    const lines = ['身分證字號,志工姓名,服務項目', 'A123456789,林淑芬,關懷訪視', 'A123456789,陳志明,環境清潔', 'A123456789,黃建宏,導覽', 'A123456789,張雅婷,櫃臺服務'];
    const bytes = Buffer.concat([Buffer.from(`${lines.join('\n')}\nA123456789,李`), Buffer.from([0xff]), Buffer.from('俊傑,關懷\n')]);
    const result = decodeText(bytes);
    expect(result).toMatchObject({ ok: false });
    const reason = refusal(result);
    expect(reason).toContain('不是有效的 UTF-8，也不是 Big5');
    expect(reason).toContain('看來是 UTF-8，但第 6 行有無效的位元組');
    expect(reason).not.toContain('第 1 行');
  });

  it('refuses a Big5 file holding an HKSCS character (堃) at its line, suggesting UTF-8', () => {
    const bytes = Buffer.concat([iconv.encode('志工姓名,服務項目\r\n林淑芬,關懷\r\n王', 'big5'), iconv.encode('堃', 'big5hkscs'), iconv.encode(',導覽\r\n', 'big5')]);
    const result = decodeText(bytes);
    const reason = refusal(result);
    expect(reason).toContain('看來是 Big5，但第 3 行');
    expect(reason).toContain('請以「CSV UTF-8」另存');
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
    await expect(rowsOf(source)).rejects.toMatchObject({ reason: { reason: 'table.csv_quote' } });
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
    const refused = rowsOf(await open(bytes, '不存在')).then(() => '', (e: TableReadError) => reasonText(e.reason));
    await expect(refused).resolves.toBe('活頁簿沒有名為「不存在」的工作表（有：說明、服務時數）');
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
