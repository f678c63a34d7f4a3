// Fallback for peak-RSS measurement where GNU time is missing: runs `portfund check` in this process and reports
// process.resourceUsage().maxRSS (kilobytes) on stderr as `maxrss-kb=N`. Run as: node --import tsx bench/lib/rss-wrapper.ts FILE
import { runCheck } from '../../ingest-server/src/cli/check-command';

const main = async (): Promise<void> => {
  const code = await runCheck(process.argv.slice(2), true);
  process.stderr.write(`maxrss-kb=${process.resourceUsage().maxRSS}\n`);
  process.exitCode = code;
};

void main();
