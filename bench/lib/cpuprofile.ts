// Summarises a V8 .cpuprofile: self time by function, by source file and by package.
// For a bundle written by esbuild (non-minified), the `// path/to/file.ts` markers it puts before each module map a
// bundle line back to its source file, so TypeScript sources get real names (tsx's minified transform loses them).
import { readFile } from 'node:fs/promises';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface Row {
  readonly key: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly byFunction: readonly Row[];
  readonly byFile: readonly Row[];
  readonly byPackage: readonly Row[];
}

const MODULE_MARKER = /^\/\/ ((?:node_modules|shared-rules|ingest-server|templates|addin)\/\S+)$/;

/** For each line of an esbuild bundle, the source file it came from. */
const bundleFiles = (bundle: string): string[] => {
  let current = '(bundle runtime)';
  return bundle.split('\n').map((line) => (current = MODULE_MARKER.exec(line)?.[1] ?? current));
};

const packageOf = (file: string): string => {
  if (file.startsWith('node_modules/')) {
    const parts = file.split('/');
    return (parts[1] ?? '').startsWith('@') ? `${parts[1]}/${parts[2]}` : (parts[1] ?? file);
  }
  if (file.startsWith('node:')) return 'node internals';
  if (file.startsWith('(')) return file;
  return file.split('/')[0] ?? file;
};

const top = (totals: Map<string, number>, all: number, n: number): Row[] =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, us]) => ({ key, ms: us / 1000, share: us / all }));

export const summarizeProfile = async (profileFile: string, bundle?: { file: string; url: string }, n = 25): Promise<ProfileSummary> => {
  const profile = JSON.parse(await readFile(profileFile, 'utf8')) as CpuProfile;
  const lines = bundle === undefined ? [] : bundleFiles(await readFile(bundle.file, 'utf8'));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const file =
      bundle !== undefined && url.endsWith(bundle.url)
        ? (lines[lineNumber] ?? '?')
        : url === ''
          ? `(${functionName.replace(/^\(|\)$/g, '')})`
          : url.replace(/^file:\/\/.*?\/node_modules\//, 'node_modules/');
    const fn = `${functionName === '' ? '(anonymous)' : functionName}  ${file.startsWith('(') ? '' : file}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
    byPackage.set(packageOf(file), (byPackage.get(packageOf(file)) ?? 0) + us);
  }
  return { totalMs: total / 1000, byFunction: top(byFunction, total, n), byFile: top(byFile, total, n), byPackage: top(byPackage, total, n) };
};
