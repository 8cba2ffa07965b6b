import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import { toConnection, toPage, type ConnectionShape, type PageArgs } from '../../graphql/connection';
import { userError, type UserError } from '../../graphql/user-error.type';
import { runIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { Vendor } from '../market/entities/vendor.entity';
import { VendorDataErrors } from '../market/vendor-data.part';
import { isUuid, refuse, refusalsAsErrors } from '../../platform/refusal';
import { cityClock, witaDate } from '../../platform/wita-clock';
import { Role } from '../user/role.enum';
import { User } from '../user/user.entity';
import { MentoringFollowUp, MentoringVisit } from './mentoring.entity';
import type { MentoringVisitsArgs, RecordMentoringVisitInput, SetFollowUpDoneInput } from './mentoring.types';
import { MentoringErrors } from './training.errors';

const MENTOR_ROLES = [Role.MARKET_STAFF, Role.ADMIN];

/** Mentoring visits (pendampingan): staff record them; the vendor reads her own, without the internal notes. */
export class MentoringService {
  private readonly audit = new AuditService();

  /** Records a visit with its follow-ups in one transaction; a retry with the same key returns the first visit. */
  async record(ctx: RequestContext, input: RecordMentoringVisitInput): Promise<{ visit?: MentoringVisit; userErrors: UserError[] }> {
    const errors: UserError[] = [];
    const err = (code: string, field: string) => errors.push(userError(ctx.locale, code, ['input', field]));
    const vendor = isUuid(input.vendorId) ? await ctx.em.findOne(Vendor, input.vendorId) : null;
    if (!vendor) err(MentoringErrors.MENTORING_VENDOR_NOT_FOUND, 'vendorId');
    else if (vendor.erasedAt) err(VendorDataErrors.VENDOR_ERASED, 'vendorId');
    const mentorId = input.mentorId ?? ctx.user?.id;
    const mentor = isUuid(mentorId) ? await ctx.em.findOne(User, mentorId) : null;
    if (!mentor || !MENTOR_ROLES.includes(mentor.role)) err(MentoringErrors.MENTORING_MENTOR_NOT_STAFF, 'mentorId');
    if (input.visitDate > witaDate(cityClock.now())) err(MentoringErrors.MENTORING_DATE_IN_FUTURE, 'visitDate');
    if (input.visitDate < '2020-01-01') err(MentoringErrors.MENTORING_DATE_TOO_OLD, 'visitDate');
    const followUps = (input.followUps ?? []).map((f) => f.trim());
    if (followUps.length > 20) err(MentoringErrors.MENTORING_TOO_MANY_FOLLOW_UPS, 'followUps');
    if (followUps.some((f) => !f)) err(MentoringErrors.MENTORING_FOLLOW_UP_EMPTY, 'followUps');
    if (errors.length) return { userErrors: errors };

    return refusalsAsErrors(async () => {
      const { value } = await runIdempotent(ctx.em as EntityManager, 'mentoring.recordVisit', input.idempotencyKey, ctx.user?.id, async (em) => {
        const visit = new MentoringVisit(em.getReference(Vendor, vendor!.id), em.getReference(User, mentor!.id), input.visitDate, input.topic);
        visit.notes = input.notes?.trim() ?? '';
        visit.staffNotes = input.staffNotes?.trim() ?? '';
        visit.recordedBy = ctx.user ? em.getReference(User, ctx.user.id) : undefined;
        em.persist(visit);
        followUps.forEach((text, i) => em.persist(new MentoringFollowUp(visit, i + 1, text)));
        this.audit.record({ ...ctx, em }, 'mentoring.visit.record', 'MentoringVisit', visit.id, {
          after: { vendor: vendor!.code, date: visit.visitDate, topic: visit.topic, followUps: followUps.length },
        });
        await em.flush();
        return { id: visit.id };
      });
      return { visit: await ctx.em.findOneOrFail(MentoringVisit, value.id, { refresh: true }), userErrors: [] };
    });
  }

  /** Marks a follow-up done on a date (default today, WITA) or not done; the same answer twice changes nothing. */
  async setDone(ctx: RequestContext, input: SetFollowUpDoneInput): Promise<{ followUp?: MentoringFollowUp; userErrors: UserError[] }> {
    return refusalsAsErrors(() =>
      ctx.em.transactional(async (em) => {
        const followUp = isUuid(input.followUpId) ? await em.findOne(MentoringFollowUp, input.followUpId, { populate: ['visit'] }) : null;
        if (!followUp) throw refuse(ctx, MentoringErrors.MENTORING_FOLLOW_UP_NOT_FOUND, ['input', 'followUpId']);
        const today = witaDate(cityClock.now());
        const doneOn = input.done ? (input.doneOn ?? today) : undefined;
        if (doneOn && (doneOn > today || doneOn < followUp.visit.visitDate)) throw refuse(ctx, MentoringErrors.MENTORING_DONE_DATE_INVALID, ['input', 'doneOn']);
        if (followUp.done === input.done && followUp.doneOn === doneOn) return { followUp, userErrors: [] };
        const before = { done: followUp.done, doneOn: followUp.doneOn ?? null };
        followUp.done = input.done;
        followUp.doneOn = doneOn;
        followUp.doneRecordedBy = ctx.user ? em.getReference(User, ctx.user.id) : undefined;
        this.audit.record({ ...ctx, em }, 'mentoring.follow_up.set_done', 'MentoringFollowUp', followUp.id, { before, after: { done: followUp.done, doneOn: doneOn ?? null } });
        await em.flush();
        return { followUp, userErrors: [] };
      }),
    );
  }

  /** A vendor's visits for staff, newest first. */
  async forVendor(ctx: RequestContext, args: MentoringVisitsArgs): Promise<ConnectionShape<MentoringVisit>> {
    const page = toPage(args);
    if (!isUuid(args.vendorId)) return toConnection([], 0, page);
    return this.page(ctx, args.vendorId, page);
  }

  /** The signed-in vendor's own visits, newest first. */
  async mine(ctx: RequestContext, args: PageArgs): Promise<ConnectionShape<MentoringVisit>> {
    const page = toPage(args);
    const vendor = ctx.user ? await ctx.em.findOne(Vendor, { user: ctx.user.id }) : null;
    return vendor ? this.page(ctx, vendor.id, page) : toConnection([], 0, page);
  }

  private async page(ctx: RequestContext, vendorId: string, page: { limit: number; offset: number }): Promise<ConnectionShape<MentoringVisit>> {
    const [rows, total] = await ctx.em.findAndCount(MentoringVisit, { vendor: vendorId }, { orderBy: { visitDate: 'desc', createdAt: 'desc' }, limit: page.limit, offset: page.offset });
    return toConnection(rows, total, page);
  }
}
