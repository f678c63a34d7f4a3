import type ExcelJS from 'exceljs';
import { definedNames, FA_SPEND_ROWS, type WorkbookKind } from '@portfund/shared-rules';
import { type CellInput, type CellOverrides, type FillValues } from './fill';
import { templateDefinition, writeTemplate } from './generate';
import { readBack, sheetOf } from './test-helpers';

type Row = (CellInput | undefined)[];

/** fa_spend as rows × (結餘款, 分配款, 利息), by row key. */
const faSpend = (byKey: Record<string, Row>): Row[] => FA_SPEND_ROWS.map((r) => byKey[r.key] ?? []);

/** SPEC §3.3 worked example (seed 004 §2.3(三)). */
const WORKED_EXAMPLE: FillValues = {
  fa_rev_alloc: 467000,
  fa_rev_interest: 15937,
  fa_interest_option: 'B',
  fa_rev_other: 0,
  fa_rev_surplus_draw: 513600,
  fa_prev_surplus_remaining: 2352194,
  fa_spend: faSpend({
    '1': [undefined, 193700, 6000],
    '3-1': [489600],
    '4': [24000, 72000],
    '5-1': [undefined, 63500],
    '5-2': [undefined, 9400, 9000],
    '5-4': [undefined, 124500],
  }),
};

const generate = async (kind: WorkbookKind, fill: FillValues, cells?: CellOverrides): Promise<(name: string) => ExcelJS.Cell> => {
  const names = definedNames(templateDefinition(kind));
  const { workbook } = await readBack(await writeTemplate(kind, { fill, ...(cells === undefined ? {} : { cells }) }));
  return (name) => {
    const target = names.get(name);
    if (target === undefined) throw new Error(`no name ${name}`);
    return sheetOf(workbook, target.sheet).getCell(target.ref.split(':')[0] ?? '');
  };
};

describe('fill by defined name', () => {
  it('computes the cached results of the SPEC §3.3 worked example', async () => {
    const cell = await generate('application', WORKED_EXAMPLE);
    expect(cell('fa_rev_total').result).toBe(996537);
    expect(cell('fa_total').result).toBe(991700);
    expect(cell('fa_cum_surplus').result).toBe(2357031);
    expect(cell('bg_rev_interest_prev').result).toBe(937);
    // undefined entries are skipped: the 教育訓練 結餘款 cell keeps its "/"
    expect(cell('fa_spend').value).toBe('/');
  });

  it('writes values exactly as given, wrong types included', async () => {
    const cell = await generate('application', { app_ubn: 4595257, fa_rev_alloc: '４６７０００', app_founded: '0840301', app_dissolved: null });
    expect(cell('app_ubn').value).toBe(4595257);
    expect(cell('fa_rev_alloc').value).toBe('４６７０００');
    expect(cell('app_founded').value).toBe('0840301');
    expect(cell('app_dissolved').value).toBeNull();
    // SUM ignores text, as Excel does
    expect(cell('fa_rev_total').result).toBe(0);
  });

  it('runs the cash book balances and 摘要(一) from the entries', async () => {
    const cell = await generate('cashbook', {
      cb_year: 115,
      cb_open_special1: 100000,
      cb_entries: [
        [1, 5, '收', 'A001', '年度收入', '1', undefined, null, 467000, '分配款', '專戶存款1'],
        [1, 6, '轉', 'A002', '動支存款', '2', undefined, null, 20000, undefined, '專戶存款1'],
        [1, 7, '支', 'A003', '1、教育訓練', '1-6', undefined, '午餐', 12000, '分配款', '零用金'],
      ],
    });
    const ledger = cell('cb_entries').worksheet;
    expect(ledger.getCell('G14').result).toBe('收-商港服務費福利專款');
    expect(ledger.getCell('G16').result).toBe('1-6、餐費');
    // 結存, 專戶存款1, 專戶存款2, 定期存款, 零用金 after the third entry
    expect(['L16', 'M16', 'N16', 'O16', 'P16'].map((at) => ledger.getCell(at).result)).toEqual([555000, 547000, 0, 0, 8000]);
    expect(ledger.getCell('A1').result).toBe('商港服務費福利專款現金收支登記簿 115年度');
    // from 1.2 the 參數表 title shows the year too, by formula from cb_year
    const params = sheetOf(ledger.workbook, '參數表').getCell('A1');
    expect(params.formula).toBe('"商港服務費福利專款 "&IF(cb_year="","",cb_year&"年度")&"現金收支登記簿參數表（字、項目、號請依本表由下拉選單點選，摘要(一)自動代出）"');
    expect(params.result).toBe('商港服務費福利專款 115年度現金收支登記簿參數表（字、項目、號請依本表由下拉選單點選，摘要(一)自動代出）');
  });

  it('refuses a name the template does not have, and a block larger than its range', async () => {
    await expect(writeTemplate('application', { fill: { no_such_name: 1 } })).rejects.toThrow('no defined name no_such_name');
    await expect(writeTemplate('application', { fill: { te_items: Array.from({ length: 14 }, () => [1]) } })).rejects.toThrow('te_items[13][0] is outside B3:B15');
  });
});

describe('overrides by address (tampered templates)', () => {
  it('types a constant over a total and the results that depend on it follow', async () => {
    const cell = await generate('application', WORKED_EXAMPLE, { 決算: { B8: 1000000 } });
    expect(cell('fa_rev_total').formula).toBeUndefined();
    expect(cell('fa_rev_total').value).toBe(1000000);
    expect(cell('fa_cum_surplus').result).toBe(2352194 + 1000000 - 991700);
  });

  it('replaces a label and a formula', async () => {
    const cell = await generate('application', WORKED_EXAMPLE, { 決算: { A4: '分配款', $B$27: { formula: 'SUM(B26:C26)', result: 976700 } } });
    const sheet = cell('fa_total').worksheet;
    expect(sheet.getCell('A4').value).toBe('分配款');
    expect(cell('fa_total').formula).toBe('SUM(B26:C26)');
    expect(cell('fa_total').result).toBe(976700);
    expect(cell('fa_cum_surplus').result).toBe(2352194 + 996537 - 976700);
  });

  it('reaches the hidden sheets too: a forged version in _meta, a mark in _marks', async () => {
    const cell = await generate('cashbook', {}, { _meta: { B2: '0.9' }, _marks: { C14: 'E' } });
    const workbook = cell('tpl_version').worksheet.workbook;
    expect(cell('tpl_version').value).toBe('0.9');
    expect(sheetOf(workbook, '_marks').getCell('C14').value).toBe('E');
  });

  it('refuses a sheet the template does not have', async () => {
    await expect(writeTemplate('cashbook', { cells: { 決算: { B8: 1 } } })).rejects.toThrow('no sheet 決算');
  });
});

