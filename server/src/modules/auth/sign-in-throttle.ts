import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Failures allowed per login and per address in one window before sign-in is refused. */
export const THROTTLE = { perLogin: 5, perAddress: 30, windowMinutes: 15 };

const loginBucket = (login: string) => `login:${createHash('sha256').update(login.trim().toLowerCase()).digest('hex')}`;
const addressBucket = (ip: string) => `ip:${ip}`;

/**
 * Counts failed sign-ins in PostgreSQL so every server process sees the same numbers. The
 * login is hashed: the table never holds phone numbers or e-mails, and the same limit applies
 * whether or not the account exists, so the lock-out reveals nothing.
 */
export class SignInThrottle {
  async isLocked(em: EntityManager, login: string, ip: string): Promise<boolean> {
    const rows: { bucket: string; failures: number }[] = await em.getConnection().execute(
      `select bucket, failures from sign_in_failure
       where bucket in (?, ?) and window_start > now() - make_interval(mins => ?)`,
      [loginBucket(login), addressBucket(ip), THROTTLE.windowMinutes],
    );
    return rows.some((r) =>
      r.bucket.startsWith('login:') ? r.failures >= THROTTLE.perLogin : r.failures >= THROTTLE.perAddress,
    );
  }

  /** One statement: start a new window when the old one has passed, else add one. */
  async recordFailure(em: EntityManager, login: string, ip: string): Promise<void> {
    await em.getConnection().execute(
      `insert into sign_in_failure (bucket, window_start, failures) values (?, now(), 1), (?, now(), 1)
       on conflict (bucket) do update set
         failures = case when sign_in_failure.window_start > now() - make_interval(mins => ?) then sign_in_failure.failures + 1 else 1 end,
         window_start = case when sign_in_failure.window_start > now() - make_interval(mins => ?) then sign_in_failure.window_start else now() end`,
      [loginBucket(login), addressBucket(ip), THROTTLE.windowMinutes, THROTTLE.windowMinutes],
    );
  }

  async clear(em: EntityManager, login: string): Promise<void> {
    await em.getConnection().execute('delete from sign_in_failure where bucket = ?', [loginBucket(login)]);
  }
}
