import { describe, expect, it } from 'vitest';
import { dayStatusKey } from './market-day';

const day = { status: 'OPEN' as const, bookingOpensAt: '2026-12-01T00:00:00Z', bookingClosesAt: '2026-12-10T12:00:00Z' };
const at = (iso: string) => Date.parse(iso);

describe('one wording of a market day for staff and vendors', () => {
  it.each([
    ['before its booking window', at('2026-11-30T00:00:00Z'), 'market.day.NOT_YET_OPEN'],
    ['inside it', at('2026-12-05T00:00:00Z'), 'market.day.OPEN'],
    ['after it, before the allocation', at('2026-12-11T00:00:00Z'), 'market.day.CLOSED'],
  ])('an open day %s', (_, now, key) => {
    expect(dayStatusKey(day, now)).toBe(key);
  });

  it('believes the API on whether booking is open (its clock), and reads the rest from the dates', () => {
    expect(dayStatusKey({ ...day, bookingOpen: true }, at('2026-11-30T00:00:00Z'))).toBe('market.day.OPEN');
    expect(dayStatusKey({ ...day, bookingOpen: false }, at('2026-11-30T00:00:00Z'))).toBe('market.day.NOT_YET_OPEN');
    expect(dayStatusKey({ ...day, status: 'ALLOCATED' })).toBe('market.day.ALLOCATED');
    expect(dayStatusKey({ ...day, status: 'CANCELLED' })).toBe('market.day.CANCELLED');
  });
});
