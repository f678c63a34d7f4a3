import { checkWorkbook } from '../../check/run';
import { type WorkbookSnapshot } from '../../snapshot/types';
import { APPLICATION_EXAMPLE } from '../../testing/seed-examples';
import { buildSnapshot } from '../../testing/snapshot-builder';

const brief = (snapshot: WorkbookSnapshot) => checkWorkbook(snapshot).findings.map((f) => [f.code, f.sheet ?? '-', f.cell ?? '-'] as const);

describe('template.structure when rows moved (seed 004 §1.2(二)2(6))', () => {
  it('an intact layout with a cleared total is template.formula_overwritten', () => {
    expect(brief(buildSnapshot('application', APPLICATION_EXAMPLE, { cells: { 決算: { B27: null } } }))).toEqual([
      ['sum.mismatch', '決算', 'B27'],
      ['template.formula_overwritten', '決算', 'B27'],
    ]);
  });

  it('a moved name is reported, and once that the shifted cells were not compared: no formula_overwritten for them', () => {
    const example = buildSnapshot('application', APPLICATION_EXAMPLE, { cells: { 決算: { B27: null, A27: null } } });
    const names = new Map(example.names);
    names.set('fa_total', { sheet: '決算', ref: 'B28' });
    const findings = checkWorkbook({ ...example, names }).findings;
    expect(findings.map((f) => [f.code, f.sheet ?? '-', f.cell ?? '-'])).toEqual([
      ['template.structure', '-', '-'],
      ['template.structure', '決算', '-'],
    ]);
    expect(findings[0]?.message).toContain('未檢查');
    expect(findings[1]?.message).toContain('「決算總計」應在工作表「決算」B27');
    expect(findings[1]?.message).not.toContain('fa_total');
  });

  it('a missing sheet is reported with the same single note', () => {
    const example = buildSnapshot('application', APPLICATION_EXAMPLE);
    const findings = brief({ ...example, sheets: example.sheets.filter((s) => s.name !== '預算') });
    expect(findings).toEqual([
      ['template.structure', '-', '-'],
      ['template.structure', '預算', '-'],
    ]);
  });
});
