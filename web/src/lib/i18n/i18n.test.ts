import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id, type MessageKey } from './id';
import { translate } from './index';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it.each(Object.keys(id) as MessageKey[])('%s has English text with the same placeholders', (key) => {
    expect(en[key].trim()).not.toBe('');
    expect(placeholders(en[key])).toEqual(placeholders(id[key]));
  });
});

describe('translate', () => {
  it('fills placeholders in the chosen language', () => {
    expect(translate('id', 'home.welcome', { name: 'Mama Yuliana' })).toBe('Selamat datang, Mama Yuliana');
    expect(translate('en', 'home.welcome', { name: 'Mama Yuliana' })).toBe('Welcome, Mama Yuliana');
  });

  it('leaves a placeholder without a value visible rather than blank', () => {
    expect(translate('id', 'home.welcome')).toBe('Selamat datang, {name}');
  });
});
