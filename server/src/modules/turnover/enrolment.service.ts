import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import { toConnection, toPage, type ConnectionShape, type PageArgs } from '../../graphql/connection';
import type { UserError } from '../../graphql/user-error.type';
import { runIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { Vendor } from '../market/entities/vendor.entity';
import { VendorStatus } from '../market/entities/market.enums';
import { isUuid, refuse, refusalsAsErrors } from '../../platform/refusal';
import { cityClock, witaDate } from '../../platform/wita-clock';
import { VendorDataErrors } from '../market/vendor-data.part';
import { VendorService } from '../market/vendor.service';
import { User } from '../user/user.entity';
import { Enrolment } from './enrolment.entity';
import { EnrolmentStatus, TrainingStatus } from './training.enums';
import { TrainingErrors } from './training.errors';
import { TrainingService } from './training.service';
import type { EnrolVendorInput, JoinTrainingInput, RecordAttendanceInput } from './training.types';

type Result = Promise<{ enrolment?: Enrolment; userErrors: UserError[] }>;

/**
 * Enrolment, waitlist and attendance. Seats are counted with the training row locked FOR UPDATE,
 * and a trigger refuses any ENROLLED row beyond the capacity, so two server processes can never
 * give out one seat too many.
 */
export class EnrolmentService {
  private readonly audit = new AuditService();
  private readonly vendors = new VendorService();
  private readonly trainings = new TrainingService();

  /** A vendor enrols herself, until the training starts; beyond the capacity she joins the waitlist. */
  async join(ctx: RequestContext, input: JoinTrainingInput): Result {
    return refusalsAsErrors(async () => {
      const vendor = await this.vendors.mine(ctx);
      return this.enrol(ctx, 'training.join', input.idempotencyKey, input.trainingId, vendor, true);
    });
  }

  /** Staff enrol an approved vendor, until the training ends (walk-ins on the day). */
  async enrolVendor(ctx: RequestContext, input: EnrolVendorInput): Result {
    return refusalsAsErrors(async () => {
      const vendor = isUuid(input.vendorId) ? await ctx.em.findOne(Vendor, input.vendorId) : null;
      if (vendor?.erasedAt) throw refuse(ctx, VendorDataErrors.VENDOR_ERASED, ['input', 'vendorId']);
      if (!vendor || vendor.status !== VendorStatus.APPROVED) throw refuse(ctx, TrainingErrors.TRAINING_VENDOR_NOT_FOUND, ['input', 'vendorId']);
      return this.enrol(ctx, 'training.enrolVendor', input.idempotencyKey, input.trainingId, vendor, false);
    });
  }

  private async enrol(ctx: RequestContext, operation: string, key: string | undefined, trainingId: string, vendor: Vendor, self: boolean): Promise<{ enrolment: Enrolment; userErrors: UserError[] }> {
    const { value } = await runIdempotent(ctx.em as EntityManager, operation, key, ctx.user?.id, async (em) => {
      const training = await this.trainings.mustFind(ctx, trainingId, em, true);
      const now = cityClock.now();
      if (training.status === TrainingStatus.CANCELLED) throw refuse(ctx, TrainingErrors.TRAINING_CANCELLED, ['input', 'trainingId']);
      if (self && now >= training.startsAt) throw refuse(ctx, TrainingErrors.TRAINING_ALREADY_STARTED, ['input', 'trainingId']);
      if (now >= training.endsAt) throw refuse(ctx, TrainingErrors.TRAINING_OVER, ['input', 'trainingId']);
      if (await em.count(Enrolment, { training: training.id, vendor: vendor.id, status: { $ne: EnrolmentStatus.CANCELLED } })) {
        throw refuse(ctx, TrainingErrors.TRAINING_ALREADY_ENROLLED, ['input', 'trainingId']);
      }
      const [{ enrolled, last }] = await em.execute(
        `select count(*) filter (where status = 'ENROLLED')::int as enrolled, coalesce(max(waitlist_position), 0)::int as last
           from training_enrolment where training_id = ?`,
        [training.id],
      );
      const seat = enrolled < training.capacity;
      const enrolment = new Enrolment(training, em.getReference(Vendor, vendor.id), seat ? EnrolmentStatus.ENROLLED : EnrolmentStatus.WAITLISTED, now, self);
      enrolment.waitlistPosition = seat ? undefined : last + 1;
      enrolment.enrolledBy = ctx.user ? em.getReference(User, ctx.user.id) : undefined;
      em.persist(enrolment);
      this.audit.record({ ...ctx, em }, self ? 'training.join' : 'training.enrol_vendor', 'Enrolment', enrolment.id, {
        after: { training: training.id, vendor: vendor.code, status: enrolment.status, waitlistPosition: enrolment.waitlistPosition },
      });
      await em.flush(); // enrolled meanwhile: the unique constraint answers TRAINING_ALREADY_ENROLLED (training.errors.ts)
      return { id: enrolment.id };
    });
    return { enrolment: await ctx.em.findOneOrFail(Enrolment, value.id, { refresh: true }), userErrors: [] };
  }

  /** The vendor leaves a training before it starts; a freed seat goes to the first on the waitlist. */
  async leave(ctx: RequestContext, enrolmentId: string): Result {
    return refusalsAsErrors(async () => {
      const vendor = await this.vendors.mine(ctx, false);
      return this.cancel(ctx, enrolmentId, vendor.id);
    });
  }

  /** Staff take a vendor off a training (before it ends, unless her attendance is recorded). */
  async cancelByStaff(ctx: RequestContext, enrolmentId: string): Result {
    return refusalsAsErrors(() => this.cancel(ctx, enrolmentId));
  }

  private async cancel(ctx: RequestContext, enrolmentId: string, ownVendorId?: string): Promise<{ enrolment: Enrolment; userErrors: UserError[] }> {
    const id = await ctx.em.transactional(async (em) => {
      const found = isUuid(enrolmentId) ? await em.findOne(Enrolment, { id: enrolmentId, ...(ownVendorId ? { vendor: ownVendorId } : {}) }) : null;
      if (!found) throw refuse(ctx, TrainingErrors.TRAINING_ENROLMENT_NOT_FOUND, ['input', 'enrolmentId']);
      const training = await this.trainings.mustFind(ctx, found.training.id, em, true);
      const enrolment = await em.findOneOrFail(Enrolment, found.id, { refresh: true });
      if (enrolment.status === EnrolmentStatus.CANCELLED) throw refuse(ctx, TrainingErrors.TRAINING_ENROLMENT_NOT_ACTIVE, ['input', 'enrolmentId']);
      const now = cityClock.now();
      if (ownVendorId ? now >= training.startsAt : enrolment.attended != null || now >= training.endsAt) {
        throw refuse(ctx, TrainingErrors.TRAINING_CANCEL_AFTER_START, ['input', 'enrolmentId']);
      }
      const before = { status: enrolment.status, waitlistPosition: enrolment.waitlistPosition };
      enrolment.status = EnrolmentStatus.CANCELLED;
      enrolment.cancelledAt = now;
      enrolment.waitlistPosition = undefined;
      this.audit.record({ ...ctx, em }, ownVendorId ? 'training.leave' : 'training.cancel_enrolment', 'Enrolment', enrolment.id, { before, after: { status: enrolment.status } });
      await em.flush();
      if (before.status === EnrolmentStatus.ENROLLED && training.status === TrainingStatus.SCHEDULED) await this.promote(em, training.id, now);
      else if (before.waitlistPosition) {
        await em.execute(
          `update training_enrolment set waitlist_position = waitlist_position - 1, updated_at = now()
            where training_id = ? and status = 'WAITLISTED' and waitlist_position > ?`,
          [training.id, before.waitlistPosition],
        );
      }
      return enrolment.id;
    });
    return { enrolment: await ctx.em.findOneOrFail(Enrolment, id, { refresh: true }), userErrors: [] };
  }

  /** The first on the waitlist takes the freed seat; everyone behind her moves up one place. */
  private async promote(em: EntityManager, trainingId: string, now: Date): Promise<void> {
    const [next] = await em.execute(
      `update training_enrolment set status = 'ENROLLED', waitlist_position = null, promoted_at = ?, updated_at = now()
        where id = (select id from training_enrolment where training_id = ? and status = 'WAITLISTED' order by waitlist_position, requested_at limit 1)
        returning id`,
      [now, trainingId],
    );
    if (!next) return;
    await em.execute(`update training_enrolment set waitlist_position = waitlist_position - 1, updated_at = now() where training_id = ? and status = 'WAITLISTED'`, [trainingId]);
  }

  /**
   * Staff mark a participant present or absent, from the day of the training (WITA). The first
   * "present" gives her a certificate number from the database sequence; it is kept if the record
   * is later corrected (the public check then shows it as not valid). Recording the same answer
   * again changes nothing, so a retried tap from a phone is harmless.
   */
  async recordAttendance(ctx: RequestContext, input: RecordAttendanceInput): Result {
    return refusalsAsErrors(async () => {
      const { value } = await runIdempotent(ctx.em as EntityManager, 'training.recordAttendance', input.idempotencyKey, ctx.user?.id, async (em) => {
        const found = isUuid(input.enrolmentId) ? await em.findOne(Enrolment, input.enrolmentId, { populate: ['training'] }) : null;
        if (!found) throw refuse(ctx, TrainingErrors.TRAINING_ENROLMENT_NOT_FOUND, ['input', 'enrolmentId']);
        const training = found.training;
        const now = cityClock.now();
        const date = witaDate(training.startsAt);
        if (training.status === TrainingStatus.CANCELLED) throw refuse(ctx, TrainingErrors.TRAINING_CANCELLED, ['input', 'enrolmentId']);
        if (witaDate(now) < date) throw refuse(ctx, TrainingErrors.TRAINING_ATTENDANCE_TOO_EARLY, ['input', 'enrolmentId'], { date });
        // FOR UPDATE: two taps on two phones for the same participant are applied one after the other.
        const enrolment = await em.findOneOrFail(Enrolment, found.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
        if (enrolment.status !== EnrolmentStatus.ENROLLED) throw refuse(ctx, TrainingErrors.TRAINING_ATTENDANCE_NOT_ENROLLED, ['input', 'enrolmentId']);
        if (enrolment.attended === input.present) return { id: enrolment.id };
        const before = { attended: enrolment.attended ?? null };
        await em.execute(
          `update training_enrolment e
              set attended = ?, attendance_recorded_at = ?, attendance_recorded_by_id = ?, updated_at = now(),
                  certificate_number = case when ? and e.certificate_number is null
                    then 'SERT-' || to_char(t.starts_at at time zone 'Asia/Makassar', 'YYYY') || '-' || lpad(nextval('training_certificate_seq')::text, 6, '0')
                    else e.certificate_number end
             from training t where t.id = e.training_id and e.id = ?`,
          [input.present, now, ctx.user?.id ?? null, input.present, enrolment.id],
        );
        this.audit.record({ ...ctx, em }, 'training.attendance', 'Enrolment', enrolment.id, { before, after: { attended: input.present } });
        await em.flush();
        return { id: enrolment.id };
      });
      return { enrolment: await ctx.em.findOneOrFail(Enrolment, value.id, { refresh: true }), userErrors: [] };
    });
  }

  /** The signed-in vendor's enrolments (cancelled ones too), newest training first. */
  async mine(ctx: RequestContext, args: PageArgs): Promise<ConnectionShape<Enrolment>> {
    const page = toPage(args);
    const vendor = ctx.user ? await ctx.em.findOne(Vendor, { user: ctx.user.id }) : null;
    if (!vendor) return toConnection([], 0, page);
    const [rows, total] = await ctx.em.findAndCount(
      Enrolment,
      { vendor: vendor.id },
      { populate: ['training'], orderBy: { training: { startsAt: 'desc' }, createdAt: 'desc' }, limit: page.limit, offset: page.offset },
    );
    return toConnection(rows, total, page);
  }
}
