/** B2S domain rules with literal expectations (independent of the code under test: mutation testing needs that). */
import { describe, expect, it } from 'vitest';
import {
  compareBy,
  cpfKey,
  dateRangeProblem,
  DEFAULT_RULES,
  emailKey,
  expirationEnd,
  inDateRange,
  matchesSearch,
  matchesStatus,
  pageBounds,
  patchAllowed,
  phoneKey,
  rulesFromEnv,
  STATUS_FILTERS,
  utcDate,
  utcDayOf,
} from './domain.ts';
import { validationMessage } from './errors.ts';

const H = 3_600_000;
const END = Date.parse('2024-12-31T00:00:00Z') + 24 * H; // end of 2024-12-31 UTC

/** The most specific status filter a coupon matches (Expiring rather than Not Used), through matchesStatus. */
const derivedStatus = (used: boolean, expEndMs: number, nowMs: number, windowMs?: number) =>
  (['used', 'expired', 'expiring', 'not-used'] as const).find((filter) => matchesStatus(used, expEndMs, nowMs, filter, windowMs));

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
      Used: 'used',
      Utilizado: 'used',
      'Not Used': 'not-used',
      'Não Utilizado': 'not-used',
      Expired: 'expired',
      Vencido: 'expired',
      Expiring: 'expiring',
      Vencendo: 'expiring',
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
    for (const term of ['welcome', 'JOHN SMITH', 'john@example', 'EXAMPLE.COM', '99999-9999', '11999', '(11)'])
      expect(matchesSearch(term, c)).toBe(true);
    for (const term of ['maria', 'xyz', '12345']) expect(matchesSearch(term, c)).toBe(false);
    expect(matchesSearch('john', { ...c, clientName: 'X', email: null, phone: null })).toBe(false);
    expect(matchesSearch('999', { ...c, code: 'A', clientName: 'B', email: null, phone: null })).toBe(false);
  });

  it('compareBy orders by the column, ties on id, nulls first', () => {
    const row = (id: string, date_of_use: string | null) => ({
      id,
      date_of_use,
      created_at: '2024-01-01',
      expiration_date: '2024-12-31',
      code: 'A',
      status: false,
    });
    expect(compareBy('date_of_use', row('a', '2024-01-02'), row('b', '2024-01-01'))).toBe(1);
    expect(compareBy('date_of_use', row('a', '2024-01-01'), row('b', '2024-01-02'))).toBe(-1);
    expect(compareBy('date_of_use', row('a', null), row('b', '2024-01-01'))).toBe(-1);
    expect(compareBy('date_of_use', row('a', '2024-01-01'), row('b', '2024-01-01'))).toBe(-1);
    expect(compareBy('date_of_use', row('b', '2024-01-01'), row('a', '2024-01-01'))).toBe(1);
    expect(compareBy('date_of_use', row('a', '2024-01-01'), row('a', '2024-01-01'))).toBe(0);
  });
});

describe('B2S domain rules: derived status, ranges, identifiers, configuration', () => {
  it.each([
    // used, now, expected (END = end of 2024-12-31 UTC; 7-day window)
    [true, END + 10 * 24 * H, 'used'],
    [true, END - 30 * 24 * H, 'used'],
    [false, END, 'expired'],
    [false, END + 1, 'expired'],
    [false, END - 1, 'expiring'],
    [false, END - 7 * 24 * H, 'expiring'],
    [false, END - 7 * 24 * H - 1, 'not-used'],
  ] as const)('derivedStatus(used=%s, now=%i) = %s', (used, now, expected) => {
    expect(derivedStatus(used, END, now)).toBe(expected);
  });

  it('derivedStatus and matchesStatus take the Expiring window', () => {
    expect(derivedStatus(false, END, END - 2 * 24 * H, 24 * H)).toBe('not-used');
    expect(derivedStatus(false, END, END - 24 * H, 24 * H)).toBe('expiring');
    expect(matchesStatus(false, END, END - 2 * 24 * H, 'expiring', 24 * H)).toBe(false);
    expect(matchesStatus(false, END, END - 24 * H, 'expiring', 24 * H)).toBe(true);
  });

  it('UTC days of dates and date-times (any offset)', () => {
    expect(utcDate(Date.parse('2024-03-01T23:59:59.999Z'))).toBe('2024-03-01');
    expect(utcDayOf('2024-03-01')).toBe('2024-03-01');
    expect(utcDayOf('2024-03-01T23:30:00.000Z')).toBe('2024-03-01');
    expect(utcDayOf('2024-03-01T22:30:00-03:00')).toBe('2024-03-02');
    expect(utcDayOf('2024-03-02T01:00:00+03:00')).toBe('2024-03-01');
    expect(utcDayOf('2024-03-01Tjunk')).toBe('2024-03-01');
  });

  it('inclusive date ranges; a bound drops nulls; no bound keeps them', () => {
    expect(inDateRange(null)).toBe(true);
    expect(inDateRange('2024-03-01')).toBe(true);
    expect(inDateRange(null, '2024-01-01')).toBe(false);
    expect(inDateRange(null, undefined, '2024-01-01')).toBe(false);
    expect(inDateRange('2024-03-01', '2024-03-01', '2024-03-01')).toBe(true);
    expect(inDateRange('2024-03-01T23:59:59.999Z', '2024-03-01', '2024-03-01')).toBe(true);
    expect(inDateRange('2024-03-02T00:00:00.000Z', '2024-03-01', '2024-03-01')).toBe(false);
    expect(inDateRange('2024-02-29', '2024-03-01')).toBe(false);
    expect(inDateRange('2024-03-02', undefined, '2024-03-01')).toBe(false);
    expect(inDateRange('2024-03-01', undefined, '2024-03-01')).toBe(true);
    expect(inDateRange('2024-03-01', '2024-03-01')).toBe(true);
  });

  it('a range whose start is after its end is named; equal or open ranges are fine', () => {
    expect(dateRangeProblem({ date_start: '2024-01-02', date_end: '2024-01-01' })).toBe('date_start must not be after date_end');
    expect(dateRangeProblem({ date_start: '2024-01-01', date_end: '2024-01-01' })).toBeUndefined();
    expect(dateRangeProblem({ date_of_use_start: '2024-01-02', date_of_use_end: '2024-01-01' })).toBe(
      'date_of_use_start must not be after date_of_use_end',
    );
    expect(dateRangeProblem({ expiration_date_start: '2024-01-02', expiration_date_end: '2024-01-01' })).toBe(
      'expiration_date_start must not be after expiration_date_end',
    );
    expect(dateRangeProblem({ date_start: '2024-01-02', date_of_use_end: '2024-01-01' })).toBeUndefined();
    expect(dateRangeProblem({})).toBeUndefined();
  });

  it('CPF and email keys', () => {
    expect(cpfKey('123.456.789-09')).toBe('12345678909');
    expect(cpfKey('12345678909')).toBe('12345678909');
    expect(emailKey('  John@Example.COM ')).toBe('john@example.com');
  });

  it('search: phone digits match only for phone-like terms, with or without the country code', () => {
    const c = { code: 'FALAE0012', clientName: 'John Smith', email: null, phone: '(11) 99999-9999' };
    for (const term of ['11 99999 9999', '+55 (11) 99999-9999', '5511999999999', '(11)99999', '55 11'])
      expect(matchesSearch(term, c), term).toBe(true);
    for (const term of ['x9999', 'a11999', '+55 (21)', '--', '0013']) expect(matchesSearch(term, c), term).toBe(false);
    expect(matchesSearch('0012', c)).toBe(true);
  });

  it('rules from the environment: defaults, both instants, a window in days, clear errors', () => {
    expect(DEFAULT_RULES).toEqual({ expirationInstant: 'end_of_day_utc', expiringWindowMs: 7 * 24 * H });
    expect(rulesFromEnv({})).toEqual(DEFAULT_RULES);
    expect(rulesFromEnv({ B2S_EXPIRATION_INSTANT: '', B2S_EXPIRING_DAYS: '' })).toEqual(DEFAULT_RULES);
    expect(rulesFromEnv({ B2S_EXPIRATION_INSTANT: 'start_of_day_utc' }).expirationInstant).toBe('start_of_day_utc');
    expect(rulesFromEnv({ B2S_EXPIRATION_INSTANT: 'end_of_day_utc' }).expirationInstant).toBe('end_of_day_utc');
    expect(rulesFromEnv({ B2S_EXPIRING_DAYS: '3' }).expiringWindowMs).toBe(3 * 24 * H);
    expect(rulesFromEnv({ B2S_EXPIRING_DAYS: '0.5' }).expiringWindowMs).toBe(12 * H);
    expect(() => rulesFromEnv({ B2S_EXPIRATION_INSTANT: 'noon' })).toThrow(
      "B2S_EXPIRATION_INSTANT must be end_of_day_utc or start_of_day_utc, not 'noon'",
    );
    expect(() => rulesFromEnv({ B2S_EXPIRING_DAYS: '-1' })).toThrow("B2S_EXPIRING_DAYS must be a number of days ≥ 0, not '-1'");
    expect(() => rulesFromEnv({ B2S_EXPIRING_DAYS: '7d' })).toThrow(/B2S_EXPIRING_DAYS/);
  });

  it('validation messages name the parameter', () => {
    expect(validationMessage('date_start', "must have required property 'date_start'")).toBe('date_start is required');
    expect(validationMessage('limit', 'must be <= 100')).toBe('limit must be between 0 and 100');
    expect(validationMessage('limit', 'must be >= 0')).toBe('limit must be between 0 and 100');
    expect(validationMessage('offset', 'must be >= 1')).toBe('offset must be >= 1');
    expect(validationMessage('module', 'must be equal to one of the allowed values', ['premiado', 'falae'])).toBe(
      'module must be one of premiado, falae',
    );
    expect(validationMessage('module', 'must be equal to one of the allowed values')).toBe(
      'module must be equal to one of the allowed values',
    );
    expect(validationMessage('date_end', 'must match format "date"')).toBe('date_end must be a valid date in the format YYYY-MM-DD');
    expect(validationMessage('company_id', 'must match format "uuid"')).toBe('company_id must be a UUID');
    expect(validationMessage('email', 'must match format "email"')).toBe('email must be a valid email');
    expect(validationMessage('limit', 'must be integer')).toBe('limit must be an integer');
  });
});
