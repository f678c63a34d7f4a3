import { checkWorkbook } from './shared-rules/src';
import { buildSnapshot } from './shared-rules/src/testing/snapshot-builder';
import { APPLICATION_EXAMPLE, CASHBOOK_EXAMPLE } from './shared-rules/src/testing/seed-examples';
for (const [kind, fill] of [['application', APPLICATION_EXAMPLE], ['cashbook', CASHBOOK_EXAMPLE]] as const) {
  const t = Date.now();
  const r = checkWorkbook(buildSnapshot(kind, fill), { fileName: kind === 'application' ? '115_04595257_application.xlsx' : '11512_04595257_accounting.xlsx' });
  console.log(kind, Date.now() - t, 'ms', r.summary, r.findings.slice(0, 8).map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.message}`));
}
