import { DeadlockException, LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import { userError, type UserError } from '../../graphql/user-error.type';
import { isUuid, refuse } from '../../platform/refusal';
import { FamilyErrors } from './family.errors';
import type { FieldProblem } from './family-validation.util';
import { kelurahanScope } from './family.loaders';
import { Family } from './family.entity';

/** Field problems as user errors under `input` (e.g. members.0.nik → ["input","members","0","nik"]). */
export const toUserErrors = (ctx: RequestContext, problems: FieldProblem[]): UserError[] =>
  problems.map((p) => userError(ctx.locale, p.code, ['input', ...p.field.split('.')], p.params));

/**
 * The family, if it exists and lies in the caller's kelurahan; else a refusal (same for both, so
 * ids leak nothing). With `lock` (every change) it is held FOR UPDATE and must not have withdrawn
 * its consent.
 */
export async function familyInScope(ctx: RequestContext, em: EntityManager, id: string, field: string[], lock = false): Promise<Family> {
  const scope = kelurahanScope(ctx);
  const family = isUuid(id) ? await em.findOne(Family, { id, ...(scope ? { kelurahan: { $in: scope } } : {}) }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) : null;
  if (!family) throw refuse(ctx, FamilyErrors.FAMILY_NOT_FOUND, field);
  // A family that withdrew its consent is kept only for the counts: nothing is written to it again.
  if (lock && family.consentWithdrawnAt) throw refuse(ctx, FamilyErrors.FAMILY_CONSENT_ALREADY_WITHDRAWN, field);
  return family;
}

/**
 * Runs a registry transaction again when PostgreSQL chose it as a deadlock victim: two
 * registrations taking the advisory locks of crosswise duplicate NIKs can meet that way.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof DeadlockException) || i >= attempts) throw err;
    }
  }
}
