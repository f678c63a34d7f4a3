import { buildDefinition, cellsOfRange, findVersion, formatRange, type SheetSpec, type TemplateVersion } from '@portfund/shared-rules';
import { inputRectangles, markedRectangles } from './conditional-formats';

describe('inputRectangles', () => {
  it.each(['application', 'cashbook'] as const)('covers exactly the input cells of every %s sheet, each once', (kind) => {
    for (const sheet of buildDefinition(kind).sheets) {
      const inputs = [...sheet.cells].filter(([, spec]) => spec.kind === 'input').map(([at]) => at);
      const covered = inputRectangles(sheet).flatMap((b) => cellsOfRange(formatRange(b)));
      expect(covered.sort()).toEqual(inputs.sort());
    }
  });

  it('joins the cash book entry columns into two rectangles around the 摘要(一) formulas', () => {
    const ledger = buildDefinition('cashbook').sheets[0];
    const refs = ledger === undefined ? [] : inputRectangles(ledger).map(formatRange);
    expect(refs).toEqual(expect.arrayContaining(['A14:F3013', 'H14:K3013']));
  });
});

describe('markedRectangles', () => {
  const release = (version: string): TemplateVersion => {
    const found = findVersion(version);
    if (found === undefined) throw new Error(`no version ${version}`);
    return found;
  };

  it('1.1 marks the input cells only', () => {
    for (const sheet of buildDefinition('application', '1.1').sheets) {
      expect(markedRectangles(sheet, release('1.1')).map(formatRange)).toEqual(inputRectangles(sheet).map(formatRange));
    }
  });

  it('1.2 covers a 20,000-entry cash book (about 320,000 cells) in one rectangle', () => {
    const [ledger] = buildDefinition('cashbook', '1.2', { entryRows: 20_000 }).sheets;
    expect(markedRectangles(ledger as SheetSpec, release('1.2')).map(formatRange)).toEqual(['A1:P20013']);
  });

  it('1.2 marks every cell a finding can point at: 決算 totals, the ledger’s 摘要(一) and running balances', () => {
    const [ledger] = buildDefinition('cashbook', '1.2').sheets;
    const finalAccounts = buildDefinition('application', '1.2').sheets.find((s) => s.name === '決算');
    const covered = (sheet: SheetSpec | undefined): Set<string> =>
      new Set(sheet === undefined ? [] : markedRectangles(sheet, release('1.2')).flatMap((b) => cellsOfRange(formatRange(b))));
    expect(markedRectangles(ledger as SheetSpec, release('1.2')).map(formatRange)).toEqual(['A1:P3013']);
    const fa = covered(finalAccounts);
    for (const at of ['B8', 'B13', 'B26', 'C26', 'D26', 'B27', 'B28', 'C34']) expect([at, fa.has(at)]).toEqual([at, true]);
  });
});
