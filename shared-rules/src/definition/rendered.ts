// Every formula cell's Excel text, rendered once per definition (the template writes it, the checker compares with it).
import { render } from './expr';
import { type WorkbookDefinition } from './types';

const cache = new WeakMap<WorkbookDefinition, ReadonlyMap<string, ReadonlyMap<string, string>>>();

export const renderedFormulas = (def: WorkbookDefinition): ReadonlyMap<string, ReadonlyMap<string, string>> => {
  const hit = cache.get(def);
  if (hit !== undefined) return hit;
  const bySheet = new Map<string, Map<string, string>>();
  for (const sheet of def.sheets) {
    const cells = new Map<string, string>();
    for (const [at, spec] of sheet.cells) if (spec.kind === 'formula') cells.set(at, render(spec.expr, sheet.name));
    bySheet.set(sheet.name, cells);
  }
  cache.set(def, bySheet);
  return bySheet;
};

export const renderedFormula = (def: WorkbookDefinition, sheet: string, cell: string): string =>
  renderedFormulas(def).get(sheet)?.get(cell) ?? '';
