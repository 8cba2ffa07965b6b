import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import { toConnection, toPage, type ConnectionShape } from '../../graphql/connection';
import type { UserError } from '../../graphql/user-error.type';
import { AuditService } from '../audit/audit.service';
import { isUuid, refuse, refusalsAsErrors } from '../../platform/refusal';
import { User } from '../user/user.entity';
import { DuplicateFlag } from './duplicate-flag.entity';
import { DuplicateFlagStatus, DuplicateKind, DuplicateResolution, FamilyStatus } from './family.enums';
import { FamilyErrors } from './family.errors';
import { familyInScope } from './family-guard.util';
import { kelurahanScope } from './family.loaders';
import { FamilyMember } from './family-member.entity';
import { Family } from './family.entity';
import { FamilyService } from './family.service';
import type { DuplicateFlagsArgs, ResolveDuplicateFlagInput } from './family.types';

/** Duplicate flags raised by the database, and how staff settle them. */
export class DuplicateService {
  private readonly audit = new AuditService();
  private readonly families = new FamilyService();

  /** Flags touching a family in the caller's kelurahan, oldest first. */
  async list(ctx: RequestContext, args: DuplicateFlagsArgs): Promise<ConnectionShape<DuplicateFlag>> {
    const page = toPage(args);
    const scope = kelurahanScope(ctx);
    const where = {
      status: args.status ?? DuplicateFlagStatus.OPEN,
      ...(scope ? { $or: [{ family: { kelurahan: { $in: scope } } }, { otherFamily: { kelurahan: { $in: scope } } }] } : {}),
    };
    const [rows, total] = await ctx.em.findAndCount(DuplicateFlag, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: page.limit, offset: page.offset });
    return toConnection(rows, total, page);
  }

  /**
   * NOT_DUPLICATE keeps both (the pair is not flagged again for this number); EXITED_ONE exits
   * the family chosen; CORRECTED only once the two families no longer share the number.
   */
  async resolve(ctx: RequestContext, input: ResolveDuplicateFlagInput): Promise<{ flag?: DuplicateFlag; userErrors: UserError[] }> {
    const note = input.note.trim();
    return refusalsAsErrors(() =>
      (ctx.em as EntityManager).transactional(async (em) => {
        const flag = isUuid(input.flagId) ? await em.findOne(DuplicateFlag, input.flagId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
        if (!flag) throw refuse(ctx, FamilyErrors.FAMILY_DUPLICATE_NOT_FOUND, ['input', 'flagId']);
        // Staff must be able to see at least one of the two families.
        const visible = await Promise.all([flag.family.id, flag.otherFamily.id].map((id) => familyInScope(ctx, em, id, ['input', 'flagId']).catch(() => null)));
        if (!visible.some(Boolean)) throw refuse(ctx, FamilyErrors.FAMILY_DUPLICATE_NOT_FOUND, ['input', 'flagId']);
        if (flag.status !== DuplicateFlagStatus.OPEN) throw refuse(ctx, FamilyErrors.FAMILY_DUPLICATE_RESOLVED, ['input', 'flagId']);
        if (!note) throw refuse(ctx, FamilyErrors.FAMILY_DUPLICATE_NOTE_REQUIRED, ['input', 'note']);
        let exited: Family | undefined;
        if (input.resolution === DuplicateResolution.EXITED_ONE) {
          if (input.exitFamilyId !== flag.family.id && input.exitFamilyId !== flag.otherFamily.id) throw refuse(ctx, FamilyErrors.FAMILY_DUPLICATE_EXIT_WHICH, ['input', 'exitFamilyId']);
          exited = await familyInScope(ctx, em, input.exitFamilyId, ['input', 'exitFamilyId'], true);
          if (exited.status !== FamilyStatus.EXITED) this.families.applyStatus(exited, FamilyStatus.EXITED, `Duplikat: ${note}`.slice(0, 500));
        }
        if (input.resolution === DuplicateResolution.CORRECTED && (await this.stillShared(em, flag))) {
          throw refuse(ctx, FamilyErrors.FAMILY_DUPLICATE_STILL_PRESENT, ['input', 'resolution']);
        }
        Object.assign(flag, { status: DuplicateFlagStatus.RESOLVED, resolution: input.resolution, resolutionNote: note, resolvedAt: new Date() });
        if (ctx.user) flag.resolvedBy = em.getReference(User, ctx.user.id);
        this.audit.record({ ...ctx, em }, 'ina.duplicate.resolve', 'DuplicateFlag', flag.id, {
          after: { kind: flag.kind, resolution: input.resolution, note, exitedFamily: exited?.registryNumber },
        });
        await em.flush();
        return { flag, userErrors: [] };
      }),
    );
  }

  private async stillShared(em: EntityManager, flag: DuplicateFlag): Promise<boolean> {
    if (flag.kind === DuplicateKind.KK) {
      return (await em.count(Family, { id: { $in: [flag.family.id, flag.otherFamily.id] }, kkHash: flag.blindHash })) === 2;
    }
    const shared = await em.find(FamilyMember, { family: { $in: [flag.family.id, flag.otherFamily.id] }, nikHash: flag.blindHash, leftAt: null });
    return new Set(shared.map((m) => m.family.id)).size === 2;
  }
}
