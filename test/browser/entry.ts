// The browser bundle's entry: the shared rules exactly as the add-in ships them, behind a JSON-in, JSON-out function.
import { checkWorkbook } from '@portfund/shared-rules';
import { fromPlainSnapshot, type PlainSnapshot } from './snapshot-json';

/** Checks a snapshot given as JSON text (PlainSnapshot); returns the CheckResult as JSON text. */
export const check = (snapshotJson: string, fileName?: string): string =>
  JSON.stringify(checkWorkbook(fromPlainSnapshot(JSON.parse(snapshotJson) as PlainSnapshot), fileName === undefined ? {} : { fileName }));
