// Timing helpers: run a function N times (after warm-ups) and summarise the wall times.
import { performance } from 'node:perf_hooks';

export interface Stats {
  readonly runs: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Every sample in run order, milliseconds. */
  readonly samples: readonly number[];
}

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

export const stats = (samples: readonly number[]): Stats => ({
  runs: samples.length,
  median: median(samples),
  min: Math.min(...samples),
  max: Math.max(...samples),
  samples: samples.map((s) => Math.round(s * 100) / 100),
});

export interface MeasureOptions {
  readonly runs: number;
  /** Untimed runs first (JIT, caches); default 1. */
  readonly warmup?: number;
}

/** Times fn (sync or async) `runs` times after `warmup` untimed runs; returns the stats and the last result. */
export const measure = async <T>(fn: () => T | Promise<T>, options: MeasureOptions): Promise<{ stats: Stats; last: T }> => {
  if (options.runs < 1) throw new Error('measure: runs must be at least 1');
  let last: T | undefined;
  for (let i = 0; i < (options.warmup ?? 1); i += 1) last = await fn();
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i += 1) {
    const start = performance.now();
    last = await fn();
    samples.push(performance.now() - start);
  }
  return { stats: stats(samples), last: last as T };
};

/** Collects one sample per call of fn, which returns its own measured milliseconds (e.g. a child's wall time). */
export const repeat = async <T extends { ms: number }>(fn: () => Promise<T>, options: MeasureOptions): Promise<{ stats: Stats; results: T[] }> => {
  for (let i = 0; i < (options.warmup ?? 1); i += 1) await fn();
  const results: T[] = [];
  for (let i = 0; i < options.runs; i += 1) results.push(await fn());
  return { stats: stats(results.map((r) => r.ms)), results };
};

export const ms = (value: number): string => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '–');
