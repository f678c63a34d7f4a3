// Finishing a freshly written workbook (never a loaded one): what exceljs cannot express is patched into its XML.
import { type Validation } from '@portfund/shared-rules';
import { addDefinedNamesXml } from './defined-names';
import { workbookProtectionXml } from './protection';
import { joinValidationAreas } from './validations';
import { buildZip, deflatedPart, partBytes, readZipParts } from './zip';

/** Every zip entry gets this date, so the same inputs give the same bytes. */
export const TEMPLATE_DATE = new Date(Date.UTC(2026, 0, 1));

export interface FinishPlan {
  /** Validations by worksheet part, e.g. 'xl/worksheets/sheet3.xml'. */
  readonly validations: ReadonlyMap<string, readonly Validation[]>;
  /** The workbook's <definedName> elements (defined-names.ts). */
  readonly namesXml: string;
}

/** lockStructure goes after fileVersion/fileSharing/workbookPr and before bookViews/sheets (CT_Workbook order). */
export const lockWorkbookStructure = (workbookXml: string): string => {
  const at = workbookXml.search(/<bookViews[\s>]|<sheets[\s>]/);
  if (at < 0) throw new Error('workbook.xml has no <bookViews> or <sheets>');
  return `${workbookXml.slice(0, at)}${workbookProtectionXml()}${workbookXml.slice(at)}`;
};

/** exceljs writes the parts uncompressed (writeBuffer's zip option); they are patched, then deflated natively here. */
export const EXCELJS_WRITE_OPTIONS = { zip: { compression: 'STORE' } } as const;

export const finishWorkbook = (written: Uint8Array | ArrayBuffer, plan: FinishPlan): Buffer => {
  const parts = readZipParts(Buffer.from(written instanceof ArrayBuffer ? new Uint8Array(written) : written));
  if (!parts.some((p) => p.name === 'xl/workbook.xml')) throw new Error('no xl/workbook.xml in the written workbook');
  for (const path of plan.validations.keys()) {
    if (!parts.some((p) => p.name === path)) throw new Error(`no ${path} in the written workbook`);
  }
  const finished = parts.map((part) => {
    const text = (): string => partBytes(part).toString('utf8');
    if (part.name === 'xl/workbook.xml') return deflatedPart(part.name, addDefinedNamesXml(lockWorkbookStructure(text()), plan.namesXml));
    const validations = plan.validations.get(part.name);
    if (validations !== undefined) return deflatedPart(part.name, joinValidationAreas(text(), validations));
    return deflatedPart(part.name, partBytes(part));
  });
  // every entry gets the same date, so the same inputs give the same bytes
  return buildZip(finished, TEMPLATE_DATE);
};
