import type ExcelJS from 'exceljs';
import {
  CB_FIRST_ENTRY_ROW,
  CB_SHEET,
  cellsOfRange,
  codesForKind,
  CURRENT_VERSION,
  definedNames,
  findVersion,
  hasManualLayout,
  hasMarks,
  fingerprint,
  formatRange,
  INSTRUCTIONS_SHEET,
  MARKS_SHEET,
  META_CELLS,
  META_SHEET,
  metaBlocks,
  parseAddress,
  parseRange,
  render,
  type WorkbookKind,
} from '@portfund/shared-rules';
import { sharedFile } from '../../test/support/shared-file';
import { setBlankSource, templateDefinition, writeTemplate } from './generate';
import { COLORS } from './styles';
import { readBack, sheetOf, type ReadBack } from './test-helpers';

// the blank of each kind and version (made through exceljs, ~1 s for a cash book) is the test run's, as in every other
// file (test/support/cached-template.ts); fill-xml.test.ts keeps writeTemplateWithExcelJS itself as the oracle
setBlankSource((key, make) => sharedFile('blank-templates', key, make));

const sameRange = (a: string, b: string): boolean => {
  const x = parseRange(a);
  const y = parseRange(b);
  return x !== null && y !== null && formatRange(x) === formatRange(y);
};

/** "'決算'!$B$4:$C$9" → { sheet: '決算', ref: 'B4:C9' } */
const parseTarget = (text: string): { sheet: string; ref: string } => {
  const m = /^'?(.*?)'?!(.+)$/.exec(text);
  return { sheet: (m?.[1] ?? '').replace(/''/g, "'"), ref: (m?.[2] ?? '').replace(/\$/g, '') };
};

const isLocked = (cell: ExcelJS.Cell): boolean => cell.protection?.locked !== false;
const fillColor = (cell: ExcelJS.Cell): string | undefined => (cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined);

describe.each([
  ['application', CURRENT_VERSION],
  ['application', '1.2'],
  ['application', '1.1'],
  ['application', '1.0'],
  ['cashbook', CURRENT_VERSION],
  ['cashbook', '1.2'],
  ['cashbook', '1.1'],
  ['cashbook', '1.0'],
] as const)('%s template %s', (kind: WorkbookKind, version: string) => {
  const def = templateDefinition(kind, { version });
  const marks = hasMarks(findVersion(version));
  const release = findVersion(version);
  const blankLedgerRows = release !== undefined && hasManualLayout(release);
  let bytes: Buffer;
  let read: ReadBack;

  beforeAll(async () => {
    bytes = await writeTemplate(kind, { version, year: 115, ubn: '04595257' });
    read = await readBack(bytes);
  });

  it('has the instructions first, the data sheets in order, then the very-hidden _meta (and _marks)', () => {
    const names = read.workbook.worksheets.map((ws) => ws.name);
    expect(names).toEqual([INSTRUCTIONS_SHEET, ...def.sheets.map((s) => s.name), META_SHEET, ...(marks ? [MARKS_SHEET] : [])]);
    for (const ws of read.workbook.worksheets) {
      expect([ws.name, ws.state]).toEqual([ws.name, ws.name.startsWith('_') ? 'veryHidden' : 'visible']);
    }
  });

  it('carries exactly the defined names of the definition, each on its target', () => {
    const written = read.workbook.definedNames.model.filter((n) => !n.name.startsWith('_xlnm.'));
    const expected = definedNames(def);
    expect(written.map((n) => n.name).sort()).toEqual([...expected.keys()].sort());
    for (const n of written) {
      const target = expected.get(n.name);
      expect(n.ranges).toHaveLength(1);
      const actual = parseTarget(n.ranges[0] ?? '');
      expect(actual.sheet).toBe(target?.sheet);
      expect([n.name, sameRange(actual.ref, target?.ref ?? '')]).toEqual([n.name, true]);
    }
    expect(written.some((n) => n.name.startsWith('mk_'))).toBe(marks);
  });

  it('identifies itself in _meta and holds every dropdown list and lookup table', () => {
    const meta = sheetOf(read.workbook, META_SHEET);
    expect(meta.getCell(META_CELLS.kind).value).toBe(kind);
    expect(meta.getCell(META_CELLS.version).value).toBe(version);
    expect(meta.getCell(META_CELLS.fingerprint).value).toBe(fingerprint(def));
    expect(meta.getCell('A3').value).toBe('tpl_fingerprint');
    for (const block of metaBlocks(def)) {
      const bounds = parseRange(block.ref);
      expect(meta.getCell(1, bounds?.left ?? 0).value).toBe(block.header);
      const values = cellsOfRange(block.ref).map((at) => meta.getCell(at).value);
      expect(values).toEqual(block.rows.flat());
    }
  });

  it('unlocks input cells only, colours them by the sheet, and writes formulas with computed results', () => {
    // tens of thousands of cells: every wrong one is collected and the list compared once (one expect per cell costs seconds)
    const wrong: string[] = [];
    const check = (where: string, actual: unknown, expected: unknown): void => {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push(`${where}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    };
    for (const sheet of def.sheets) {
      const ws = sheetOf(read.workbook, sheet.name);
      for (const [at, spec] of sheet.cells) {
        const cell = ws.getCell(at);
        const where = `${sheet.name}!${at}`;
        if (spec.kind === 'input') {
          check(where, [isLocked(cell), fillColor(cell)], [false, sheet.inputColor === 'red' ? COLORS.inputRed : COLORS.inputWhite]);
          continue;
        }
        check(where, isLocked(cell), true);
        if (spec.kind === 'formula') {
          check(where, cell.formula, render(spec.expr, sheet.name));
          // cell.value drops a falsy result (0, ''); cell.result keeps 0, and an empty text (<v></v>) reads as undefined
          const result: unknown = cell.result ?? '';
          // from 1.3 the running balances of an empty ledger row are blank (""), like the row itself
          const blankBalance = blankLedgerRows && sheet.name === CB_SHEET && (parseAddress(at)?.row ?? 0) >= CB_FIRST_ENTRY_ROW;
          check(where, typeof result, spec.format === 'text' || blankBalance ? 'string' : 'number');
        }
        if (spec.kind === 'forbidden') check(where, cell.value, '/');
      }
    }
    expect(wrong).toEqual([]);
  });

  it('pre-fills the year as a number and the UBN as text', () => {
    const [yearName, ubnName] = kind === 'application' ? ['app_year', 'app_ubn'] : ['cb_year', 'cb_ubn'];
    const names = definedNames(def);
    const at = (name: string): ExcelJS.Cell => sheetOf(read.workbook, names.get(name)?.sheet ?? '').getCell(names.get(name)?.ref ?? '');
    expect(at(yearName).value).toBe(115);
    expect(at(ubnName).value).toBe('04595257');
    expect(at(ubnName).numFmt).toBe('@');
  });

  it('protects every sheet but _marks, and locks the workbook structure', async () => {
    for (const ws of read.workbook.worksheets) {
      const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
      expect([ws.name, protection?.sheet === true]).toEqual([ws.name, ws.name !== MARKS_SHEET]);
    }
    const workbookXml = (await read.zip.file('xl/workbook.xml')?.async('string')) ?? '';
    expect(workbookXml).toMatch(/<workbookProtection [^>]*lockStructure="1"[^>]*\/><bookViews>/);
  });

  it('writes exactly one <dataValidation> per validation of the definition', async () => {
    for (const sheet of def.sheets) {
      const xml = await read.sheetXml(sheet.name);
      const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
      const expected = def.validations.filter((v) => v.sheet === sheet.name).map((v) => v.sqref);
      expect(sqrefs.sort()).toEqual(expected.sort());
      const declared = /<dataValidations count="(\d+)"/.exec(xml)?.[1];
      expect(declared).toBe(expected.length === 0 ? undefined : String(expected.length));
    }
  });

  it('highlights marked input cells through conditional formats only where the version has marks', async () => {
    for (const sheet of def.sheets) {
      const xml = await read.sheetXml(sheet.name);
      const rules = [...xml.matchAll(/<formula>INDEX\((mk_\d+),ROW\(\),COLUMN\(\)\)=&quot;([EW])&quot;<\/formula>/g)].map((m) => m[2]);
      expect([sheet.name, rules]).toEqual([sheet.name, marks && sheet.markable ? ['E', 'W'] : []]);
    }
  });

  it('covers with those formats the cells the version marks: 1.1 the inputs, from 1.2 every cell (totals and balances too)', async () => {
    const release = findVersion(version);
    for (const sheet of def.sheets.filter((s) => marks && s.markable)) {
      const xml = await read.sheetXml(sheet.name);
      const sqref = /<conditionalFormatting sqref="([^"]+)"/.exec(xml)?.[1] ?? '';
      const covered = new Set(sqref.split(' ').flatMap((ref) => cellsOfRange(ref)));
      const wrong = [...sheet.cells].filter(([at, spec]) => covered.has(at) !== (release?.marked === 'all' || spec.kind === 'input'));
      expect([sheet.name, wrong.map(([at]) => at)]).toEqual([sheet.name, []]);
    }
  });

  it('lists every rule code of its kind on the instructions sheet', () => {
    const ws = sheetOf(read.workbook, INSTRUCTIONS_SHEET);
    const shown = new Set<string>();
    ws.eachRow((row) => shown.add(String(row.getCell(1).value)));
    for (const code of codesForKind(kind)) expect([code, shown.has(code)]).toEqual([code, true]);
  });

  it('gives the same bytes for the same inputs', async () => {
    expect((await writeTemplate(kind, { version, year: 115, ubn: '04595257' })).equals(bytes)).toBe(true);
  });
});

describe('template options', () => {
  it('grows the cash book to the requested entry rows, in one validation per column', async () => {
    const def = templateDefinition('cashbook', { entryRows: 5000 });
    expect(definedNames(def).get('cb_entries')?.ref).toBe('A14:K5013');
    const read = await readBack(await writeTemplate('cashbook', { entryRows: 5000 }));
    const xml = await read.sheetXml(def.sheets[0]?.name ?? '');
    expect(xml).toContain('sqref="A14:A5013"');
    expect([...xml.matchAll(/<dataValidation /g)]).toHaveLength(def.validations.filter((v) => v.sheet === def.sheets[0]?.name).length);
  });

  it('refuses an unknown version', () => {
    expect(() => templateDefinition('application', { version: '9.9' })).toThrow('unknown template version 9.9');
  });
});
