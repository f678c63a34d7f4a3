// How one cash-book entry moves the four accounts (SPEC §4.1): 收 adds to its account, 支 subtracts,
// 轉 moves between the two accounts fixed by its 號. Mirrors the template's running-balance formula exactly.
import Decimal from 'decimal.js';

export const ACCOUNTS = ['專戶存款1', '專戶存款2', '定期存款', '零用金'] as const;
export type Account = (typeof ACCOUNTS)[number];

export const isAccount = (s: string): s is Account => (ACCOUNTS as readonly string[]).includes(s);

/** The destination of a 轉 entry by its 號 (1–6); the 動支帳戶 column names the 專戶 involved. */
const transferTo = (no: string, account: string): string | null => {
  if (!/^\d+(\.\d+)?$/.test(no)) return null;
  const index = Math.trunc(Number(no));
  const targets = ['定期存款', '零用金', account, '零用金', '專戶存款2', '專戶存款1'];
  return index >= 1 && index <= targets.length ? (targets[index - 1] ?? null) : null;
};

/** The source of a 轉 entry: 定期存款 for 號 3, otherwise the 動支帳戶 column. */
const transferFrom = (no: string, account: string): string => (no === '3' ? '定期存款' : account);

export const ledgerDelta = (zi: string, no: string, amount: Decimal, account: string): Map<Account, Decimal> => {
  const delta = new Map<Account, Decimal>();
  const move = (name: string | null, signed: Decimal): void => {
    if (name === null || !isAccount(name)) return;
    delta.set(name, (delta.get(name) ?? new Decimal(0)).plus(signed));
  };
  if (zi === '收') move(account, amount);
  else if (zi === '支') move(account, amount.negated());
  else if (zi === '轉') {
    move(transferTo(no, account), amount);
    move(transferFrom(no, account), amount.negated());
  }
  return delta;
};
