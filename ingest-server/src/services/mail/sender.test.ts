// The sender's retry schedule and what it keeps of a failure (the delivery itself runs against a real SMTP server in
// routes/accounts.test.ts and console/accounts.test.ts).
import { backoffAfter, failureSummary, FIRST_BACKOFF_MS, LEASE_MS, MAX_BACKOFF_MS } from './sender';

describe('backoffAfter', () => {
  it('waits 30 s after the first failure, doubling up to an hour', () => {
    expect([1, 2, 3, 4, 5].map(backoffAfter)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(backoffAfter(50)).toBe(MAX_BACKOFF_MS);
    expect(FIRST_BACKOFF_MS).toBeLessThan(LEASE_MS);
  });
});

describe('failureSummary', () => {
  it('keeps an error code and the SMTP reply code, never the message (it may quote addresses or credentials)', () => {
    expect(failureSummary(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' }))).toBe('ESOCKET');
    expect(failureSummary(Object.assign(new Error('550 5.1.1 <clerk@union.test>: user unknown'), { code: 'EENVELOPE', responseCode: 550 }))).toBe('EENVELOPE 550');
    expect(failureSummary(Object.assign(new Error('Invalid login: mailer:s3cret'), { code: 'bad code with spaces mailer:s3cret' }))).toBe('Error');
    expect(failureSummary(undefined)).toBe('error');
  });
});
