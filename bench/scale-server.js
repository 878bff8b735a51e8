/* global process, performance, console */
/**
 * The scale bench's server: `coupon-kit`'s programmatic API from the dist/ build, started on the
 * demo data, then N generated coupons merged in (chunks of 25k, so the transient JSON text stays small; no file) into one company.
 * Prints "ready <seed ms> <heap MiB>" once seeded.
 *
 *   node --expose-gc bench/scale-server.js <port> <count> <config JSON>
 */
import { startMock } from '../dist/mocks/index.js';

const [port, count, configJson] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4] ?? '{}'];
const cfg = JSON.parse(configJson);
const t0 = performance.now();
const mock = await startMock({ api: 'zupy', port, control: false });
if (count === 0 && cfg.multiUse)
  mock.simulator.provider.merge({ companies: [], api_keys: [], customers: [], rewards: [], coupons: [cfg.multiUse] });
const DAY = 86_400_000;
const now = Date.now();
const CHUNK = 25_000;
// Customers: one per 100 coupons. Strings shared by reference across records (as a store keeps them).
const customers = Array.from({ length: Math.max(1, Math.ceil(count / 100)) }, (_, i) => `2zC${String(i).padStart(24, '0')}`);
const statuses = ['active', 'active', 'active', 'used', 'expired', 'cancelled'];
// Older than the demo data, in order (a minute holds 60 coupons, ordered by id): each merge appends.
const base = Math.floor((now - 400 * DAY - count * 1000) / 60_000) * 60_000;
let lastMinute = -1;
let lastCreated = '';
const created = (i) => {
  const minute = Math.floor(i / 60);
  if (minute !== lastMinute) {
    lastMinute = minute;
    lastCreated = new Date(base + minute * 60_000).toISOString().replace('.000Z', 'Z');
  }
  return lastCreated;
};
const validUntil = Array.from({ length: 60 }, (_, k) => new Date(now + (k - 10) * DAY).toISOString());
// Each chunk is written as JSON text and parsed, as a seed file would be read (flat strings, no
// references into generator state), then merged: only the new coupons are indexed.
for (let start = 0; start < count; start += CHUNK) {
  const n = Math.min(CHUNK, count - start);
  const parts = [];
  for (let j = 0; j < n; j++) {
    const i = start + j;
    const status = statuses[i % statuses.length];
    parts.push(
      `{"id":"2zK${i.toString(36).padStart(24, '0')}","customer_id":"${customers[i % customers.length]}","reward_id":"${cfg.rewardId}","coupon_code":"CZ-${i.toString(16).toUpperCase().padStart(8, '0')}","status":"${status}","remaining_usages":${status === 'used' ? 0 : 1},"valid_until":"${validUntil[i % 60]}","created_at":"${created(i)}"}`,
    );
  }
  const coupons = JSON.parse(`[${parts.join(',')}]`);
  if (start + n >= count && cfg.multiUse) coupons.push(cfg.multiUse);
  const newCustomers =
    start === 0
      ? customers.map((id) => ({ id, company_id: cfg.companyId, full_name: 'Bench', identifiers: [], points_balance: 0, z_balance: '0' }))
      : [];
  mock.simulator.provider.merge({ companies: [], api_keys: [], customers: newCustomers, rewards: [], coupons });
}
globalThis.gc?.();
globalThis.gc?.();
const seedMs = Math.round(performance.now() - t0);
console.log(`ready ${seedMs} ${Math.round((process.memoryUsage().heapUsed / 1048576) * 10) / 10}`);
