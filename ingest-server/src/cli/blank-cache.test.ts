// PORTFUND_TEMPLATE_CACHE: a blank is made once per key and build stamp, then read from the folder.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blankCacheIn } from './blank-cache';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'blank-cache-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const maker = () => {
  const made: string[] = [];
  return { made, make: (text: string) => async () => (made.push(text), Buffer.from(text)) };
};

it('makes a blank the first time and reads it from the folder after, in another process as well', async () => {
  const { made, make } = maker();
  const first = await blankCacheIn(join(dir, 'cache'), 'stamp-1')('blank cashbook 1.3', make('one'));
  // a new source over the same folder stands for the next `portfund` call
  const again = await blankCacheIn(join(dir, 'cache'), 'stamp-1')('blank cashbook 1.3', make('two'));
  expect([first.toString(), again.toString()]).toEqual(['one', 'one']);
  expect(made).toEqual(['one']);
  expect((await readdir(join(dir, 'cache'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

it('never gives a blank made by other sources (another build stamp) or for another key', async () => {
  const { made, make } = maker();
  await blankCacheIn(dir, 'stamp-1')('blank cashbook 1.3', make('old build'));
  const newer = await blankCacheIn(dir, 'stamp-2')('blank cashbook 1.3', make('new build'));
  const other = await blankCacheIn(dir, 'stamp-1')('blank application 1.3', make('application'));
  expect([newer.toString(), other.toString()]).toEqual(['new build', 'application']);
  expect(made).toEqual(['old build', 'new build', 'application']);
  expect(await readdir(dir)).toHaveLength(3);
});

it('does not keep a blank whose making failed', async () => {
  const source = blankCacheIn(dir, 'stamp-1');
  await expect(source('blank application 1.3', () => Promise.reject(new Error('exceljs failed')))).rejects.toThrow('exceljs failed');
  expect(await readdir(dir).catch(() => [])).toEqual([]);
  expect((await source('blank application 1.3', async () => Buffer.from('made'))).toString()).toBe('made');
});
