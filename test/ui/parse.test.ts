/** The console's pure parts: event-stream framing and fixture problems split by field. */
import { describe, expect, it } from 'vitest';
import { splitProblem } from '../../ui/problems.ts';
import { parseFrames } from '../../ui/sse.ts';

describe('parseFrames', () => {
  it('returns complete events, skips comments and keeps an unfinished block for the next chunk', () => {
    const { events, rest } = parseFrames('event: ready\ndata: {"api":"zupy","seq":0}\n\n: ping\n\nevent: state\ndata: {"reas');
    expect(events).toEqual([{ event: 'ready', data: '{"api":"zupy","seq":0}' }]);
    expect(parseFrames(`${rest}on":"clock"}\n\n`).events).toEqual([{ event: 'state', data: '{"reason":"clock"}' }]);
  });

  it('joins multi-line data, reads CRLF streams and defaults the event name to message', () => {
    expect(parseFrames('data: a\r\ndata: b\r\n\r\n').events).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
});

describe('splitProblem', () => {
  it.each([
    ['/api_keys/0/key must match pattern "^zupy_pk_[A-Za-z0-9]{32}$"', '/api_keys/0/key', 'must match pattern "^zupy_pk_[A-Za-z0-9]{32}$"'],
    ["/coupons/3: unknown client_id 'x'", '/coupons/3', "unknown client_id 'x'"],
    ["(root) must have required property 'coupons'", '(root)', "must have required property 'coupons'"],
    ["duplicate coupon id 'a'", '–', "duplicate coupon id 'a'"],
  ])('%s', (problem, field, message) => {
    expect(splitProblem(problem)).toEqual({ field, message });
  });
});
