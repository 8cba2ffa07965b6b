import type { EntityManager } from '@mikro-orm/postgresql';
import { ERASED_TEXT } from '../audit/audit-erasure';
import type { AccountDataPart } from '../feature-module';

/**
 * The platform's part in an account holder's rights over her data: the account itself, its
 * sessions (with the addresses they came from) and a summary of what she did (actions and
 * counts — the entries themselves name other people). Erasure keeps the account row as a
 * pseudonymous id, so that the trail still says an account did what it did, without name,
 * login or a usable password; sessions and the answers kept for retried requests are deleted.
 */
export const accountData: AccountDataPart = {
  async export(em: EntityManager, userId: string) {
    const account = await em.execute(
      `select u.full_name as "fullName", u.email, u.phone, u.role, u.locale, u.active, u.created_at as "createdAt", u.last_sign_in_at as "lastSignInAt",
              p.name as partner, array_to_string(array(select k.region_code from user_kelurahan k where k.user_id = u.id order by 1), ' ') as kelurahan
         from app_user u left join partner p on p.id = u.partner_id where u.id = ?`,
      [userId],
    );
    const sessions = await em.execute(
      `select created_at as "createdAt", expires_at as "expiresAt", revoked_at as "revokedAt", ip from session where user_id = ? order by created_at`,
      [userId],
    );
    const activity = await em.execute(
      `select action, count(*)::int as count, min(at) as first, max(at) as last from audit_entry where actor_id = ? group by action order by action`,
      [userId],
    );
    return [
      { key: 'account', label: 'akun', rows: account },
      { key: 'sessions', label: 'sesi', rows: sessions },
      { key: 'activity', label: 'aktivitas', rows: activity },
    ];
  },

  async erase(em: EntityManager, userId: string) {
    await em.execute(
      `update app_user set full_name = '${ERASED_TEXT}', email = null, phone = null, password_hash = '!', active = false, erased_at = now(), updated_at = now() where id = ?`,
      [userId],
    );
    await em.execute(`delete from session where user_id = ?`, [userId]);
    await em.execute(`delete from idempotency_key where user_id = ?`, [userId]);
    return [{ entityType: 'User', idsSql: '?::text', params: [userId] }];
  },
};
