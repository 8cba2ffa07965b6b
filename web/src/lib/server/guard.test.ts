import { describe, expect, it } from 'vitest';
import { homeAfterSignIn, safeNext } from './guard';

describe('safeNext', () => {
  it.each([
    ['/admin', '/admin'],
    ['/program?kelurahan=53.71.02.1004', '/program?kelurahan=53.71.02.1004'],
    ['//evil.example', undefined],
    ['/\\evil.example', undefined],
    ['/\t/evil.example', undefined],
    ['https://evil.example/admin', undefined],
    ['admin', undefined],
    [null, undefined],
  ])('%j → %j', (value, expected) => {
    expect(safeNext(value)).toBe(expected);
  });
});

describe('homeAfterSignIn', () => {
  it.each([
    ['VENDOR', 'http://x/masuk', '/usaha'],
    ['ADMIN', 'http://x/masuk?next=%2Fpasar', '/pasar'],
    ['PARTNER', 'http://x/masuk?next=%2F%2Fevil.example', '/mitra'],
    ['MARKET_STAFF', 'http://x/masuk?next=%2Fkeluar', '/pasar'],
  ] as const)('%s from %s → %s', (role, url, expected) => {
    expect(homeAfterSignIn(role, new URL(url))).toBe(expected);
  });
});
