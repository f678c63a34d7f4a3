import { areaExtent, cellBeyondBounds, definedNamesBeyondBounds, deriveBounds, TEMPLATE_MAX_ROWS, workbookBounds } from './bounds';
import { buildDefinition } from './build';
import { definedNames } from './names';
import { CURRENT_VERSION } from './versions';

describe('workbook bounds', () => {
  it('the pinned bounds are what the definition of every version derives (else paste the printed value into bounds-pinned.ts)', () => {
    const derived = deriveBounds();
    const printed = [...derived.names].map(([n, v]) => `['${n}', { rows: ${v.rows}, columns: ${v.columns} }]`).join('\n');
    expect({ ...derived, names: printed }).toEqual({ ...workbookBounds(), names: [...workbookBounds().names].map(([n, v]) => `['${n}', { rows: ${v.rows}, columns: ${v.columns} }]`).join('\n') });
  }, 60_000);

  it('lets the largest template through and grows the repeating tables by a margin only', () => {
    const bounds = workbookBounds();
    expect(bounds.names.get('cb_entries')?.rows).toBe(bounds.maxTableRows);
    expect(bounds.maxTableRows).toBeGreaterThan(TEMPLATE_MAX_ROWS);
    expect(bounds.maxTableRows).toBeLessThan(TEMPLATE_MAX_ROWS * 2);
    for (const kind of ['application', 'cashbook'] as const) {
      const largest = definedNames(buildDefinition(kind, CURRENT_VERSION, { entryRows: TEMPLATE_MAX_ROWS, rosterRows: TEMPLATE_MAX_ROWS }));
      const names = [...largest].map(([name, t]) => ({ name, formula: `'${t.sheet}'!${t.ref}` }));
      expect(definedNamesBeyondBounds(names)).toBeNull();
    }
  });

  it.each([
    ["'現金收支登記簿'!$A$1:$Z$1048576", '1,048,576'],
    ["'現金收支登記簿'!$A:$Z", '1,048,576'],
    ["'現金收支登記簿'!$A$14:$K$25014", '25,001'],
  ])('refuses cb_entries redefined as %s', (formula, rows) => {
    expect(definedNamesBeyondBounds([{ name: 'cb_entries', formula }])).toEqual({
      reason: 'bounds.name_too_large',
      name: 'cb_entries',
      rows,
      columns: expect.any(String) as unknown,
      limitRows: '25,000',
      limitColumns: '27',
    });
  });

  it('refuses a whole row as a single-cell name, and one name too many', () => {
    expect(definedNamesBeyondBounds([{ name: 'cb_year', formula: "'現金收支登記簿'!$1:$1" }])?.reason).toBe('bounds.name_too_large');
    const many = Array.from({ length: 50_000 }, (_, i) => ({ name: `n${i}`, formula: 'Sheet1!$A$1' }));
    expect(definedNamesBeyondBounds(many)).toEqual({ reason: 'bounds.too_many_names', limit: '1,057' });
    expect(definedNamesBeyondBounds(many.slice(0, 1_000))).toBeNull();
  });

  it('names no definition has are only counted', () => {
    expect(definedNamesBeyondBounds([{ name: 'Print_Area', formula: "'決算'!$A:$Z" }])).toBeNull();
  });

  it('reads the extent of cells, ranges, whole columns and whole rows', () => {
    expect(areaExtent('C4')).toEqual({ rows: 1, columns: 1, bottom: 4, right: 3 });
    expect(areaExtent('$A$14:$K$3013')).toEqual({ rows: 3000, columns: 11, bottom: 3013, right: 11 });
    expect(areaExtent('A:Z')).toEqual({ rows: 1_048_576, columns: 26, bottom: 1_048_576, right: 26 });
    expect(areaExtent('3:9')).toEqual({ rows: 7, columns: 16_384, bottom: 9, right: 16_384 });
    expect(areaExtent('#REF!')).toBeNull();
  });

  it('refuses a cell past the last row or column a template reaches', () => {
    const { maxRow, maxColumn } = workbookBounds();
    expect(cellBeyondBounds('決算', maxRow, maxColumn)).toBeNull();
    expect(cellBeyondBounds('決算', maxRow + 1, 1)?.reason).toBe('bounds.row_out_of_range');
    expect(cellBeyondBounds('決算', 1, maxColumn + 1)?.reason).toBe('bounds.column_out_of_range');
  });
});
