/** B2S domain rules at the edges of their patterns, with literal expectations. */
import { describe, expect, it } from 'vitest';
import { matchesSearch, phoneKey, rulesFromEnv } from './domain.ts';

const H = 3_600_000;

describe('B2S domain rules at their bounds', () => {
  it('B2S_EXPIRING_DAYS takes plain decimal days only', () => {
    expect(rulesFromEnv({ B2S_EXPIRING_DAYS: '10' }).expiringWindowMs).toBe(240 * H);
    expect(rulesFromEnv({ B2S_EXPIRING_DAYS: '0.25' }).expiringWindowMs).toBe(6 * H);
    expect(rulesFromEnv({ B2S_EXPIRING_DAYS: '0' }).expiringWindowMs).toBe(0);
    for (const bad of ['1e3', '0x10', '+7', ' 7', '7 ', '.5', '5.', '9'.repeat(400)]) {
      expect(() => rulesFromEnv({ B2S_EXPIRING_DAYS: bad }), bad).toThrow(`B2S_EXPIRING_DAYS must be a number of days ≥ 0, not '${bad}'`);
    }
  });

  it('a phone of 12 or more digits without 55 still gets the country code', () => {
    expect(phoneKey('123456789012')).toBe('55123456789012');
    expect(phoneKey('551234567890')).toBe('551234567890');
  });

  it('search matches letters in a stored phone as text', () => {
    const c = { code: 'A1', clientName: 'Ana', email: null, phone: '(11) 99999-0001 Ramal 2' };
    expect(matchesSearch('ramal', c)).toBe(true);
    expect(matchesSearch('RAMAL 2', c)).toBe(true);
    expect(matchesSearch('ramal 3', c)).toBe(false);
  });
});
