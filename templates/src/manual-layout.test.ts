import {
  BG_PRINTED_NOTE,
  buildDefinition,
  CB_NO_TABLE,
  CB_SHEET,
  INSTRUCTIONS_SHEET,
  instructionLines,
  MANUAL_NOTES,
  paramKey,
  paramsFor,
  SUBSIDY_LIMITS,
} from '@portfund/shared-rules';
import { writeTemplate } from './generate';
import { readBack, sheetOf, type ReadBack } from './test-helpers';

// Template 1.3 as the ministry prints its forms (issue 13 point 8); the print itself is rendered in libreoffice.test.ts.
describe('template 1.3: the application as the manual prints it', () => {
  let read: ReadBack;
  let blankYear: ReadBack;

  beforeAll(async () => {
    read = await readBack(await writeTemplate('application', { year: 115, ubn: '04595257' }));
    blankYear = await readBack(await writeTemplate('application'));
  });

  it('prints the years in the row labels as the seed does, from 申請年度 by formula', () => {
    const text = (r: ReadBack, sheet: string, at: string): unknown => sheetOf(r.workbook, sheet).getCell(at).result;
    expect(['A2', 'A4', 'A5', 'A7', 'A9', 'A11', 'A28', 'A30'].map((at) => text(read, '決算', at))).toEqual([
      '114年度歲入',
      '1、114年度分配款金額',
      '2、截至114年度利息收入',
      '4、動支截至上一年113年歷年累積結餘款金額',
      '上一年度113年歷年累積結餘款剩餘數',
      '114年度決算表',
      '截至114年度歷年累積結餘款',
      '114年度商港福利專款受益情形',
    ]);
    expect(['A4', 'A5', 'A6', 'A7', 'A9'].map((at) => text(read, '預算', at))).toEqual([
      '1、115申請年度分配款',
      '2、截至上一年度114年度利息收入',
      '3、115年度利息收入(預估)',
      '4、動支截至上一年度114年歷年累積結餘款',
      '上一年度114年歷年累積結餘款剩餘數',
    ]);
    expect(sheetOf(read.workbook, '決算').getCell('A7').formula).toBe('"4、動支截至上一年"&IF(app_year="","",app_year-2)&"年歷年累積結餘款金額"');
    // until the union types 申請年度 the label reads without a year
    expect(text(blankYear, '決算', 'A4')).toBe('1、年度分配款金額');
  });

  it('carries the 說明 the 預算 form prints, in cells the union may still change', () => {
    const ws = sheetOf(read.workbook, '預算');
    expect(['C4', 'C5', 'C6', 'C7'].map((at) => ws.getCell(at).value)).toEqual([BG_PRINTED_NOTE, null, BG_PRINTED_NOTE, null]);
    expect(ws.getCell('C4').protection?.locked).toBe(false);
  });

  it('sets a print area on every visible sheet; the roster’s ends at its last member', async () => {
    const xml = (await read.zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const areas = [...xml.matchAll(/<definedName name="_xlnm\.Print_Area" localSheetId="(\d+)">([^<]*)<\/definedName>/g)].map((m) => [
      Number(m[1]),
      (m[2] ?? '').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
    ]);
    expect(areas.map(([i]) => i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(areas[3]?.[1]).toBe("'決算'!$A$1:$D$57");
    expect(areas[2]?.[1]).toBe(
      "'會員名冊'!$A$1:$G$3:OFFSET('會員名冊'!$A$1,0,0,MAX(3,IFERROR(LOOKUP(2,1/(('會員名冊'!$B$4:$B$2003<>\"\")),ROW('會員名冊'!$B$4:$B$2003)),3)),7)",
    );
  });

  it('explains each form in the manual’s words with the §1.3 limits, and no developer text', () => {
    const ws = sheetOf(read.workbook, INSTRUCTIONS_SHEET);
    const shown: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => shown.push(String(cell.value))));
    const all = shown.join('\n');
    for (const limit of SUBSIDY_LIMITS) expect(shown).toContain(limit);
    expect(all).toContain('團體保險額度每人最高以新台幣 100 萬元為限');
    for (const sheet of ['決算', '教育訓練成果', '工作計畫', '預算']) {
      const notes = MANUAL_NOTES.application.find((n) => n.sheet === sheet);
      expect([sheet, (notes?.lines.length ?? 0) > 0]).toEqual([sheet, true]);
      for (const line of notes?.lines ?? []) expect([sheet, shown.includes(line)]).toEqual([sheet, true]);
    }
    expect(all).not.toMatch(/SPEC|portfund|npx|CLI|範本版本 1\.3（/);
  });

  it('keeps the 1.2 instructions as released', () => {
    const lines = instructionLines(buildDefinition('application', '1.2')).map((l) => l.text);
    expect(lines[1]).toMatch(/^範本版本 1\.2（2026-12，/);
    expect(lines).not.toContain(SUBSIDY_LIMITS[2]);
  });
});

describe('template 1.3: the cash book as the manual prints it', () => {
  let read: ReadBack;

  beforeAll(async () => {
    read = await readBack(
      await writeTemplate('cashbook', {
        fill: {
          cb_year: 115,
          cb_open_special1: 100000,
          // the second row left empty: the third carries the first's balances
          cb_entries: [[1, 5, '收', 'A001', '年度收入', '1', undefined, null, 467000, '分配款', '專戶存款1'], [], [1, 7, '支', 'A003', '1、教育訓練', '1-6', undefined, '午餐', 12000, '分配款', '專戶存款1']],
        },
      }),
    );
  });

  it('leaves the balances of an empty row blank and carries them across it', () => {
    const ledger = sheetOf(read.workbook, CB_SHEET);
    const row = (r: number): unknown[] => ['L', 'M', 'N', 'O', 'P'].map((c) => ledger.getCell(`${c}${r}`).result ?? '');
    expect(row(14)).toEqual([567000, 567000, 0, 0, 0]);
    expect(row(15)).toEqual(['', '', '', '', '']);
    expect(row(16)).toEqual([555000, 555000, 0, 0, 0]);
    expect(row(17)).toEqual(['', '', '', '', '']);
    expect(ledger.getCell('M16').formula).toMatch(/^IF\(AND\(A16="",I16=""\),"",LOOKUP\(9\.99E\+307,M\$13:M15\)\+/);
    expect(ledger.getCell('L16').formula).toBe('IF(M16="","",SUM(M16:P16))');
  });

  it('offers in the 號 dropdown only the 號 of the row’s 字 and 項目 (all of them while either is empty)', async () => {
    const xml = await read.sheetXml(CB_SHEET);
    const formula = /<dataValidation [^>]*sqref="F14:F3013"[^>]*>\s*<formula1>([^<]*)<\/formula1>/.exec(xml)?.[1]?.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(formula).toBe(
      'IF(COUNTIF(INDEX(tbl_cb_no,0,1),$C14&"|"&$E14)=0,lst_cb_no,OFFSET(tbl_cb_no,MATCH($C14&"|"&$E14,INDEX(tbl_cb_no,0,1),0)-1,1,COUNTIF(INDEX(tbl_cb_no,0,1),$C14&"|"&$E14),1))',
    );
    // Excel's limit for a validation formula
    expect(formula?.length ?? 0).toBeLessThanOrEqual(255);
    // the table on _meta: each 字|項目 once, its 號 together and as the parameter table lists them
    const table = buildDefinition('cashbook').tables.find((t) => t.name === CB_NO_TABLE)?.rows ?? [];
    const keys = table.map(([key]) => key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i && keys[i - 1] !== k)).toEqual([]);
    for (const p of paramsFor('1.3').rows) expect(table).toContainEqual([paramKey(p.zi, p.item), p.no]);
    expect(table).toHaveLength(paramsFor('1.3').rows.length);
  });
});
