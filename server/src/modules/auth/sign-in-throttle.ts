import { createHmac } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '../../platform/i18n';
import { normalizeMobilePhone } from '../../platform/phone.util';
import { derivedKey } from './device-cookie.util';

/**
 * Failures a login (tried from devices it does not know) or a known device may have, and an
 * address, before each next try must wait; the wait doubles from `firstDelaySeconds` up to
 * `maxDelaySeconds`; a counter with no failure for `forgetAfterHours` starts again from zero.
 * Continuous guessing at one account thus gets about 100 tries a day, where a person who mistypes
 * a few times never notices.
 */
export const THROTTLE = { freeFailures: 5, freeFailuresPerAddress: 30, firstDelaySeconds: 1, maxDelaySeconds: 15 * 60, forgetAfterHours: 24 };

/** The login as accounts store it: E.164 for a mobile number in any notation, lower case for an e-mail. */
export function normalizedLogin(login: string): string {
  const trimmed = login.trim();
  if (trimmed.includes('@')) return trimmed.toLowerCase();
  return normalizeMobilePhone(trimmed) ?? trimmed.toLowerCase();
}

/** The failures in a row a bucket counts after this one, and the seconds its next try must wait (SQL over `f`, the stored row). */
const NEXT_FAILURES = `case when f.last_failure_at > now() - make_interval(hours => ${THROTTLE.forgetAfterHours}) then f.failures + 1 else 1 end`;
const delayAfter = (failures: string) => `case when ${failures} < (case when left(f.bucket, 3) = 'ip:' then ${THROTTLE.freeFailuresPerAddress} else ${THROTTLE.freeFailures} end) then 0
  else least(${THROTTLE.maxDelaySeconds}, ${THROTTLE.firstDelaySeconds} * power(2, ${failures} - (case when left(f.bucket, 3) = 'ip:' then ${THROTTLE.freeFailuresPerAddress} else ${THROTTLE.freeFailures} end))) end`;

/**
 * Counts the try as a failure before its password is checked (with the wait that failure would
 * bring), unless one of its buckets must still wait. Counting first means that many guesses
 * arriving at the same moment after a delay get one try between them, not one each: the row lock
 * serialises them and the second one finds the new wait. A bucket that must wait is not counted
 * again (a refused try learns nothing, and costs no password check). Waits are compared with the
 * clock at the moment the row is read (`clock_timestamp()`), not with the statement's start
 * (`now()`): a try that started a moment before another one committed must still see that one's
 * zero wait as over, or people signing in at once from one office address would refuse each other.
 */
const TAKE_SQL = `with waiting as (
    select 1 from sign_in_failure f
     where f.bucket = any(?::text[]) and f.blocked_until > clock_timestamp() and f.last_failure_at > now() - make_interval(hours => ${THROTTLE.forgetAfterHours})
  )
  insert into sign_in_failure as f (bucket, failures, last_failure_at, blocked_until)
  select b, 1, now(), now() from unnest(?::text[]) b where not exists (select 1 from waiting)
  on conflict (bucket) do update set
    failures = ${NEXT_FAILURES},
    last_failure_at = now(),
    blocked_until = now() + make_interval(secs => ${delayAfter(NEXT_FAILURES)})
  where f.blocked_until <= clock_timestamp() or f.last_failure_at <= now() - make_interval(hours => ${THROTTLE.forgetAfterHours})
  returning bucket`;

/** The password was wrong: the wait starts when the answer goes out (checking a password takes a while). */
const FAILED_SQL = `update sign_in_failure f set last_failure_at = now(), blocked_until = now() + make_interval(secs => ${delayAfter('f.failures')}) where f.bucket = any(?::text[])`;

/** A first failure never waits (free failures ≥ 1), so a new bucket is inserted with blocked_until = now(). */
const WAIT_SQL = `select coalesce(ceil(extract(epoch from max(blocked_until) - now())), 0)::int as wait from sign_in_failure where bucket = any(?::text[])`;

/** Deletes counters quiet for longer than they are remembered (run with the hourly retention job). */
export const PURGE_SIGN_IN_FAILURES_SQL = `delete from sign_in_failure where last_failure_at < now() - make_interval(hours => ${THROTTLE.forgetAfterHours}) and blocked_until < now()`;

const pgArray = (values: string[]) => `{${values.join(',')}}`;

/**
 * Sign-in throttling that slows only the attacker. A try counts against the login (normalised, so
 * every spelling of a phone number is one login) and the client address, each with growing delays
 * instead of a lock-out; a try from a device that has signed in to this account before (device
 * cookie) counts against that device only, so the owner on her usual phone still gets in while
 * someone elsewhere keeps failing. Counters live in PostgreSQL (every server process shares them)
 * under an HMAC of their key: the table holds no phone number, e-mail or address.
 */
export class SignInThrottle {
  private readonly key: Buffer;

  constructor(piiKeyHex: string) {
    this.key = derivedKey(piiKeyHex, 'sign-in throttle v1');
  }

  private bucket(kind: 'login' | 'ip' | 'device', value: string): string {
    return `${kind}:${createHmac('sha256', this.key).update(value).digest('hex')}`;
  }

  /** The counters one try goes to: a known device's own, else the login's and the address's. */
  bucketsFor(login: string, ip: string, knownDevice?: { userId: string; nonce: string }): string[] {
    if (knownDevice) return [this.bucket('device', `${knownDevice.userId}.${knownDevice.nonce}`)];
    return [this.bucket('login', normalizedLogin(login)), this.bucket('ip', ip)];
  }

  /** Takes a try (counted as a failure until `succeeded`), or says how many seconds it must wait. */
  async take(em: EntityManager, buckets: string[]): Promise<{ waitSeconds: number }> {
    const connection = em.getConnection();
    const counted: unknown[] = await connection.execute(TAKE_SQL, [pgArray(buckets), pgArray(buckets)]);
    if (counted.length === buckets.length) return { waitSeconds: 0 };
    const [{ wait }] = await connection.execute<{ wait: number }[]>(WAIT_SQL, [pgArray(buckets)]);
    return { waitSeconds: Math.max(1, wait) };
  }

  /** The password was wrong (the try is already counted): its wait runs from now. */
  async failed(em: EntityManager, buckets: string[]): Promise<void> {
    await em.getConnection().execute(FAILED_SQL, [pgArray(buckets)]);
  }

  /**
   * The password was right: the try is taken back (it was counted up front) and the wait it set
   * is lifted, while the failures before it stay, so an attacker gains nothing when the owner signs
   * in. A known device's own counter starts again from zero.
   */
  async succeeded(em: EntityManager, buckets: string[]): Promise<void> {
    await em
      .getConnection()
      .execute(
        `update sign_in_failure set failures = case when bucket like 'device:%' then 0 else greatest(failures - 1, 0) end, blocked_until = now() where bucket = any(?::text[])`,
        [pgArray(buckets)],
      );
  }
}

/** "30 detik", "2 menit" / "30 seconds", "2 minutes": how long a refused sign-in must wait. */
export function waitText(locale: Locale, seconds: number): string {
  if (seconds < 60) return locale === 'en' ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${seconds} detik`;
  const minutes = Math.ceil(seconds / 60);
  return locale === 'en' ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${minutes} menit`;
}
