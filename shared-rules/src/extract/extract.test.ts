// Extraction hands out plain data: amounts as decimal strings equal to what decimal.js computed, nothing that needs a
// codec to cross a thread or survive JSON.
import { buildSnapshot } from '../testing/snapshot-builder';
import { APPLICATION_EXAMPLE, CASHBOOK_EXAMPLE, CASHBOOK_EXAMPLE_CLOSING } from '../testing/seed-examples';
import { extractWorkbook } from '.';

const DECIMAL = /^-?\d+(\.\d+)?$/;

describe('extractWorkbook', () => {
  it('gives the cash book balances, entries and totals as decimal strings', () => {
    const data = extractWorkbook(buildSnapshot('cashbook', CASHBOOK_EXAMPLE));
    if (data?.kind !== 'cashbook') throw new Error('not extracted as a cash book');
    expect(data.closing).toEqual(Object.fromEntries(Object.entries(CASHBOOK_EXAMPLE_CLOSING).map(([a, n]) => [a, String(n)])));
    const last = data.entries[data.entries.length - 1];
    expect(last?.balances).toEqual(data.closing);
    expect(last?.total).toBe(String(Object.values(CASHBOOK_EXAMPLE_CLOSING).reduce((s: number, n) => s + n, 0)));
    expect(data.totals.spend.length).toBeGreaterThan(0);
    for (const s of data.totals.spend) expect(s.amount).toMatch(DECIMAL);
    expect(data.totals.allocationReceived).toMatch(DECIMAL);
  });

  it('gives the application figures and sessions as decimal strings', () => {
    const data = extractWorkbook(buildSnapshot('application', APPLICATION_EXAMPLE));
    if (data?.kind !== 'application') throw new Error('not extracted as an application');
    const amounts = data.figures.map((f) => f.amount).filter((a) => a !== null);
    expect(amounts.length).toBeGreaterThan(0);
    for (const a of amounts) expect(a).toMatch(DECIMAL);
    for (const s of data.sessions) expect(s.hours).toMatch(DECIMAL);
  });

  it('is plain data: a JSON round trip changes nothing', () => {
    for (const data of [extractWorkbook(buildSnapshot('cashbook', CASHBOOK_EXAMPLE)), extractWorkbook(buildSnapshot('application', APPLICATION_EXAMPLE))]) {
      expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    }
  });
});
