// Finishing a freshly written workbook (never a loaded one): what exceljs cannot express is patched into its XML.
import JSZip from 'jszip';
import { type Validation } from '@portfund/shared-rules';
import { workbookProtectionXml } from './protection';
import { joinValidationAreas } from './validations';

/** Every zip entry gets this date, so the same inputs give the same bytes. */
export const TEMPLATE_DATE = new Date(Date.UTC(2026, 0, 1));

export interface FinishPlan {
  /** Validations by worksheet part, e.g. 'xl/worksheets/sheet3.xml'. */
  readonly validations: ReadonlyMap<string, readonly Validation[]>;
}

/** lockStructure goes after fileVersion/fileSharing/workbookPr and before bookViews/sheets (CT_Workbook order). */
export const lockWorkbookStructure = (workbookXml: string): string => {
  const at = workbookXml.search(/<bookViews[\s>]|<sheets[\s>]/);
  if (at < 0) throw new Error('workbook.xml has no <bookViews> or <sheets>');
  return `${workbookXml.slice(0, at)}${workbookProtectionXml()}${workbookXml.slice(at)}`;
};

export const finishWorkbook = async (written: Uint8Array | ArrayBuffer, plan: FinishPlan): Promise<Buffer> => {
  const zip = await JSZip.loadAsync(written);
  const workbook = zip.file('xl/workbook.xml');
  if (workbook === null) throw new Error('no xl/workbook.xml in the written workbook');
  zip.file('xl/workbook.xml', lockWorkbookStructure(await workbook.async('string')));
  for (const [path, validations] of plan.validations) {
    const sheet = zip.file(path);
    if (sheet === null) throw new Error(`no ${path} in the written workbook`);
    const xml = await sheet.async('string');
    const joined = joinValidationAreas(xml, validations);
    if (joined !== xml) zip.file(path, joined);
  }
  // untouched entries keep their compressed bytes; only the dates change
  zip.forEach((_, entry) => {
    entry.date = TEMPLATE_DATE;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
};
