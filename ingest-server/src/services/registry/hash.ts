// A changed row is told from an unchanged one by a hash of its values (stable key order), stored with the record.
import { createHash } from 'node:crypto';

export const rowHash = (values: Readonly<Record<string, unknown>>): string =>
  createHash('sha256')
    .update(JSON.stringify(Object.keys(values).sort().map((k) => [k, values[k] ?? null])))
    .digest('hex')
    .slice(0, 32);

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
