// Helmet's headers over real HTTP: behind HTTPS the browser is told to fetch over HTTPS only (CSP upgrade-insecure-requests,
// HSTS); over plain HTTP neither is sent, or a console reached by a LAN address would load no script at all.
import { type AddressInfo } from 'node:net';
import { type Server } from 'node:http';
import express from 'express';
import { securityHeaders } from './app';

const headersFor = async (config: { secureCookies: boolean; tlsCertFile: string | undefined }): Promise<Headers> => {
  const app = express();
  app.get('/', securityHeaders(config, { frameguard: { action: 'deny' } }), (_req, res) => {
    res.send('ok');
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return res.headers;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
};

describe('securityHeaders', () => {
  it('asks for HTTPS only when the server is behind HTTPS', async () => {
    for (const config of [
      { secureCookies: true, tlsCertFile: undefined },
      { secureCookies: false, tlsCertFile: '/etc/cert.pem' },
    ]) {
      const headers = await headersFor(config);
      expect(headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
      expect(headers.get('strict-transport-security')).toContain('max-age=');
      expect(headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('over plain HTTP keeps the policy but neither upgrades requests nor sends HSTS', async () => {
    const headers = await headersFor({ secureCookies: false, tlsCertFile: undefined });
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(headers.get('strict-transport-security')).toBeNull();
    expect(headers.get('x-frame-options')).toBe('DENY');
  });
});
