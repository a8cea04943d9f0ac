// Preloaded with `node --require` into a measured process: when it exits, writes its CPU
// time (user + system), peak RSS and wall time since start to the file named by
// NETPOL_BENCH_USAGE, so the parent measures the child alone, output reading excluded.
'use strict';
const fs = require('node:fs');
const started = Date.now();
process.on('exit', () => {
  const usage = process.resourceUsage();
  const file = process.env.NETPOL_BENCH_USAGE;
  if (!file) return;
  fs.writeFileSync(file, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, peakRssMiB: usage.maxRSS / 1024, wallMs: Date.now() - started }));
});
