import { writeTemplate } from '@portfund/templates';
import { checkFileBytes } from '../ingest-server/src/workbook/check-file';
import { WORKBOOK_FIXTURES, fixtureFill } from './fixtures/workbook-fixtures';
(async () => {
  const only = process.argv[2];
  for (const f of WORKBOOK_FIXTURES) {
    if (only && !f.name.includes(only)) continue;
    const bytes = f.bytes ? await f.bytes() : await writeTemplate(f.kind, { fill: fixtureFill(f), ...(f.cells ? { cells: f.cells } : {}), ...(f.version ? { version: f.version } : {}) });
    const r = await checkFileBytes(bytes, f.fileName);
    const got = r.findings.map(x => `${x.code}@${x.sheet ?? '-'}!${x.cell ?? '-'}:${x.severity}`);
    const want = f.expect.map(x => `${x.code}@${x.sheet ?? '-'}!${x.cell ?? '-'}`);
    const ok = want.every(w => got.some(g => g.startsWith(w + ':'))) && (!f.exact || got.length === want.length);
    console.log(ok ? 'OK  ' : 'DIFF', f.name, ok ? '' : '\n   got ' + JSON.stringify(r.findings.map(x => [x.code, x.sheet, x.cell, x.message]), null, 0) + '\n   want ' + want.join(' '));
  }
})();
