import type { WithTextDates } from '../../db/plain-sql';
import type { Locale, User } from './user.entity';
import type { Role } from './role.enum';

/**
 * An account as the read paths serve it (session, `me`, `users`): the `User` GraphQL fields as
 * plain properties, never the password hash. `User`'s field resolvers read these properties,
 * so a row and an entity (what mutations return) answer the same fields.
 */
export interface UserRow {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  role: Role;
  locale: Locale;
  active: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  partnerId: string | null;
}

/** The columns of a `UserRow`, from `app_user u`. */
export const USER_ROW_COLUMNS = `u.id, u.full_name as "fullName", u.email, u.phone, u.role, u.locale, u.active,
  u.last_sign_in_at as "lastSignInAt", u.created_at as "createdAt", u.partner_id as "partnerId"`;

/** A `UserRow` from the text `plainRows` gives for its timestamps (the DateTime fields want a Date). */
export const toUserRow = (row: WithTextDates<UserRow>): UserRow => ({
  ...row,
  lastSignInAt: row.lastSignInAt === null ? null : new Date(row.lastSignInAt),
  createdAt: new Date(row.createdAt),
});

/** The partner of a PARTNER account, from a row or an entity. */
export const partnerIdOf = (user: UserRow | User): string | null => ('partnerId' in user ? user.partnerId : user.partner?.id) ?? null;
