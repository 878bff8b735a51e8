/**
 * `mock --validate`: the simulator behind `prism proxy`, with the control API and the providers'
 * own answers kept.
 *
 * Prism's `--errors` cannot be used for this: it answers for the provider whenever a request breaks
 * the spec (its own 401 for a missing key, 404 for `/__control/` and undocumented paths, 422 for a
 * bad parameter, `invalid_json` for a malformed body), so a client sees Prism's errors, not the
 * provider's. Instead Prism runs without `--errors` (it forwards every request and reports what it
 * found in the `sl-violations` header), and this front, on the advertised port:
 *   - sends `/__control/` straight to the simulator in-process (its loopback/token check sees the real caller);
 *   - sends a body that is not valid JSON straight to the simulator (Prism cannot parse it to forward it);
 *   - answers a body over the simulator's size limit with the simulator's own answer to it (the
 *     provider's 413), reading no more of it than the limit;
 *   - passes every other answer through unchanged, unless the **response** breaks the spec: then it
 *     answers 502 with Prism's violations (problem+json, `sl-violations` header kept) and logs one line.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiName } from '../../specs/index.ts';
import type { ServerTimeouts, Simulator } from '../simulator/app.ts';
import { forward, inFrontOf, readBodyUpTo, sendJson, sendUpstream, startFront, type RunningFront } from './front.ts';
import { startPrismProxy } from './launch.ts';

export interface Violation {
  location: (string | number)[];
  severity: string;
  code?: string | number;
  message: string;
}

/** The response's errors among Prism's `sl-violations` (request violations are the provider's business). */
export function responseViolations(header: string | string[] | undefined): Violation[] {
  if (typeof header !== 'string' || header === '') return [];
  const text = header.startsWith('Too many violations! ') ? header.slice('Too many violations! '.length) : header;
  let all: Violation[];
  try {
    all = JSON.parse(text) as Violation[];
  } catch {
    // Cut short by Prism: report what can be read, and never let a response error pass unseen.
    return /"location":\["response"[^\]]*\],"severity":"Error"/.test(text)
      ? [{ location: ['response'], severity: 'Error', message: 'too many violations to list' }]
      : [];
  }
  return all.filter((v) => v.location[0] === 'response' && v.severity === 'Error');
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

function parsesAsJson(req: IncomingMessage, body: Buffer): boolean {
  if (body.length === 0 || !JSON_TYPE.test(req.headers['content-type'] ?? '')) return true;
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

export interface ValidateOptions {
  api: ApiName;
  host: string;
  /** The advertised port (0 = any free port). */
  port: number;
  /** The simulator, already listening on loopback (Prism's upstream). */
  simulator: Simulator;
  upstream: string;
  /** One line per response that breaks the spec (default: stderr). */
  log?: (line: string) => void;
  inheritOutput?: boolean;
  /** Header, request and keep-alive timeouts of the advertised port (default: the simulator's defaults). */
  timeouts?: ServerTimeouts;
}

/** The simulator's own answer to a body over its limit, sent on `res`; the rest of the upload is not read. */
async function answerTooLarge(o: ValidateOptions, req: IncomingMessage, res: ServerResponse, limit: number): Promise<void> {
  const { 'transfer-encoding': _chunked, 'content-length': _length, ...headers } = req.headers;
  const answer = await o.simulator.app.inject({
    method: req.method as 'POST',
    url: req.url ?? '/',
    headers,
    payload: Buffer.alloc(limit + 1, 0x20),
  });
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined && !['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(name))
      res.setHeader(name, value);
  }
  res.setHeader('connection', 'close');
  res.statusCode = answer.statusCode;
  res.end(answer.rawPayload, () => req.destroy());
}

export async function startValidatingFront(o: ValidateOptions): Promise<RunningFront> {
  const log = o.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const prism = await startPrismProxy({
    api: o.api,
    port: 0,
    upstream: o.upstream,
    errors: false,
    validateRequest: false,
    verbosity: 'error',
    inheritOutput: o.inheritOutput ?? false,
  });
  return inFrontOf(prism, async () => {
    await o.simulator.app.ready();
    const limit = o.simulator.app.initialConfig.bodyLimit ?? 1024 * 1024;
    return startFront(
      o.host,
      o.port,
      async (req, res) => {
        if (/^\/__control(?:[/?]|$)/.test(req.url ?? '')) return o.simulator.app.routing(req, res);
        const declared = Number(req.headers['content-length'] ?? 0);
        const body = declared > limit ? undefined : await readBodyUpTo(req, limit);
        if (body === undefined) return answerTooLarge(o, req, res, limit);
        if (!parsesAsJson(req, body)) return sendUpstream(res, await forward(req, body, o.upstream));
        const up = await forward(req, body, prism.url);
        const violations = responseViolations(up.headers['sl-violations']);
        if (violations.length === 0) return sendUpstream(res, up, ['sl-violations']);
        const what = `${req.method ?? 'GET'} ${(req.url ?? '').split('?')[0]} → ${up.status}`;
        log(
          `${o.api} --validate: the response to ${what} breaks specs/${o.api}.openapi.yaml: ${violations.map((v) => `${v.location.join('.')} ${v.message}`).join('; ')}`,
        );
        res.setHeader('sl-violations', JSON.stringify(violations));
        sendJson(
          res,
          502,
          {
            type: 'https://stoplight.io/prism/errors#VIOLATIONS',
            title: "The provider's response breaks the spec",
            status: 502,
            detail: `The provider answered ${what}, which breaks specs/${o.api}.openapi.yaml (coupon-kit mock --validate).`,
            upstream_status: up.status,
            validation: violations,
          },
          'application/problem+json',
        );
      },
      o.timeouts,
    );
  });
}
