import { buildDefinition } from './build';
import { add, cell, concat, ifBlank, ifEq, num, range, render, str, sub, sum, type Expr } from './expr';
import { isRendered, isRenderedCell } from './render-match';
import { TEMPLATE_VERSIONS } from './versions';

const formulas = (kind: 'application' | 'cashbook', version: string): { home: string; expr: Expr; text: string }[] =>
  buildDefinition(kind, version).sheets.flatMap((sheet) =>
    [...sheet.cells.values()].flatMap((spec) => (spec.kind === 'formula' ? [{ home: sheet.name, expr: spec.expr, text: render(spec.expr, sheet.name) }] : [])),
  );

describe('isRendered', () => {
  it.each(TEMPLATE_VERSIONS.flatMap((v) => [['application', v.version] as const, ['cashbook', v.version] as const]))(
    'agrees with render() on every %s %s formula, and refuses the text changed anywhere',
    (kind, version) => {
      const all = formulas(kind, version);
      expect(all.length).toBeGreaterThan(kind === 'cashbook' ? 18_000 : 10);
      // collected, then compared once: a failing formula is named by its text
      const wrong: string[] = [];
      const expectMatch = (text: string, want: boolean, label: string, expr: Expr, home: string): void => {
        if (isRendered(expr, home, text) !== want) wrong.push(`${label}: ${text}`);
      };
      all.forEach(({ home, expr, text }, i) => {
        expectMatch(text, true, 'rendered', expr, home);
        expectMatch(`${text} `, false, 'longer', expr, home);
        expectMatch(text.slice(0, -1), false, 'shorter', expr, home);
        // one character changed, at a place that moves through the text from formula to formula
        const at = i % text.length;
        expectMatch(`${text.slice(0, at)}${text[at] === 'X' ? 'Y' : 'X'}${text.slice(at + 1)}`, false, 'changed', expr, home);
        // the next formula's text (another row, or another formula) matches only where render writes the same
        const other = all[(i + 1) % all.length]?.text ?? '';
        expectMatch(other, other === text, 'other', expr, home);
      });
      expect(wrong).toEqual([]);
    },
  );

  it('follows every shape render writes: sheets quoted, absolute rows, compound subtraction, names', () => {
    const shapes: Expr[] = [
      sub(num(1), add(num(2), num(3))),
      sub(sum(range('決算', 'B2:B4')), concat(str('a"b'), cell('其他', 'C12'))),
      ifBlank(cell('X', 'A1', 'fa_total'), str(''), ifEq(num(1.5), { t: 'cell', ref: { sheet: "O'K", cell: 'AB12', absRow: true } }, num(0), sum())),
    ];
    for (const e of shapes) {
      const text = render(e, 'X');
      expect(isRendered(e, 'X', text)).toBe(true);
      expect(isRendered(e, 'X', text.replace('$', ''))).toBe(text.includes('$') ? false : true);
    }
  });
});

describe('isRenderedCell', () => {
  it('remembers a text proven for a cell, and still refuses any other text there', () => {
    const def = buildDefinition('cashbook');
    const sheet = def.sheets.find((s) => [...s.cells.values()].some((c) => c.kind === 'formula'));
    const [cellAt, spec] = [...(sheet?.cells ?? [])].find(([, c]) => c.kind === 'formula') ?? [];
    if (sheet === undefined || cellAt === undefined || spec?.kind !== 'formula') throw new Error('no formula cell');
    const text = render(spec.expr, sheet.name);
    // a sheet of its own, so this test starts from an empty memory whatever ran before it
    const memory = { ...sheet };
    // a text never proven is matched; a wrong one is refused before and after the right one is remembered
    expect(isRenderedCell(memory, cellAt, spec.expr, `${text}+0`)).toBe(false);
    expect(isRenderedCell(memory, cellAt, spec.expr, text)).toBe(true);
    expect(isRenderedCell(memory, cellAt, spec.expr, `${text}+0`)).toBe(false);
    // the same text again (a second workbook's own string) is recognised
    expect(isRenderedCell(memory, cellAt, spec.expr, `${text} `.trimEnd())).toBe(true);
    // the memory is per cell: the right text of one cell proves nothing for another
    expect(isRenderedCell(memory, 'ZZ1', spec.expr, `${text}+0`)).toBe(false);
  });
});
