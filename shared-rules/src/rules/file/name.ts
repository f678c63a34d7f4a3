// file.name / file.name_mismatch: upload names are {year}_{UBN}_application.xlsx and {year}{MM}_{UBN}_accounting.xlsx (seed 004 §1.2; SPEC §5);
// a workbook value that fails its own check never drives the comparison.
import { type CheckContext, type Rule } from '../../check/context';
import { FILE_KIND_TEXT } from '../../findings/display';
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { cellText } from '../../values/text';
import { ubnChecksumOk } from '../../values/ubn';

export type FileNameKind = 'application' | 'cashbook' | 'meeting' | 'method';

export interface ParsedFileName {
  readonly kind: FileNameKind;
  readonly year: string;
  readonly month?: string;
  readonly ubn: string;
}

const PATTERNS: readonly { kind: FileNameKind; re: RegExp }[] = [
  { kind: 'application', re: /^(\d{3})_(\d{8})_application\.xlsx$/i },
  { kind: 'cashbook', re: /^(\d{3})(03|06|09|12)_(\d{8})_accounting\.xlsx$/i },
  // the seed spells it "metting"; accept "meeting" too (SPEC §5)
  { kind: 'meeting', re: /^(\d{3})_(\d{8})_(?:metting|meeting)\.pdf$/i },
  { kind: 'method', re: /^(\d{3})_(\d{8})_method\.pdf$/i },
];

/** Reads a file name of SPEC §5; null when it follows none of the patterns. Path parts are ignored. */
export const parseFileName = (name: string): ParsedFileName | null => {
  const base = name.split(/[\\/]/).pop() ?? name;
  for (const { kind, re } of PATTERNS) {
    const m = re.exec(base);
    if (m === null) continue;
    return kind === 'cashbook'
      ? { kind, year: m[1] ?? '', month: m[2] ?? '', ubn: m[3] ?? '' }
      : { kind, year: m[1] ?? '', ubn: m[2] ?? '' };
  }
  return null;
};

const padMonth = (period: string | null): string => (period === null ? 'MM' : period.padStart(2, '0'));

export const fileNameRule: Rule = (ctx: CheckContext): Finding[] => {
  const fileName = ctx.options.fileName;
  if (fileName === undefined) return [];
  const isApp = ctx.def.kind === 'application';
  const read = (name: string): string | null => {
    const f = ctx.form.single(name);
    return cellText(f.raw);
  };
  const year = read(isApp ? 'app_year' : 'cb_year');
  const ubn = read(isApp ? 'app_ubn' : 'cb_ubn');
  const period = isApp ? null : read('cb_period');
  const expected = isApp ? `${year ?? 'YYY'}_${ubn ?? 'UBN'}_application.xlsx` : `${year ?? 'YYY'}${padMonth(period)}_${ubn ?? 'UBN'}_accounting.xlsx`;
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const parsed = parseFileName(base);
  if (parsed === null || (parsed.kind !== 'application' && parsed.kind !== 'cashbook')) {
    return [makeFinding('file.name', {}, { actual: base, expected })];
  }
  const mismatch = (part: 'part.kind' | 'part.year' | 'part.month' | 'part.ubn', actual: string, want: string): Finding =>
    makeFinding('file.name_mismatch', {}, { part, actual, expected: want });
  if (parsed.kind !== ctx.def.kind) return [mismatch('part.kind', FILE_KIND_TEXT[parsed.kind], FILE_KIND_TEXT[ctx.def.kind])];
  const out: Finding[] = [];
  // likewise a 年度 that is not a 3-digit ROC year is the cell rules' (the name's year is compared with a readable one only)
  if (year !== null && /^\d{1,3}$/.test(year) && parsed.year !== year.padStart(3, '0')) out.push(mismatch('part.year', parsed.year, year));
  if (period !== null && parsed.month !== undefined && parsed.month !== padMonth(period)) out.push(mismatch('part.month', parsed.month, padMonth(period)));
  // a UBN cell that lost its leading zero is id.ubn_checksum's finding; compare the 8 digits it stands for
  const ubnDigits = ubn !== null && /^\d{1,7}$/.test(ubn) ? ubn.padStart(8, '0') : ubn;
  // a malformed UBN in the workbook is id.ubn_checksum's: the file name may well be the right one
  const ubnValid = ubnDigits !== null && /^\d{8}$/.test(ubnDigits) && ubnChecksumOk(ubnDigits);
  if (ubnValid && parsed.ubn !== ubnDigits) out.push(mismatch('part.ubn', parsed.ubn, ubnDigits));
  return out;
};
