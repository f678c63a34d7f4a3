// A numeric column as pg returns it (text, or a number) as a Decimal; null when the cell is blank.
import Decimal from 'decimal.js';

export const amount = (v: unknown): Decimal | null => (v === null || v === undefined ? null : new Decimal(String(v)));
