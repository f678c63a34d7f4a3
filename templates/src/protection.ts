// Sheet and workbook protection. The password is documented, not secret: the server trusts the fingerprint, not the lock.
import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';

export const TEMPLATE_SHEET_PASSWORD = 'portfund';

// A fixed salt keeps the output reproducible (exceljs's protect() draws a random one).
const SALT_BASE64 = 'cG9ydGZ1bmQtdGVtcGxhdGU=';
const SPIN_COUNT = 100000;

export interface PasswordHash {
  readonly algorithmName: 'SHA-512';
  readonly hashValue: string;
  readonly saltValue: string;
  readonly spinCount: number;
}

/** The ECMA-376 agile password hash Excel checks: SHA-512 over salt + UTF-16LE password, then spun. */
export const passwordHash = (password: string, saltBase64: string, spinCount: number): string => {
  let key = createHash('sha512').update(Buffer.from(saltBase64, 'base64')).update(Buffer.from(password, 'utf16le')).digest();
  const iterator = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i += 1) {
    iterator.writeUInt32LE(i, 0);
    key = createHash('sha512').update(key).update(iterator).digest();
  }
  return key.toString('base64');
};

let cached: PasswordHash | undefined;

// Computed once per process: 100,000 rounds take a noticeable fraction of a second.
export const templatePasswordHash = (): PasswordHash => {
  cached ??= {
    algorithmName: 'SHA-512',
    hashValue: passwordHash(TEMPLATE_SHEET_PASSWORD, SALT_BASE64, SPIN_COUNT),
    saltValue: SALT_BASE64,
    spinCount: SPIN_COUNT,
  };
  return cached;
};

/** What may still be done on a protected sheet: select any cell and widen columns; nothing that changes structure. */
const ALLOWED: Partial<ExcelJS.WorksheetProtection> = {
  objects: false,
  scenarios: false,
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
  formatCells: false,
  insertRows: false,
  insertColumns: false,
  deleteRows: false,
  deleteColumns: false,
  sort: false,
  autoFilter: false,
};

// exceljs's protect() is async and salts randomly; setting the model it would set keeps building synchronous and reproducible.
export const protectSheet = (ws: ExcelJS.Worksheet): void => {
  Object.assign(ws, { sheetProtection: { sheet: true, ...ALLOWED, ...templatePasswordHash() } });
};

/** `<workbookProtection lockStructure="1">` with the same password: no sheet may be added, removed, renamed or unhidden. */
export const workbookProtectionXml = (): string => {
  const h = templatePasswordHash();
  return (
    `<workbookProtection workbookAlgorithmName="${h.algorithmName}" workbookHashValue="${h.hashValue}"` +
    ` workbookSaltValue="${h.saltValue}" workbookSpinCount="${h.spinCount}" lockStructure="1"/>`
  );
};
