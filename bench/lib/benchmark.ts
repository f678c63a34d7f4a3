// What every bench/*.bench.ts exports, and what bench/run.ts hands it.
export interface BenchContext {
  /** Timed runs per measurement (each after one untimed warm-up); at least 5 unless --runs says otherwise. */
  readonly runs: number;
  /** A fresh temp directory for generated inputs, removed after the run unless --keep. */
  readonly tmpDir: string;
  /** The repository root (commands run from here). */
  readonly repoDir: string;
  /** 1-minute load average when the benchmark started, before it did any work of its own. */
  readonly loadAtStart: number;
  /** Progress line on stderr (keeps stdout for the tables). */
  log(message: string): void;
}

export interface Benchmark {
  /** Short name used on the command line (`npm run bench -- check`) and for bench/out/<name>.json. */
  readonly name: string;
  readonly description: string;
  run(ctx: BenchContext): Promise<void>;
}

export const kb = (bytes: number): string => `${Math.round(bytes / 1024).toLocaleString('en-US')}`;
export const mb = (kilobytes: number | null): string => (kilobytes === null ? '–' : (kilobytes / 1024).toFixed(0));
