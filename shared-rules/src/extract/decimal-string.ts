// Decimals leave the rules as text: plain notation (never 1e+21), every digit kept.
import type Decimal from 'decimal.js';
import { ACCOUNTS } from '../ledger/delta';
import { type Balances } from '../ledger/replay';
import { type BalancesData, type DecimalString } from './types';

export const decimalString = (d: Decimal): DecimalString => d.toFixed();

export const decimalStringOrNull = (d: Decimal | null): DecimalString | null => (d === null ? null : d.toFixed());

export const balancesData = (b: Balances): BalancesData =>
  Object.fromEntries(ACCOUNTS.map((a) => [a, b[a].toFixed()])) as Record<keyof Balances, DecimalString>;
