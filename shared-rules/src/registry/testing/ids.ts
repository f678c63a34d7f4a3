// Valid test identifiers: a national ID with the given letter, sex digit and serial (the check digit found by the real
// checksum), and UBNs that pass the MOF checksum.
import { nationalIdChecksumOk } from '../../values/national-id';
import { ubnChecksumOk } from '../../values/ubn';

/** e.g. testId('A', 1, 1) → 'A10000001x' with x making it valid. */
export const testId = (letter: string, sexDigit: 1 | 2 | 8 | 9, serial: number): string => {
  const body = `${letter}${sexDigit}${String(serial).padStart(7, '0')}`;
  for (let d = 0; d <= 9; d++) if (nationalIdChecksumOk(`${body}${d}`)) return `${body}${d}`;
  throw new Error(`no check digit for ${body}`);
};

/** The n-th valid UBN at or after 10000000 + n × 37 (distinct for distinct n). */
export const testUbn = (n: number): string => {
  for (let x = 10000000 + n * 37; ; x++) if (ubnChecksumOk(String(x))) return String(x);
};
