// Other programs reading the very same workbook, for `npm run bench -- check` (issue 18): Python's openpyxl loading it
// (what the US audit clearinghouse's intake does), openpyxl's read-only reader iterating every row, and the floor —
// `unzip -p FILE | wc -c`, which only inflates every part. Debian's python3-openpyxl under /usr/bin/python3 is installed
// by the bench when missing (apt-get); no test needs it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type ChildRun, runChild } from './child';

export const SYSTEM_PYTHON = '/usr/bin/python3';

export interface Peer {
  readonly key: 'openpyxl' | 'openpyxlReadOnly' | 'unzip';
  readonly label: string;
  argv(file: string): string[];
}

const LOAD = 'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint(sum(ws.max_row for ws in wb.worksheets))';
const READ_ONLY = [
  'import sys, openpyxl',
  'wb = openpyxl.load_workbook(sys.argv[1], read_only=True)',
  'n = 0',
  'for ws in wb.worksheets:',
  '    for row in ws.iter_rows(values_only=True):',
  '        n += 1',
  'print(n)',
].join('\n');

export const PEERS: readonly Peer[] = [
  { key: 'openpyxl', label: 'openpyxl load_workbook', argv: (file) => [SYSTEM_PYTHON, '-c', LOAD, file] },
  { key: 'openpyxlReadOnly', label: 'openpyxl read-only, every row', argv: (file) => [SYSTEM_PYTHON, '-c', READ_ONLY, file] },
  { key: 'unzip', label: 'unzip -p, piped to wc -c', argv: (file) => ['/bin/sh', '-c', 'unzip -p "$1" | wc -c', 'sh', file] },
];

const hasOpenpyxl = (): boolean => existsSync(SYSTEM_PYTHON) && spawnSync(SYSTEM_PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;

/**
 * Makes sure /usr/bin/python3 can import openpyxl, installing Debian's package when it cannot (as root, apt-get).
 * Returns null when it is there, else why the openpyxl columns stay empty.
 */
export const ensureOpenpyxl = (log: (message: string) => void): string | null => {
  if (hasOpenpyxl()) return null;
  log('openpyxl missing: apt-get install -y python3-openpyxl…');
  const installed = spawnSync('apt-get', ['install', '-y', 'python3-openpyxl'], { encoding: 'utf8' });
  if (hasOpenpyxl()) return null;
  return `python3-openpyxl could not be installed (apt-get exit ${installed.status ?? '?'}): ${(installed.stderr ?? '').trim().split('\n').pop() ?? ''}`;
};

/** One timed run of a peer on a file (CPU and peak RSS through GNU time, as the CLI's runs). */
export const runPeer = (peer: Peer, file: string, cwd: string): Promise<ChildRun> => runChild(peer.argv(file), { cwd, measureRss: true });
