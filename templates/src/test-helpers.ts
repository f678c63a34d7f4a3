// Reading a generated template back, as any other tool would: exceljs for cells and names, JSZip for the raw parts.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { partText, readZipParts } from './zip';

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

const decodeSi = (si: string): string => [...si.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1] ?? '').join('');

/** Every part of an xlsx, a sheet's cells and rows listed one per line (shared strings resolved), other parts as their text. */
export const xlsxCells = (bytes: Buffer): Map<string, string> => {
  const parts = readZipParts(bytes);
  const sst = parts.find((p) => p.name === 'xl/sharedStrings.xml');
  const strings = sst === undefined ? [] : [...partText(sst).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => decodeSi(m[1] ?? ''));
  const out = new Map<string, string>();
  for (const part of parts) {
    if (part.name === 'xl/sharedStrings.xml') continue;
    const text = partText(part);
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(part.name)) {
      out.set(part.name, text);
      continue;
    }
    const cells = [...text.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((m) => {
      const attrs = m[2] ?? '';
      const inner = m[3] ?? '';
      const shared = /\st="s"/.test(attrs);
      const value = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      const shown = shared ? `s:${JSON.stringify(strings[Number(value)])}` : inner.replace(/<v>[\s\S]*?<\/v>/, `v:${JSON.stringify(value)}`);
      return `${m[1]}${attrs.replace(/\st="s"/, '')} ${shown}`;
    });
    out.set(part.name, cells.join('\n'));
    out.set(`${part.name} (rows)`, [...text.matchAll(/<row [^>]*>/g)].map((m) => m[0]).join('\n'));
    out.set(`${part.name} (outside sheetData)`, text.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, '').replace(/<dimension ref="[^"]*"\/>/, ''));
  }
  return out;
};
