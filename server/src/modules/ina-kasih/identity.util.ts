import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * KK and NIK: validation by structure, encryption at rest, a keyed blind index for exact
 * look-up, and masking for screens.
 *
 * NIK `PPKKCC DDMMYY SSSS`: area of first registration (province, regency, district), birth
 * date with 40 added to the day for women, serial ≠ 0000. Nomor KK: 16 digits, the first six
 * the issuing district, then the issue date and a serial ≠ 0000.
 */

/** Indonesian province codes (Kemendagri); the first two digits of every KK and NIK. */
export const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
]);

/** Strips the spaces, dots and dashes people type or paste into ID numbers. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/[\s.\-_]/g, '');
}

export type IdProblem = 'FORMAT' | 'AREA' | 'BIRTH_DATE' | 'SERIAL';

function areaOk(digits: string): boolean {
  const province = Number(digits.slice(0, 2));
  const regency = Number(digits.slice(2, 4));
  const district = Number(digits.slice(4, 6));
  return PROVINCE_CODES.has(province) && regency >= 1 && district >= 1;
}

export interface KkCheck {
  ok: boolean;
  value: string;
  problem?: IdProblem;
}

/** Validates a Nomor KK (family card number). */
export function checkKk(raw: string): KkCheck {
  const value = normalizeIdNumber(raw);
  if (!/^\d{16}$/.test(value)) return { ok: false, value, problem: 'FORMAT' };
  if (!areaOk(value)) return { ok: false, value, problem: 'AREA' };
  if (value.slice(12) === '0000') return { ok: false, value, problem: 'SERIAL' };
  return { ok: true, value };
}

export interface NikCheck {
  ok: boolean;
  value: string;
  problem?: IdProblem;
  /** Sex the NIK encodes (day + 40 for women). */
  sex?: 'F' | 'M';
  /** Day, month and two-digit year of birth the NIK encodes. */
  birth?: { day: number; month: number; yy: number };
  /** Not errors: the NIK disagrees with the sex or birth date given beside it. */
  warnings: ('SEX_MISMATCH' | 'BIRTH_DATE_MISMATCH')[];
}

/**
 * Validates a NIK; with `sex` and `birthDate` (YYYY-MM-DD) also compares them with what the
 * NIK encodes. A disagreement is a warning (registrations do contain such NIKs), never an error.
 */
export function checkNik(raw: string, given: { sex?: string; birthDate?: string } = {}): NikCheck {
  const value = normalizeIdNumber(raw);
  const warnings: NikCheck['warnings'] = [];
  if (!/^\d{16}$/.test(value)) return { ok: false, value, problem: 'FORMAT', warnings };
  if (!areaOk(value)) return { ok: false, value, problem: 'AREA', warnings };
  const dd = Number(value.slice(6, 8));
  const month = Number(value.slice(8, 10));
  const yy = Number(value.slice(10, 12));
  const sex: 'F' | 'M' = dd > 40 ? 'F' : 'M';
  const day = dd > 40 ? dd - 40 : dd;
  // Any century: 29 February must exist in some year ending in yy (00 is a leap year in 2000).
  const maxDay = month === 2 ? (yy % 4 === 0 ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (month < 1 || month > 12 || day < 1 || day > maxDay) return { ok: false, value, problem: 'BIRTH_DATE', warnings };
  if (value.slice(12) === '0000') return { ok: false, value, problem: 'SERIAL', warnings };
  if (given.sex && given.sex !== sex) warnings.push('SEX_MISMATCH');
  if (given.birthDate) {
    const [y, m, d] = given.birthDate.split('-').map(Number);
    if (d !== day || m !== month || y % 100 !== yy) warnings.push('BIRTH_DATE_MISMATCH');
  }
  return { ok: true, value, sex, birth: { day, month, yy }, warnings };
}

/**
 * The masked form shown and stored for a KK or NIK: one dot per digit, no digit at all.
 * A NIK's region and birth-date digits can be computed from the kelurahan, birth date and sex
 * shown beside it, so showing them adds nothing; any other digit (the serial, or a region or
 * date that differs from those fields) completes the number for whoever holds the rest
 * (id-rebuild.test.ts). Staff confirm a card against the record with `checkFamilyIdentity`.
 */
export function maskIdNumber(value: string): string {
  return '•'.repeat(value.length);
}

/** What kind of number a blind index is for; the kind is part of the hashed text. */
export type IdKind = 'KK' | 'NIK';

/**
 * Encryption and blind index with keys derived from the platform's PII key (config PII_KEY,
 * 32 bytes hex): one subkey encrypts (AES-256-GCM, random 96-bit IV), the other keys the
 * HMAC-SHA256 blind index, so the index reveals nothing even to someone holding ciphertexts.
 */
export class PiiCipher {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(piiKeyHex: string) {
    if (!/^[0-9a-fA-F]{64}$/.test(piiKeyHex)) throw new Error('PII key must be 64 hexadecimal characters');
    const master = Buffer.from(piiKeyHex, 'hex');
    this.encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'kupang:pii:aes-256-gcm', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'kupang:pii:blind-index', 32));
  }

  /** `v1.` + base64url(iv ‖ tag ‖ ciphertext). */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('v1.')) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(stored.slice(3), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** 64 hex characters; equal numbers of the same kind give equal indexes. */
  blindIndex(kind: IdKind, value: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}:${value}`).digest('hex');
  }

  /** Everything stored for one KK or NIK. */
  protect(kind: IdKind, value: string): ProtectedId {
    return { enc: this.encrypt(value), hash: this.blindIndex(kind, value), masked: maskIdNumber(value) };
  }
}

export interface ProtectedId {
  enc: string;
  hash: string;
  masked: string;
}

const ciphers = new Map<string, PiiCipher>();

/** One cipher per key for the life of the process (key derivation is done once). */
export function piiCipher(piiKeyHex: string): PiiCipher {
  let c = ciphers.get(piiKeyHex);
  if (!c) {
    c = new PiiCipher(piiKeyHex);
    ciphers.set(piiKeyHex, c);
  }
  return c;
}
