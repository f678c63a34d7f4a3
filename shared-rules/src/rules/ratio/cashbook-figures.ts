// What both cash-book ratio rules share: the year-to-date figures and where the finding points.
import { type CheckContext } from '../../check/context';
import { CB_CELLS, CB_SHEET } from '../../definition/cashbook/ledger-sheet';
import { type Location } from '../../findings/make';
import { type Ledger, type LedgerTotals, ledgerTotals, readLedger } from '../../ledger';

export const cashbookFigures = (ctx: CheckContext): { ledger: Ledger; totals: LedgerTotals } =>
  ctx.memo('ledger-totals', () => {
    const ledger = readLedger(ctx);
    return { ledger, totals: ledgerTotals(ledger.entries) };
  });

/** A cash-book ratio concerns the whole year, so its finding points at 申報月份. */
export const PERIOD_CELL: Location = { sheet: CB_SHEET, cell: CB_CELLS.period, field: 'cb_period' };
