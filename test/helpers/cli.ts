// Spawns the real `portfund` command (ingest-server/bin/portfund.js) with this Node, as a user would run it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const PORTFUND_BIN = join(__dirname, '..', '..', 'ingest-server', 'bin', 'portfund.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Resolves with the exit code (`env` on top of this process's environment) and output whatever the code; rejects only when the process could not run or was killed. */
export const runPortfund = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    execFile(process.execPath, [PORTFUND_BIN, ...args], { maxBuffer: 64 * 1024 * 1024, timeout: 120_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      if (error === null) resolve({ code: 0, stdout, stderr });
      else if (typeof error.code === 'number') resolve({ code: error.code, stdout, stderr });
      else reject(error);
    });
  });
