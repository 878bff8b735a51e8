/** B2S domain rules with literal expectations (independent of the code under test: mutation testing needs that). */
import { describe, expect, it } from 'vitest';
import { compareBy, expirationEnd, matchesSearch, matchesStatus, pageBounds, patchAllowed, phoneKey, STATUS_FILTERS } from '../../mocks/simulator/b2s/domain.ts';

const H = 3_600_000;
const END = Date.parse('2024-12-31T00:00:00Z') + 24 * H; // end of 2024-12-31 UTC

describe('B2S domain rules', () => {
  it('expiration ends at the end of the day (UTC) by default, or at its start', () => {
    expect(expirationEnd('2024-12-31')).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect(expirationEnd('2024-12-31', 'start_of_day_utc')).toBe(Date.parse('2024-12-31T00:00:00Z'));
  });

  it.each([
    // used, now, filter, expected
    [true, END - 10 * 24 * H, 'used', true],
    [false, END - 10 * 24 * H, 'used', false],
    [false, END, 'expired', true],
    [false, END - 1, 'expired', false],
    [true, END + H, 'expired', false],
    [false, END - 1, 'not-used', true],
    [false, END, 'not-used', false],
    [true, END - H, 'not-used', false],
    [false, END - 7 * 24 * H, 'expiring', true],
    [false, END - 7 * 24 * H - 1, 'expiring', false],
    [false, END - 1, 'expiring', true],
    [false, END, 'expiring', false],
    [true, END - H, 'expiring', false],
  ] as const)('matchesStatus(used=%s, now=%i, %s) = %s', (used, now, filter, expected) => {
    expect(matchesStatus(used, END, now, filter)).toBe(expected);
  });

  it('the EN and PT names map to the same four statuses', () => {
    expect(STATUS_FILTERS).toEqual({
      Used: 'used', Utilizado: 'used', 'Not Used': 'not-used', 'Não Utilizado': 'not-used',
      Expired: 'expired', Vencido: 'expired', Expiring: 'expiring', Vencendo: 'expiring',
    });
  });

  it('PATCH is allowed only strictly more than 3 hours before the end (B-5)', () => {
    expect(patchAllowed(END, END - 3 * H - 1)).toBe(true);
    expect(patchAllowed(END, END - 3 * H)).toBe(false);
    expect(patchAllowed(END, END)).toBe(false);
  });

  it('offset is a 1-based page number', () => {
    expect(pageBounds(10, 1)).toEqual({ start: 0, end: 10 });
    expect(pageBounds(10, 5)).toEqual({ start: 40, end: 50 });
    expect(pageBounds(0, 3)).toEqual({ start: 0, end: 0 });
  });

  it.each([
    ['(11) 99999-9999', '5511999999999'],
    ['5511999999999', '5511999999999'],
    ['+55 11 99999-9999', '5511999999999'],
    ['11999999999', '5511999999999'],
    ['551199999999', '551199999999'],
    ['55119999999', '5555119999999'],
  ])('phoneKey(%s) = %s', (raw, key) => {
    expect(phoneKey(raw)).toBe(key);
  });

  it('search: case-insensitive over code, name, email and phone; digits-only for phones', () => {
    const c = { code: 'WELCOME2024', clientName: 'John Smith', email: 'John@Example.com', phone: '(11) 99999-9999' };
    for (const term of ['welcome', 'JOHN SMITH', 'john@example', 'EXAMPLE.COM', '99999-9999', '11999', '(11)']) expect(matchesSearch(term, c)).toBe(true);
    for (const term of ['maria', 'xyz', '12345']) expect(matchesSearch(term, c)).toBe(false);
    expect(matchesSearch('john', { ...c, clientName: 'X', email: null, phone: null })).toBe(false);
    expect(matchesSearch('999', { ...c, code: 'A', clientName: 'B', email: null, phone: null })).toBe(false);
  });

  it('compareBy orders by the column, ties on id, nulls first', () => {
    const row = (id: string, date_of_use: string | null) => ({ id, date_of_use, created_at: '2024-01-01', expiration_date: '2024-12-31', code: 'A', status: false });
    expect(compareBy('date_of_use', row('a', '2024-01-02'), row('b', '2024-01-01'))).toBe(1);
    expect(compareBy('date_of_use', row('a', '2024-01-01'), row('b', '2024-01-02'))).toBe(-1);
    expect(compareBy('date_of_use', row('a', null), row('b', '2024-01-01'))).toBe(-1);
    expect(compareBy('date_of_use', row('a', '2024-01-01'), row('b', '2024-01-01'))).toBe(-1);
    expect(compareBy('date_of_use', row('b', '2024-01-01'), row('a', '2024-01-01'))).toBe(1);
    expect(compareBy('date_of_use', row('a', '2024-01-01'), row('a', '2024-01-01'))).toBe(0);
  });
});
