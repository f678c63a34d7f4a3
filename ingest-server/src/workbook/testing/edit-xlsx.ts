// Edits a generated workbook's XML in place, as someone with an unzip tool would, for fixtures of an edited template
// structure (validations, locking, protection). Never through exceljs, which would rewrite (and duplicate) validations.
import { buildZip, editPart, partText, readZipParts, type ZipPart } from './hostile-files';

const textOf = (parts: readonly ZipPart[], path: string): string => {
  const part = parts.find((p) => p.name.toLowerCase() === path.toLowerCase());
  if (part === undefined) throw new Error(`edit-xlsx: no ${path}`);
  return partText(part);
};

/** The part path of a sheet, through workbook.xml and its relationships. */
const sheetPath = (parts: readonly ZipPart[], sheet: string): string => {
  const entry = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(textOf(parts, 'xl/workbook.xml'));
  const target = entry === null ? null : new RegExp(`Id="${entry[1] ?? ''}"[^>]*Target="([^"]+)"`).exec(textOf(parts, 'xl/_rels/workbook.xml.rels'));
  if (target === null) throw new Error(`edit-xlsx: no sheet ${sheet}`);
  return `xl/${(target[1] ?? '').replace(/^\/?xl\//, '')}`;
};

/** The XML of one sheet (found by name), as stored. */
export const sheetXml = (xlsx: Buffer, sheet: string): string => {
  const parts = readZipParts(xlsx);
  return textOf(parts, sheetPath(parts, sheet));
};

/** Applies `change` to the XML of one sheet (found by name). */
export const editSheetXml = (xlsx: Buffer, sheet: string, change: (xml: string) => string): Buffer => {
  const parts = readZipParts(xlsx);
  return buildZip(editPart(parts, sheetPath(parts, sheet), change));
};

const VALIDATION = /<dataValidation [^>]*sqref="([^"]*)"[^>]*>[\s\S]*?<\/dataValidation>/g;

/** Replaces the <dataValidation> element whose sqref is `sqref` with what `change` makes of it ('' removes it). */
export const editValidation = (xlsx: Buffer, sheet: string, sqref: string, change: (element: string) => string): Buffer =>
  editSheetXml(xlsx, sheet, (xml) => {
    let found = false;
    const edited = xml.replace(VALIDATION, (element: string, at: string) => {
      if (at !== sqref) return element;
      found = true;
      return change(element);
    });
    if (!found) throw new Error(`edit-xlsx: no validation ${sheet}!${sqref}`);
    return edited.replace(/<dataValidations count="\d+">/, () => `<dataValidations count="${(edited.match(VALIDATION) ?? []).length}">`);
  });

/** Takes the sheet protection off (what "Unprotect Sheet" with the password does). */
export const unprotectSheet = (xlsx: Buffer, sheet: string): Buffer =>
  editSheetXml(xlsx, sheet, (xml) => {
    if (!/<sheetProtection [^>]*\/>/.test(xml)) throw new Error(`edit-xlsx: ${sheet} is not protected`);
    return xml.replace(/<sheetProtection [^>]*\/>/, '');
  });

/** Turns Locked off for some cells: each gets a copy of its own style with <protection locked="0"/>. */
export const unlockCells = (xlsx: Buffer, sheet: string, cells: readonly string[]): Buffer => {
  let parts = readZipParts(xlsx);
  const styles = textOf(parts, 'xl/styles.xml');
  const xfs = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles);
  if (xfs === null) throw new Error('edit-xlsx: no cellXfs');
  const list = (xfs[2] ?? '').match(/<xf [^>]*\/>|<xf [^>]*>[\s\S]*?<\/xf>/g) ?? [];
  const added: string[] = [];
  const restyled = new Map<string, number>();
  const path = sheetPath(parts, sheet);
  parts = editPart(parts, path, (xml) =>
    cells.reduce((out, cell) => {
      const open = new RegExp(`<c r="${cell}"( s="(\\d+)")?`).exec(out);
      if (open === null) throw new Error(`edit-xlsx: no cell ${sheet}!${cell}`);
      const style = Number(open[2] ?? '0');
      const key = String(style);
      if (!restyled.has(key)) {
        const unlocked = (list[style] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>')
          .replace(/<protection[^>]*\/>/, '')
          .replace(/\/>$/, '></xf>')
          .replace(/<xf ([^>]*)>/, (_, attrs: string) => `<xf ${attrs.replace(/ applyProtection="[^"]*"/, '')} applyProtection="1">`)
          .replace('</xf>', '<protection locked="0"/></xf>');
        restyled.set(key, list.length + added.length);
        added.push(unlocked);
      }
      return out.replace(open[0], `<c r="${cell}" s="${restyled.get(key) ?? 0}"`);
    }, xml),
  );
  const total = list.length + added.length;
  parts = editPart(parts, 'xl/styles.xml', (xml) =>
    xml.replace(xfs[0], `<cellXfs count="${total}">${xfs[2] ?? ''}${added.join('')}</cellXfs>`),
  );
  return buildZip(parts);
};

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Types a text into one existing cell (keeping its style), as an inline string: many distinct real workbooks from one
 * generated template in milliseconds (concurrency tests need 20 different files, not 20 template generations).
 */
export const setCellText = (xlsx: Buffer, sheet: string, cell: string, text: string): Buffer =>
  editSheetXml(xlsx, sheet, (xml) => {
    const element = new RegExp(`<c r="${cell}"((?: [a-z]+="[^"]*")*?)\\s*(/>|>[\\s\\S]*?</c>)`).exec(xml);
    if (element === null) throw new Error(`edit-xlsx: no cell ${sheet}!${cell}`);
    const style = / s="\d+"/.exec(element[1] ?? '')?.[0] ?? '';
    return xml.replace(element[0], `<c r="${cell}"${style} t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`);
  });
