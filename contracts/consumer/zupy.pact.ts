/**
 * Pact V4 consumer contract of the Zupy POS integration (zupy-pos.ts): every request the
 * integration makes, success and error paths, through the real typed client. Bodies hold only what
 * the POS reads, with matchers where the provider's values vary. Provider-generated values (the OTP
 * session, the next-page cursor) come from the provider state (`fromProviderState`).
 * Writes <dir>/zupy-pos-zupy-partner-api.json.
 */
import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import assert from 'node:assert/strict';
import { createZupyClient } from '../../clients/zupy.ts';
import { DEMO } from '../../mocks/demo/zupy.ts';
import { PARTIES } from '../index.ts';
import { settled } from './settle.ts';
import { ZupyPos } from './zupy-pos.ts';

const { like, eachLike, regex, integer, number, string, boolean, fromProviderState, datetime } = MatchersV3;

const { consumer: ZUPY_CONSUMER, provider: ZUPY_PROVIDER } = PARTIES.zupy;

/** Every state returns the company's read-write key as `apiKey`. */
const KEY = fromProviderState('${apiKey}', DEMO.keyReadWrite);
const BAD_KEY = `zupy_pk_${'0'.repeat(32)}`;
const ANA = DEMO.customers.ana;
const BRUNO = DEMO.customers.bruno;
const CODE = DEMO.coupons.active.code;
const UNKNOWN_CODE = 'CZ-00000000';
const ISO = "yyyy-MM-dd'T'HH:mm:ssX";
const CODE_RE = '^(CZ|CP)-[A-Z0-9]{8}$';
const Z_RE = '^\\d{1,12}\\.\\d{6}$';
/** An opaque cursor as the provider might print it; the real one comes from the provider state. */
const EXAMPLE_CURSOR = 'MTc2MzMzNzYwMDAwMDoyUEcwMDEyYlRLbTh5UXBMNG5XMnNYdlJjRDk';

const rateLimitHeaders = {
  'X-RateLimit-Limit': regex('^\\d+$', '60'),
  'X-RateLimit-Remaining': regex('^\\d+$', '59'),
  'X-RateLimit-Reset': regex('^\\d+$', '1711108800'),
};
const TITLES: Record<string, string> = {
  'authentication-required': 'Authentication Required',
  'otp-required': 'Permission Denied',
  'not-found': 'Not Found',
  conflict: 'Conflict',
  'validation-error': 'Validation Error',
};

/** Decision Z-8: the OAS declares application/json; application/problem+json is accepted too. */
const PROBLEM_CONTENT_TYPE = { 'Content-Type': regex('^application/(problem\\+)?json(\\s*;.*)?$', 'application/json') };

/** RFC 7807 problem. The POS reads only the slug (either documented URI form, decision Z-8) and, for 409, the detail. */
const problem = (slug: string, status: number, detail?: string) => ({
  type: regex(`^https://(docs\\.zupy\\.com/errors#|api\\.zupy\\.com/errors/)${slug}$`, `https://docs.zupy.com/errors#${slug}`),
  title: string(TITLES[slug] ?? 'Error'),
  status: integer(status),
  detail: detail ?? string('detail'),
  instance: string('/api/v2/customers/2awTHloSJX7kGGprFerOOsvABcd/coupons/CZ-914F15F3/validate/'),
});

const coupon = (customerId: string = ANA) => ({
  id: regex('^[0-9A-Za-z]{27}$', DEMO.coupons.active.id),
  coupon_code: regex(CODE_RE, CODE),
  status: regex('^(active|used|expired|cancelled)$', 'active'),
  status_display: string('Ativo'),
  origin_type: regex('^(loyalty_reward|marketing)$', 'loyalty_reward'),
  remaining_usages: integer(1),
  total_usages_allowed: integer(1),
  valid_until: datetime(ISO, '2026-12-19T04:00:00Z'),
  reward_name: string('Café expresso'),
  reward_id: string(DEMO.rewards.coffee),
  customer_id: string(customerId),
  customer_name: string('Ana Souza'),
  points_spent: integer(200),
  redemption_date: datetime(ISO, '2026-11-19T04:00:00Z'),
  created_at: datetime(ISO, '2026-11-19T04:00:00Z'),
});

/** `/api/v2/customers/${customerId}/<rest>`: the customer id (and `${…}` expressions in rest) come back from the states. */
const customerPath = (customerId: string, rest: string, example: string = rest) =>
  fromProviderState(`/api/v2/customers/\${customerId}/${rest}`, `/api/v2/customers/${customerId}/${example}`);
/** The validate path of the coupon the states chose (`${code}`) for their customer (`${customerId}`). */
const validatePath = (customerId: string, code: string) =>
  customerPath(customerId, 'coupons/${code}/validate/', `coupons/${code}/validate/`);
const redeemPath = (customerId: string, rewardId: string) =>
  customerPath(customerId, 'rewards/${rewardId}/redeem/', `rewards/${rewardId}/redeem/`);
const fromState = (name: string, example: string) => fromProviderState(`\${${name}}`, example);
const withOtp = { 'X-API-Key': KEY, 'X-OTP-Session': fromProviderState('${otpSession}', 'otp-session-token') };

/** Runs every interaction against Pact's mock server; throws on the first mismatch. Returns the interaction count. */
export async function runZupyConsumer(dir: string): Promise<number> {
  const pact = new PactV4({
    consumer: ZUPY_CONSUMER,
    provider: ZUPY_PROVIDER,
    dir,
    spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
    logLevel: 'warn',
  });
  const pos = (url: string, apiKey: string = DEMO.keyReadWrite) => new ZupyPos(createZupyClient({ baseUrl: url, apiKey }));
  let count = 0;
  const add = () => {
    count++;
    return pact.addInteraction();
  };

  // ---- look up a printed code ------------------------------------------------------------------
  await add()
    .given('coupon {code} is active with {uses} uses left', { code: CODE, uses: 1 })
    .uponReceiving('a lookup of a printed code')
    .withRequest('GET', '/api/v2/coupons/issued/', (b) => b.query({ code: fromState('code', CODE) }).headers({ 'X-API-Key': KEY }))
    .willRespondWith(200, (b) =>
      b
        .headers(rateLimitHeaders)
        .jsonBody({ data: eachLike(coupon(), 1), meta: { cursor: null, has_next: boolean(false), count: integer(1) } }),
    )
    .executeTest(
      settled(pact, async (ms) => {
        const r = await pos(ms.url).lookUp(CODE);
        assert.equal(r.ok && r.coupon?.coupon_code, CODE);
      }),
    );

  await add()
    .given('no coupon has code {code}', { code: UNKNOWN_CODE })
    .uponReceiving('a lookup of an unknown code')
    .withRequest('GET', '/api/v2/coupons/issued/', (b) => b.query({ code: UNKNOWN_CODE }).headers({ 'X-API-Key': KEY }))
    .willRespondWith(200, (b) => b.jsonBody({ data: [], meta: { cursor: null, has_next: false, count: integer(0) } }))
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).lookUp(UNKNOWN_CODE), { ok: true, coupon: null });
      }),
    );

  await add()
    .uponReceiving('a lookup with a revoked or unknown API key')
    .withRequest('GET', '/api/v2/coupons/issued/', (b) => b.query({ code: UNKNOWN_CODE }).headers({ 'X-API-Key': BAD_KEY }))
    .willRespondWith(401, (b) => b.headers(PROBLEM_CONTENT_TYPE).jsonBody(problem('authentication-required', 401)))
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url, BAD_KEY).lookUp(UNKNOWN_CODE), { ok: false, error: 'unauthorized' });
      }),
    );

  // ---- validate (use) a coupon with the customer's OTP session ---------------------------------
  await add()
    .given('coupon {code} is active with {uses} uses left', { code: CODE, uses: 1 })
    .given('customer {customerId} has an OTP session', { customerId: ANA })
    .uponReceiving('a validate of the last use with an OTP session')
    .withRequest('POST', validatePath(ANA, CODE), (b) => b.headers(withOtp))
    .willRespondWith(200, (b) =>
      b.headers(rateLimitHeaders).jsonBody({
        data: {
          customer_id: string(ANA),
          coupon_code: regex(CODE_RE, CODE),
          status: 'validated',
          remaining_usages: 0,
          total_usages_allowed: integer(1),
          validated_at: datetime(ISO, '2026-11-24T04:00:00Z'),
          new_balance: integer(450),
          new_z_balance: regex(Z_RE, '1150.000000'),
        },
        meta: {},
      }),
    )
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).use(ANA, CODE, 'otp-session-token'), { ok: true, remaining: 0 });
      }),
    );

  await add()
    .given('coupon {code} is active with {uses} uses left', { code: DEMO.coupons.multiUse.code, uses: 3 })
    .given('customer {customerId} has an OTP session', { customerId: ANA })
    .uponReceiving('a validate of a multi-use coupon with 3 uses left')
    .withRequest('POST', validatePath(ANA, DEMO.coupons.multiUse.code), (b) => b.headers(withOtp))
    .willRespondWith(200, (b) =>
      b.jsonBody({
        data: {
          customer_id: string(ANA),
          coupon_code: regex(CODE_RE, DEMO.coupons.multiUse.code),
          status: 'validated',
          remaining_usages: 2,
          total_usages_allowed: integer(3),
          validated_at: datetime(ISO, '2026-11-24T04:00:00Z'),
          new_balance: integer(450),
          new_z_balance: regex(Z_RE, '1150.000000'),
        },
        meta: {},
      }),
    )
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).use(ANA, DEMO.coupons.multiUse.code, 'otp-session-token'), { ok: true, remaining: 2 });
      }),
    );

  for (const [state, code, detail, error] of [
    ['coupon {code} is used', DEMO.coupons.used.code, 'Cupom já Used', 'already-used'],
    ['coupon {code} is expired', DEMO.coupons.expired.code, 'Cupom já Expired', 'expired'],
  ] as const) {
    await add()
      .given(state, { code })
      .given('customer {customerId} has an OTP session', { customerId: ANA })
      .uponReceiving(`a validate of a coupon that is ${error === 'expired' ? 'expired' : 'already used'}`)
      .withRequest('POST', validatePath(ANA, code), (b) => b.headers(withOtp))
      .willRespondWith(409, (b) => b.headers(PROBLEM_CONTENT_TYPE).jsonBody(problem('conflict', 409, detail)))
      .executeTest(
        settled(pact, async (ms) => {
          assert.deepEqual(await pos(ms.url).use(ANA, code, 'otp-session-token'), { ok: false, error, status: 409 });
        }),
      );
  }

  await add()
    .given('coupon {code} is active with {uses} uses left', { code: CODE, uses: 1 })
    .given('the company requires OTP for {action}', { action: 'coupon usage' })
    .uponReceiving('a validate without an OTP session')
    .withRequest('POST', validatePath(ANA, CODE), (b) => b.headers({ 'X-API-Key': KEY }))
    .willRespondWith(403, (b) => b.headers(PROBLEM_CONTENT_TYPE).jsonBody(problem('otp-required', 403)))
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).use(ANA, CODE), { ok: false, error: 'otp-required', status: 403 });
      }),
    );

  await add()
    .given('no coupon has code {code}', { code: UNKNOWN_CODE })
    .given('customer {customerId} has an OTP session', { customerId: ANA })
    .uponReceiving('a validate of an unknown code')
    .withRequest('POST', customerPath(ANA, `coupons/${UNKNOWN_CODE}/validate/`), (b) => b.headers(withOtp))
    .willRespondWith(404, (b) => b.headers(PROBLEM_CONTENT_TYPE).jsonBody(problem('not-found', 404)))
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).use(ANA, UNKNOWN_CODE, 'otp-session-token'), { ok: false, error: 'not-found', status: 404 });
      }),
    );

  await add()
    .given('coupon {code} belongs to customer {customerId}', { code: DEMO.coupons.bruno.code, customerId: BRUNO })
    .given('customer {customerId} has an OTP session', { customerId: ANA })
    .uponReceiving("a validate of another customer's coupon")
    .withRequest('POST', validatePath(ANA, DEMO.coupons.bruno.code), (b) => b.headers(withOtp))
    .willRespondWith(404, (b) => b.headers(PROBLEM_CONTENT_TYPE).jsonBody(problem('not-found', 404)))
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).use(ANA, DEMO.coupons.bruno.code, 'otp-session-token'), {
          ok: false,
          error: 'not-found',
          status: 404,
        });
      }),
    );

  // ---- redeem a reward -------------------------------------------------------------------------
  await add()
    .given('customer {customerId} has {points} points for reward {rewardId}', {
      customerId: ANA,
      points: 450,
      rewardId: DEMO.rewards.coffee,
    })
    .given('customer {customerId} has an OTP session', { customerId: ANA })
    .uponReceiving('a redeem of a points reward')
    .withRequest('POST', redeemPath(ANA, DEMO.rewards.coffee), (b) => b.headers(withOtp).jsonBody({ use_z_tokens: false }))
    .willRespondWith(200, (b) =>
      b.jsonBody({
        data: like({
          customer_id: ANA,
          coupon_code: regex('^CZ-[0-9A-Z]{8}$', 'CZ-1A2B3C4D'),
          points_used: integer(200),
          z_tokens_used: regex(Z_RE, '0.000000'),
          new_balance: 250,
          new_z_balance: regex(Z_RE, '1150.000000'),
          valid_until: datetime(ISO, '2026-12-24T04:00:00Z'),
          created_at: datetime(ISO, '2026-11-24T04:00:00Z'),
        }),
        meta: {},
      }),
    )
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).redeem(ANA, DEMO.rewards.coffee, 'otp-session-token'), {
          ok: true,
          code: 'CZ-1A2B3C4D',
          balance: 250,
        });
      }),
    );

  await add()
    .given('customer {customerId} already claimed marketing reward {rewardId}', { customerId: ANA, rewardId: DEMO.rewards.welcome })
    .given('customer {customerId} has an OTP session', { customerId: ANA })
    .uponReceiving('a second claim of a marketing reward')
    .withRequest('POST', redeemPath(ANA, DEMO.rewards.welcome), (b) => b.headers(withOtp).jsonBody({ use_z_tokens: false }))
    .willRespondWith(422, (b) =>
      b.headers(PROBLEM_CONTENT_TYPE).jsonBody({
        ...problem('validation-error', 422),
        errors: eachLike({ field: string('non_field_errors'), detail: 'Prêmio gratuito já resgatado por este cliente' }, 1),
      }),
    )
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).redeem(ANA, DEMO.rewards.welcome, 'otp-session-token'), {
          ok: false,
          error: 'marketing-already-claimed',
          status: 422,
        });
      }),
    );

  // ---- list and page a customer's coupons --------------------------------------------------------
  const pageState = { customerId: BRUNO, count: 3, pageSize: 2 };
  await add()
    .given('customer {customerId} has {count} coupons', pageState)
    .uponReceiving("the first page of a customer's coupons")
    .withRequest('GET', '/api/v2/coupons/issued/', (b) =>
      b.query({ customer_id: fromState('customerId', BRUNO), page_size: fromState('pageSize', '2') }).headers({ 'X-API-Key': KEY }),
    )
    .willRespondWith(200, (b) =>
      b.jsonBody({ data: eachLike(coupon(BRUNO), 2), meta: { cursor: string(EXAMPLE_CURSOR), has_next: true, count: integer(3) } }),
    )
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).couponsPage(BRUNO, 2), { ok: true, codes: [CODE, CODE], next: EXAMPLE_CURSOR });
      }),
    );

  await add()
    .given('customer {customerId} has {count} coupons', pageState)
    .uponReceiving("the next page of a customer's coupons, by cursor")
    .withRequest('GET', '/api/v2/coupons/issued/', (b) =>
      b
        .query({
          customer_id: fromState('customerId', BRUNO),
          page_size: fromState('pageSize', '2'),
          cursor: fromProviderState('${cursor}', EXAMPLE_CURSOR),
        })
        .headers({ 'X-API-Key': KEY }),
    )
    .willRespondWith(200, (b) =>
      b.jsonBody({ data: eachLike(coupon(BRUNO), 1), meta: { cursor: null, has_next: false, count: integer(3) } }),
    )
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).couponsPage(BRUNO, 2, EXAMPLE_CURSOR), { ok: true, codes: [CODE], next: null });
      }),
    );

  // ---- stats -------------------------------------------------------------------------------------
  await add()
    .given('the company has a read-write API key')
    .uponReceiving('a read of the coupon statistics')
    .withRequest('GET', '/api/v2/coupons/issued/stats/', (b) => b.headers({ 'X-API-Key': KEY }))
    .willRespondWith(200, (b) => b.jsonBody({ data: { total_issued: integer(7), usage_rate: number(14.29) }, meta: {} }))
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).usageRate(), { ok: true, rate: 14.29, issued: 7 });
      }),
    );

  return count;
}
