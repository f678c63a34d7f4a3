// Test helpers for reconciliation: a fresh union per scenario (so scenarios never see each other's filings), uploads by
// its local government over HTTP, and the recon findings of a filing as the API shows them.
import { EXAMPLE_UNION, type EntryRow } from '@portfund/shared-rules/src/testing/seed-examples';
import { ubnChecksumOk } from '@portfund/shared-rules';
import { call, upload } from '../../../testing/http';
import { type TestServer } from '../../../testing/test-server';
import { applicationBytes, applicationName, cashbookBytes, cashbookName } from '../../../testing/workbooks';

export interface FindingJson {
  code: string;
  severity: 'error' | 'warning';
  source: 'check' | 'recon';
  sheet?: string;
  cell?: string;
  field?: string;
  message: string;
  expected?: string;
  actual?: string;
}

export interface FilingJson {
  id: number;
  version: number;
  summary: { errors: number; warnings: number };
  findings: FindingJson[];
}

let nextUbn = 30000000;

/** A fresh valid UBN (the 2023 checksum) not used by the seed. */
const freshUbn = (): string => {
  for (;;) {
    const ubn = String((nextUbn += 1));
    if (ubnChecksumOk(ubn)) return ubn;
  }
};

export interface Union {
  readonly ubn: string;
  /** Uploads a cash book of a quarter (the example's entries of months ≤ 3q unless entries are given). */
  cashbook(year: number, quarter: 1 | 2 | 3 | 4, changes?: Record<string, unknown>, entries?: readonly EntryRow[]): Promise<FilingJson>;
  application(year: number, changes?: Record<string, unknown>): Promise<FilingJson>;
  /** The filing as it is stored now (recon findings may have changed since its upload). */
  reload(filing: FilingJson): Promise<FilingJson>;
}

/** A union registered under 臺中市 (the test server's local government A) with the example's name. */
export const newUnion = async (server: TestServer, token: string, name = EXAMPLE_UNION): Promise<Union> => {
  const ubn = freshUbn();
  await server.db('organizations').insert({ kind: 'union', name, ubn, parent_id: server.seed.localA.id });
  const filed = async (name: string, bytes: Buffer): Promise<FilingJson> => {
    const res = await upload<FilingJson>(server.url, token, [{ name, bytes }]);
    if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  return {
    ubn,
    cashbook: async (year, quarter, changes = {}, entries) =>
      filed(cashbookName(year, quarter, ubn), await cashbookBytes(quarter, { cb_year: String(year), cb_ubn: ubn, ...changes }, entries)),
    application: async (year, changes = {}) => filed(applicationName(year, ubn), await applicationBytes({ app_year: String(year), app_ubn: ubn, ...changes })),
    reload: async (filing) => {
      const res = await call<FilingJson>(`${server.url}/api/filings/${filing.id}`, token);
      if (res.status !== 200) throw new Error(`filing ${filing.id}: ${res.status}`);
      return res.body;
    },
  };
};

/** The reconciliation findings of a filing, optionally of one code. */
export const recon = (filing: FilingJson, code?: string): FindingJson[] =>
  filing.findings.filter((f) => f.source === 'recon' && (code === undefined || f.code === code));
