// The reader's fast path for plain rows reads exactly what the general scanner reads, hands every other row to it, and
// never lets a malformed row through.
import { RowPieces } from './row-cells';
import { parseSheetXml, readSheet, type SheetContext } from './sheet';
import { XmlError } from './xml';

const ctx: SheetContext = { sharedStrings: ['甲', '乙'], dateStyles: [false, true], unlockedStyles: [false, false, true], date1904: false };
const LIMITS = { maxRowChars: 1_000_000, maxOtherChars: 1_000_000 };
const sheet = (rows: string): string => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
const oneChunk = async function* (text: string): AsyncGenerator<string> {
  yield text;
};
const streamed = (xml: string) => readSheet(oneChunk(xml), ctx, LIMITS);

// rows the fast path reads (plain) and rows it leaves to the scanner; both must come out as the scanner reads them
const PLAIN = [
  '<row r="1" spans="1:3"><c r="A1" s="1"><v>45658</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="2"/></row>',
  '<row r="2"><c r="A2" t="str"><f>IF(B2=&quot;&quot;,&quot;&quot;,B2&amp;&quot;&lt;&gt;&quot;)</f><v>x&amp;y</v></c><c r="B2" t="b"><v>1</v></c></row>',
  '<row r="3"><c r="A3"><f t="shared" ref="A3:A4" si="0">B3*2</f><v>4</v></c></row><row r="4"><c r="A4"><f t="shared" si="0"/><v>6</v></c></row>',
  '<row r="5"><c r="A5" t="e"><v>#REF!</v></c><c r="B5"><v/></c><c r="C5"><v></v></c><c r="D5" t="str"><f></f><v></v></c></row>',
  '<row r="6"/><row><c><v>1</v></c><c><v>2</v></c></row>',
  '<row r="8" ht="15"><c r="A8" s="2"><v>1</v><f>1+0</f></c></row>',
];
const GENERAL = [
  '<row r="1"> <c r="A1"><v>1</v></c> </row>',
  '<row r="1"><c r="A1" t="inlineStr"><is><t>自由文字</t></is></c></row>',
  '<row r="1"><c r="A1"><v><![CDATA[12]]></v></c></row>',
  '<row r="1"><c r="A1"><!-- note --><v>1</v></c></row>',
  '<row r="1"><c r="A1"><v>1</v><extLst/></c></row>',
  '<row r="1"><c r="A1" t="s"><v>0</v><is/></c></row>',
  '<row\tr="1"><c r="A1"><v>1</v></c></row>',
];

describe('plain rows', () => {
  it.each(PLAIN)('reads %s as the general scanner does', async (rows) => {
    const xml = sheet(rows);
    expect(await streamed(xml)).toEqual(parseSheetXml(xml, ctx));
  });

  it.each(GENERAL)('leaves %s to the general scanner, with the same result', async (rows) => {
    const pieces = new RowPieces();
    expect(pieces.scan(rows)).toBe(false);
    const xml = sheet(rows);
    expect(await streamed(xml)).toEqual(parseSheetXml(xml, ctx));
  });

  it('cuts a plain row into raw attributes and texts, entities still encoded', () => {
    const pieces = new RowPieces();
    expect(pieces.scan('<row r="2"><c r="A2" t="str"><f>&quot;a&quot;</f><v>a</v></c><c r="B2" s="1"/></row>')).toBe(true);
    expect(pieces.attrs).toBe('r="2"');
    expect(pieces.count).toBe(2);
    expect(pieces.cellAttrs.slice(0, 2)).toEqual(['r="A2" t="str"', 'r="B2" s="1"']);
    expect(pieces.formulas.slice(0, 2)).toEqual(['&quot;a&quot;', null]);
    expect(pieces.values.slice(0, 2)).toEqual(['a', null]);
  });

  it.each([
    '<row r="1"><c r="A1"><v>1</c></row>',
    '<row r="1"><c r="A1"><v>1</v></row>',
    '<row r="1"><c r="A1"><v>1</v></c></rows>',
    '<row r="1"><c r="A1"><f>1</v></c></row>',
    '<row r="1"><c r="A1"><v>&#0;</v></c></row>',
    '<row r="1"><c r="A1"><v>\u0001</v></c></row>',
    '<row r="1"><c r="A1 s="1"><v>1</v></c></row>',
  ])('refuses the malformed %s as the general scanner does', async (rows) => {
    const xml = sheet(rows);
    expect(() => parseSheetXml(xml, ctx)).toThrow(XmlError);
    await expect(streamed(xml)).rejects.toThrow(XmlError);
  });
});
