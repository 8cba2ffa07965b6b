import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { wrap } from '@mikro-orm/core';
import type { RequestContext } from '../../graphql/context';
import { PageArgs, toConnection, toPage } from '../../graphql/connection';
import { Allow, Permission, Public } from '../../graphql/permissions';
import { Vendor } from '../market/entities/vendor.entity';
import { Partner } from '../partner/partner.entity';
import { CertificateService } from './certificate.service';
import { Enrolment } from './enrolment.entity';
import { EnrolmentService } from './enrolment.service';
import { Training } from './training.entity';
import { EnrolmentStatus } from './training.enums';
import { enrolmentsByTrainingLoader, enrolmentVendorLoader, myEnrolmentLoader, seatsLoader, trainingLoader } from './training.loaders';
import { partnerLoader, type PartnerRow } from '../partner/partner.loaders';
import { TrainingService } from './training.service';
import {
  CancelTrainingInput,
  Certificate,
  CertificateVerification,
  CreateTrainingInput,
  EnrolmentConnection,
  EnrolmentPayload,
  EnrolmentRefInput,
  EnrolmentsArgs,
  EnrolVendorInput,
  JoinTrainingInput,
  RecordAttendanceInput,
  TrainingConnection,
  TrainingPayload,
  TrainingSeats,
  TrainingsArgs,
} from './training.types';

const payload = <T extends object>(type: new () => T, result: object): T => Object.assign(new type(), result);

/** Trainings (pelatihan): staff schedule them; vendors see the ones they can join. */
@Resolver(() => Training)
export class TrainingResolver {
  private readonly service = new TrainingService();

  @Allow(Permission.TrainingManage)
  @Mutation(() => TrainingPayload, { description: 'Staff schedule a training (idempotent with a key).' })
  async createTraining(@Ctx() ctx: RequestContext, @Arg('input', () => CreateTrainingInput) input: CreateTrainingInput): Promise<TrainingPayload> {
    return payload(TrainingPayload, await this.service.create(ctx, input));
  }

  @Allow(Permission.TrainingManage)
  @Mutation(() => TrainingPayload, { description: 'Staff cancel a training that has no attendance yet, with a reason.' })
  async cancelTraining(@Ctx() ctx: RequestContext, @Arg('input', () => CancelTrainingInput) input: CancelTrainingInput): Promise<TrainingPayload> {
    return payload(TrainingPayload, await this.service.cancel(ctx, input));
  }

  @Allow(Permission.TrainingManage)
  @Query(() => TrainingConnection, { description: 'Trainings, newest start first (staff).' })
  trainings(@Ctx() ctx: RequestContext, @Args(() => TrainingsArgs) args: TrainingsArgs): Promise<TrainingConnection> {
    return this.service.list(ctx, args);
  }

  @Allow(Permission.TrainingManage)
  @Query(() => Training, { nullable: true, description: 'One training with its enrolments (staff).' })
  training(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Training | null> {
    return this.service.mustFind(ctx, id).catch(() => null);
  }

  @Allow(Permission.TrainingJoin)
  @Query(() => TrainingConnection, { description: 'Trainings the signed-in vendor can still join, soonest first.' })
  openTrainings(@Ctx() ctx: RequestContext, @Args(() => TrainingsArgs) args: TrainingsArgs): Promise<TrainingConnection> {
    return this.service.open(ctx, args);
  }

  @Allow(Permission.TrainingManage)
  @Query(() => [Partner], { description: 'Partners that can sponsor a training (names only), for the staff form.' })
  trainingSponsorOptions(@Ctx() ctx: RequestContext): Promise<Partner[]> {
    return ctx.em.find(Partner, {}, { orderBy: { name: 'asc' }, limit: 200 });
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'Sponsoring partner (mitra CSR), if any.' })
  async sponsor(@Root() t: Training, @Ctx() ctx: RequestContext): Promise<PartnerRow | undefined> {
    return t.partner ? ctx.loaders.get(partnerLoader).load(t.partner.id) : undefined;
  }

  @FieldResolver(() => TrainingSeats, { description: 'Seats taken and left, waitlist length, attendance so far.' })
  seats(@Root() t: Training, @Ctx() ctx: RequestContext): Promise<TrainingSeats> {
    return ctx.loaders.get(seatsLoader).load(t.id);
  }

  @FieldResolver(() => Enrolment, { nullable: true, description: "The signed-in vendor's enrolment, if she has one." })
  myEnrolment(@Root() t: Training, @Ctx() ctx: RequestContext): Promise<Enrolment | undefined> {
    return ctx.loaders.get(myEnrolmentLoader).load(t.id);
  }

  @Allow(Permission.TrainingManage)
  @FieldResolver(() => EnrolmentConnection, { description: 'Participants (staff): seated first in order of enrolment, then the waitlist in order.' })
  async enrolments(@Root() t: Training, @Ctx() ctx: RequestContext, @Args(() => EnrolmentsArgs) args: EnrolmentsArgs, @Args(() => PageArgs) pageArgs: PageArgs): Promise<EnrolmentConnection> {
    const page = toPage(pageArgs);
    const all = await ctx.loaders.get(enrolmentsByTrainingLoader).load(t.id);
    const rows = args.status ? all.filter((e) => e.status === args.status) : all;
    return toConnection(rows.slice(page.offset, page.offset + page.limit), rows.length, page);
  }
}

/** Enrolment, waitlist, attendance and certificates. */
@Resolver(() => Enrolment)
export class EnrolmentResolver {
  private readonly enrolments = new EnrolmentService();
  private readonly certificates = new CertificateService();

  @Allow(Permission.TrainingJoin)
  @Mutation(() => EnrolmentPayload, { description: 'A vendor enrols herself; beyond the capacity she is waitlisted in order (idempotent with a key).' })
  async joinTraining(@Ctx() ctx: RequestContext, @Arg('input', () => JoinTrainingInput) input: JoinTrainingInput): Promise<EnrolmentPayload> {
    return payload(EnrolmentPayload, await this.enrolments.join(ctx, input));
  }

  @Allow(Permission.TrainingJoin)
  @Mutation(() => EnrolmentPayload, { description: 'A vendor leaves a training before it starts; the first on the waitlist takes her seat.' })
  async leaveTraining(@Ctx() ctx: RequestContext, @Arg('input', () => EnrolmentRefInput) input: EnrolmentRefInput): Promise<EnrolmentPayload> {
    return payload(EnrolmentPayload, await this.enrolments.leave(ctx, input.enrolmentId));
  }

  @Allow(Permission.TrainingManage)
  @Mutation(() => EnrolmentPayload, { description: 'Staff enrol a vendor; beyond the capacity she is waitlisted (idempotent with a key).' })
  async enrolVendor(@Ctx() ctx: RequestContext, @Arg('input', () => EnrolVendorInput) input: EnrolVendorInput): Promise<EnrolmentPayload> {
    return payload(EnrolmentPayload, await this.enrolments.enrolVendor(ctx, input));
  }

  @Allow(Permission.TrainingManage)
  @Mutation(() => EnrolmentPayload, { description: 'Staff take a vendor off a training; the first on the waitlist takes a freed seat.' })
  async cancelEnrolment(@Ctx() ctx: RequestContext, @Arg('input', () => EnrolmentRefInput) input: EnrolmentRefInput): Promise<EnrolmentPayload> {
    return payload(EnrolmentPayload, await this.enrolments.cancelByStaff(ctx, input.enrolmentId));
  }

  @Allow(Permission.TrainingManage)
  @Mutation(() => EnrolmentPayload, { description: 'Staff mark a participant present or absent on the day; the first "present" issues her certificate number.' })
  async recordAttendance(@Ctx() ctx: RequestContext, @Arg('input', () => RecordAttendanceInput) input: RecordAttendanceInput): Promise<EnrolmentPayload> {
    return payload(EnrolmentPayload, await this.enrolments.recordAttendance(ctx, input));
  }

  @Allow(Permission.TrainingJoin)
  @Query(() => EnrolmentConnection, { description: "The signed-in vendor's trainings (enrolled, waitlisted, cancelled), newest first." })
  myTrainings(@Ctx() ctx: RequestContext, @Args(() => PageArgs) args: PageArgs): Promise<EnrolmentConnection> {
    return this.enrolments.mine(ctx, args);
  }

  @Allow(Permission.TrainingJoin)
  @Query(() => [Certificate], { description: "The signed-in vendor's certificates of attendance, newest first." })
  myCertificates(@Ctx() ctx: RequestContext): Promise<Certificate[]> {
    return this.certificates.mine(ctx);
  }

  @Allow(Permission.TrainingManage)
  @Query(() => Certificate, { nullable: true, description: 'The certificate of one participant, for printing (staff); empty unless she was marked present.' })
  async trainingCertificate(@Ctx() ctx: RequestContext, @Arg('enrolmentId', () => ID) enrolmentId: string): Promise<Certificate | undefined> {
    return this.certificates.forEnrolment(ctx, enrolmentId);
  }

  @Public()
  @Query(() => CertificateVerification, {
    nullable: true,
    description: 'Public check of a certificate by the verification code printed on it (not its number): training, date, and the business name only with her consent. Empty for an unknown code.',
  })
  async verifyCertificate(@Ctx() ctx: RequestContext, @Arg('code', () => String, { description: 'The verification code, with or without dashes, any case.' }) code: string): Promise<CertificateVerification | undefined> {
    return this.certificates.verify(ctx, code.slice(0, 40));
  }

  @FieldResolver(() => Training)
  async training(@Root() e: Enrolment, @Ctx() ctx: RequestContext): Promise<Training | undefined> {
    return wrap(e.training).isInitialized() ? e.training : ctx.loaders.get(trainingLoader).load(e.training.id);
  }

  @FieldResolver(() => Vendor)
  async vendor(@Root() e: Enrolment, @Ctx() ctx: RequestContext): Promise<Vendor | undefined> {
    return wrap(e.vendor).isInitialized() ? e.vendor : ctx.loaders.get(enrolmentVendorLoader).load(e.vendor.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Certificate number (SERT-2026-000123) once she was marked present.' })
  certificateNumber(@Root() e: Enrolment): string | undefined {
    return e.attended ? e.certificateNumber : undefined;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Verification code of her certificate (what the public check accepts), once she was marked present.' })
  certificateCode(@Root() e: Enrolment): string | undefined {
    return e.attended ? e.certificateCode : undefined;
  }

  @FieldResolver(() => Boolean, { description: 'She holds a seat (not waitlisted, not cancelled).' })
  seated(@Root() e: Enrolment): boolean {
    return e.status === EnrolmentStatus.ENROLLED;
  }
}
