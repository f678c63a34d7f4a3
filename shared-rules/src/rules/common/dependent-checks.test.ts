// Messages a reviewer can check with a calculator (issue 13 point 7): an input that fails its own check drives no other
// check, amounts are grouped in thousands, and 「2,000」 typed as text says to drop the comma.
import { checkWorkbook } from '../../check/run';
import { type CheckOptions } from '../../check/context';
import { book, brief, checkBook } from '../../ledger/test-book';
import { APPLICATION_EXAMPLE, EXAMPLE_UBN } from '../../testing/seed-examples';
import { buildSnapshot, type Fill } from '../../testing/snapshot-builder';

const PREV = 2352194; // fa_prev_surplus_remaining of the example

const checkApplication = (fill: Fill, options: CheckOptions = {}): readonly { code: string; cell?: string; message: string }[] =>
  checkWorkbook(buildSnapshot('application', { ...APPLICATION_EXAMPLE, ...fill }), options).findings;

describe('an invalid input drives no dependent check', () => {
  it('a 10-digit 分配款 is cell.max_digits only, grouped: no ratio of "0.0%", no overspending, no total', () => {
    const findings = checkApplication({ fa_rev_alloc: 4670000000, fa_prev_surplus_remaining: PREV });
    expect(findings.map((f) => `${f.code} ${f.cell ?? ''}`)).toEqual(['cell.max_digits B4']);
    expect(findings[0]?.message).toBe('「分配款金額」最多 9 位數字，目前為 4,670,000,000');
  });

  it('a 10-digit amount keeps its digits as typed in the finding’s actual', () => {
    const finding = checkWorkbook(buildSnapshot('application', { ...APPLICATION_EXAMPLE, fa_rev_alloc: 4670000000 })).findings.find((f) => f.code === 'cell.max_digits');
    expect(finding?.actual).toBe('4670000000');
  });

  it('an impossible date is ledger.date_out_of_period only, not also out of order with the next entry', () => {
    // row 16 (2/9) typed as 2/31; the next entry is 2/20
    expect(checkBook(book({ 2: { day: 31 } })).map((f) => `${brief(f).code} ${brief(f).cell ?? ''}`)).toEqual(['ledger.date_out_of_period A16']);
  });

  it('a malformed UBN in the workbook is id.ubn_checksum only, not also a file name that disagrees with it', () => {
    const options = { fileName: `115_${EXAMPLE_UBN}_application.xlsx` };
    expect(checkApplication({ app_ubn: '04595258' }, options).map((f) => f.code)).toEqual(['id.ubn_checksum']);
    expect(checkApplication({ app_ubn: '0459525' }, options).map((f) => f.code)).toEqual(['id.ubn_checksum']);
    // a valid UBN of another union is still a mismatch
    expect(checkApplication({ app_ubn: '10458574' }, options).map((f) => f.code)).toEqual(['file.name_mismatch']);
  });
});

describe('amounts as a calculator shows them', () => {
  it('「2,000」 typed as text in an amount cell says to drop the thousands comma', () => {
    const findings = checkBook(book({ 2: { amount: '2,000' } }));
    expect(findings.map((f) => f.code)).toEqual(['cell.type']);
    expect(findings[0]?.message).toBe('「金額」應為不加千分位逗號的數字（請刪除逗號，輸入 2000），目前內容為「2,000」');
  });

  it('a 小計 typed over its formula is compared in grouped digits', () => {
    const findings = checkWorkbook(buildSnapshot('application', APPLICATION_EXAMPLE, { cells: { 決算: { C26: { v: 999 } } } })).findings;
    expect(findings.find((f) => f.code === 'sum.mismatch')?.message).toContain('依各細項重新計算應為 463,100');
  });

  it('no message of the catalogue doubles its label, as 「「統一編號」的統一編號」 did', () => {
    const findings = checkApplication({ app_ubn: '04595258', app_founded: '0841332' });
    for (const f of findings) expect(f.message).not.toMatch(/「(統一編號|成立日期)」的(統一編號|日期)/);
    expect(findings.find((f) => f.code === 'id.ubn_checksum')?.message).toBe('「統一編號」填寫的「04595258」檢查碼錯誤，請確認號碼');
  });
});
