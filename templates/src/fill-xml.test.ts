// writeTemplate fills the blank template at the XML level (fill-xml.ts); writeTemplateWithExcelJS writes the same options
// through exceljs, as every template was made before. Both must give the same cells — style, type, formula and value,
// shared strings compared by their text — and every other part byte for byte.
import { TEMPLATE_VERSIONS, type WorkbookKind } from '@portfund/shared-rules';
import { type TemplateOptions, writeTemplate, writeTemplateWithExcelJS } from './generate';
import { xlsxCells } from './test-helpers';

/** Every part that differs between the two ways, with the first lines that differ. */
const differences = async (kind: WorkbookKind, opts: TemplateOptions): Promise<string[]> => {
  const fast = xlsxCells(await writeTemplate(kind, opts));
  const exceljs = xlsxCells(await writeTemplateWithExcelJS(kind, opts));
  const out: string[] = [];
  for (const part of new Set([...fast.keys(), ...exceljs.keys()])) {
    const a = (fast.get(part) ?? '').split('\n');
    const b = (exceljs.get(part) ?? '').split('\n');
    if (a.join('\n') === b.join('\n')) continue;
    const inB = new Set(b);
    const inA = new Set(a);
    out.push(`${part}: ${a.filter((l) => !inB.has(l)).slice(0, 3).join(' | ')} ≠ ${b.filter((l) => !inA.has(l)).slice(0, 3).join(' | ')}`);
  }
  return out;
};

describe('a template filled at the XML level = the same template written through exceljs', () => {
  it('writes the blank template byte for byte as exceljs does, and the same options give the same bytes', async () => {
    const blank = await writeTemplate('cashbook');
    expect(blank.equals(await writeTemplateWithExcelJS('cashbook'))).toBe(true);
    const filled = { year: 115, ubn: '12345678' };
    expect((await writeTemplate('cashbook', filled)).equals(await writeTemplate('cashbook', filled))).toBe(true);
    expect((await writeTemplate('cashbook', filled)).equals(blank)).toBe(false);
  });

  it('fills a cash book: entries, balances and 摘要(一) recomputed, text needing escapes, a typed formula, hidden sheets', async () => {
    const opts: TemplateOptions = {
      year: 115,
      ubn: '12345678',
      fill: {
        cb_open_special1: 100000,
        cb_entries: [
          [1, 5, '收', 'A001', '年度收入', '1', undefined, null, 467000, '分配款', '專戶存款1'],
          [1, 7, '支', 'A003', '1、教育訓練', '1-6', undefined, ' 午餐 <甲&乙> "x" \u0001', 12000, '分配款', '零用金'],
          [2, 1, '支', 'A004', '年度收入', '1', undefined, '\n多行\n', '12,000', '分配款', '零用金'],
        ],
      },
      cells: {
        // a constant over a balance, a formula over another (with a text, a number and no cached result), a value over "/"
        現金收支登記簿: { L15: 1, M15: { formula: 'SUM(1,2)&"元"', result: '3元' }, N15: { formula: '1+1', result: 2 }, O15: { formula: 'A1' }, A1: null },
        _meta: { B2: '0.9', Z99: 5 },
        _marks: { C14: 'E', A3020: '年度收入' },
      },
    };
    expect(await differences('cashbook', opts)).toEqual([]);
  });

  it('fills an application of every supported version, a merged area written through its top-left cell', async () => {
    for (const { version } of TEMPLATE_VERSIONS) {
      const opts: TemplateOptions = {
        version,
        year: 114,
        ubn: '04595257',
        fill: { app_union_name: '基隆港&裝卸工會', fa_rev_alloc: 467000, fa_rev_interest: '15937', fa_rev_other: 0 },
        // C28 and B1 lie in merged areas (B28:D28, A1:C1): exceljs writes their top-left cells
        cells: { 決算: { B8: 1000000, A4: '分配款', C28: 5 }, 申請書: { B1: '標題' } },
      };
      expect({ version, differences: await differences('application', opts) }).toEqual({ version, differences: [] });
    }
  });
});
