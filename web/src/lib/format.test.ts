import { describe, expect, it } from 'vitest';
import { formatCertificateCode, formatDate, formatMonth, formatRupiah, formatRupiahCompact, formatShortDate, formatTime } from './format';

const NBSP = '\u00a0';

describe('formatRupiah', () => {
  it.each([
    [1_200_000, `Rp${NBSP}1.200.000`],
    [0, `Rp${NBSP}0`],
    [26_000, `Rp${NBSP}26.000`],
    [12_345_678_901, `Rp${NBSP}12.345.678.901`],
    [-5_000, `-Rp${NBSP}5.000`],
  ])('%d → %s', (amount, expected) => {
    expect(formatRupiah(amount)).toBe(expected);
  });

  it('keeps Indonesian grouping in English', () => {
    expect(formatRupiah(1_200_000, 'en')).toBe(`Rp${NBSP}1.200.000`);
  });
});

describe('formatRupiahCompact', () => {
  it.each([
    [1_200_000_000, `Rp${NBSP}1,2 miliar`],
    [4_000_000_000, `Rp${NBSP}4 miliar`],
    [12_500_000_000, `Rp${NBSP}12,5 miliar`],
    [350_000_000, `Rp${NBSP}350 juta`],
    [1_250_000, `Rp${NBSP}1,3 juta`],
    [15_000, `Rp${NBSP}15 ribu`],
    [950, `Rp${NBSP}950`],
    [-2_000_000, `-Rp${NBSP}2 juta`],
  ])('%d → %s', (amount, expected) => {
    expect(formatRupiahCompact(amount)).toBe(expected);
  });

  it('says billion in English', () => {
    expect(formatRupiahCompact(1_200_000_000, 'en')).toBe(`Rp${NBSP}1,2 billion`);
  });
});

describe('formatDate', () => {
  it.each([
    ['2025-06-21', 'Sabtu, 21 Juni 2025'],
    ['2025-06-22', 'Minggu, 22 Juni 2025'],
    // 23:30 UTC on Friday is already Saturday morning in WITA.
    ['2025-06-20T23:30:00Z', 'Sabtu, 21 Juni 2025'],
    [new Date('2025-09-01T00:00:00+08:00'), 'Senin, 1 September 2025'],
  ])('%s → %s', (value, expected) => {
    expect(formatDate(value)).toBe(expected);
  });

  it('writes English day and month names', () => {
    expect(formatDate('2025-06-21', 'en')).toBe('Saturday, 21 June 2025');
  });
});

describe('formatTime', () => {
  it.each([
    ['2025-06-21T02:00:00Z', '10.00 WITA'],
    ['2025-06-21T16:05:00Z', '00.05 WITA'],
    ['2025-06-21T09:30:00+08:00', '09.30 WITA'],
  ])('%s → %s', (value, expected) => {
    expect(formatTime(value)).toBe(expected);
  });
});

describe('formatShortDate and formatMonth', () => {
  it.each([
    ['2026-12-07', 'id', '7 Des 2026'],
    ['2026-12-07', 'en', '7 Dec 2026'],
    ['2026-12-06T16:30:00Z', 'id', '7 Des 2026'],
  ] as const)('%s (%s) → %s', (value, locale, expected) => {
    expect(formatShortDate(value, locale)).toBe(expected);
  });

  it.each([
    ['2026-12', 'id', 'Des 2026'],
    ['2026-05', 'en', 'May 2026'],
    ['2025-08', 'id', 'Agu 2025'],
  ] as const)('%s (%s) → %s', (month, locale, expected) => {
    expect(formatMonth(month, locale)).toBe(expected);
  });
});

describe('formatCertificateCode', () => {
  it('groups the 12 characters by four, as printed on the certificate', () => {
    expect(formatCertificateCode('ABCDEFGHJKLM')).toBe('ABCD-EFGH-JKLM');
  });
});
