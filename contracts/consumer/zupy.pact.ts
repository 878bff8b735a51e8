/**
 * Pact V4 consumer contract of the Zupy POS integration: every interaction the integration makes,
 * success and error paths, through the real typed client. Writes contracts/pacts/zupy-pos-zupy-partner-api.json.
 */
import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import assert from 'node:assert/strict';
import { createZupyClient } from '../../clients/zupy.ts';
import { DEMO } from '../../mocks/simulator/zupy/fixtures.ts';
import { ZupyPos } from './zupy-pos.ts';

const { like, eachLike, regex, integer, string, boolean, fromProviderState, datetime } = MatchersV3;

export const ZUPY_CONSUMER = 'zupy-pos';
export const ZUPY_PROVIDER = 'zupy-partner-api';

const KEY = regex('^zupy_pk_[A-Za-z0-9]{32}$', DEMO.keyReadWrite);
const ANA = DEMO.customers.ana;
const CODE = DEMO.coupons.active.code;
const ISO = "yyyy-MM-dd'T'HH:mm:ssX";
const rl = { 'X-RateLimit-Limit': regex('^\\d+$', '60'), 'X-RateLimit-Remaining': regex('^\\d+$', '59'), 'X-RateLimit-Reset': regex('^\\d+$', '1711108800') };
const problem = (slug: string, status: number, detail?: string) => ({
  type: regex(`^https://docs\\.zupy\\.com/errors#${slug}$`, `https://docs.zupy.com/errors#${slug}`),
  title: string('Conflict'),
  status: integer(status),
  detail: detail === undefined ? string('detail') : detail,
  instance: string('/api/v2/…'),
});
const coupon = (over: Record<string, unknown> = {}) => ({
  id: regex('^[0-9A-Za-z]{27}$', DEMO.coupons.active.id), coupon_code: regex('^(CZ|CP)-[A-Z0-9]{8}$', CODE), status: regex('^(active|used|expired|cancelled)$', 'active'),
  status_display: string('Ativo'), origin_type: regex('^(loyalty_reward|marketing)$', 'loyalty_reward'), usage_date: null, remaining_usages: integer(1),
  total_usages_allowed: integer(1), valid_until: datetime(ISO, '2026-12-19T04:00:00Z'), reward_name: string('Café expresso'), reward_id: string(DEMO.rewards.coffee),
  customer_id: string(ANA), customer_name: string('Ana Souza'), points_spent: integer(200), redemption_date: datetime(ISO, '2026-11-19T04:00:00Z'), created_at: datetime(ISO, '2026-11-19T04:00:00Z'),
  ...over,
});
const validatePath = (code: string) => fromProviderState(`/api/v2/customers/\${customerId}/coupons/${code}/validate/`, `/api/v2/customers/${ANA}/coupons/${code}/validate/`);
const otpHeader = { 'X-API-Key': KEY, 'X-OTP-Session': fromProviderState('${otpSession}', 'otp-session-token') };

/** Runs every interaction against Pact's mock server; throws on the first mismatch. Returns the interaction count. */
export async function runZupyConsumer(dir: string): Promise<number> {
  const pact = new PactV4({ consumer: ZUPY_CONSUMER, provider: ZUPY_PROVIDER, dir, spec: SpecificationVersion.SPECIFICATION_VERSION_V4, logLevel: 'warn' });
  const pos = (url: string, apiKey: string = DEMO.keyReadWrite) => new ZupyPos(createZupyClient({ baseUrl: url, apiKey }));
  let count = 0;
  const add = () => {
    count++;
    return pact.addInteraction();
  };

  await add()
    .given('coupon {code} is active with {uses} uses left', { code: CODE, uses: 1 })
    .uponReceiving('a lookup of a printed code')
    .withRequest('GET', '/api/v2/coupons/issued/', (b) => b.query({ code: CODE }).headers({ 'X-API-Key': KEY }))
    .willRespondWith(200, (b) => b.headers(rl).jsonBody({ data: eachLike(coupon(), 1), meta: { cursor: null, has_next: boolean(false), count: integer(1) } }))
    .executeTest(async (ms) => {
      const r = await pos(ms.url).lookUp(CODE);
      assert.equal(r.ok && r.coupon?.coupon_code, CODE);
    });

  await add()
    .given('no coupon has code {code}', { code: 'CZ-00000000' })
    .uponReceiving('a lookup of an unknown code')
    .withRequest('GET', '/api/v2/coupons/issued/', (b) => b.query({ code: 'CZ-00000000' }).headers({ 'X-API-Key': KEY }))
    .willRespondWith(200, (b) => b.jsonBody({ data: [], meta: { cursor: null, has_next: false, count: integer(0) } }))
    .executeTest(async (ms) => {
      const r = await pos(ms.url).lookUp('CZ-00000000');
      assert.deepEqual(r, { ok: true, coupon: null });
    });

  await add()
    .given('coupon {code} is active with {uses} uses left', { code: CODE, uses: 1 })
    .given('customer {customerId} has an OTP session', { customerId: ANA })
    .uponReceiving('a validate of the last use with an OTP session')
    .withRequest('POST', validatePath(CODE), (b) => b.headers(otpHeader))
    .willRespondWith(200, (b) => b.headers(rl).jsonBody({
      data: { customer_id: string(ANA), coupon_code: regex('^(CZ|CP)-[A-Z0-9]{8}$', CODE), status: 'validated', remaining_usages: 0, total_usages_allowed: integer(1), validated_at: datetime(ISO, '2026-11-24T04:00:00Z'), new_balance: integer(450), new_z_balance: regex('^\\d{1,12}\\.\\d{6}$', '1150.000000') },
      meta: {},
    }))
    .executeTest(async (ms) => {
      const r = await pos(ms.url).use(ANA, CODE, 'otp-session-token');
      assert.deepEqual(r, { ok: true, remaining: 0 });
    });

  for (const [state, code, detail, error] of [
    ['coupon {code} is used', DEMO.coupons.used.code, 'Cupom já Used', 'already-used'],
    ['coupon {code} is expired', DEMO.coupons.expired.code, 'Cupom já Expired', 'expired'],
  ] as const) {
    await add()
      .given(state, { code })
      .given('customer {customerId} has an OTP session', { customerId: ANA })
      .uponReceiving(`a validate of a coupon that is ${error === 'expired' ? 'expired' : 'already used'}`)
      .withRequest('POST', validatePath(code), (b) => b.headers(otpHeader))
      .willRespondWith(409, (b) => b.jsonBody(problem('conflict', 409, detail)))
      .executeTest(async (ms) => {
        const r = await pos(ms.url).use(ANA, code, 'otp-session-token');
        assert.deepEqual(r, { ok: false, error, status: 409 });
      });
  }

  await add()
    .given('coupon {code} is active with {uses} uses left', { code: CODE, uses: 1 })
    .given('the company requires OTP for {action}', { action: 'coupon usage' })
    .uponReceiving('a validate without an OTP session')
    .withRequest('POST', `/api/v2/customers/${ANA}/coupons/${CODE}/validate/`, (b) => b.headers({ 'X-API-Key': KEY }))
    .willRespondWith(403, (b) => b.jsonBody(problem('otp-required', 403, 'OTP verification required')))
    .executeTest(async (ms) => {
      const r = await pos(ms.url).use(ANA, CODE);
      assert.deepEqual(r, { ok: false, error: 'otp-required', status: 403 });
    });

  await add()
    .given('no coupon has code {code}', { code: 'CZ-00000000' })
    .given('customer {customerId} has an OTP session', { customerId: ANA })
    .uponReceiving('a validate of an unknown code')
    .withRequest('POST', validatePath('CZ-00000000'), (b) => b.headers(otpHeader))
    .willRespondWith(404, (b) => b.jsonBody(problem('not-found', 404)))
    .executeTest(async (ms) => {
      const r = await pos(ms.url).use(ANA, 'CZ-00000000', 'otp-session-token');
      assert.deepEqual(r, { ok: false, error: 'not-found', status: 404 });
    });

  await add()
    .uponReceiving('a lookup with a revoked or unknown API key')
    .withRequest('GET', '/api/v2/coupons/issued/', (b) => b.query({ code: CODE }).headers({ 'X-API-Key': `zupy_pk_${'0'.repeat(32)}` }))
    .willRespondWith(401, (b) => b.jsonBody(problem('authentication-required', 401, 'Invalid API key')))
    .executeTest(async (ms) => {
      const r = await pos(ms.url, `zupy_pk_${'0'.repeat(32)}`).lookUp(CODE);
      assert.deepEqual(r, { ok: false, error: 'unauthorized' });
    });

  await add()
    .given('customer {customerId} has {points} points', { customerId: ANA, points: 450 })
    .given('customer {customerId} has an OTP session', { customerId: ANA })
    .uponReceiving('a redeem of a points reward')
    .withRequest('POST', fromProviderState(`/api/v2/customers/\${customerId}/rewards/${DEMO.rewards.coffee}/redeem/`, `/api/v2/customers/${ANA}/rewards/${DEMO.rewards.coffee}/redeem/`), (b) =>
      b.headers(otpHeader).jsonBody({ use_z_tokens: false }))
    .willRespondWith(200, (b) => b.jsonBody({
      data: like({ customer_id: ANA, coupon_code: regex('^CZ-[0-9A-F]{8}$', 'CZ-1A2B3C4D'), points_used: integer(200), z_tokens_used: '0.000000', new_balance: integer(250), new_z_balance: regex('^\\d{1,12}\\.\\d{6}$', '1150.000000'), valid_until: datetime(ISO, '2026-12-24T04:00:00Z'), created_at: datetime(ISO, '2026-11-24T04:00:00Z') }),
      meta: {},
    }))
    .executeTest(async (ms) => {
      const r = await pos(ms.url).redeem(ANA, DEMO.rewards.coffee, 'otp-session-token');
      assert.equal(r.ok && r.balance, 250);
    });

  await add()
    .given('customer {customerId} already claimed marketing reward {rewardId}', { customerId: ANA, rewardId: DEMO.rewards.welcome })
    .given('customer {customerId} has an OTP session', { customerId: ANA })
    .uponReceiving('a second claim of a marketing reward')
    .withRequest('POST', fromProviderState(`/api/v2/customers/\${customerId}/rewards/${DEMO.rewards.welcome}/redeem/`, `/api/v2/customers/${ANA}/rewards/${DEMO.rewards.welcome}/redeem/`), (b) =>
      b.headers(otpHeader).jsonBody({ use_z_tokens: false }))
    .willRespondWith(422, (b) => b.jsonBody({ ...problem('validation-error', 422), errors: eachLike({ field: string('non_field_errors'), detail: 'Prêmio gratuito já resgatado por este cliente' }, 1) }))
    .executeTest(async (ms) => {
      const r = await pos(ms.url).redeem(ANA, DEMO.rewards.welcome, 'otp-session-token');
      assert.deepEqual(r, { ok: false, error: 'marketing-already-claimed', status: 422 });
    });

  await add()
    .given('customer {customerId} has coupons', { customerId: DEMO.customers.bruno })
    .uponReceiving("the last page of a customer's coupons")
    .withRequest('GET', '/api/v2/coupons/issued/', (b) => b.query({ customer_id: DEMO.customers.bruno, page_size: '2' }).headers({ 'X-API-Key': KEY }))
    .willRespondWith(200, (b) => b.jsonBody({ data: eachLike(coupon(), 1), meta: { cursor: null, has_next: false, count: integer(1) } }))
    .executeTest(async (ms) => {
      const r = await pos(ms.url).customerCoupons(DEMO.customers.bruno, 2);
      assert.equal(r.ok && r.codes.length, 1);
    });

  await add()
    .uponReceiving('a read of the coupon statistics')
    .withRequest('GET', '/api/v2/coupons/issued/stats/', (b) => b.headers({ 'X-API-Key': KEY }))
    .willRespondWith(200, (b) => b.jsonBody({
      data: { total_issued: integer(7), used: integer(1), usage_rate: like(14.29), by_status: { active: integer(4), used: integer(1), expired: integer(1), cancelled: integer(1) }, by_origin: { loyalty_reward: integer(7), marketing: integer(0) } },
      meta: {},
    }))
    .executeTest(async (ms) => {
      const r = await pos(ms.url).usageRate();
      assert.equal(r.ok && typeof r.rate, 'number');
    });

  return count;
}
