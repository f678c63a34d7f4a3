// Generates a fixture as a real xlsx (a fresh protected template, never an exceljs round trip) and checks a file as the CLI does.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Finding } from '@portfund/shared-rules';
import { type FileCheck } from '../../ingest-server/src/workbook/check/check-file';
import { fixtureFill, WORKBOOK_FIXTURES, type WorkbookFixture } from '../fixtures/workbook-fixtures';
import { cachedCheck } from '../support/cached-check';
import { cachedTemplate } from '../support/cached-template';
import { sharedFile } from '../support/shared-file';

/** A fixture of the table given as bytes (an edited XML, a row inserted by LibreOffice) is made once per test run: its name
 * is unique in the table (workbook-fixtures.test.ts). A changed copy of a fixture is not in the table and is made afresh. */
const madeBytes = async (f: WorkbookFixture, make: () => Buffer | Promise<Buffer>): Promise<Buffer> =>
  WORKBOOK_FIXTURES.includes(f) ? sharedFile('fixtures', `workbook-fixtures/${f.name}`, async () => Buffer.from(await make())) : make();

export const fixtureBytes = async (f: WorkbookFixture): Promise<Buffer> =>
  f.bytes !== undefined
    ? madeBytes(f, f.bytes)
    : cachedTemplate(f.kind, {
        fill: fixtureFill(f),
        ...(f.cells !== undefined ? { cells: f.cells } : {}),
        ...(f.version !== undefined ? { version: f.version } : {}),
      });

/** Writes the fixture under dir/sub/ with its file name (names repeat across fixtures); returns the path. */
export const writeFixture = async (f: WorkbookFixture, dir: string, sub: string): Promise<string> => {
  await mkdir(join(dir, sub), { recursive: true });
  const path = join(dir, sub, f.fileName);
  await writeFile(path, await fixtureBytes(f));
  return path;
};

/** The check of the file at path as an upload named fileName (once per run for the same bytes and name: cached-check.ts). */
export const checkPathAs = async (path: string, fileName: string): Promise<FileCheck> => cachedCheck(await readFile(path), fileName);

/** Where and what, without the wording: the part of a finding two equivalent files must agree on. */
export const located = (f: Finding): { code: string; sheet?: string; cell?: string; severity: string } => ({
  code: f.code,
  ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
  ...(f.cell !== undefined ? { cell: f.cell } : {}),
  severity: f.severity,
});
