// The lean reader's pieces: XML scanning (entities, CDATA, malformed input), shared formulas, date styles and serials.
import { parseSharedStrings, parseWorkbook } from './parts';
import { slideFormula } from './shared-formula';
import { parseSheet, sheetRowsOf, type SheetContext } from './sheet';
import { decodeEntities, decodeXstring, scanXml, XmlError } from './xml';

const noop = { open: () => undefined, close: () => undefined, text: () => undefined };

describe('scanXml', () => {
  it('refuses what is not well-formed or declares entities', () => {
    expect(() => scanXml('<a><b></a>', noop)).toThrow(XmlError);
    expect(() => scanXml('<a>', noop)).toThrow(XmlError);
    expect(() => scanXml('<!DOCTYPE x [<!ENTITY e "boom">]><a>&e;</a>', noop)).toThrow(XmlError);
    expect(() => scanXml('<a x="1>', noop)).toThrow(XmlError);
  });

  it('reads local names, attributes with > inside quotes, comments and CDATA', () => {
    const seen: string[] = [];
    scanXml('<?xml version="1.0"?><x:root a="1>2"><!-- c --><v><![CDATA[1 & 2]]></v></x:root>', {
      open: (name, attrs) => seen.push(`<${name} ${attrs}>`),
      close: (name) => seen.push(`</${name}>`),
      text: (t) => seen.push(decodeEntities(t)),
    });
    expect(seen).toEqual(['<root a="1>2">', '<v >', '1 & 2', '</v>', '</root>']);
  });

  it('decodes named and numeric entities, leaving unknown ones as written', () => {
    expect(decodeEntities('&quot;收&quot;&amp;&#x5E74;&#24230;&bogus;')).toBe('"收"&年度&bogus;');
  });
  it('refuses references to characters XML 1.0 does not allow (U+0000 must never reach the database)', () => {
    for (const ref of ['&#0;', '&#x0;', '&#x1F;', '&#8;', '&#xD800;', '&#xFFFE;', '&#x110000;']) expect(() => decodeEntities(`提撥${ref}零用金`)).toThrow(XmlError);
    expect(decodeEntities('a&#9;b&#xA;c&#13;d&#x10FFFF;')).toBe('a\tb\nc\rd\u{10FFFF}');
  });
  it('refuses a document holding a raw control character', () => {
    expect(() => scanXml('<si><t>提撥\u0000零用金</t></si>', noop)).toThrow(XmlError);
    expect(() => scanXml('<si><t>a\u0001</t></si>', noop)).toThrow(XmlError);
    expect(() => scanXml('<si><t>a\tb\r\nc</t></si>', noop)).not.toThrow();
  });
  it("decodes Excel's _xHHHH_ escapes in cell text, dropping the characters XML cannot hold", () => {
    expect(decodeXstring('第一行_x000D_\n第二行')).toBe('第一行\r\n第二行');
    expect(decodeXstring('提撥_x0000_零用金_x000B_')).toBe('提撥零用金');
    expect(decodeXstring('_x005F_x0041_ _x41_ _x004a_')).toBe('_x0041_ _x41_ _x004a_');
  });
});

describe('parts', () => {
  it('keeps workbook-level names only and reads sheet states', () => {
    const wb = parseWorkbook(
      '<workbook><workbookPr date1904="1"/><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="_meta" state="veryHidden" r:id="rId2"/></sheets>' +
        '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">A!$1:$1</definedName><definedName name="app_year">\'申請書\'!$B$3</definedName></definedNames></workbook>',
    );
    expect(wb.sheets.map((s) => s.state)).toEqual(['visible', 'veryHidden']);
    expect(wb.names).toEqual([{ name: 'app_year', formula: "'申請書'!$B$3" }]);
    expect(wb.date1904).toBe(true);
  });

  it('joins rich-text runs and skips phonetic runs in shared strings', () => {
    expect(parseSharedStrings('<sst><si><t>工會</t></si><si><r><t>理事</t></r><r><t>長</t></r><rPh><t>ㄌ</t></rPh></si></sst>')).toEqual(['工會', '理事長']);
  });
});

describe('shared formulas', () => {
  it('moves relative references, keeps absolute ones, names and string literals', () => {
    const master = 'M13+IFERROR(I14*1,0)*((C14="收")*(K14=M$12)+(F14&""="3"))+tbl_cb_summary';
    expect(slideFormula(master, { row: 14, col: 13 }, { row: 20, col: 13 })).toBe('M19+IFERROR(I20*1,0)*((C20="收")*(K20=M$12)+(F20&""="3"))+tbl_cb_summary');
    expect(slideFormula('"A1"&B2', { row: 2, col: 2 }, { row: 3, col: 3 })).toBe('"A1"&C3');
    expect(slideFormula("'決算'!D26+LOG10(A1)", { row: 1, col: 1 }, { row: 2, col: 1 })).toBe("'決算'!D27+LOG10(A2)");
  });

  it('gives each clone its translated formula in a sheet', () => {
    const xml =
      '<worksheet><sheetData><row r="14"><c r="G14" t="str"><f t="shared" ref="G14:G15" si="0">IF(C14="","",C14)</f><v></v></c></row>' +
      '<row r="15"><c r="G15" t="str"><f t="shared" si="0"/><v>x</v></c></row></sheetData></worksheet>';
    const cells = parseSheet(xml, { sharedStrings: [], dateStyles: [], date1904: false });
    expect(cells.get('G15')).toEqual({ v: 'x', f: 'IF(C15="","",C15)' });
  });
});

describe('cells', () => {
  it('reads shared and inline strings, booleans, errors, numbers and date-styled numbers', () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>內文</t></is></c>' +
      '<c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#REF!</v></c><c r="E1"><v>1234.5</v></c><c r="F1" s="1"><v>46022</v></c><c><v>7</v></c></row></sheetData></worksheet>';
    const cells = parseSheet(xml, { sharedStrings: ['甲'], dateStyles: [false, true], date1904: false });
    expect(Object.fromEntries([...cells].map(([k, c]) => [k, c.v]))).toEqual({
      A1: '甲',
      B1: '內文',
      C1: true,
      D1: { error: '#REF!' },
      E1: 1234.5,
      F1: { date: '2025-12-31' },
      G1: 7,
    });
  });

  it('reads date-styled numbers as dates in the date system of the workbook', () => {
    const cells = (date1904: boolean) => parseSheet('<sheetData><row r="1"><c r="A1" s="1"><v>45658</v></c><c r="B1"><v>45658</v></c></row></sheetData>', { sharedStrings: [], dateStyles: [false, true], date1904 });
    expect(cells(false)).toEqual(new Map([['A1', { v: { date: '2025-01-01' } }], ['B1', { v: 45658 }]]));
    expect(cells(true).get('A1')).toEqual({ v: { date: '2029-01-02' } });
  });
});

describe('sheetRowsOf (streamed rows)', () => {
  const ctx: SheetContext = { sharedStrings: ['姓名', '林淑芬'], dateStyles: [false, true], date1904: false };
  const xml =
    '<?xml version="1.0"?><worksheet xmlns="x"><cols><col min="1" max="3"/></cols><sheetData>' +
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>時數 &amp; 備註</t></is></c></row>' +
    '<row r="2" spans="1:3"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>3.5</v></c><c r="C2" s="1"><v>45659</v></c></row>' +
    '<row r="3"/>' +
    '<row><c r="A5"><v>7</v></c></row>' +
    '</sheetData><rowBreaks count="1"><brk id="3"/></rowBreaks><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
  const expected = [
    { line: 1, cells: new Map([['A1', { v: '姓名' }], ['B1', { v: '時數 & 備註' }]]) },
    { line: 2, cells: new Map([['A2', { v: '林淑芬' }], ['B2', { v: 3.5 }], ['C2', { v: { date: '2025-01-02' } }]]) },
    { line: 3, cells: new Map() },
    { line: 4, cells: new Map([['A5', { v: 7 }]]) },
  ];
  const chunked = async function* (text: string, size: number): AsyncGenerator<string> {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  };
  const collect = async (chunks: AsyncIterable<string>) => {
    const out: { line: number; cells: Map<string, unknown> }[] = [];
    for await (const row of sheetRowsOf(chunks, ctx)) out.push(row);
    return out;
  };

  it('reads the same rows whatever the chunk boundaries (every cut inside tags, entities and text)', async () => {
    for (const size of [1, 2, 3, 5, 7, 11, 64, xml.length]) expect(await collect(chunked(xml, size))).toEqual(expected);
  });

  it('yields each row as soon as its chunk has arrived, not after the whole sheet', async () => {
    let sent = 0;
    const source = async function* (): AsyncGenerator<string> {
      yield '<worksheet><sheetData>';
      for (let r = 1; r <= 20_000; r += 1) {
        sent = r;
        yield `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
      }
      yield '</sheetData></worksheet>';
    };
    const lag: number[] = [];
    for await (const row of sheetRowsOf(source(), ctx)) lag.push(sent - row.line);
    expect(lag).toHaveLength(20_000);
    expect(Math.max(...lag)).toBe(0);
  });

  it('refuses a sheet whose last row never closes', async () => {
    await expect(collect(chunked('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>', 4))).rejects.toThrow(XmlError);
  });
});
