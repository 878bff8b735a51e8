// Loaded into a benched server with `node --expose-gc --require bench/heap-probe.cjs`: on SIGUSR2 it
// runs a full garbage collection and writes the heap still in use (bytes) to the file named by
// COUPON_KIT_HEAP_PROBE with the process id appended, so a bench reads memory the server retains,
// not the high-water mark RSS shows between collections.
const { writeFileSync } = require('node:fs');
const out = `${process.env.COUPON_KIT_HEAP_PROBE}.${process.pid}`;
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  writeFileSync(out, String(process.memoryUsage().heapUsed));
});
