// Every workbook-level defined name of the definition, with absolute references, so any tool can fill or read by name.
// Written straight into workbook.xml when the workbook is finished: exceljs keeps a name as a matrix of every cell it
// covers (51,000 for cb_entries, 64,000 for each _marks block), which cost a fifth of a template's generation.
import { definedNames, type WorkbookDefinition } from '@portfund/shared-rules';

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** 'B13:D26' → '$B$13:$D$26' */
export const absoluteRef = (ref: string): string => ref.replace(/\$/g, '').replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The <definedName> elements of the definition, in its order (as exceljs wrote them before). */
export const definedNamesXml = (def: WorkbookDefinition): string =>
  [...definedNames(def)]
    .map(([name, target]) => `<definedName name="${escapeXml(name)}">${escapeXml(`${quoteSheet(target.sheet)}!${absoluteRef(target.ref)}`)}</definedName>`)
    .join('');

/** workbook.xml with the names first in <definedNames> (made before <calcPr> when exceljs wrote none, CT_Workbook order). */
export const addDefinedNamesXml = (workbookXml: string, namesXml: string): string => {
  if (namesXml === '') return workbookXml;
  if (workbookXml.includes('<definedNames>')) return workbookXml.replace('<definedNames>', `<definedNames>${namesXml}`);
  const at = workbookXml.search(/<calcPr[\s>/]|<oleSize[\s>/]|<customWorkbookViews[\s>]|<pivotCaches[\s>]|<extLst[\s>]|<\/workbook>/);
  return `${workbookXml.slice(0, at)}<definedNames>${namesXml}</definedNames>${workbookXml.slice(at)}`;
};
