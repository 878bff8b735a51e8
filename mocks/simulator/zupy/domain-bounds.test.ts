/** Zupy domain rules at the edges of their patterns and ranges, with literal expectations. */
import { describe, expect, it } from 'vitest';
import {
  classifyIdentifier,
  decodeCursor,
  encodeCursor,
  formatZ,
  isCodeReference,
  isoSeconds,
  pageSize,
  paginate,
  parseZ,
  planPayment,
  usageRate,
} from './domain.ts';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

describe('Zupy domain rules at their bounds', () => {
  it('Z$ amounts: up to 12 whole digits and 6 decimals, nothing else', () => {
    expect(parseZ('999999999999')).toBe(999_999_999_999_000_000n);
    expect(parseZ('1000000000000')).toBeNull();
    expect(parseZ('0.000001')).toBe(1n);
    expect(parseZ('12.5')).toBe(12_500_000n);
    expect(parseZ('7')).toBe(7_000_000n);
    expect(parseZ('1.')).toBeNull();
    expect(parseZ('.5')).toBeNull();
    expect(parseZ(' 1')).toBeNull();
    expect(parseZ('1 ')).toBeNull();
    expect(parseZ('1,5')).toBeNull();
    expect(formatZ(0n)).toBe('0.000000');
    expect(formatZ(1n)).toBe('0.000001');
    expect(formatZ(123_456_789n)).toBe('123.456789');
  });

  it('dates are whole seconds with Z, including years past 9999', () => {
    expect(isoSeconds(Date.parse('2026-04-25T00:00:00.999Z'))).toBe('2026-04-25T00:00:00Z');
    expect(isoSeconds(Date.parse('2026-04-25T13:14:15.001Z'))).toBe('2026-04-25T13:14:15Z');
    expect(isoSeconds(Date.parse('+010000-01-01T00:00:00Z'))).toBe('+010000-01-01T00:00:00Z');
    expect(isoSeconds(Date.parse('+010000-01-01T00:00:00Z') + 1500)).toBe('+010000-01-01T00:00:01Z');
    // Many distinct instants (past the formatting cache's size) still format correctly.
    for (let i = 0; i < 5000; i += 1) isoSeconds(i * 1000);
    expect(isoSeconds(4_999_000)).toBe('1970-01-01T01:23:19Z');
    expect(isoSeconds(0)).toBe('1970-01-01T00:00:00Z');
  });

  it('cursors: up to 15 digits and a 1–64 character alphanumeric id', () => {
    const id64 = 'a'.repeat(64);
    expect(decodeCursor(b64(`123456789012345:${id64}`))).toEqual({ createdMs: 123456789012345, id: id64 });
    expect(decodeCursor(b64(`1234567890123456:abc`))).toBeNull();
    expect(decodeCursor(b64(`1:${id64}b`))).toBeNull();
    expect(decodeCursor(b64('1:'))).toBeNull();
    expect(decodeCursor(b64(':abc'))).toBeNull();
    expect(decodeCursor(b64('1:ab-c'))).toBeNull();
    expect(decodeCursor(b64('1:Zz9'))).toEqual({ createdMs: 1, id: 'Zz9' });
    expect(encodeCursor(1700000000000, '2abc')).toBe(b64('1700000000000:2abc'));
  });

  it('page size: at least 1, at most 100', () => {
    expect(pageSize(0)).toBe(1);
    expect(pageSize(-3)).toBe(1);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
    expect(pageSize(101)).toBe(100);
  });

  it('usage rate is a percentage with two decimals', () => {
    expect(usageRate(1, 3)).toBe(33.33);
    expect(usageRate(2, 3)).toBe(66.67);
    expect(usageRate(3, 3)).toBe(100);
    expect(usageRate(0, 5)).toBe(0);
  });

  it('payment messages state the numbers', () => {
    const cap = planPayment(500, 399, 10n ** 12n, true);
    expect(cap.ok === false && cap.detail).toBe('Z$ cobre no máximo 20% do custo (100 pts); faltam 101 pts.');
    const short = planPayment(500, 450, 59_999_999n, true);
    expect(short.ok === false && short.detail).toBe('Saldo Z$ insuficiente: necessário 60.000000, disponível 59.999999.');
    expect(planPayment(500, 450, 60_000_000n, true)).toEqual({ ok: true, pointsUsed: 450, zUsed: 60_000_000n });
    expect(planPayment(0, 0, 0n, false)).toEqual({ ok: true, pointsUsed: 0, zUsed: 0n });
    expect(planPayment(7, 6, 1_200_000n, true)).toEqual({ ok: true, pointsUsed: 6, zUsed: 1_200_000n });
  });

  it('a cursor older or newer than every item', () => {
    const items = [
      { createdMs: 3, id: 'c' },
      { createdMs: 2, id: 'b' },
      { createdMs: 1, id: 'a' },
    ];
    expect(paginate(items, { createdMs: 0, id: 'a' }, 10)).toEqual({ page: [], next: null });
    expect(paginate(items, { createdMs: 9, id: 'a' }, 10).page.map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(paginate(items, { createdMs: 3, id: 'c' }, 1)).toEqual({ page: [{ createdMs: 2, id: 'b' }], next: b64('2:b') });
  });

  it('a reference with a dash is a code', () => {
    expect(isCodeReference('CZ-1234')).toBe(true);
    expect(isCodeReference('2abcDEF')).toBe(false);
  });

  it('identifiers: phone lengths 10 to 15 digits, email needs a dot after the @, CPF 11 digits', () => {
    expect(classifyIdentifier('1198765432')).toEqual({ kind: 'phone', key: '+1198765432' });
    expect(classifyIdentifier('119876543')).toBeNull();
    expect(classifyIdentifier('+551198765432101')).toEqual({ kind: 'phone', key: '+551198765432101' });
    expect(classifyIdentifier('+5511987654321012')).toBeNull();
    expect(classifyIdentifier('a@b')).toBeNull();
    expect(classifyIdentifier('a b@c.de')).toBeNull();
    expect(classifyIdentifier('@c.de')).toBeNull();
    expect(classifyIdentifier('a@.de')).toBeNull();
    expect(classifyIdentifier('a@c.')).toBeNull();
    expect(classifyIdentifier('a@@c.de')).toBeNull();
    expect(classifyIdentifier('123.456.78909')).toBeNull();
    expect(classifyIdentifier('123456789-09')).toBeNull();
    expect(classifyIdentifier('1234567890')).toEqual({ kind: 'phone', key: '+1234567890' });
    expect(classifyIdentifier('123456789012')).toEqual({ kind: 'phone', key: '+123456789012' });
    expect(classifyIdentifier('+12345678909')).toEqual({ kind: 'phone', key: '+12345678909' });
    expect(classifyIdentifier('')).toBeNull();
  });
});
