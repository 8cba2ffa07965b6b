import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import { toConnection, toPage, type ConnectionShape } from '../../graphql/connection';
import { userError, type UserError } from '../../graphql/user-error.type';
import { CommonErrors } from '../../platform/app-error';
import { runIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { isUuid, refuse, refusalsAsErrors } from '../../platform/refusal';
import { cityClock, witaInstant } from '../../platform/wita-clock';
import { Partner } from '../partner/partner.entity';
import { User } from '../user/user.entity';
import { Enrolment } from './enrolment.entity';
import { Training } from './training.entity';
import { EnrolmentStatus, TrainingStatus } from './training.enums';
import { TrainingErrors } from './training.errors';
import type { CancelTrainingInput, CreateTrainingInput, TrainingsArgs } from './training.types';

const MAX_LENGTH_MS = 14 * 24 * 3600_000;

/** Trainings: staff create and cancel them; everyone allowed lists them. */
export class TrainingService {
  private readonly audit = new AuditService();

  /** Staff schedule a training. Every problem is reported at once; a retry with the same key returns the first training. */
  async create(ctx: RequestContext, input: CreateTrainingInput): Promise<{ training?: Training; userErrors: UserError[] }> {
    const errors: UserError[] = [];
    const err = (code: string, field: string) => errors.push(userError(ctx.locale, code, ['input', field]));
    const title = input.title.trim();
    const place = input.place.trim();
    const trainer = input.trainer.trim();
    if (!title) err(CommonErrors.REQUIRED, 'title');
    if (!place) err(CommonErrors.REQUIRED, 'place');
    if (!trainer) err(CommonErrors.REQUIRED, 'trainer');
    const span = input.endsAt.getTime() - input.startsAt.getTime();
    if (!(span > 0 && span <= MAX_LENGTH_MS)) err(TrainingErrors.TRAINING_TIME_INVALID, 'endsAt');
    if (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > 1000) err(TrainingErrors.TRAINING_CAPACITY_INVALID, 'capacity');
    const partner = input.partnerId ? (isUuid(input.partnerId) ? await ctx.em.findOne(Partner, input.partnerId) : null) : undefined;
    if (partner === null) err(TrainingErrors.TRAINING_PARTNER_NOT_FOUND, 'partnerId');
    if (errors.length) return { userErrors: errors };

    return refusalsAsErrors(async () => {
      const { value } = await runIdempotent(ctx.em as EntityManager, 'training.create', input.idempotencyKey, ctx.user?.id, async (em) => {
        const training = new Training(title, input.topic, input.startsAt, input.endsAt, place, trainer, input.capacity);
        training.description = input.description?.trim() || undefined;
        training.partner = partner ? em.getReference(Partner, partner.id) : undefined;
        training.createdBy = ctx.user ? em.getReference(User, ctx.user.id) : undefined;
        em.persist(training);
        this.audit.record({ ...ctx, em }, 'training.create', 'Training', training.id, { after: { title, topic: training.topic, capacity: training.capacity } });
        await em.flush();
        return { id: training.id };
      });
      return { training: await ctx.em.findOneOrFail(Training, value.id, { refresh: true }), userErrors: [] };
    });
  }

  /** Staff cancel a training that has no attendance yet; enrolments stay for the record, the vendors see the reason. */
  async cancel(ctx: RequestContext, input: CancelTrainingInput): Promise<{ training?: Training; userErrors: UserError[] }> {
    return refusalsAsErrors(() =>
      ctx.em.transactional(async (em) => {
        const training = await this.mustFind(ctx, input.trainingId, em, true);
        const reason = input.reason.trim();
        if (!reason) throw refuse(ctx, TrainingErrors.TRAINING_REASON_REQUIRED, ['input', 'reason']);
        if (training.status === TrainingStatus.CANCELLED) throw refuse(ctx, TrainingErrors.TRAINING_CANCELLED, ['input', 'trainingId']);
        if (await em.count(Enrolment, { training: training.id, attended: { $ne: null } })) throw refuse(ctx, TrainingErrors.TRAINING_HAS_ATTENDANCE, ['input', 'trainingId']);
        training.status = TrainingStatus.CANCELLED;
        training.cancelReason = reason;
        this.audit.record({ ...ctx, em }, 'training.cancel', 'Training', training.id, { after: { reason } });
        await em.flush();
        return { training, userErrors: [] };
      }),
    );
  }

  /** The training, locked FOR UPDATE when asked (enrolment, cancellation, attendance count one at a time). */
  async mustFind(ctx: RequestContext, id: string, em: EntityManager = ctx.em as EntityManager, lock = false): Promise<Training> {
    const training = isUuid(id) ? await em.findOne(Training, id, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {}) : null;
    if (!training) throw refuse(ctx, TrainingErrors.TRAINING_NOT_FOUND, ['input', 'trainingId']);
    return training;
  }

  /** Staff list: newest start first, optionally by status and a WITA date range. */
  async list(ctx: RequestContext, args: TrainingsArgs): Promise<ConnectionShape<Training>> {
    const page = toPage(args);
    const where: FilterQuery<Training> = {};
    if (args.status) where.status = args.status;
    if (args.from || args.to) {
      where.startsAt = {
        ...(args.from ? { $gte: witaInstant(args.from, '00:00') } : {}),
        ...(args.to ? { $lt: new Date(witaInstant(args.to, '00:00').getTime() + 86_400_000) } : {}),
      };
    }
    const [rows, total] = await ctx.em.findAndCount(Training, where, { orderBy: { startsAt: 'desc', id: 'asc' }, limit: page.limit, offset: page.offset });
    return toConnection(rows, total, page);
  }

  /** What a vendor can still join: scheduled trainings that have not started, soonest first. */
  async open(ctx: RequestContext, args: TrainingsArgs): Promise<ConnectionShape<Training>> {
    const page = toPage(args);
    const [rows, total] = await ctx.em.findAndCount(
      Training,
      { status: TrainingStatus.SCHEDULED, startsAt: { $gt: cityClock.now() } },
      { orderBy: { startsAt: 'asc', id: 'asc' }, limit: page.limit, offset: page.offset },
    );
    return toConnection(rows, total, page);
  }
}

export const ACTIVE_ENROLMENT = { $ne: EnrolmentStatus.CANCELLED } as const;
