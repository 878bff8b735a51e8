/**
 * Pact V4 consumer contract of the B2S integration (b2s-pos.ts): the day's coupons, a client's
 * coupons, mark one used, and their error paths, through the real typed client. Every provider-owned
 * value the requests carry — the Bearer token, the company id, coupon ids, the client's e-mail and
 * the day with coupons — comes from the provider state (`fromProviderState`), so the same pact
 * verifies the simulator, a vendor sandbox or a provider's own state endpoint.
 * Writes <dir>/b2s-pos-b2s-coupons-api.json.
 */
import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import assert from 'node:assert/strict';
import { createB2sClient } from '../../clients/b2s.ts';
import { B2S_DEMO as D } from '../../mocks/demo/b2s.ts';
import { PARTIES } from '../index.ts';
import { settled } from './settle.ts';
import { B2sPos } from './b2s-pos.ts';

const { eachLike, regex, integer, string, boolean, fromProviderState } = MatchersV3;
const { consumer: B2S_CONSUMER, provider: B2S_PROVIDER } = PARTIES.b2s;

/** Every state returns the Bearer token as `token`. */
const AUTH = { Authorization: fromProviderState('Bearer ${token}', `Bearer ${D.franchiseToken}`) };
const fromState = (name: string, example: string) => fromProviderState(`\${${name}}`, example);
const clientsPath = fromProviderState('/api/coupons/clients/${companyId}', `/api/coupons/clients/${D.companyA}`);
const statusPath = (example: string) => fromProviderState('/api/coupons/status/${id}', `/api/coupons/status/${example}`);
const DATE = regex('^\\d{4}-\\d{2}-\\d{2}$', '2025-01-30');
const UUID = (example: string) => regex('^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', example);
const UNKNOWN_COUPON = '00000000-0000-4000-8000-000000000000';
const DAY = '2024-12-31';

export async function runB2sConsumer(dir: string): Promise<number> {
  const pact = new PactV4({
    consumer: B2S_CONSUMER,
    provider: B2S_PROVIDER,
    dir,
    spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
    logLevel: 'warn',
  });
  const pos = (url: string, token: string = D.franchiseToken) => new B2sPos(createB2sClient({ baseUrl: url, token }));
  let count = 0;
  const add = () => {
    count++;
    return pact.addInteraction();
  };

  // ---- the day's coupons -------------------------------------------------------------------------
  await add()
    .given('company {companyId} has {count} coupons created on {date}', { companyId: D.companyA, count: 1, date: DAY, module: 'falae' })
    .uponReceiving("a list of one day's coupons")
    .withRequest('GET', '/api/coupons', (b) =>
      b.headers(AUTH).query({
        date_start: fromState('date', DAY),
        date_end: fromState('date', DAY),
        limit: '100',
        offset: '1',
        order_column: 'created_at',
        order_type: 'ASC',
        module: 'falae',
      }),
    )
    .willRespondWith(200, (b) =>
      b.jsonBody({ limit: 100, offset: 1, total: integer(1), coupons: eachLike({ code: string('WELCOME2024') }, 1) }),
    )
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).couponsCreatedOn(DAY, 'falae'), { ok: true, total: 1, codes: ['WELCOME2024'] });
      }),
    );

  // ---- a client's coupons ------------------------------------------------------------------------
  await add()
    .given('client with email {email} has unused coupons', { email: 'john@example.com' })
    .uponReceiving("a lookup of a client's coupons by email")
    .withRequest('GET', clientsPath, (b) => b.headers(AUTH).query({ email: fromState('email', 'john@example.com') }))
    .willRespondWith(200, (b) =>
      b.jsonBody(
        eachLike(
          {
            id: UUID(D.activeCoupon),
            code: string('WELCOME2024'),
            status: boolean(false),
            expiration_date: DATE,
            bonus: { name: string('Free coffee') },
          },
          1,
        ),
      ),
    )
    .executeTest(
      settled(pact, async (ms) => {
        const r = await pos(ms.url).clientCoupons(D.companyA, 'john@example.com');
        assert.deepEqual(r, {
          ok: true,
          unused: [{ id: D.activeCoupon, code: 'WELCOME2024', bonus: 'Free coffee', expires: '2025-01-30' }],
        });
      }),
    );

  await add()
    .given('no client has email {email}', { email: 'nobody@example.com' })
    .uponReceiving('a lookup of an unknown client')
    .withRequest('GET', clientsPath, (b) => b.headers(AUTH).query({ email: 'nobody@example.com' }))
    .willRespondWith(404, (b) => b.jsonBody({ status: 'error', message: string('Client not found') }))
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).clientCoupons(D.companyA, 'nobody@example.com'), { ok: false, error: 'client-not-found' });
      }),
    );

  // ---- mark a coupon used ------------------------------------------------------------------------
  await add()
    .given('coupon {id} is unused and valid', { id: D.activeCoupon })
    .uponReceiving('a PATCH marking a valid coupon used')
    .withRequest('PATCH', statusPath(D.activeCoupon), (b) => b.headers(AUTH))
    .willRespondWith(204)
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).markUsed(D.activeCoupon), { ok: true });
      }),
    );

  for (const [state, params, message, err] of [
    ['coupon {id} is used', { id: D.usedCoupon }, 'Coupon already used', 'already-used'],
    ['coupon {id} expires in {hours} hours', { id: D.expiringCoupon, hours: 2 }, 'Coupon expired', 'expired'],
  ] as const) {
    await add()
      .given(state, params)
      .uponReceiving(err === 'expired' ? 'a PATCH of a coupon less than 3 hours from expiry' : 'a PATCH of a coupon that is already used')
      .withRequest('PATCH', statusPath(params.id), (b) => b.headers(AUTH))
      .willRespondWith(400, (b) => b.jsonBody({ status: 'error', message }))
      .executeTest(
        settled(pact, async (ms) => {
          assert.deepEqual(await pos(ms.url).markUsed(params.id), { ok: false, error: err });
        }),
      );
  }

  await add()
    .given('no coupon has id {id}', { id: UNKNOWN_COUPON })
    .uponReceiving('a PATCH of an unknown coupon')
    .withRequest('PATCH', `/api/coupons/status/${UNKNOWN_COUPON}`, (b) => b.headers(AUTH))
    .willRespondWith(404, (b) => b.jsonBody({ status: 'error', message: string('Coupon not found') }))
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url).markUsed(UNKNOWN_COUPON), { ok: false, error: 'not-found' });
      }),
    );

  await add()
    .uponReceiving('a PATCH with an invalid token')
    .withRequest('PATCH', `/api/coupons/status/${UNKNOWN_COUPON}`, (b) => b.headers({ Authorization: 'Bearer not-a-valid-token' }))
    .willRespondWith(401, (b) => b.jsonBody({ status: 'error', message: string('Invalid token') }))
    .executeTest(
      settled(pact, async (ms) => {
        assert.deepEqual(await pos(ms.url, 'not-a-valid-token').markUsed(UNKNOWN_COUPON), { ok: false, error: 'unauthorized' });
      }),
    );

  return count;
}
