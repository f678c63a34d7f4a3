// `portfund check FILE… [--json]`: reads each file (size-capped before reading), checks it, prints, returns the exit code.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { attachmentMissingFindings, type AttachmentKind, filingKeyOf, type FilingKeyData, makeFinding, parseFileName, summarize } from '@portfund/shared-rules';
import { isAttachmentName } from '../attachments/attachment-name';
import { checkFileBytes, type FileCheck, unreadable } from '../workbook/check/check-file';
import { rememberFormulas } from '../workbook/read/formula-memory';
import { WORKBOOK_LIMITS } from '../workbook/gate/input-gate';
import { cliTooLarge, exitCode, toHuman, toJson } from './format';

export const checkPath = async (path: string): Promise<FileCheck> => {
  const file = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return unreadable(file, { reason: 'cli.not_a_file' });
    size = info.size;
  } catch {
    return unreadable(file, { reason: 'cli.not_found' });
  }
  // refuse a huge file before reading it into memory
  if (size > WORKBOOK_LIMITS.maxFileBytes) {
    return unreadable(file, cliTooLarge(size, WORKBOOK_LIMITS.maxFileBytes));
  }
  if (isAttachmentName(file)) return checkPdf(file, await readFile(path));
  return checkFileBytes(await readFile(path), file);
};

/** An application's PDF through the server's PDF gate (in this process: the CLI checks one file at a time). */
const checkPdf = async (file: string, bytes: Buffer): Promise<FileCheck> => {
  // loaded only when a PDF is given: checking workbooks never pays for the PDF parser's start-up
  const { DEFAULT_MAX_PDF_BYTES, inspectPdfBytes, sniffPdf } = await import('../attachments/pdf-gate');
  const result = sniffPdf(bytes, DEFAULT_MAX_PDF_BYTES) ?? (await inspectPdfBytes(bytes));
  const findings = result.ok ? [] : [makeFinding('file.attachment_refused', {}, { ...result.reason, actual: file })];
  return { file, kind: null, templateVersion: null, findings, summary: summarize(findings), readable: result.ok };
};

/** A file's check as kept until every file is checked: its filing key instead of its snapshot. */
type Checked = Omit<FileCheck, 'snapshot'> & { readonly filingKey: FilingKeyData | null };

/**
 * An application checked without its two PDFs in the same call carries file.attachment_missing, as on the server: a PDF
 * counts when it passed the gate and its name says the application's year and UBN.
 */
const withAttachments = (checks: readonly Checked[]): FileCheck[] => {
  const given = checks.flatMap((c) => {
    const parsed = parseFileName(c.file);
    return c.readable && parsed !== null && (parsed.kind === 'meeting' || parsed.kind === 'method') ? [{ ...parsed, kind: parsed.kind }] : [];
  });
  return checks.map(({ filingKey: key, ...c }) => {
    if (c.kind !== 'application' || !c.readable) return c;
    const named = parseFileName(c.file);
    const year = key?.year ?? (named === null ? null : Number(named.year));
    const ubn = key?.ubn ?? named?.ubn ?? null;
    if (year === null || ubn === null) return c;
    const present = new Set<AttachmentKind>(given.filter((g) => Number(g.year) === year && g.ubn === ubn).map((g) => g.kind));
    const findings = [...c.findings, ...attachmentMissingFindings(present, year, ubn)];
    return { ...c, findings, summary: summarize(findings) };
  });
};

export const runCheck = async (paths: readonly string[], json: boolean): Promise<number> => {
  if (paths.length === 0) {
    process.stderr.write('請指定要檢查的檔案：portfund check FILE… [--json]\n');
    return 2;
  }
  // a folder of books (a local government's quarter) is one template after another: their formulas are read once
  rememberFormulas(paths.length > 1);
  const read: Checked[] = [];
  for (const path of paths) {
    // what is printed, and an application's filing key for its PDFs: never every file's snapshot at once
    const { snapshot, ...check } = await checkPath(path);
    read.push({ ...check, filingKey: check.kind !== 'application' || snapshot === undefined ? null : filingKeyOf(snapshot) });
  }
  const checks = withAttachments(read);
  process.stdout.write(json ? `${JSON.stringify(toJson(checks), null, 2)}\n` : toHuman(checks));
  return exitCode(checks);
};
