// The checker reads workbooks with its own lean xlsx reader; exceljs (which generates the templates) reads them too.
// Both must give the same snapshot — values and formulas of every cell, sheet states, defined names, data validations,
// sheet protection and unlocked cells — for our templates, every fixture of the table, the edited-structure fixtures,
// and the same files re-saved by LibreOffice (shared formulas, its own XML style).
import ExcelJS from 'exceljs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cellsOfRange, type SnapshotCell, type SnapshotSheet, type WorkbookSnapshot } from '@portfund/shared-rules';
import { snapshotFromExcelJS } from '../ingest-server/src/workbook/testing/exceljs-snapshot';
import { readWorkbook } from '../ingest-server/src/workbook/read/read-workbook';
import { WORKBOOK_FIXTURES } from './fixtures/workbook-fixtures';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from './helpers/libreoffice';
import { makeTempDir, removeDir } from './helpers/temp-dir';
import { fixtureBytes } from './helpers/workbooks';

const viaExcelJS = async (bytes: Buffer): Promise<WorkbookSnapshot> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return snapshotFromExcelJS(wb);
};

/** A sheet's validations as cells per rule, so two ways of writing the same areas compare equal. */
const validatedCells = (sheet: SnapshotSheet | undefined): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const v of sheet?.validations ?? []) {
    const key = `${v.type} ${v.operator ?? ''} ${v.formulas.join('|')}`;
    out[key] = [...(out[key] ?? []), ...v.sqref.split(' ').flatMap((area) => cellsOfRange(area))].sort();
  }
  return out;
};

/** Sheet structure both readers see alike; exceljs reads only "1"/"0" as booleans, LibreOffice writes "true"/"false". */
const structureDifferences = (lean: SnapshotSheet, reference: SnapshotSheet | undefined, withBooleans: boolean): string[] => {
  const out: string[] = [];
  const where = lean.name;
  if (JSON.stringify(validatedCells(lean)) !== JSON.stringify(validatedCells(reference))) out.push(`${where} validations`);
  if (withBooleans && lean.protected !== reference?.protected) out.push(`${where} protected ${lean.protected} vs ${reference?.protected}`);
  const unlocked = (s: SnapshotSheet | undefined): string => JSON.stringify([...(s?.unlocked ?? [])].sort());
  if (withBooleans && unlocked(lean) !== unlocked(reference)) out.push(`${where} unlocked ${unlocked(lean).slice(0, 200)} vs ${unlocked(reference).slice(0, 200)}`);
  return out;
};

/** Two cells alike in every field (a cash book has ~60,000: compared field by field, not as JSON text). */
const sameCell = (a: SnapshotCell | undefined, b: SnapshotCell | undefined): boolean => {
  if (a === undefined || b === undefined) return a === b;
  if (a.f !== b.f) return false;
  if (a.v === b.v) return true;
  return typeof a.v === 'object' && typeof b.v === 'object' && JSON.stringify(a.v) === JSON.stringify(b.v);
};

/** Every difference between two snapshots; exceljs drops a formula's falsy cached result (0 or ''), which no rule reads. */
const differences = (lean: WorkbookSnapshot, reference: WorkbookSnapshot, withBooleans = true): string[] => {
  const out: string[] = [];
  const sheetsOf = (s: WorkbookSnapshot) => s.sheets.map((x) => `${x.name}:${x.state ?? 'visible'}`);
  if (sheetsOf(lean).join('|') !== sheetsOf(reference).join('|')) out.push(`sheets ${sheetsOf(lean)} vs ${sheetsOf(reference)}`);
  lean.sheets.forEach((sheet, i) => {
    const other = reference.sheets[i]?.cells ?? new Map<string, SnapshotCell>();
    const compare = (at: string, a: SnapshotCell | undefined, b: SnapshotCell | undefined): void => {
      const cachedFalsy = a?.f !== undefined && b?.f === a.f && b.v === null && (a.v === 0 || a.v === '');
      if (!cachedFalsy && !sameCell(a, b)) out.push(`${sheet.name}!${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    };
    for (const [at, a] of sheet.cells) compare(at, a, other.get(at));
    for (const [at, b] of other) if (!sheet.cells.has(at)) compare(at, undefined, b);
    out.push(...structureDifferences(sheet, reference.sheets[i], withBooleans));
  });
  for (const name of new Set([...lean.names.keys(), ...reference.names.keys()])) {
    if (JSON.stringify(lean.names.get(name)) !== JSON.stringify(reference.names.get(name))) out.push(`name ${name}`);
  }
  return out;
};

// generated templates the reader reads (a fixture refused as file.unreadable, e.g. a DDE formula, has no snapshot to compare)
const TEMPLATE_FIXTURES = WORKBOOK_FIXTURES.filter((f) => f.bytes === undefined && !f.expect.some((e) => e.code === 'file.unreadable'));

// templates whose validations, locking or protection were edited in the XML: the new snapshot fields must agree too
const EDITED_STRUCTURE = [
  'the 工會類型 dropdown deleted from the XML',
  'the 項目 dropdown of the cash book replaced by a typed list',
  'a 決算 label and the 歲入合計 formula unlocked',
  'the 預算 sheet unprotected',
].map((name) => {
  const found = WORKBOOK_FIXTURES.find((f) => f.name === name);
  if (found === undefined) throw new Error(`no fixture ${name}`);
  return found;
});

describe('lean xlsx reader = exceljs adapter', () => {
  it.each(TEMPLATE_FIXTURES.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const bytes = await fixtureBytes(fixture);
    expect(differences(await readWorkbook(bytes), await viaExcelJS(bytes))).toEqual([]);
  });

  it.each(EDITED_STRUCTURE.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const bytes = await fixtureBytes(fixture);
    expect(differences(await readWorkbook(bytes), await viaExcelJS(bytes))).toEqual([]);
  });

  it(
    'agrees on workbooks re-saved by LibreOffice',
    async () => {
      const dir = await makeTempDir('parity');
      try {
        const chosen = TEMPLATE_FIXTURES.slice(0, 6);
        const paths = await Promise.all(
          chosen.map(async (f, i) => {
            const path = join(dir, `in-${i}.xlsx`);
            await writeFile(path, await fixtureBytes(f));
            return path;
          }),
        );
        const outDir = join(dir, 'out');
        await mkdir(outDir);
        for (const resaved of await convertWithLibreOffice(paths, 'xlsx', outDir)) {
          const bytes = await readFile(resaved);
          const lean = await readWorkbook(bytes);
          expect({ file: resaved, differences: differences(lean, await viaExcelJS(bytes), false) }).toEqual({ file: resaved, differences: [] });
          // exceljs misses LibreOffice's "true"/"false": the lean reader must still see every data sheet protected
          expect(lean.sheets.filter((s) => s.protected === false).map((s) => s.name)).toEqual([]);
        }
      } finally {
        await removeDir(dir);
      }
    },
    LIBREOFFICE_TIMEOUT_MS,
  );
});
