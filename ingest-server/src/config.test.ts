// Configuration from the environment: proxy trust is off unless asked for, and a setting that would trust anyone is refused.
import { loadConfig } from './config';

describe('PORTFUND_TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback', 'loopback'],
    ['loopback, 10.0.0.0/8', 'loopback,10.0.0.0/8'],
    ['192.0.2.10', '192.0.2.10'],
  ])('%j is %j', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { PORTFUND_TRUST_PROXY: value }).trustProxy).toBe(expected);
  });

  it.each(['true', 'yes please', 'loopback;rm'])('refuses %j with a message naming the variable', (value) => {
    expect(() => loadConfig({ PORTFUND_TRUST_PROXY: value })).toThrow('PORTFUND_TRUST_PROXY');
  });
});

describe('PORTFUND_CHECK_WORKERS and PORTFUND_CHECK_HEAP_MB', () => {
  it('leave the pool to its defaults when unset', () => {
    expect(loadConfig({})).toMatchObject({ checkWorkers: undefined, checkHeapMb: 1536 });
    expect(loadConfig({ PORTFUND_CHECK_WORKERS: '' }).checkWorkers).toBeUndefined();
  });

  it('take a positive whole number', () => {
    expect(loadConfig({ PORTFUND_CHECK_WORKERS: '3', PORTFUND_CHECK_HEAP_MB: '768' })).toMatchObject({ checkWorkers: 3, checkHeapMb: 768 });
  });

  it.each([
    ['PORTFUND_CHECK_WORKERS', '0'],
    ['PORTFUND_CHECK_WORKERS', 'two'],
    ['PORTFUND_CHECK_HEAP_MB', '-1'],
    ['PORTFUND_CHECK_HEAP_MB', '1.5'],
  ])('refuses %s=%j with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe('password hashing cost', () => {
  it('is the production scrypt cost (N=2^17, r=8, p=1) whatever the environment says', () => {
    expect(loadConfig({}).passwordCost).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(loadConfig({ PORTFUND_SCRYPT_N: '1024', NODE_ENV: 'test' }).passwordCost).toEqual({ N: 2 ** 17, r: 8, p: 1 });
  });
});

describe('PORTFUND_SMTP_URL and PORTFUND_MAIL_FROM', () => {
  it('turn mail off when unset, take an smtp(s) URL, and never repeat a refused value (it may hold a password)', () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(loadConfig({ PORTFUND_SMTP_URL: ' ' }).smtpUrl).toBeUndefined();
    expect(loadConfig({ PORTFUND_SMTP_URL: 'smtps://mailer:s3cret@mail.example.gov.tw:465' }).smtpUrl).toBe('smtps://mailer:s3cret@mail.example.gov.tw:465');
    expect(() => loadConfig({ PORTFUND_SMTP_URL: 'http://mailer:s3cret@mail.example' })).toThrow('PORTFUND_SMTP_URL');
    expect(() => loadConfig({ PORTFUND_SMTP_URL: 'http://mailer:s3cret@mail.example' })).not.toThrow('s3cret');
    expect(loadConfig({}).mailFrom).toBe('portfund <no-reply@localhost>');
    expect(loadConfig({ PORTFUND_MAIL_FROM: '福利專款 <fund@mol.gov.tw>' }).mailFrom).toBe('福利專款 <fund@mol.gov.tw>');
  });
});

describe('PORTFUND_CHECK_QUEUE_MAX, PORTFUND_LOG_LEVEL, PORTFUND_METRICS_TOKEN and PORTFUND_SHUTDOWN_MS', () => {
  it('default to a queue of 20, info logs, no /metrics and 25 s to shut down', () => {
    expect(loadConfig({})).toMatchObject({ checkQueueMax: 20, logLevel: 'info', metricsToken: undefined, shutdownMs: 25_000 });
  });

  it('take their values', () => {
    const env = { PORTFUND_CHECK_QUEUE_MAX: '3', PORTFUND_LOG_LEVEL: 'WARN', PORTFUND_METRICS_TOKEN: 'scrape-0123456789abcdef', PORTFUND_SHUTDOWN_MS: '500' };
    expect(loadConfig(env)).toMatchObject({ checkQueueMax: 3, logLevel: 'warn', metricsToken: 'scrape-0123456789abcdef', shutdownMs: 500 });
    expect(loadConfig({ PORTFUND_LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
  });

  it.each([
    ['PORTFUND_CHECK_QUEUE_MAX', '0'],
    ['PORTFUND_LOG_LEVEL', 'verbose'],
    ['PORTFUND_SHUTDOWN_MS', '-5'],
  ])('refuses %s=%j with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('refuses a short or spaced metrics token without repeating it', () => {
    expect(() => loadConfig({ PORTFUND_METRICS_TOKEN: 'short-secret' })).toThrow('PORTFUND_METRICS_TOKEN');
    expect(() => loadConfig({ PORTFUND_METRICS_TOKEN: 'has a space in it 123456' })).not.toThrow('has a space');
  });
});
