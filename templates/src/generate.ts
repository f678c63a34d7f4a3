// Builds a protected application or cash-book template, always fresh, from the shared definition (SPEC §3–§4, §9).
import type ExcelJS from 'exceljs';
import { exceljs } from './exceljs';
import {
  buildDefinition,
  findVersion,
  hasManualLayout,
  hasMarks,
  INSTRUCTIONS_SHEET,
  type PrintArea,
  MARKS_SHEET,
  marksLayout,
  META_SHEET,
  type WorkbookDefinition,
  type WorkbookKind,
} from '@portfund/shared-rules';
import { addMarkFormats } from './conditional-formats';
import { definedNamesXml, printAreasXml } from './defined-names';
import { type CellContents, type CellOverrides, type FillValues, fillByName, fillCells, writeContents } from './fill';
import { EXCELJS_WRITE_OPTIONS, finishWorkbook, TEMPLATE_DATE } from './finish';
import { type BlankTemplate, fillBlank } from './fill-xml';
import { formulaResults } from './formula-results';
import { instructionsPrintArea, writeInstructionsSheet } from './instructions-sheet';
import { writeMetaSheet } from './meta-sheet';
import { protectSheet } from './protection';
import { addValidations } from './validations';
import { readZipParts, worksheetParts } from './zip';
import { writeSheet } from './write-sheet';

export interface TemplateOptions {
  /** ROC year pre-filled into app_year / cb_year. */
  readonly year?: number;
  /** UBN pre-filled (as text) into app_ubn / cb_ubn. */
  readonly ubn?: string;
  /** Template version; default the current one. */
  readonly version?: string;
  readonly entryRows?: number;
  readonly rosterRows?: number;
  /** Values by defined name (after year and ubn, so they win). */
  readonly fill?: FillValues;
  /** Values or formulas by sheet and address, over anything else (tests simulating a tampered template). */
  readonly cells?: CellOverrides;
}

const PREFILL_NAMES: Readonly<Record<WorkbookKind, { year: string; ubn: string }>> = {
  application: { year: 'app_year', ubn: 'app_ubn' },
  cashbook: { year: 'cb_year', ubn: 'cb_ubn' },
};

export const templateDefinition = (kind: WorkbookKind, opts: TemplateOptions = {}): WorkbookDefinition => {
  if (opts.version !== undefined && findVersion(opts.version) === undefined) throw new Error(`unknown template version ${opts.version}`);
  return buildDefinition(kind, opts.version, {
    ...(opts.entryRows === undefined ? {} : { entryRows: opts.entryRows }),
    ...(opts.rosterRows === undefined ? {} : { rosterRows: opts.rosterRows }),
  });
};

const contentsOf = (def: WorkbookDefinition, opts: TemplateOptions): CellContents => {
  const names = PREFILL_NAMES[def.kind];
  const prefill: FillValues = {
    ...(opts.year === undefined ? {} : { [names.year]: opts.year }),
    ...(opts.ubn === undefined ? {} : { [names.ubn]: opts.ubn }),
  };
  return fillCells(opts.cells ?? {}, fillByName(def, opts.fill ?? {}, fillByName(def, prefill)));
};

const setProperties = (wb: ExcelJS.Workbook, def: WorkbookDefinition): void => {
  wb.title = def.title;
  wb.subject = `${def.title}（範本 ${def.version}）`;
  wb.creator = 'portfund';
  wb.lastModifiedBy = 'portfund';
  wb.company = '勞動部';
  wb.created = TEMPLATE_DATE;
  wb.modified = TEMPLATE_DATE;
  wb.views = [{ x: 0, y: 0, width: 28800, height: 15000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  // Excel recomputes on opening, so its own results replace the cached ones we computed
  wb.calcProperties = { fullCalcOnLoad: true };
};

/**
 * The template as an exceljs workbook, without its defined names: writeTemplate adds them to the written XML, locks the
 * structure and joins split validations.
 */
export const buildTemplate = (kind: WorkbookKind, opts: TemplateOptions = {}): ExcelJS.Workbook => {
  const def = templateDefinition(kind, opts);
  const contents = contentsOf(def, opts);
  const results = formulaResults(def, contents);
  const wb = new (exceljs().Workbook)();
  setProperties(wb, def);

  const instructions = wb.addWorksheet(INSTRUCTIONS_SHEET);
  writeInstructionsSheet(instructions, def);
  protectSheet(instructions);

  const dataSheets = new Map(
    def.sheets.map((sheet) => {
      const ws = wb.addWorksheet(sheet.name);
      writeSheet(ws, sheet, def.lists, results.get(sheet.name) ?? new Map());
      addValidations(ws, sheet, def.validations.filter((v) => v.sheet === sheet.name));
      protectSheet(ws);
      return [sheet.name, { ws, sheet }] as const;
    }),
  );

  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  writeMetaSheet(meta, def);
  protectSheet(meta);

  const release = findVersion(def.version);
  if (release !== undefined && hasMarks(release)) {
    // not protected: the add-in writes its marks here
    wb.addWorksheet(MARKS_SHEET, { state: 'veryHidden' });
    for (const block of marksLayout(def.sheets).blocks) {
      const target = dataSheets.get(block.sheet);
      if (target !== undefined) addMarkFormats(target.ws, target.sheet, block, release);
    }
  }
  writeContents(wb, contents);
  return wb;
};

/** From 1.3 every sheet's print area, by its position in the workbook (填表說明 first, then the data sheets). */
const printAreas = (def: WorkbookDefinition): { index: number; sheet: string; area: PrintArea }[] => {
  const release = findVersion(def.version);
  if (release === undefined || !hasManualLayout(release)) return [];
  return [
    { index: 0, sheet: INSTRUCTIONS_SHEET, area: instructionsPrintArea(def) },
    ...def.sheets.flatMap((sheet, i) => (sheet.layout.printArea === undefined ? [] : [{ index: i + 1, sheet: sheet.name, area: sheet.layout.printArea }])),
  ];
};

/** The finished .xlsx bytes written through exceljs (contents included): what the blank template is, and fill-xml.test.ts's oracle. */
export const writeTemplateWithExcelJS = async (kind: WorkbookKind, opts: TemplateOptions = {}): Promise<Buffer> => {
  const def = templateDefinition(kind, opts);
  const wb = buildTemplate(kind, opts);
  const written = await wb.xlsx.writeBuffer(EXCELJS_WRITE_OPTIONS);
  // only sheets with a multi-area validation need their XML rewritten
  const validations = new Map(
    wb.worksheets
      .map((ws) => [`xl/worksheets/sheet${ws.id}.xml`, def.validations.filter((v) => v.sheet === ws.name)] as const)
      .filter(([, list]) => list.some((v) => v.sqref.includes(' '))),
  );
  return finishWorkbook(written as ArrayBuffer, { validations, namesXml: definedNamesXml(def) + printAreasXml(printAreas(def)) });
};

/** Where a blank template's bytes come from: made here, unless a caller keeps them elsewhere (the test run's shared folder). */
export type BlankSource = (key: string, make: () => Promise<Buffer>) => Promise<Buffer>;

let blankSource: BlankSource = (_key, make) => make();

/** Blank templates from now on come through `source` (test/support/cached-template.ts shares them between test files). */
export const setBlankSource = (source: BlankSource): void => {
  blankSource = source;
};

// one blank per definition (buildDefinition returns the same object for the same kind, version and row counts), made
// through exceljs once per process: the cash book's costs ~1 s, filling it at the XML level a fraction of that
const blanks = new WeakMap<WorkbookDefinition, Promise<BlankTemplate>>();

const blankOf = (def: WorkbookDefinition): Promise<BlankTemplate> => {
  let blank = blanks.get(def);
  if (blank === undefined) {
    const opts: TemplateOptions = { version: def.version, ...def.options };
    const key = `blank ${def.kind} ${def.version} ${def.options.entryRows} ${def.options.rosterRows}`;
    blank = blankSource(key, () => writeTemplateWithExcelJS(def.kind, opts)).then((bytes) => {
      const parts = readZipParts(bytes);
      return { bytes, parts, sheetParts: worksheetParts(parts), results: formulaResults(def, new Map()) };
    });
    blanks.set(def, blank);
    blank.catch(() => blanks.delete(def));
  }
  return blank;
};

/** The finished .xlsx bytes; the same options give the same bytes. */
export const writeTemplate = async (kind: WorkbookKind, opts: TemplateOptions = {}): Promise<Buffer> => {
  const def = templateDefinition(kind, opts);
  const contents = contentsOf(def, opts);
  const blank = await blankOf(def);
  return contents.size === 0 ? Buffer.from(blank.bytes) : fillBlank(blank, def, contents, formulaResults(def, contents));
};
