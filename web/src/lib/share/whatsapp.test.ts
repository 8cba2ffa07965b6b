import { describe, expect, it } from 'vitest';
import { waNumber, whatsappLink } from './whatsapp';

describe('waNumber', () => {
  it.each([
    ['+6281234560001', '6281234560001'],
    ['081234560001', '6281234560001'],
    ['0812-3456-0001', '6281234560001'],
    ['+62 812 3456 0001', '6281234560001'],
    ['6281234560001', '6281234560001'],
  ])('%s → %s', (input, expected) => {
    expect(waNumber(input)).toBe(expected);
  });

  it.each(['', '12345', '+6221380000', '0380-821234', '+1 555 0100', 'wa.me/evil'])('refuses %j', (input) => {
    expect(waNumber(input)).toBeNull();
  });
});

describe('whatsappLink', () => {
  it('sends to one number, without the plus, with the Bahasa text encoded', () => {
    const text = "Halo Mama Yuli, lapak A-07 besok Sabtu, 5 Desember 2026 & jangan lupa check-in sebelum 16.00 WITA. Se'i 100%?";
    const link = whatsappLink(text, '+6281234560001');
    expect(link.startsWith('https://wa.me/6281234560001?text=')).toBe(true);
    const url = new URL(link);
    expect(url.searchParams.get('text')).toBe(text);
    expect(link).not.toContain(' ');
    expect(link).not.toContain('&jangan');
  });

  it('lets the person choose the chat when there is no number', () => {
    expect(whatsappLink('Pasar SABOAK KOEPAN: https://kupang.example/pasar-akhir-pekan')).toBe(
      'https://wa.me/?text=Pasar%20SABOAK%20KOEPAN%3A%20https%3A%2F%2Fkupang.example%2Fpasar-akhir-pekan',
    );
  });

  it('refuses a number that is not an Indonesian mobile rather than sending to a wrong one', () => {
    expect(() => whatsappLink('x', '0380-821234')).toThrow();
  });
});
