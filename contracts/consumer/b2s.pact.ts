/** Pact V4 consumer contract of the B2S integration: list, client lookup, mark used, and their error paths. */
import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import assert from 'node:assert/strict';
import { createB2sClient } from '../../clients/b2s.ts';
import { B2S_DEMO as D } from '../../mocks/simulator/b2s/fixtures.ts';
import { B2sPos } from './b2s-pos.ts';

const { eachLike, regex, integer, string, boolean } = MatchersV3;
export const B2S_CONSUMER = 'b2s-pos';
export const B2S_PROVIDER = 'b2s-coupons-api';

const AUTH = { Authorization: regex('^Bearer \\S+$', `Bearer ${D.franchiseToken}`) };
const DATE = regex('^\\d{4}-\\d{2}-\\d{2}$', '2024-12-31');
const error = (message: string) => ({ status: 'error', message });

export async function runB2sConsumer(dir: string): Promise<number> {
  const pact = new PactV4({ consumer: B2S_CONSUMER, provider: B2S_PROVIDER, dir, spec: SpecificationVersion.SPECIFICATION_VERSION_V4, logLevel: 'warn' });
  const pos = (url: string, token: string = D.franchiseToken) => new B2sPos(createB2sClient({ baseUrl: url, token }));
  let count = 0;
  const add = () => {
    count++;
    return pact.addInteraction();
  };

  await add()
    .given('company {companyId} has coupons', { companyId: D.companyA })
    .uponReceiving("a list of the coupons created in a range")
    .withRequest('GET', '/api/coupons', (b) => b.headers(AUTH).query({ date_start: '2000-01-01', date_end: '2000-01-01', limit: '100', offset: '1', order_column: 'created_at', order_type: 'ASC', module: 'falae' }))
    .willRespondWith(200, (b) => b.jsonBody({ limit: 100, offset: 1, total: integer(0), coupons: [] }))
    .executeTest(async (ms) => {
      const r = await pos(ms.url).couponsCreatedOn('2000-01-01', 'falae');
      assert.deepEqual(r, { ok: true, total: 0, codes: [] });
    });

  await add()
    .given('client with email {email} has only unused coupons', { email: 'john@example.com' })
    .uponReceiving("a lookup of a client's coupons by email")
    .withRequest('GET', `/api/coupons/clients/${D.companyA}`, (b) => b.headers(AUTH).query({ email: 'john@example.com' }))
    .willRespondWith(200, (b) => b.jsonBody(eachLike({ id: regex('^[0-9a-f-]{36}$', D.activeCoupon), code: string('WELCOME2024'), status: boolean(false), expiration_date: DATE, date_of_use: null, created_at: string('2024-01-15T10:30:00.000Z'), bonus: { name: string('Free coffee') } }, 1)))
    .executeTest(async (ms) => {
      const r = await pos(ms.url).clientCoupons(D.companyA, 'john@example.com');
      assert.equal(r.ok && r.unused.length, 1);
    });

  await add()
    .given('no client has email {email}', { email: 'nobody@example.com' })
    .uponReceiving('a lookup of an unknown client')
    .withRequest('GET', `/api/coupons/clients/${D.companyA}`, (b) => b.headers(AUTH).query({ email: 'nobody@example.com' }))
    .willRespondWith(404, (b) => b.jsonBody({ status: 'error', message: string('Client not found') }))
    .executeTest(async (ms) => {
      assert.deepEqual(await pos(ms.url).clientCoupons(D.companyA, 'nobody@example.com'), { ok: false, error: 'client-not-found' });
    });

  await add()
    .given('coupon {id} is unused and valid', { id: D.activeCoupon })
    .uponReceiving('a PATCH marking a valid coupon used')
    .withRequest('PATCH', `/api/coupons/status/${D.activeCoupon}`, (b) => b.headers(AUTH))
    .willRespondWith(204)
    .executeTest(async (ms) => {
      assert.deepEqual(await pos(ms.url).markUsed(D.activeCoupon), { ok: true });
    });

  for (const [state, id, message, err] of [
    ['coupon {id} is used', D.usedCoupon, 'Coupon already used', 'already-used'],
    ['coupon {id} expires within 3 hours', D.expiredCoupon, 'Coupon expired', 'expired'],
  ] as const) {
    await add()
      .given(state, { id })
      .uponReceiving(`a PATCH of a coupon that is ${err === 'expired' ? 'expired' : 'already used'}`)
      .withRequest('PATCH', `/api/coupons/status/${id}`, (b) => b.headers(AUTH))
      .willRespondWith(400, (b) => b.jsonBody(error(message)))
      .executeTest(async (ms) => {
        assert.deepEqual(await pos(ms.url).markUsed(id), { ok: false, error: err });
      });
  }

  await add()
    .uponReceiving('a PATCH with an invalid token')
    .withRequest('PATCH', `/api/coupons/status/${D.activeCoupon}`, (b) => b.headers({ Authorization: 'Bearer not-a-valid-token' }))
    .willRespondWith(401, (b) => b.jsonBody({ status: 'error', message: string('Invalid token') }))
    .executeTest(async (ms) => {
      assert.deepEqual(await pos(ms.url, 'not-a-valid-token').markUsed(D.activeCoupon), { ok: false, error: 'unauthorized' });
    });

  return count;
}
