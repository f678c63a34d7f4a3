// An upload's check as the server needs it: the findings and the extracted data, without the snapshot (which is large
// and would have to cross from the checking worker to the server's thread). Plain data, so it can be posted between threads.
import { types } from 'node:util';
import Decimal from 'decimal.js';
import { extractWorkbook, type WorkbookData } from '@portfund/shared-rules';
import { checkFileBytes, type FileCheck } from './check-file';

export interface UploadCheck extends Omit<FileCheck, 'snapshot'> {
  /** What the workbook holds, for storage; null when it is unreadable or not one of our templates. */
  readonly data: WorkbookData | null;
}

/** Checks and extracts in the calling thread (the worker runs this). */
export const checkUpload = async (bytes: Buffer, fileName: string): Promise<UploadCheck> => {
  const { snapshot, ...check } = await checkFileBytes(bytes, fileName);
  const data = snapshot === undefined || check.kind === null ? null : extractWorkbook(snapshot);
  return { ...check, data };
};

const DECIMAL_KEY = '$decimal';

const isMarker = (value: object): value is { [DECIMAL_KEY]: string } => {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === DECIMAL_KEY && typeof (value as Record<string, unknown>)[DECIMAL_KEY] === 'string';
};

/**
 * Decimals lose their class when posted to another thread: they travel as { $decimal: '123.45' }. A copy, never a
 * change of the value (it may hold shared rule tables); an object met twice is encoded once, so the message stays small.
 */
export const encodeDecimals = (value: unknown, seen = new Map<object, unknown>()): unknown => {
  if (Decimal.isDecimal(value)) return { [DECIMAL_KEY]: (value as Decimal).toString() };
  if (value === null || typeof value !== 'object') return value;
  const done = seen.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(encodeDecimals(v, seen));
    return out;
  }
  if (types.isMap(value)) {
    const out = new Map<unknown, unknown>();
    seen.set(value, out);
    for (const [k, v] of value) out.set(k, encodeDecimals(v, seen));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value)) out[k] = encodeDecimals(v, seen);
  return out;
};

/** Turns the markers back into decimals, in place: the value is the receiver's own copy of the message. */
export const decodeDecimals = (value: unknown, seen = new Set<object>()): unknown => {
  if (value === null || typeof value !== 'object') return value;
  if (isMarker(value)) return new Decimal(value[DECIMAL_KEY]);
  if (seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = decodeDecimals(value[i], seen);
  } else if (types.isMap(value)) {
    // a Map posted from another thread may come from another realm (jest's sandbox): instanceof would miss it
    for (const [k, v] of value) value.set(k, decodeDecimals(v, seen));
  } else {
    const record = value as Record<string, unknown>;
    for (const k of Object.keys(record)) record[k] = decodeDecimals(record[k], seen);
  }
  return value;
};
