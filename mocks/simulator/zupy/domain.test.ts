import { describe, expect, it } from 'vitest';
import { parseIsoDuration } from '../clock.ts';
import {
  classifyIdentifier,
  decodeCursor,
  effectiveStatus,
  encodeCursor,
  formatZ,
  newestFirst,
  pageSize,
  paginate,
  parseZ,
  planPayment,
  usageRate,
  validUntil,
  DAY_MS,
} from './domain.ts';

describe('Zupy domain rules', () => {
  it('Z$ strings round-trip with 6 decimals', () => {
    expect(formatZ(parseZ('1150') ?? -1n)).toBe('1150.000000');
    expect(formatZ(parseZ('2418.4') ?? -1n)).toBe('2418.400000');
    expect(parseZ('1.1234567')).toBeNull();
    expect(parseZ('-1')).toBeNull();
  });

  it.each([
    [500, 600, 0n, false, { ok: true, pointsUsed: 500, zUsed: 0n }],
    [500, 450, 1_150_000_000n, true, { ok: true, pointsUsed: 450, zUsed: 60_000_000n }],
    [500, 450, 1_150_000_000n, false, { ok: false, field: 'points' }],
    [500, 399, 9_999_000_000n, true, { ok: false, field: 'use_z_tokens' }],
    [500, 400, 119_999_999n, true, { ok: false, field: 'use_z_tokens' }],
    [500, 400, 120_000_000n, true, { ok: true, pointsUsed: 400, zUsed: 120_000_000n }],
  ])('planPayment(cost %i, points %i, z %s, useZ %s)', (cost, points, z, useZ, expected) => {
    expect(planPayment(cost, points, z, useZ)).toMatchObject(expected);
  });

  it('effective status: valid_until itself is valid, a millisecond later is expired; only active expires', () => {
    expect(effectiveStatus('active', 1000, 1000)).toBe('active');
    expect(effectiveStatus('active', 1000, 1001)).toBe('expired');
    expect(effectiveStatus('used', 1000, 5000)).toBe('used');
    expect(effectiveStatus('cancelled', 1000, 5000)).toBe('cancelled');
  });

  it('valid_until = created + days × 24 h', () => {
    expect(validUntil(0, 30)).toBe(30 * DAY_MS);
  });

  it('usage rate rounds to 2 dp and is 0 when nothing was issued', () => {
    expect(usageRate(80, 120)).toBe(66.67);
    expect(usageRate(0, 0)).toBe(0);
  });

  it('page size defaults to 20 and clamps to 100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(1000)).toBe(100);
    expect(pageSize(5)).toBe(5);
  });

  it('cursors round-trip; forged ones are rejected', () => {
    expect(decodeCursor(encodeCursor(1234, 'abc'))).toEqual({ createdMs: 1234, id: 'abc' });
    expect(decodeCursor('%%%')).toBeNull();
    expect(decodeCursor(Buffer.from('x:y').toString('base64url'))).toBeNull();
  });

  it('identifiers: phone, email, CPF (masked or bare)', () => {
    expect(classifyIdentifier('+5511987654321')).toEqual({ kind: 'phone', key: '+5511987654321' });
    expect(classifyIdentifier('Ana@Example.com')).toEqual({ kind: 'email', key: 'ana@example.com' });
    expect(classifyIdentifier('123.456.789-09')).toEqual({ kind: 'cpf', key: 'cpf:12345678909' });
    expect(classifyIdentifier('12345678909')).toEqual({ kind: 'cpf', key: 'cpf:12345678909' });
    expect(classifyIdentifier('hello')).toBeNull();
  });

  it('durations for the control clock', () => {
    expect(parseIsoDuration('PT3H')).toBe(3 * 3_600_000);
    expect(parseIsoDuration('P31D')).toBe(31 * DAY_MS);
    expect(parseIsoDuration('PT90S')).toBe(90_000);
    expect(parseIsoDuration('P')).toBeNull();
    expect(parseIsoDuration('3h')).toBeNull();
  });
});

describe('Zupy domain rules: boundaries', () => {
  it('payment: exactly enough points uses no Z$; a gap of exactly 20% may use Z$', () => {
    expect(planPayment(500, 500, 0n, false)).toMatchObject({ ok: true, pointsUsed: 500, zUsed: 0n });
    expect(planPayment(500, 400, 120_000_000n, true)).toMatchObject({ ok: true, pointsUsed: 400 });
    expect(planPayment(500, 399, 999_000_000n, true)).toMatchObject({ ok: false, field: 'use_z_tokens' });
    const refused = planPayment(100, 50, 0n, false);
    expect(refused.ok === false && refused.detail).toBe('Saldo insuficiente: o cliente tem 50 pts e a recompensa custa 100 pts.');
  });

  it('cursors are anchored: extra text before or after is rejected', () => {
    const b = (s: string) => Buffer.from(s).toString('base64url');
    expect(decodeCursor(b('12:abc'))).toEqual({ createdMs: 12, id: 'abc' });
    expect(decodeCursor(b('x12:abc'))).toBeNull();
    expect(decodeCursor(b('12:abc!'))).toBeNull();
  });

  it('identifiers are anchored and trimmed', () => {
    expect(classifyIdentifier('  +5511987654321  ')).toEqual({ kind: 'phone', key: '+5511987654321' });
    expect(classifyIdentifier('5511987654321')).toEqual({ kind: 'phone', key: '+5511987654321' });
    expect(classifyIdentifier('x+5511987654321')).toBeNull();
    expect(classifyIdentifier('+5511987654321x')).toBeNull();
    expect(classifyIdentifier('a@b.co ')).toEqual({ kind: 'email', key: 'a@b.co' });
    expect(classifyIdentifier('<a@b.co>x y')).toBeNull();
    expect(classifyIdentifier('123.456.789-09x')).toBeNull();
  });

  it('newest first, ties broken by id descending; pages and has_next at the edges', () => {
    const items = [
      { createdMs: 2, id: 'a' },
      { createdMs: 1, id: 'z' },
      { createdMs: 2, id: 'b' },
      { createdMs: 1, id: 'y' },
    ].sort(newestFirst);
    expect(items.map((x) => x.id)).toEqual(['b', 'a', 'z', 'y']);
    expect(newestFirst({ createdMs: 1, id: 'a' }, { createdMs: 1, id: 'a' })).toBe(0);
    const full = paginate(items, null, 4);
    expect(full.page).toHaveLength(4);
    expect(full.next).toBeNull();
    const first = paginate(items, null, 3);
    expect(first.next).not.toBeNull();
    const second = paginate(items, decodeCursor(first.next ?? ''), 3);
    expect(second.page.map((x) => x.id)).toEqual(['y']);
    expect(second.next).toBeNull();
    expect(paginate(items, { createdMs: 0, id: 'a' }, 3).page).toEqual([]);
  });
});
