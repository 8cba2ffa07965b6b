import { randomInt } from 'node:crypto';
import type { RequestContext } from '../../graphql/context';
import { userError } from '../../graphql/user-error.type';
import { AppError, CommonErrors } from '../../platform/app-error';
import { AuditService } from '../audit/audit.service';
import { AuthErrors } from '../auth/auth.errors';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/password.util';
import { Session } from '../auth/session.entity';
import { Role } from './role.enum';
import { User } from './user.entity';
import { UserErrors } from './user.errors';
import type { UserResult } from './user.service';

/** Letters and digits that read aloud and copy by hand without doubt (no 0/o, 1/l/i). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A temporary password to read out or write on paper: two groups of four ("k7mq-x2pd"),
 * 31^8 ≈ 8.5·10^11 possibilities; it opens the account only to choose a new one, and sign-in
 * throttling slows guessing.
 */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${group()}-${group()}`;
}

/** Which accounts a role may reset: an administrator any other, market staff vendors only. */
const MAY_RESET: Partial<Record<Role, (target: Role) => boolean>> = {
  [Role.ADMIN]: () => true,
  [Role.MARKET_STAFF]: (target) => target === Role.VENDOR,
};

/**
 * Forgotten passwords for people without e-mail: the vendor asks market staff (or anyone asks
 * the administrator), who reset the account to a temporary password shown once; her first
 * sign-in with it leads to choosing her own.
 */
export class PasswordResetService {
  private readonly audit = new AuditService();

  /**
   * Gives the account a temporary password (only its hash is stored), ends all its sessions and
   * requires a new password at the next sign-in; in one transaction, audited without the password.
   */
  async reset(ctx: RequestContext, userId: string): Promise<UserResult & { temporaryPassword?: string }> {
    const user = /^[0-9a-f-]{36}$/i.test(userId) ? await ctx.em.findOne(User, userId) : null;
    if (!user) throw new AppError(CommonErrors.NOT_FOUND);
    if (!MAY_RESET[ctx.user!.role]?.(user.role)) throw new AppError(CommonErrors.FORBIDDEN);
    const field = ['input', 'userId'];
    if (user.id === ctx.user!.id) return { userErrors: [userError(ctx.locale, UserErrors.CANNOT_RESET_OWN_PASSWORD, field)] };
    if (user.erasedAt) return { userErrors: [userError(ctx.locale, UserErrors.CANNOT_RESET_CLOSED_ACCOUNT, field)] };

    const password = temporaryPassword();
    const hash = await hashPassword(password);
    await ctx.em.transactional(async (em) => {
      await em.nativeUpdate(User, { id: user.id }, { passwordHash: hash, mustChangePassword: true });
      await em.nativeUpdate(Session, { user: user.id, revokedAt: null }, { revokedAt: new Date() });
      this.audit.record({ ...ctx, em }, 'user.reset_password', 'User', user.id, { after: { temporary: true, role: user.role } });
    });
    user.mustChangePassword = true;
    return { user, temporaryPassword: password, userErrors: [] };
  }

  /**
   * The signed-in person replaces her password (the temporary one, or her own). Her other
   * sessions end; this one stays, so she carries on where she was.
   */
  async changeMine(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<UserResult> {
    const user = await ctx.em.findOneOrFail(User, ctx.user!.id, { populate: ['passwordHash'] });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      return { userErrors: [userError(ctx.locale, AuthErrors.PASSWORD_WRONG, ['input', 'currentPassword'])] };
    }
    if (newPassword.length < MIN_PASSWORD_LENGTH) {
      return { userErrors: [userError(ctx.locale, AuthErrors.PASSWORD_TOO_SHORT, ['input', 'newPassword'], { min: MIN_PASSWORD_LENGTH })] };
    }
    if (newPassword === currentPassword) return { userErrors: [userError(ctx.locale, AuthErrors.PASSWORD_UNCHANGED, ['input', 'newPassword'])] };

    const hash = await hashPassword(newPassword);
    const wasTemporary = user.mustChangePassword;
    await ctx.em.transactional(async (em) => {
      await em.nativeUpdate(User, { id: user.id }, { passwordHash: hash, mustChangePassword: false });
      await em.nativeUpdate(Session, { user: user.id, revokedAt: null, tokenHash: { $ne: ctx.user!.sessionTokenHash } }, { revokedAt: new Date() });
      this.audit.record({ ...ctx, em }, 'user.change_password', 'User', user.id, { before: { temporary: wasTemporary } });
    });
    user.mustChangePassword = false;
    return { user, userErrors: [] };
  }
}
