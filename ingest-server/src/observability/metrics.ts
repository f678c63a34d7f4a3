// Prometheus metrics (prom-client), one registry per process: uploads by outcome, check durations, the check queue,
// findings by code, login failures and job outcomes (the check queue's gauges: pool-gauges.ts). Served at GET /metrics behind a bearer token (http/metrics-route.ts).
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'portfund_' });

/** An upload's end: a new version, the same bytes again, refused with findings, refused for load (503), or failed (500). */
export type UploadOutcome = 'created' | 'duplicate' | 'rejected' | 'busy' | 'failed';
/** What a check worker did: a workbook check, a PDF inspection, a clean copy. */
export type CheckJobKind = 'workbook' | 'pdf' | 'clean_copy';

const uploads = new Counter({
  name: 'portfund_uploads_total',
  help: 'Uploaded files by outcome (created, duplicate, rejected, busy, failed)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const checkDuration = new Histogram({
  name: 'portfund_check_duration_seconds',
  help: 'Time a check worker took for one job (without the wait in the queue)',
  labelNames: ['job'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});

const findings = new Counter({
  name: 'portfund_findings_total',
  help: 'Findings of each newly filed version (as stored when filed) by code and severity',
  labelNames: ['code', 'severity'] as const,
  registers: [registry],
});

const loginFailures = new Counter({
  name: 'portfund_login_failures_total',
  help: 'Refused sign-ins by reason (invalid_credentials, rate_limited)',
  labelNames: ['reason'] as const,
  registers: [registry],
});

const jobOutcomes = new Counter({
  name: 'portfund_job_outcomes_total',
  help: 'Background jobs by name and outcome',
  labelNames: ['job', 'outcome'] as const,
  registers: [registry],
});

export const recordUpload = (outcome: UploadOutcome): void => uploads.inc({ outcome });

export const recordCheckDuration = (job: CheckJobKind, seconds: number): void => checkDuration.observe({ job }, seconds);

export const recordFindings = (list: readonly { readonly code: string; readonly severity: string }[]): void => {
  for (const f of list) findings.inc({ code: f.code, severity: f.severity });
};

export const recordLoginFailure = (reason: 'invalid_credentials' | 'rate_limited'): void => loginFailures.inc({ reason });

/** A background job ended (called by the job runner: e.g. recordJobOutcome('reminders', 'completed')). */
export const recordJobOutcome = (name: string, outcome: 'completed' | 'failed' | 'retried' | (string & {})): void => jobOutcomes.inc({ job: name, outcome });

