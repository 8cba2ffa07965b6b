import { describe, expect, it } from 'vitest';
import { perDayChange } from './per-day-change';

const november = { periodStart: '2026-11-01', amount: 40_000_000, marketDays: 8 };

describe('a month against the month before, per market day', () => {
  it('compares one weekend of December with the average November day, not with the whole month', () => {
    // Totals would say −77 %; per market day December is 15 % up.
    expect(perDayChange({ periodStart: '2026-12-01', amount: 11_500_000, marketDays: 2 }, november)).toBe('+15');
  });

  it.each([
    ['no month before', undefined],
    ['a gap of a month', { ...november, periodStart: '2026-10-01' }],
    ['no market day before', { ...november, marketDays: 0 }],
  ])('says nothing with %s', (_, before) => {
    expect(perDayChange({ periodStart: '2026-12-01', amount: 1_000_000, marketDays: 1 }, before)).toBeNull();
  });

  it('writes the decimal the way each language reads it', () => {
    const december = { periodStart: '2026-12-01', amount: 10_250_000, marketDays: 2 };
    expect(perDayChange(december, november)).toBe('+2,5');
    expect(perDayChange({ ...december, amount: 9_000_000 }, november, 'en')).toBe('-10');
  });
});
