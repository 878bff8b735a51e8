/**
 * The rules the property models judge with, against literal expectations taken from api-model.md
 * (never computed by the simulator's code, so a bug shared by both cannot hide).
 */
import { describe, expect, it } from 'vitest';
import { fuzzRequest } from '../../property-tests/http-fuzz.ts';
import { expirationEndMs, patchable } from '../../property-tests/model/b2s/model.ts';
import { isDry, newTally, powerLine, record, recordCrossOwner, startSequence, endSequence } from '../../property-tests/model/power.ts';
import { conflictDetail, effective, withCase } from '../../property-tests/model/zupy/model.ts';
import { toEnvelope } from '../../property-tests/targets/zupy-format.ts';
import { loadSpec } from '../../specs/index.ts';

describe('B2S rules (B-4, B-5, B-6)', () => {
  it('exp_end is the end of the expiration day in UTC (or its start with start_of_day_utc)', () => {
    expect(new Date(expirationEndMs('2026-06-01')).toISOString()).toBe('2026-06-02T00:00:00.000Z');
    expect(new Date(expirationEndMs('2026-12-31')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(new Date(expirationEndMs('2026-06-01', 'start_of_day_utc')).toISOString()).toBe('2026-06-01T00:00:00.000Z');
  });

  it.each([
    ['2026-06-01T20:59:59.999Z', true],
    ['2026-06-01T21:00:00.000Z', false], // exactly 3 h before exp_end: refused (strict)
    ['2026-06-01T23:00:00.000Z', false],
    ['2026-06-03T00:00:00.000Z', false],
  ])('a coupon expiring 2026-06-01 may be PATCHed at %s: %s', (now, allowed) => {
    const c = { id: 'c', companyId: 'a', used: false, expEndMs: expirationEndMs('2026-06-01') };
    expect(patchable(c, Date.parse(now))).toBe(allowed);
    expect(patchable({ ...c, used: true }, Date.parse('2026-05-01T00:00:00Z'))).toBe(false);
  });
});

describe('Zupy rules (Z-5, Z-8, Z-2)', () => {
  const c = {
    id: 'k',
    code: 'CZ-914F15F3',
    customerId: 'c',
    remaining: 1,
    status: 'active' as const,
    validUntilMs: Date.parse('2026-04-25T00:00:00Z'),
  };
  it('an active coupon reads as expired only after valid_until (valid_until itself is still valid)', () => {
    expect(effective(c, Date.parse('2026-04-25T00:00:00Z'))).toBe('active');
    expect(effective(c, Date.parse('2026-04-25T00:00:00.001Z'))).toBe('expired');
    expect(effective({ ...c, status: 'used' }, Date.parse('2027-01-01T00:00:00Z'))).toBe('used');
  });
  it('the conflict details are verbatim', () => {
    expect(conflictDetail('used')).toBe('Cupom já Used');
    expect(conflictDetail('expired')).toBe('Cupom já Expired');
    expect(conflictDetail('cancelled')).toBe('Cupom já Cancelled');
  });
  it('mixed letter case from a mask', () => {
    expect(withCase('CZ-914F15F3', 0)).toBe('CZ-914F15F3');
    expect(withCase('CZ-914F15F3', 0b1000000011)).toBe('cz-914F15f3');
  });
});

describe('Zupy formats (Z-1)', () => {
  it('reads the envelope as is, and root objects, DRF lists and bare lists as the envelope', () => {
    expect(toEnvelope({ data: { a: 1 }, meta: {} })).toEqual({ body: { data: { a: 1 }, meta: {} }, format: 'envelope' });
    expect(toEnvelope({ total_issued: 0 })).toEqual({ body: { data: { total_issued: 0 }, meta: {} }, format: 'root object' });
    expect(
      toEnvelope({
        count: 3,
        next: 'https://api.zupy.com/api/v2/coupons/issued/?cursor=cD0y&page_size=2',
        previous: null,
        results: [1, 2],
      }),
    ).toEqual({
      body: { data: [1, 2], meta: { cursor: 'cD0y', has_next: true, count: 3 } },
      format: 'DRF list',
    });
    expect(toEnvelope({ count: 1, next: null, previous: null, results: [1] })).toEqual({
      body: { data: [1], meta: { cursor: null, has_next: false, count: 1 } },
      format: 'DRF list',
    });
    expect(toEnvelope([1])).toEqual({ body: { data: [1], meta: { cursor: null, has_next: false, count: 1 } }, format: 'bare list' });
    expect(() => toEnvelope({ count: 3, next: 'https://x/?page=2', previous: null, results: [] })).toThrow(/no cursor parameter/);
  });
});

describe('power', () => {
  it('a run is dry below the threshold of sequences with something to change, or with no change at all', () => {
    const t = newTally();
    for (let i = 0; i < 10; i++) {
      startSequence(t, i < 4 ? 1 : 0);
      record(t, 'validate', 3, i < 4 ? 1 : 0);
      endSequence(t);
    }
    expect(t).toMatchObject({ sequences: 10, liveSequences: 4, tried: { validate: 30 }, changed: { validate: 4 } });
    expect(isDry(t, 0.5)).toBe(true);
    expect(isDry(t, 0.4)).toBe(false);
    expect(powerLine(t)).toBe(
      "power: 4 of 30 state-changing commands changed state (validates 4 of 30 succeeded); 4 of 10 sequences had something to change (a usable coupon at the start, or a command that changed state; the run is dry below 50%, or with no change at all); no validate or PATCH aimed at another customer's or company's coupon: the ownership rule was not tried (raise --runs)",
    );
    recordCrossOwner(t, 1);
    expect(powerLine(t)).toMatch(/; 1 validate or PATCH aimed at another customer's or company's coupon$/);
    recordCrossOwner(t, 2);
    expect(powerLine(t)).toMatch(/; 3 validates or PATCHes aimed at another customer's or company's coupon$/);
    const none = newTally();
    startSequence(none, 5);
    endSequence(none);
    expect(isDry(none, 0)).toBe(true);
    none.frozen = true;
    record(none, 'patch', 4, 4);
    recordCrossOwner(none, 4);
    endSequence(none);
    expect(none).toMatchObject({ sequences: 1, tried: { patch: 0 }, crossOwner: 0 });
  });
});

describe('HTTP fuzz requests', () => {
  const zupy = loadSpec('zupy');
  const ctx = { auth: { 'X-API-Key': 'zupy_pk_ABCDEFGHIJKLMNOPQRSTUVWXYZ012345' }, ids: ['2dVOq0aSrN6pY4uZxTeF1gHiJl3'] };
  it('a state-changing request with valid credentials addresses ids that do not exist', () => {
    const r = fuzzRequest(zupy, ctx, { operationId: 'validateCoupon', malformation: 'malformed JSON', pick: 0 });
    expect(r).toMatchObject({
      method: 'POST',
      url: '/api/v2/customers/fuzz0x/coupons/fuzz0x/validate/',
      body: '{',
      headers: { 'X-API-Key': ctx.auth['X-API-Key'], 'content-type': 'application/json' },
    });
  });
  it('missing and bad credentials', () => {
    expect(fuzzRequest(zupy, ctx, { operationId: 'listIssuedCoupons', malformation: 'missing credentials', pick: 0 }).headers).toEqual({});
    expect(fuzzRequest(zupy, ctx, { operationId: 'listIssuedCoupons', malformation: 'bad credentials', pick: 2 }).headers).toEqual({
      'X-API-Key': 'not-a-key',
    });
    const b2s = fuzzRequest(
      loadSpec('b2s'),
      { auth: { Authorization: 'Bearer t0k3n-of-the-run' }, ids: [] },
      { operationId: 'listCoupons', malformation: 'bad credentials', pick: 3 },
    );
    expect(b2s.headers).toEqual({ Authorization: 't0k3n-of-the-run' });
    expect(b2s.url).toMatch(
      /^\/api\/coupons\?date_start=2000-01-01&date_end=2100-12-31&limit=\d+&offset=1&order_column=\w+&order_type=ASC&module=(premiado|falae)$/,
    );
  });
});
