/** In-process calls for the property tests: a simulator answering through Fastify's inject, no sockets. */
import type { Simulator } from '../../mocks/simulator/app.ts';

export interface Answer {
  status: number;
  body: string;
}

export async function call(
  sim: Simulator,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const r = await sim.app.inject({
    method: method as 'GET',
    url,
    headers: { ...(body !== undefined || method !== 'GET' ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: r.statusCode, body: r.body };
}

export const fixturesText = async (sim: Simulator) => (await call(sim, 'GET', '/__control/fixtures')).body;

/** Everything a refused control call must leave alone: fixtures, clock, faults. */
export async function controlState(sim: Simulator): Promise<string> {
  const parts = await Promise.all(['/__control/fixtures', '/__control/clock', '/__control/faults'].map((p) => call(sim, 'GET', p)));
  return parts.map((p) => p.body).join('\n');
}

/**
 * GET /__control/fixtures of `sim` → POST /__control/seed?mode=replace on `scratch` (a second
 * simulator, so pending OTPs and sessions of `sim` live on) → GET there: the seed must be accepted
 * and the read byte-identical. Returns a problem, or null.
 */
export async function roundTrip(sim: Simulator, scratch: Simulator): Promise<string | null> {
  const before = await fixturesText(sim);
  const seeded = await call(scratch, 'POST', '/__control/seed?mode=replace', before);
  if (seeded.status !== 200) return `GET /__control/fixtures does not seed back: ${seeded.status} ${seeded.body}`;
  const after = await fixturesText(scratch);
  return after === before ? null : 'the fixtures changed across a round trip';
}
