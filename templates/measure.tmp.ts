import { writeTemplate } from './src';
(async () => {
  for (const [kind, rows] of [['application', 0], ['cashbook', 0], ['cashbook', 20000], ['application', 0], ['cashbook', 0], ['cashbook', 20000]] as const) {
    const t = performance.now();
    const buf = await writeTemplate(kind, { year: 115, ubn: '04595257', ...(rows > 0 ? { entryRows: rows } : {}) });
    console.log(`${kind} rows=${rows || 'default'} ${Math.round(performance.now() - t)} ms ${(buf.length / 1024).toFixed(0)} KiB peak-rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  }
})();
