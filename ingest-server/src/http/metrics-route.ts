// GET /metrics for Prometheus: only with PORTFUND_METRICS_TOKEN set, and only for a request bearing that token (compared
// in constant time). Without the variable there is no /metrics at all.
import { timingSafeEqual } from 'node:crypto';
import { type RequestHandler } from 'express';
import { metricsText } from '../observability/pool-gauges';
import { registry } from '../observability/metrics';

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export const metricsRoute =
  (token: string): RequestHandler =>
  async (req, res) => {
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
    if (!sameToken(given, token)) {
      res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').json({ error: { code: 'unauthorized', message: '需要 metrics 權杖（PORTFUND_METRICS_TOKEN）' } });
      return;
    }
    res.set('Content-Type', registry.contentType).set('Cache-Control', 'no-store').send(await metricsText());
  };
