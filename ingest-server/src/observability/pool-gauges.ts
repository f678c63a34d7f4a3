// The check pool's state as gauges, read when Prometheus scrapes: the queue's depth and bound, the workers busy.
import { Gauge } from 'prom-client';
import { checkPoolStatus } from '../workbook/check/check-pool';
import { registry } from './metrics';

new Gauge({
  name: 'portfund_check_queue_depth',
  help: 'Check jobs waiting for a worker',
  registers: [registry],
  collect() {
    this.set(checkPoolStatus().waiting);
  },
});

new Gauge({
  name: 'portfund_check_queue_max',
  help: 'Check jobs allowed to wait (PORTFUND_CHECK_QUEUE_MAX); beyond it uploads are answered 503',
  registers: [registry],
  collect() {
    this.set(checkPoolStatus().maxQueue);
  },
});

new Gauge({
  name: 'portfund_check_workers_busy',
  help: 'Check workers running a job',
  registers: [registry],
  collect() {
    this.set(checkPoolStatus().busy);
  },
});

/** The metrics in Prometheus' text format, the pool's gauges included. */
export const metricsText = (): Promise<string> => registry.metrics();
