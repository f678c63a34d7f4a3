// recon.opening_balance: a year's cash book opens with the closing balances of the previous year's current December
// filing, account by account (SPEC §6 quarter continuity; seed 004 §2.8(二)2(4) 上年度結存).
import { ACCOUNTS, type Account, CB_CELLS, CB_SHEET, makeFinding, moneyText, type Finding } from '@portfund/shared-rules';
import { type ReconCheck } from './context';
import { previousDecemberBook } from './related';

const OPENING_CELLS: Readonly<Record<Account, { cell: string; field: string }>> = {
  專戶存款1: { cell: CB_CELLS.openSpecial1, field: 'cb_open_special1' },
  專戶存款2: { cell: CB_CELLS.openSpecial2, field: 'cb_open_special2' },
  定期存款: { cell: CB_CELLS.openFixed, field: 'cb_open_fixed' },
  零用金: { cell: CB_CELLS.openPetty, field: 'cb_open_petty' },
};

export const openingBalance: ReconCheck = async (ctx, filing) => {
  if (filing.kind !== 'cashbook') return [];
  const december = await previousDecemberBook(ctx, filing);
  if (december === undefined) return [];
  const book = await ctx.summary(filing.id);
  const last = await ctx.summary(december.id);
  if (book === undefined || last === undefined) return [];
  return ACCOUNTS.flatMap((account): Finding[] => {
    const opening = book.opening[account];
    const closing = last.closing[account];
    if (opening.eq(closing)) return [];
    return [
      makeFinding(
        'recon.opening_balance',
        { sheet: CB_SHEET, ...OPENING_CELLS[account] },
        { account, actual: moneyText(opening), expected: moneyText(closing) },
        { actual: opening.toFixed(), expected: closing.toFixed() },
      ),
    ];
  });
};
