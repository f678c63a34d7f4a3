// The offline check of a file, run at most once per test run for the same bytes and file name: several test files check
// every workbook fixture (the fixture table, the clean copy), and the check is deterministic for its input. The result
// is stored with v8's structured serialization (Maps and Sets included) and each caller gets its own copy.
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { checkFileBytes, type FileCheck } from '../../ingest-server/src/workbook/check/check-file';
import { sharedFile } from './shared-file';

const tag = (value: unknown): string => Object.prototype.toString.call(value);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && tag(value) === '[object Object]' && Object.getPrototypeOf(Object.getPrototypeOf(value)) === null;

/** Throws unless the value is plain data (what the structured clone gives back unchanged: no class instance or function). */
export const assertPlainData = (value: unknown, where = 'result'): void => {
  if (value === null || ['string', 'number', 'boolean', 'undefined', 'bigint'].includes(typeof value)) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertPlainData(v, `${where}[${i}]`));
    return;
  }
  if (tag(value) === '[object Map]') {
    for (const [k, v] of value as Map<unknown, unknown>) {
      assertPlainData(k, `${where} key`);
      assertPlainData(v, `${where}.get(${String(k)})`);
    }
    return;
  }
  if (tag(value) === '[object Set]') {
    for (const v of value as Set<unknown>) assertPlainData(v, `${where} member`);
    return;
  }
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) assertPlainData(v, `${where}.${k}`);
    return;
  }
  throw new Error(`cachedCheck: ${where} is a ${tag(value)}, which would not come back the same`);
};

/** The same data built from this realm's Array, Map, Set and Object: v8.deserialize builds Node's own, which a test file
 * (run by jest in a vm context of its own) cannot compare with its own (toEqual fails on a foreign Map). */
export const inThisRealm = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(inThisRealm);
  if (tag(value) === '[object Map]') return new Map([...(value as Map<unknown, unknown>)].map(([k, v]) => [inThisRealm(k), inThisRealm(v)]));
  if (tag(value) === '[object Set]') return new Set([...(value as Set<unknown>)].map(inThisRealm));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inThisRealm(v)]));
};

/** checkFileBytes(bytes, fileName) with the default options, computed once per test run for these bytes and name. */
export const cachedCheck = async (bytes: Buffer, fileName: string): Promise<FileCheck> => {
  const key = `${createHash('sha256').update(bytes).digest('hex')} ${fileName}`;
  const stored = await sharedFile('checks', key, async () => {
    const check = await checkFileBytes(bytes, fileName);
    assertPlainData(check);
    return serialize(check);
    // a cash book's check is ~7 MB serialized: read from the run's folder when asked again, not held by the worker
  }, { keepInMemory: false });
  return inThisRealm(deserialize(stored)) as FileCheck;
};
