import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../mocks/simulator/clock.ts';
import {
  classifyIdentifier, decodeCursor, effectiveStatus, encodeCursor, formatZ, pageSize, parseZ, planPayment, usageRate, validUntil, DAY_MS,
} from '../../mocks/simulator/zupy/domain.ts';

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
    expect(parseDuration('PT3H')).toBe(3 * 3_600_000);
    expect(parseDuration('P31D')).toBe(31 * DAY_MS);
    expect(parseDuration('PT90S')).toBe(90_000);
    expect(parseDuration('P')).toBeNull();
    expect(parseDuration('3h')).toBeNull();
  });
});
