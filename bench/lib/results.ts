// Writes a benchmark's results as JSON to bench/out/<name>.json (bench/out is git-ignored).
import { mkdir, writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';

// the repository runs TypeScript as CommonJS through tsx (no "type": "module"), so __dirname is defined
export const BENCH_DIR = join(__dirname, '..');
export const OUT_DIR = join(BENCH_DIR, 'out');
export const REPO_DIR = join(BENCH_DIR, '..');

/** The machine the numbers were taken on, stored with every result. */
export const machine = (): Record<string, string | number> => ({
  node: process.version,
  platform: `${platform()} ${release()} ${arch()}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryMB: Math.round(totalmem() / 1048576),
});

/** 1-minute load average and whether it says other work competes for the CPUs (wall times then stretch). */
export const machineLoad = (): { load1: number; busy: boolean } => {
  const load1 = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  return { load1, busy: load1 > cpus().length * 0.5 };
};

export const writeResults = async (name: string, data: unknown): Promise<string> => {
  const file = join(OUT_DIR, `${name}.json`);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ name, date: new Date().toISOString(), machine: machine(), ...(data as object) }, null, 2)}\n`);
  return file;
};
