// One zip handle per file: an upload's check and an import's every pass open the archive once, where the gate inspected it.
import yauzl from 'yauzl';
import { reasonText } from '@portfund/shared-rules';
import { cachedTemplate } from '../../../test/support/cached-template';
import { openTable } from '../tables/open-table';
import { xlsxOf } from '../tables/testing/files';
import { checkFileBytes } from './check/check-file';
import { openWorkbookBytes } from './gate/input-gate';
import { readWorkbook, readWorkbookEntries } from './read/read-workbook';

let template: Buffer;

beforeAll(async () => {
  template = await cachedTemplate('application', { year: 115, ubn: '04595257' });
}, 60_000);

const opens = (): jest.SpyInstance => jest.spyOn(yauzl, 'fromBuffer');

afterEach(() => jest.restoreAllMocks());

describe('one zip handle per file', () => {
  it('checks an upload with one open: the reader reads from the archive the gate inspected', async () => {
    const spy = opens();
    const checked = await checkFileBytes(template, '115-04595257-application.xlsx');
    expect(checked.readable).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('reads the same snapshot from the gate handle as from its own', async () => {
    const gated = await openWorkbookBytes(template);
    if (!gated.ok) throw new Error(reasonText(gated.reason));
    const shared = await readWorkbookEntries(gated.zip).finally(() => gated.zip.close());
    expect(shared).toEqual(await readWorkbook(template));
  });

  it('imports with one open however many passes read the rows', async () => {
    const bytes = await xlsxOf([['志工姓名', '服務時數'], ['林淑芬', '3.5']]);
    const spy = opens();
    const opened = await openTable(bytes);
    if (!opened.ok) throw new Error(reasonText(opened.reason));
    for (let pass = 0; pass < 3; pass += 1) {
      const rows: unknown[] = [];
      for await (const row of opened.source.rows()) rows.push(row.cells);
      expect(rows).toEqual([['志工姓名', '服務時數'], ['林淑芬', '3.5']]);
    }
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
