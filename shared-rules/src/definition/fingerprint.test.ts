// The fingerprint of a template size not worked out in advance: the checker hashes the stored formulas it proved equal
// to their rendering instead of rendering them again, and gets the very same fingerprint.
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { checkWorkbook } from '../check/run';
import { CASHBOOK_EXAMPLE } from '../testing/seed-examples';
import { buildSnapshot } from '../testing/snapshot-builder';
import { buildDefinition } from './build';
import { render } from './expr';
import { hasFingerprint, structureText } from './fingerprint';
import { CB_SHEET } from './cashbook/ledger-sheet';
import { CURRENT_VERSION } from './versions';

const hashOf = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

describe('fingerprint from proven formula texts', () => {
  it('takes the texts it is handed for formula cells, and renders the others', () => {
    const def = buildDefinition('cashbook', CURRENT_VERSION, { entryRows: 3002 });
    const rendered = new Map(def.sheets.map((s) => [s.name, s]));
    const same = (sheet: string, cell: string): string | undefined => {
      const spec = rendered.get(sheet)?.cells.get(cell);
      return spec?.kind === 'formula' ? render(spec.expr, sheet) : undefined;
    };
    expect(structureText(def, same)).toBe(structureText(def));
    expect(structureText(def, (sheet, cell) => (cell === 'M20' ? 'OTHER' : undefined))).toContain('F M20=OTHER');
  });

  // a size no check in this process has fingerprinted: checkStructure works it out from the proven formulas
  const fresh = (entryRows: number) => {
    const def = buildDefinition('cashbook', CURRENT_VERSION, { entryRows });
    expect(hasFingerprint(def)).toBe(false);
    return { def, stamp: hashOf(structureText(def)) };
  };
  const fingerprintFindings = (entryRows: number, stamp: string, cells = {}) =>
    checkWorkbook(buildSnapshot('cashbook', CASHBOOK_EXAMPLE, { entryRows, stamp, cells }), { fileName: '11512_04595257_accounting.xlsx' }).findings.filter(
      (f) => f.code === 'template.structure',
    );

  it('accepts the right stamp and refuses a wrong one', () => {
    const { stamp } = fresh(3003);
    expect(fingerprintFindings(3003, stamp)).toEqual([]);
    fresh(3004);
    expect(fingerprintFindings(3004, 'f'.repeat(64)).map((f) => f.params)).toEqual([expect.objectContaining({ reason: 'structure.fingerprint' })]);
  });

  it('renders the formula of a cell whose stored text was edited, so the stamp still matches the template', () => {
    const { stamp } = fresh(3005);
    const found = fingerprintFindings(3005, stamp, { [CB_SHEET]: { M20: { v: 0, f: 'M19+1' } } });
    expect(found.map((f) => [f.cell, f.params?.reason])).toEqual([['M20', 'structure.formula_changed']]);
  });
});
