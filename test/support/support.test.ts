// The test run's own machinery (test/support/): a check shared by the files of a run gives what checkFileBytes gives, and
// a fresh clone starts the files in the order of the committed durations, longest first.
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { checkFileBytes } from '../../ingest-server/src/workbook/check/check-file';
import { WORKBOOK_FIXTURES } from '../fixtures/workbook-fixtures';
import { fixtureBytes } from '../helpers/workbooks';
import { assertPlainData, cachedCheck } from './cached-check';
import DURATIONS from './test-durations.json';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest loads the sequencer as CommonJS, so it is written as one
const DurationSequencer = require('./duration-sequencer') as new (options: object) => { sort: (tests: FakeTest[]) => FakeTest[] };

interface FakeTest {
  readonly path: string;
  readonly context: { readonly config: { readonly cache: boolean }; readonly hasteFS: { getSize: () => number } };
}

const ROOT = join(__dirname, '..', '..');

describe('cachedCheck', () => {
  it('gives what checkFileBytes gives, Maps of the snapshot included, a new copy to every caller', async () => {
    const fixture = WORKBOOK_FIXTURES.find((f) => f.name === 'a 傳票序號 used twice');
    if (fixture === undefined) throw new Error('no fixture');
    const bytes = await fixtureBytes(fixture);
    const [first, second, direct] = await Promise.all([cachedCheck(bytes, fixture.fileName), cachedCheck(bytes, fixture.fileName), checkFileBytes(bytes, fixture.fileName)]);
    expect(first).toEqual(direct);
    expect(first.snapshot?.names).toBeInstanceOf(Map);
    expect(first.findings.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect((await cachedCheck(bytes, 'another-name.xlsx')).file).toBe('another-name.xlsx');
  });

  it('refuses to store what would not come back the same (a class instance), and takes Maps, Sets and arrays', () => {
    expect(() => assertPlainData({ amount: new Decimal(1) })).toThrow('result.amount');
    expect(() => assertPlainData({ at: new Map([['A1', { v: [1, 'x', null] }]]), names: new Set(['a']) })).not.toThrow();
  });
});

describe('the duration sequencer', () => {
  const fake = (relative: string): FakeTest => ({ path: join(ROOT, relative), context: { config: { cache: false }, hasteFS: { getSize: () => 1 } } });

  it('starts the files of the committed list longest first, and a file it has no time for before them', () => {
    const listed = Object.entries(DURATIONS as Record<string, number>).sort(([, a], [, b]) => b - a);
    const [longest, second] = listed;
    const shortest = listed[listed.length - 1];
    if (longest === undefined || second === undefined || shortest === undefined) throw new Error('the durations list is empty');
    const sequencer = new DurationSequencer({});
    const order = sequencer.sort([fake(shortest[0]), fake(second[0]), fake('test/not-timed-yet.test.ts'), fake(longest[0])]).map((t) => t.path);
    expect(order).toEqual([fake('test/not-timed-yet.test.ts'), fake(longest[0]), fake(second[0]), fake(shortest[0])].map((t) => t.path));
  });
});
