/**
 * Client results at run time match their types: at a status the spec documents for the operation the
 * error is the provider's format (or UnexpectedResponseError is thrown); at any other status a body in
 * another format comes back as {kind: 'unexpected'}. A stand-in fetch plays the provider.
 */
import { describe, expect, it } from 'vitest';
import { createB2sClient } from './b2s.ts';
import { UnexpectedResponseError } from './result.ts';
import { createZupyClient } from './zupy.ts';

const answer = (status: number, body: unknown, type = 'application/json') =>
  (async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': type } })) as typeof fetch;
const problem = { type: 'https://docs.zupy.com/errors#conflict', title: 'Conflict', status: 409, detail: 'Cupom já Used', instance: '/x' };
const zupy = (f: typeof fetch) => createZupyClient({ baseUrl: 'http://provider.test', apiKey: 'zupy_pk_x', fetch: f });
const b2s = (f: typeof fetch) => createB2sClient({ baseUrl: 'http://provider.test', token: 'token-x', fetch: f });

describe('client results', () => {
  it('a documented status with the provider format is a typed failure', async () => {
    const r = await zupy(answer(409, problem)).validate('c', 'CZ-914F15F3');
    expect(r.ok).toBe(false);
    if (!r.ok && r.status === 409) expect(r.error.detail).toBe('Cupom já Used');
    else throw new Error(`expected a 409 problem, got ${r.status}`);
    const m = await b2s(answer(400, { status: 'error', message: 'Coupon already used' })).markUsed('id');
    expect(!m.ok && m.status === 400 && m.error.message).toBe('Coupon already used');
  });

  it('an undocumented status with another body is {kind: unexpected}; with the provider format, the problem', async () => {
    const r = await zupy(answer(502, '<html>bad gateway</html>', 'text/html')).validate('c', 'x');
    expect(r).toMatchObject({ ok: false, status: 502, error: { kind: 'unexpected', body: '<html>bad gateway</html>' } });
    const p = await zupy(answer(500, { ...problem, status: 500 })).validate('c', 'x');
    expect(p).toMatchObject({ ok: false, status: 500, error: { detail: 'Cupom já Used' } });
  });

  it('negative control: a documented status with a body in another format throws UnexpectedResponseError', async () => {
    await expect(zupy(answer(409, { error: 'used' })).validate('c', 'x')).rejects.toThrow(UnexpectedResponseError);
    await expect(zupy(answer(409, { error: 'used' })).validate('c', 'x')).rejects.toThrow(
      /answered 409, a status its spec documents, with a body that is not the provider's error format: \{"error":"used"\}/,
    );
    await expect(b2s(answer(404, 'Not Found', 'text/plain')).markUsed('id')).rejects.toThrow(UnexpectedResponseError);
  });
});
