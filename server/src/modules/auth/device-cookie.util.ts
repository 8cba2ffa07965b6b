import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE = 'kp_device';
const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

/** A key for one purpose, derived from the platform's secret (PII_KEY), so no new secret is needed. */
export function derivedKey(piiKeyHex: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(piiKeyHex, 'hex'), 'kupang-platform', purpose, 32));
}

const mac = (key: Buffer, userId: string, nonce: string) => createHmac('sha256', key).update(`${userId}.${nonce}`).digest('base64url');

/**
 * "This browser has signed in to this account before": `v1.<nonce>.<HMAC(account id, nonce)>`,
 * set at every successful sign-in. It holds no personal data and proves nothing but that; it only
 * decides which failure counter a wrong password goes to (sign-in-throttle.ts). It stays after
 * signing out: it names a device, not a session.
 */
export class DeviceCookies {
  private readonly key: Buffer;

  constructor(piiKeyHex: string) {
    this.key = derivedKey(piiKeyHex, 'device cookie v1');
  }

  /** The cookie's nonce when it was issued for `userId` by this platform, else undefined. */
  verify(cookie: string | undefined, userId: string | undefined): string | undefined {
    const [version, nonce, given] = (cookie ?? '').split('.');
    if (version !== 'v1' || !nonce || !given || !userId) return undefined;
    const expected = Buffer.from(mac(this.key, userId, nonce));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual) ? nonce : undefined;
  }

  /** The Set-Cookie header for `userId`: the same nonce again (a year more) or a new one. */
  header(userId: string, nonce: string | undefined, secure: boolean): string {
    const value = nonce ?? randomBytes(16).toString('base64url');
    return [`${DEVICE_COOKIE}=v1.${value}.${mac(this.key, userId, value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}`, secure ? 'Secure' : '']
      .filter(Boolean)
      .join('; ');
  }
}
