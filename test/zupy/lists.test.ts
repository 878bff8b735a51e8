/**
 * Zupy simulator over HTTP: lists, the coupon lookup and stats.
 */
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { useZupyMock, other, pos, req } from './harness.ts';

useZupyMock();

describe('lists, lookup and stats', () => {
  it('unknown code → 200 with data []; cursor pages are disjoint and cover the list', async () => {
    const none = await pos.listCoupons({ code: 'CZ-FFFFFFFF' });
    expect(none.ok && none.data.items).toEqual([]);
    const all = await pos.listCoupons({ page_size: 100 });
    if (!all.ok) throw new Error('list');
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await pos.listCoupons({ page_size: 2, ...(cursor ? { cursor } : {}) });
      if (!page.ok) throw new Error('page');
      ids.push(...page.data.items.map((c) => c.id));
      expect(page.data.meta?.count).toBe(all.data.items.length);
      if (!page.data.meta?.has_next) break;
      cursor = page.data.meta.cursor ?? undefined;
    }
    expect(ids).toEqual(all.data.items.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stats agree with the list and ignore status (Z-21)', async () => {
    const s = await pos.stats({ status: 'used' } as never);
    const list = await pos.listCoupons({ page_size: 100 });
    if (!s.ok || !list.ok) throw new Error('stats');
    const byStatus = Object.values(s.data.by_status).reduce((a, b) => a + b, 0);
    const byOrigin = Object.values(s.data.by_origin).reduce((a, b) => a + b, 0);
    expect(byStatus).toBe(s.data.total_issued);
    expect(byOrigin).toBe(s.data.total_issued);
    expect(s.data.total_issued).toBe(list.data.items.length);
    expect(s.data.used).toBe(list.data.items.filter((c) => c.status === 'used').length);
    expect(s.data.usage_rate).toBe(Math.round((s.data.used / s.data.total_issued) * 10000) / 100);
  });

  it("a tenant never sees another tenant's coupons", async () => {
    const mine = await other.listCoupons({ page_size: 100 });
    expect(mine.ok && mine.data.items.every((c) => c.customer_id === DEMO.customers.diego)).toBe(true);
    const lookup = await other.findCouponByCode(DEMO.coupons.active.code);
    expect(lookup.ok && lookup.data).toBeNull();
  });

  it('rate-limit headers on every response, success and error', async () => {
    const answers = [
      await req('/api/v2/coupons/issued/'),
      await req('/api/v2/coupons/issued/', { key: null }),
      await req('/api/v2/coupons/issued/?status=pending'),
      await req('/api/v2/auth/request-otp/', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: 'x'.repeat(200_000) }),
      }),
      await req('/api/v2/admin/users/'),
      await req('/api/v2/customers/%E0%A4%A/points/'),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 422, 413, 403, 404]);
    for (const r of answers) {
      expect(r.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
      expect(r.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
      expect(r.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
    }
  });
});
