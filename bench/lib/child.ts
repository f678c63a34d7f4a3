// Runs a command as a child process and measures its wall time, CPU time and peak RSS.
// Peak RSS and CPU come from GNU time (`/usr/bin/time -f '%M %U %S'`) when it exists; otherwise the caller passes a
// command that reports its own process.resourceUsage() on stderr as `maxrss-kb=N cpu-ms=N` (see rss-wrapper.ts).
// CPU time (user + system, all threads) is the steadier figure on a shared machine: other processes stretch the wall
// time of a run but hardly its CPU time.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const GNU_TIME = '/usr/bin/time';

let gnuTimeWorks: boolean | undefined;

/** Whether /usr/bin/time understands `-f %M` (GNU time; BusyBox and BSD time do not all). */
export const hasGnuTime = async (): Promise<boolean> => {
  if (gnuTimeWorks !== undefined) return gnuTimeWorks;
  if (!existsSync(GNU_TIME)) return (gnuTimeWorks = false);
  const probe = await runChild([process.execPath, '-e', '0'], { measureRss: true, forceGnuTime: true }).catch(() => null);
  return (gnuTimeWorks = probe !== null && probe.exitCode === 0 && probe.maxRssKb !== null && probe.maxRssKb > 0);
};

export interface ChildRun {
  /** Wall time from spawn to exit, milliseconds. */
  readonly ms: number;
  readonly exitCode: number | null;
  /** Peak resident set size of the child, kilobytes; null when it could not be measured. */
  readonly maxRssKb: number | null;
  /** User + system CPU time of the child, milliseconds; null when it could not be measured. */
  readonly cpuMs: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ChildOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Wrap the command in GNU time to read its peak RSS. */
  readonly measureRss?: boolean;
  /** Internal: skip the GNU-time probe (used by the probe itself). */
  readonly forceGnuTime?: boolean;
}

const SELF_REPORTED = /^maxrss-kb=(\d+) cpu-ms=(\d+)$/m;

export const runChild = async (argv: readonly string[], options: ChildOptions = {}): Promise<ChildRun> => {
  const useTime = options.measureRss === true && (options.forceGnuTime === true || (await hasGnuTime()));
  const dir = useTime ? await mkdtemp(join(tmpdir(), 'bench-time-')) : null;
  const timeFile = dir === null ? null : join(dir, 'rss');
  const [command, ...args] = timeFile === null ? argv : [GNU_TIME, '-f', '%M %U %S', '-o', timeFile, ...argv];
  if (command === undefined) throw new Error('runChild: empty command');
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  const start = performance.now();
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    child.stderr.on('data', (d: Buffer) => stderr.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const elapsed = performance.now() - start;
  const err = Buffer.concat(stderr).toString('utf8');
  let maxRssKb: number | null = null;
  let cpuMs: number | null = null;
  if (timeFile !== null && dir !== null) {
    const text = await readFile(timeFile, 'utf8').catch(() => '');
    // GNU time writes "Command exited with non-zero status N" before the figures when the command fails
    const figures = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(text.trim().split('\n').pop() ?? '');
    if (figures !== null) {
      maxRssKb = Number(figures[1]);
      cpuMs = Math.round((Number(figures[2]) + Number(figures[3])) * 1000);
    }
    await rm(dir, { recursive: true, force: true });
  } else {
    const reported = SELF_REPORTED.exec(err);
    if (reported !== null) {
      maxRssKb = Number(reported[1]);
      cpuMs = Number(reported[2]);
    }
  }
  return { ms: elapsed, exitCode, maxRssKb, cpuMs, stdout: Buffer.concat(stdout).toString('utf8'), stderr: err };
};
