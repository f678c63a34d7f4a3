// Child process for check.bench.ts: times the phases of checkFileBytes in a fresh Node process, so the first (cold) run
// shows what the CLI really pays (JIT, lazily built template definitions, heap growth) and the later runs the warm cost.
// Usage: node --import tsx bench/lib/check-phases-child.ts FILE RUNS   → one JSON line on stdout.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { checkWorkbook, type WorkbookSnapshot } from '@portfund/shared-rules';
import { DEFAULT_LIMITS, openWorkbookBytes } from '../../ingest-server/src/workbook/gate/input-gate';
import { snapshotFromExcelJS } from '../../ingest-server/src/workbook/testing/exceljs-snapshot';
import { checkFileBytes } from '../../ingest-server/src/workbook/check/check-file';
import { readWorkbookEntries } from '../../ingest-server/src/workbook/read/read-workbook';
import { type Phase, type PhaseSamples } from './phases';

let lastCpu = 0;

const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  lastCpu = (used.user + used.system) / 1000;
  return [value, elapsed];
};

const loadWorkbook = async (bytes: Buffer): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
};

const main = async (): Promise<void> => {
  const [file, runsText] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: check-phases-child.ts FILE RUNS');
  const runs = Number(runsText ?? 5);
  const bytes = await readFile(file);
  const fileName = basename(file);
  const phases: Record<Phase, number[]> = { gate: [], read: [], check: [], exceljs: [] };
  const cpu: Record<Phase, number[]> = { gate: [], read: [], check: [], exceljs: [] };
  let snapshot: WorkbookSnapshot | undefined;
  // run 0 is cold; each run goes through the phases in order, as checkFileBytes does
  for (let i = 0; i <= runs; i += 1) {
    const [gate, gateMs] = await time(() => openWorkbookBytes(bytes, DEFAULT_LIMITS));
    if (!gate.ok) throw new Error(`the input gate refused ${fileName}: ${gate.reason}`);
    phases.gate.push(gateMs);
    cpu.gate.push(lastCpu);
    // the reader reads from the archive the gate opened, as checkFileBytes does
    const [snap, readMs] = await time(() => readWorkbookEntries(gate.zip).finally(() => gate.zip.close()));
    phases.read.push(readMs);
    cpu.read.push(lastCpu);
    const [, checkMs] = await time(() => checkWorkbook(snap, { fileName }));
    phases.check.push(checkMs);
    cpu.check.push(lastCpu);
    snapshot = snap;
    // for comparison only: what reading the same file through exceljs would cost
    const [, exceljsMs] = await time(async () => snapshotFromExcelJS(await loadWorkbook(bytes)));
    phases.exceljs.push(exceljsMs);
    cpu.exceljs.push(lastCpu);
  }
  const total: number[] = [];
  for (let i = 0; i < runs; i += 1) total.push((await time(() => checkFileBytes(bytes, fileName)))[1]);
  const result: PhaseSamples = {
    phases,
    cpu,
    total,
    cells: snapshot?.sheets.reduce((n, s) => n + s.cells.size, 0) ?? 0,
    heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1048576),
    maxRssKb: process.resourceUsage().maxRSS,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
