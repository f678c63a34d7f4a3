// Reading a generated template back, as any other tool would: exceljs for cells and names, JSZip for the raw parts.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export interface ReadBack {
  readonly workbook: ExcelJS.Workbook;
  readonly zip: JSZip;
  /** The raw XML of a worksheet by its name. */
  sheetXml(name: string): Promise<string>;
}

export const readBack = async (bytes: Buffer): Promise<ReadBack> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string): Promise<string> => {
    const file = zip.file(path);
    if (file === null) throw new Error(`no ${path}`);
    return file.async('string');
  };
  const sheetXml = async (name: string): Promise<string> => {
    const book = await text('xl/workbook.xml');
    const rels = await text('xl/_rels/workbook.xml.rels');
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const id = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(book)?.[1];
    const target = id === undefined ? undefined : new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    if (target === undefined) throw new Error(`no sheet ${name}`);
    return text(`xl/${target.replace(/^\/?xl\//, '')}`);
  };
  return { workbook, zip, sheetXml };
};

export const sheetOf = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
};
