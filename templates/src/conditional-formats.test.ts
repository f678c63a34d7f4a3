import { buildDefinition, cellsOfRange, formatRange } from '@portfund/shared-rules';
import { inputRectangles } from './conditional-formats';

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
