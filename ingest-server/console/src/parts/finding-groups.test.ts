// Grouping, filtering and the blank-workbook summary of the console's findings view, on plain data.
import { type Finding } from '@portfund/api-contract';
import { emptySummaryText, emptyWorkbookSummary, filterFindings, groupFindings } from './finding-groups';

const finding = (code: string, sheet: string | undefined, cell: string, severity: 'error' | 'warning' = 'error', entry?: Finding['entry']): Finding => ({
  code,
  severity,
  source: 'check',
  ...(sheet !== undefined ? { sheet } : {}),
  cell,
  message: `${code} 在 ${cell}`,
  params: {},
  ...(entry !== undefined ? { entry } : {}),
});

const entry = { month: 3, day: 30, zi: '支', voucher: '99', summary: '行政事務費／辦公文具', amount: '9000000' };

describe('groupFindings', () => {
  it('groups by sheet in workbook order, then by rule, with counts and errors', () => {
    const groups = groupFindings([
      finding('ledger.voucher_duplicate', '現金收支登記簿', 'D15', 'warning'),
      finding('cell.required', '封面', 'C3'),
      finding('ledger.voucher_duplicate', '現金收支登記簿', 'D16', 'warning'),
      finding('ledger.negative_balance', '現金收支登記簿', 'P20'),
      finding('file.name', undefined, 'A1', 'warning'),
    ]);
    expect(groups.map((g) => [g.sheet, g.count, g.errors, g.rules.map((r) => [r.code, r.findings.length])])).toEqual([
      ['現金收支登記簿', 3, 1, [['ledger.voucher_duplicate', 2], ['ledger.negative_balance', 1]]],
      ['封面', 1, 1, [['cell.required', 1]]],
      ['（整份檔案）', 1, 0, [['file.name', 1]]],
    ]);
  });
});

describe('filterFindings', () => {
  const all = [finding('ledger.negative_balance', '現金收支登記簿', 'P20', 'error', entry), finding('ledger.voucher_duplicate', '現金收支登記簿', 'D16', 'warning')];

  it('keeps one severity', () => {
    expect(filterFindings(all, 'warning', '').map((f) => f.cell)).toEqual(['D16']);
  });

  it('finds by cell, code, voucher or 摘要, ignoring case and full-width forms', () => {
    expect(filterFindings(all, 'all', 'p20').map((f) => f.cell)).toEqual(['P20']);
    expect(filterFindings(all, 'all', 'voucher_duplicate').map((f) => f.cell)).toEqual(['D16']);
    expect(filterFindings(all, 'all', '９９').map((f) => f.cell)).toEqual(['P20']);
    expect(filterFindings(all, 'all', '辦公文具').map((f) => f.cell)).toEqual(['P20']);
    expect(filterFindings(all, 'all', '  ')).toHaveLength(2);
  });
});

describe('emptyWorkbookSummary', () => {
  it('summarises a mostly empty workbook by sheet', () => {
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding('cell.required', '申請書', `C${i + 3}`)),
      ...Array.from({ length: 4 }, (_, i) => finding('cell.required', '預算', `D${i + 3}`)),
      finding('file.name', undefined, 'A1', 'warning'),
    ];
    expect(emptyWorkbookSummary(findings)?.map(emptySummaryText)).toEqual(['工作表 申請書：12 個必填欄位未填', '工作表 預算：4 個必填欄位未填']);
  });

  it('leaves a workbook with a few or mostly other findings alone', () => {
    expect(emptyWorkbookSummary([finding('cell.required', '申請書', 'C3')])).toBeNull();
    expect(emptyWorkbookSummary(Array.from({ length: 20 }, (_, i) => finding(i < 5 ? 'cell.required' : 'ledger.voucher_duplicate', 'x', `A${i}`)))).toBeNull();
  });
});
