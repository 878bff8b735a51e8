/**
 * `mock --engine prism`, with the `Prefer` header checked first: Prism answers an example name it
 * does not know with a 500 or silently with another response, so an unknown example, an example of
 * another status or an undocumented status gets a 422 naming the ones that exist instead.
 */
import type { ApiName } from '../../specs/index.ts';
import { exampleIndex, parsePrefer, preferProblem } from './examples.ts';
import { forward, inFrontOf, readBodyUpTo, sendJson, sendUpstream, startFront, type RunningFront } from './front.ts';
import { startPrismMock } from './launch.ts';

export interface PreferCheckedOptions {
  api: ApiName;
  host: string;
  /** The advertised port (0 = any free port). */
  port: number;
  inheritOutput?: boolean;
}

/** The largest request body the example-driven mock reads (the simulator's default limit). */
const BODY_LIMIT = 64 * 1024;

export async function startPreferCheckedPrism(o: PreferCheckedOptions): Promise<RunningFront> {
  const index = exampleIndex(o.api);
  const prism = await startPrismMock({ api: o.api, port: 0, inheritOutput: o.inheritOutput ?? false });
  return inFrontOf(prism, () =>
    startFront(o.host, o.port, async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://front');
      const header = req.headers.prefer;
      const prefer =
        typeof header === 'string'
          ? parsePrefer(header)
          : {
              ...(url.searchParams.has('__code') ? { code: url.searchParams.get('__code') ?? '' } : {}),
              ...(url.searchParams.has('__example') ? { example: url.searchParams.get('__example') ?? '' } : {}),
            };
      const problem = preferProblem(index, req.method ?? 'GET', url.pathname, prefer);
      if (problem) {
        return sendJson(
          res,
          422,
          {
            type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY',
            title: 'Prefer header names no documented response',
            status: 422,
            detail: problem,
          },
          'application/problem+json',
        );
      }
      const body = Number(req.headers['content-length'] ?? 0) > BODY_LIMIT ? undefined : await readBodyUpTo(req, BODY_LIMIT);
      if (body === undefined) {
        res.setHeader('connection', 'close');
        res.once('finish', () => req.destroy());
        sendJson(
          res,
          413,
          { type: 'about:blank', title: 'Payload Too Large', status: 413, detail: `request bodies are limited to ${BODY_LIMIT} bytes` },
          'application/problem+json',
        );
        return;
      }
      sendUpstream(res, await forward(req, body, prism.url));
    }),
  );
}
