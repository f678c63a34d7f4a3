// Runs in headless Chromium after the fake Excel host (addin/test/fake-host): the task pane's check session, as the pane
// runs it, driven edit by edit by bench/addin-recheck.bench.ts. Every number comes from the page: rule time (performance.now
// around the rules only), context.sync() calls and the bytes Office.js would have answered.
import { createCheckSession } from '../../addin/src/check/session';
import { officeHost } from '../../addin/src/office';

interface FakeExcel {
  syncs(): number;
  payload(): { largest: number; total: number; refused: number };
  resetPayload(): void;
  edit(sheet: string, address: string, value: string | number): Promise<void>;
}

export interface CheckSample {
  readonly read: string;
  readonly mode: string;
  readonly ruleMs: number;
  readonly totalMs: number;
  readonly syncs: number;
  readonly largestBytes: number;
  readonly totalBytes: number;
  /** Responses the host refused as over the payload limit (each still a round trip). */
  readonly refused: number;
  readonly findings: number;
}

const w = window as unknown as { __fakeExcel: FakeExcel; __bench?: unknown };
const session = createCheckSession(officeHost);
session.setWatching(true);

const check = async (fileName: string): Promise<CheckSample> => {
  const fake = w.__fakeExcel;
  const syncs = fake.syncs();
  fake.resetPayload();
  const started = performance.now();
  const done = await session.check(fileName);
  const totalMs = performance.now() - started;
  const { largest, total, refused } = fake.payload();
  return { read: done.read, mode: done.mode, ruleMs: done.ruleMs, totalMs, syncs: fake.syncs() - syncs, largestBytes: largest, totalBytes: total, refused, findings: done.check.result.findings.length };
};

w.__bench = {
  check,
  /** A user edit (no handler is registered outside the pane: the session is told as the pane's handler would tell it). */
  edit: async (sheet: string, address: string, value: string | number): Promise<void> => {
    await w.__fakeExcel.edit(sheet, address, value);
    session.noteChange({ sheet, address, changeType: 'RangeEdited' });
  },
};
