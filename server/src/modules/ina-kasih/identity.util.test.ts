import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkKk, checkNik, maskIdNumber, PiiCipher } from './identity.util';

const KEY = 'ab'.repeat(32);

describe('Nomor KK', () => {
  it.each([
    ['5371021004230012', true, undefined],
    ['5371 0210 0423 0012', true, undefined],
    ['53.7102.100423.0012', true, undefined],
    ['5302011503190001', true, undefined], // Kabupaten Kupang (53.02)
    ['537102100423001', false, 'FORMAT'], // 15 digits
    ['53710210042300123', false, 'FORMAT'], // 17 digits
    ['53710210042300A2', false, 'FORMAT'],
    ['', false, 'FORMAT'],
    ['9971021004230012', false, 'AREA'], // no province 99
    ['5300021004230012', false, 'AREA'], // regency 00
    ['5371001004230012', false, 'AREA'], // district 00
    ['5371021004230000', false, 'SERIAL'],
  ])('%s → ok %s (%s)', (raw, ok, problem) => {
    const r = checkKk(raw);
    expect(r.ok).toBe(ok);
    expect(r.problem).toBe(problem);
  });
});

describe('NIK', () => {
  it.each([
    // area, DDMMYY (+40 for women), serial
    ['5371024507100003', true, undefined, 'F', { day: 5, month: 7, yy: 10 }],
    ['5371020507100003', true, undefined, 'M', { day: 5, month: 7, yy: 10 }],
    ['5371027112990001', true, undefined, 'F', { day: 31, month: 12, yy: 99 }],
    ['5371022902000001', true, undefined, 'M', { day: 29, month: 2, yy: 0 }], // 29 Feb 2000
    ['5371026902080001', true, undefined, 'F', { day: 29, month: 2, yy: 8 }],
    ['5371022902010001', false, 'BIRTH_DATE', undefined, undefined], // no 29 Feb in a year ending 01
    ['5371023202100001', false, 'BIRTH_DATE', undefined, undefined], // day 32
    ['5371027202100001', false, 'BIRTH_DATE', undefined, undefined], // day 72 (32 + 40)
    ['5371020013100001', false, 'BIRTH_DATE', undefined, undefined], // day 00
    ['5371021513100001', false, 'BIRTH_DATE', undefined, undefined], // month 13
    ['5371024100100001', false, 'BIRTH_DATE', undefined, undefined], // month 00
    ['5371024507100000', false, 'SERIAL', undefined, undefined],
    ['0071024507100003', false, 'AREA', undefined, undefined],
    ['537102450710000', false, 'FORMAT', undefined, undefined],
  ])('%s → ok %s (%s)', (raw, ok, problem, sex, birth) => {
    const r = checkNik(raw);
    expect(r.ok).toBe(ok);
    expect(r.problem).toBe(problem);
    expect(r.sex).toBe(sex);
    expect(r.birth).toEqual(birth);
  });

  it('reports a sex or birth-date mismatch as a warning, not an error', () => {
    expect(checkNik('5371024507100003', { sex: 'F', birthDate: '2010-07-05' })).toMatchObject({ ok: true, warnings: [] });
    expect(checkNik('5371024507100003', { sex: 'M', birthDate: '2010-07-05' })).toMatchObject({ ok: true, warnings: ['SEX_MISMATCH'] });
    expect(checkNik('5371024507100003', { sex: 'F', birthDate: '2010-07-06' })).toMatchObject({ ok: true, warnings: ['BIRTH_DATE_MISMATCH'] });
    expect(checkNik('5371024507100003', { sex: 'M', birthDate: '1910-07-05' })).toMatchObject({ ok: true, warnings: ['SEX_MISMATCH'] });
  });

  it('reads back the sex and birth date of any well-formed NIK it is given (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1930-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
        fc.constantFrom('F', 'M'),
        fc.integer({ min: 1, max: 9999 }),
        (d, sex, serial) => {
          const day = d.getUTCDate() + (sex === 'F' ? 40 : 0);
          const nik = `537104${String(day).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCFullYear() % 100).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
          const r = checkNik(nik, { sex, birthDate: d.toISOString().slice(0, 10) });
          return r.ok && r.sex === sex && r.warnings.length === 0 && r.birth!.day === d.getUTCDate();
        },
      ),
    );
  });
});

describe('masking: no digit survives (the serial would rebuild a NIK from its region and birth date)', () => {
  it.each([
    ['5371021004230012', '••••••••••••••••'],
    ['5371044107900003', '••••••••••••••••'],
    ['1234567', '•••••••'],
  ])('%s → %s', (raw, masked) => expect(maskIdNumber(raw)).toBe(masked));
});

describe('PiiCipher', () => {
  const c = new PiiCipher(KEY);

  it('encrypts with a fresh IV every time and decrypts back', () => {
    const a = c.encrypt('5371021004230012');
    const b = c.encrypt('5371021004230012');
    expect(a).not.toBe(b);
    expect(a).not.toContain('5371021004230012');
    expect(c.decrypt(a)).toBe('5371021004230012');
    expect(c.decrypt(b)).toBe('5371021004230012');
  });

  it('refuses a tampered ciphertext (GCM tag) and a ciphertext made with another key', () => {
    const stored = c.encrypt('5371021004230012');
    const raw = Buffer.from(stored.slice(3), 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(() => c.decrypt(`v1.${raw.toString('base64url')}`)).toThrow();
    expect(() => new PiiCipher('cd'.repeat(32)).decrypt(stored)).toThrow();
  });

  it('gives a stable blind index per kind and key, different across kinds and keys', () => {
    const kk = c.blindIndex('KK', '5371021004230012');
    expect(kk).toMatch(/^[0-9a-f]{64}$/);
    expect(c.blindIndex('KK', '5371021004230012')).toBe(kk);
    expect(c.blindIndex('NIK', '5371021004230012')).not.toBe(kk);
    expect(new PiiCipher('cd'.repeat(32)).blindIndex('KK', '5371021004230012')).not.toBe(kk);
  });

  it('round-trips any 16-digit number (property)', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{16}$/), (v) => c.decrypt(c.encrypt(v)) === v));
  });

  it('refuses a key that is not 32 bytes of hex', () => {
    expect(() => new PiiCipher('abc')).toThrow();
  });
});
