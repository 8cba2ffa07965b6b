import { CheckConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import type { UserError } from '../../graphql/user-error.type';
import { AppError } from '../../platform/app-error';
import { AuditService } from '../audit/audit.service';
import { refuse, refusalsAsErrors } from '../../platform/refusal';
import { FamilyErrors } from './family.errors';
import { familyInScope, toUserErrors } from './family-guard.util';
import { FamilyMember } from './family-member.entity';
import { IdentityNumberKind, type CheckFamilyIdentityInput, type FamilyIdentityCheck } from './family.types';
import { normalizeIdNumber, piiCipher } from './identity.util';

/** Identity checks an officer may make in an hour; the database's CHECK on ina_id_check_quota holds the same number. */
export const ID_CHECKS_PER_HOUR = 30;

/** One check taken from the caller's allowance for this hour (a new hour starts again at 1); returns how many are used. */
const TAKE_SQL = `insert into ina_id_check_quota as q (user_id, hour, used) values (?, date_trunc('hour', clock_timestamp()), 1)
  on conflict (user_id) do update set used = case when q.hour = excluded.hour then q.used + 1 else 1 end, hour = excluded.hour
  returning used`;

/**
 * Takes one identity check from the caller's hourly allowance, in the database (every server
 * process shares it; concurrent takes queue on the officer's row). Over the limit: AppError
 * FAMILY_ID_CHECK_LIMIT. Returns the checks left this hour.
 */
export async function takeIdentityCheck(ctx: RequestContext, em: EntityManager): Promise<number> {
  try {
    const [{ used }] = await em.execute<{ used: number }[]>(TAKE_SQL, [ctx.user!.id]);
    return ID_CHECKS_PER_HOUR - used;
  } catch (err) {
    if (err instanceof CheckConstraintViolationException && /ina_id_check_quota_limit/.test(err.message)) throw new AppError(FamilyErrors.FAMILY_ID_CHECK_LIMIT, { limit: ID_CHECKS_PER_HOUR });
    throw err;
  }
}

/** Staff confirm a card at the door: yes or no, never a digit back; audited and rate-limited per officer. */
export class FamilyIdentityCheckService {
  private readonly audit = new AuditService();

  async check(ctx: RequestContext, input: CheckFamilyIdentityInput): Promise<{ check?: FamilyIdentityCheck; userErrors: UserError[] }> {
    const number = normalizeIdNumber(input.number ?? '');
    if (!/^\d{16}$/.test(number)) return { userErrors: toUserErrors(ctx, [{ code: FamilyErrors.FAMILY_ID_CHECK_FORMAT, field: 'number' }]) };
    const cipher = piiCipher(ctx.config.piiKey!);
    const result = await refusalsAsErrors(() =>
      (ctx.em as EntityManager).transactional(async (em) => {
        const family = await familyInScope(ctx, em, input.familyId, ['input', 'familyId']);
        const checksLeftThisHour = await takeIdentityCheck(ctx, em).catch((err) => {
          if (err instanceof AppError) throw refuse(ctx, err.code, ['input', 'number'], err.params);
          throw err;
        });
        const isKk = !!family.kkHash && family.kkHash === cipher.blindIndex('KK', number);
        const member = isKk ? null : await em.findOne(FamilyMember, { family, nikHash: cipher.blindIndex('NIK', number) });
        const matchedAs = isKk ? IdentityNumberKind.KK : member ? IdentityNumberKind.NIK : undefined;
        const check: FamilyIdentityCheck = { familyId: family.id, matches: !!matchedAs, matchedAs, memberId: member?.id, checksLeftThisHour };
        // The outcome only: the typed number (a guess, maybe someone else's) is never written.
        this.audit.record({ ...ctx, em }, 'ina.family.check_id', 'Family', family.id, { after: { matches: check.matches, matchedAs, memberId: member?.id, checksLeftThisHour } });
        await em.flush();
        return { check, userErrors: [] as UserError[] };
      }),
    );
    if ('check' in result) return result;
    // Refused over the limit: the attempt itself is kept in the trail (the transaction above rolled back).
    if (result.userErrors.some((e) => e.code === FamilyErrors.FAMILY_ID_CHECK_LIMIT)) {
      const em = (ctx.em as EntityManager).fork();
      this.audit.record({ ...ctx, em }, 'ina.family.check_id_refused', 'Family', input.familyId, { after: { limit: ID_CHECKS_PER_HOUR } });
      await em.flush();
    }
    return result;
  }
}
