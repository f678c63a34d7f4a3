// What Office.js would report for a workbook (officeModelFromXlsx: an exceljs load, ~1 s for a cash book), made once per
// test run for the same bytes: the adapter, office, re-check and task-pane tests read the same generated workbooks.
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { assertPlainData, inThisRealm } from '../../../test/support/cached-check';
import { sharedFile } from '../../../test/support/shared-file';
import { officeModelFromXlsx } from './from-xlsx';
import { type OfficeWorkbookModel } from './model';

/** officeModelFromXlsx(bytes, url), the workbook read at most once per test run (the url is only the model's label). */
export const cachedOfficeModel = async (bytes: Buffer, url: string): Promise<OfficeWorkbookModel> => {
  const key = createHash('sha256').update(bytes).digest('hex');
  const stored = await sharedFile('office-models', key, async () => {
    const model = await officeModelFromXlsx(bytes, '');
    assertPlainData(model);
    return serialize(model);
  }, { keepInMemory: false });
  return { ...(inThisRealm(deserialize(stored)) as OfficeWorkbookModel), url };
};
