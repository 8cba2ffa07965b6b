import { rowShape } from '../../db/row-shape';
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
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
  partnerId: string | null;
}

/** A `UserRow`'s columns (read from `app_user u`). */
export const USER = rowShape<UserRow>(
  {
    id: 'id',
    fullName: 'full_name',
    email: 'email',
    phone: 'phone',
    role: 'role',
    locale: 'locale',
    active: 'active',
    mustChangePassword: 'must_change_password',
    lastSignInAt: 'last_sign_in_at',
    createdAt: 'created_at',
    partnerId: 'partner_id',
  },
  { instants: ['lastSignInAt', 'createdAt'] },
);

/** The partner of a PARTNER account, from a row or an entity. */
export const partnerIdOf = (user: UserRow | User): string | null => ('partnerId' in user ? user.partnerId : user.partner?.id) ?? null;
