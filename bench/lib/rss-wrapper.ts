// Fallback for peak-RSS measurement where GNU time is missing: runs `portfund check` in this process and reports
// process.resourceUsage() on stderr as `maxrss-kb=N cpu-ms=N` (peak RSS in kilobytes, user + system CPU). Run as: node --import tsx bench/lib/rss-wrapper.ts FILE
import { runCheck } from '../../ingest-server/src/cli/check-command';

const main = async (): Promise<void> => {
  const code = await runCheck(process.argv.slice(2), true);
  const usage = process.resourceUsage();
  process.stderr.write(`maxrss-kb=${usage.maxRSS} cpu-ms=${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`);
  process.exitCode = code;
};

void main();
