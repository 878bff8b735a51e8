/**
 * `mock --engine prism`: the banner's curl line picks a status the spec documents (B2S has no 409),
 * and a `Prefer` header naming no documented response gets a clear 422 listing what exists instead
 * of Prism's 500 or a silent fallback to another response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleIndex, parsePrefer, preferProblem } from '../../mocks/prism/examples.ts';
import { serve, type Served } from '../../mocks/stack.ts';

const served: Served[] = [];
afterAll(async () => {
  await Promise.all(served.map((s) => s.close()));
});

function curlOf(banner: string): { method: string; url: string; headers: Record<string, string> } {
  const line = banner.split('\n').find((l) => l.trim().startsWith('curl ')) ?? '';
  const headers: Record<string, string> = {};
  for (const m of line.matchAll(/-H '([^:]+): ([^']*)'/g)) headers[m[1] as string] = m[2] as string;
  return { method: /-X (\w+)/.exec(line)?.[1] ?? 'GET', url: /'(http:\/\/[^']+)'/.exec(line)?.[1] ?? '', headers };
}

describe('Prefer checks (pure)', () => {
  const b2s = exampleIndex('b2s');
  it.each([
    [{ code: '400', example: 'alreadyUsed' }, undefined],
    [{ code: '400' }, undefined],
    [{}, undefined],
    [
      { code: '400', example: 'nope' },
      /no example 'nope' for PATCH \/api\/coupons\/status\/\{id\} \(markCouponUsed\); known examples: alreadyUsed \(400\), expired \(400\)/,
    ],
    [{ example: 'expired' }, /example 'expired' .* belongs to status 400: send 'Prefer: code=400, example=expired'/],
    [{ code: '409' }, /status 409 is not documented for PATCH \/api\/coupons\/status\/\{id\} .*; documented: 204, 400, 401, 404, 503/],
  ] as const)('%o → %s', (prefer, problem) => {
    const p = preferProblem(b2s, 'PATCH', '/api/coupons/status/b2500000-0000-4000-d000-000000000002', prefer);
    if (problem === undefined) expect(p).toBeUndefined();
    else expect(p).toMatch(problem);
  });
  it('an undocumented path is left to Prism', () => {
    expect(preferProblem(b2s, 'GET', '/nowhere', { example: 'x' })).toBeUndefined();
  });
  it('parses Prefer with commas or semicolons', () => {
    expect(parsePrefer('code=409, example=alreadyUsed')).toEqual({ code: '409', example: 'alreadyUsed' });
    expect(parsePrefer('example="expired"; code=400')).toEqual({ code: '400', example: 'expired' });
  });
});

describe.each([
  ['zupy', 409, 'Cupom já Used'],
  ['b2s', 400, 'Coupon already used'],
] as const)('%s --engine prism', (api, status, message) => {
  let s: Served;
  beforeAll(async () => {
    s = await serve({ api, engine: 'prism', port: 0, host: '127.0.0.1' });
    served.push(s);
  }, 90_000);

  it('--port 0 gets a real port; the banner suggests a documented status, and its curl line answers it', async () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    expect(s.banner).toContain(`Prefer: code=${status}, example=alreadyUsed`);
    if (api === 'b2s') expect(s.banner).not.toContain('409');
    const c = curlOf(s.banner);
    const r = await fetch(c.url, { method: c.method, headers: c.headers });
    expect(r.status).toBe(status);
    expect(JSON.stringify(await r.json())).toContain(message);
  });

  it('an unknown example name: 422 naming the known ones (not a Prism 500 or another response)', async () => {
    const c = curlOf(s.banner);
    const r = await fetch(c.url, { method: c.method, headers: { ...c.headers, Prefer: `code=${status}, example=noSuchExample` } });
    expect(r.status).toBe(422);
    const body = (await r.json()) as { detail: string };
    expect(body.detail).toMatch(new RegExp(`no example 'noSuchExample' .*known examples: .*alreadyUsed \\(${status}\\)`));
  });
});
