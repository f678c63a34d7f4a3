import { EXAMPLE_UBN } from '@portfund/shared-rules/src/testing/seed-examples';
import { checkFileBytes } from '../../ingest-server/src/workbook/check/check-file';
import { cashbookBytes } from '../../ingest-server/src/testing/workbooks';
import { FIXTURES } from './fixtures';
import { filingKeyOf } from '@portfund/shared-rules';

const keyOfFixture = async (name: string) => {
  const fixture = FIXTURES.find((f) => f.name.includes(name));
  if (fixture === undefined) throw new Error(`no fixture ${name}`);
  const read = await checkFileBytes(await fixture.bytes(), fixture.fileName);
  if (read.snapshot === undefined) throw new Error('unreadable fixture');
  return filingKeyOf(read.snapshot);
};

describe('filingKeyOf', () => {
  it('files an application as quarter 0 of its year, and a December cash book as quarter 4', async () => {
    await expect(keyOfFixture('the clean application')).resolves.toEqual({ kind: 'application', ubn: EXAMPLE_UBN, year: 115, quarter: 0 });
    await expect(keyOfFixture('the clean December cash book')).resolves.toEqual({ kind: 'cashbook', ubn: EXAMPLE_UBN, year: 115, quarter: 4 });
  }, 60_000);

  it('reads the quarter from 申報月份 (6 → 2)', async () => {
    const read = await checkFileBytes(await cashbookBytes(2), 'x.xlsx');
    expect(read.snapshot === undefined ? undefined : filingKeyOf(read.snapshot)).toEqual({ kind: 'cashbook', ubn: EXAMPLE_UBN, year: 115, quarter: 2 });
  }, 60_000);

  it('has no key for a 申報月份 that is no quarter end (the server would refuse the file)', async () => {
    const read = await checkFileBytes(await cashbookBytes(2, { cb_period: 5 }), 'x.xlsx');
    expect(read.snapshot === undefined ? undefined : filingKeyOf(read.snapshot)).toBeNull();
  }, 60_000);

  it('has no key for a workbook that is not one of our templates', async () => {
    await expect(keyOfFixture('not one of our templates')).resolves.toBeNull();
  });
});
