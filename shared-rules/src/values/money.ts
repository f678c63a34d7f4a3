// Amounts as the seed prints them in messages: 193,700 (grouped digits; exact decimal text, never a float).
import Decimal from 'decimal.js';

/** Groups the integer digits in threes (linear, so a hostile 100,000-digit cell stays cheap). */
const groupDigits = (digits: string): string => {
  const head = digits.length % 3 || 3;
  const parts = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) parts.push(digits.slice(i, i + 3));
  return parts.join(',');
};

/** An amount as the seed prints it: 193,700. */
export const moneyText = (d: Decimal): string => {
  if (!d.isFinite() || d.abs().gte('1e30')) return d.toString();
  const [int = '0', frac] = d.toFixed().split('.');
  const sign = int.startsWith('-') ? '-' : '';
  return `${sign}${groupDigits(int.replace('-', ''))}${frac === undefined ? '' : `.${frac}`}`;
};

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A number typed or stored as plain digits, grouped as the seed prints amounts (1234567890 → 1,234,567,890); other text unchanged. */
export const groupedText = (text: string): string => (PLAIN_NUMBER.test(text) ? moneyText(new Decimal(text)) : text);
