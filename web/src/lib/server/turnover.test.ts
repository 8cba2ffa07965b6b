import { describe, expect, it } from 'vitest';
import { parseRupiah } from './turnover';

describe('parseRupiah: what staff type on a phone', () => {
  it.each([
    ['1.200.000', 1_200_000],
    ['1200000', 1_200_000],
    ['Rp 1.200.000', 1_200_000],
    ['rp1.250.000', 1_250_000],
    [' 75 000 000 ', 75_000_000],
    ['0', 0],
    ['4.272.933.000', 4_272_933_000],
  ])('%j is %d rupiah', (text, amount) => expect(parseRupiah(text)).toBe(amount));

  it('an empty field is missing, not zero', () => expect(parseRupiah('  ')).toBeNull());
  it.each(['1,5', '-500', '12abc', '1.2.3,4'])('%j is not a whole amount', (text) => expect(parseRupiah(text)).toBeNaN());
});
