import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { PageArgs } from '../../graphql/connection';
import { Allow, Permission } from '../../graphql/permissions';
import { Vendor } from '../market/entities/vendor.entity';
import { isUuid } from '../../platform/refusal';
import { enrolmentVendorLoader } from './training.loaders';
import { MentoringFollowUp, MentoringVisit } from './mentoring.entity';
import { followUpsByVisitLoader, mentorNameLoader } from './mentoring.loaders';
import { MentoringService } from './mentoring.service';
import { FollowUpPayload, MentoringVisitConnection, MentoringVisitPayload, MentoringVisitsArgs, RecordMentoringVisitInput, SetFollowUpDoneInput } from './mentoring.types';

const payload = <T extends object>(type: new () => T, result: object): T => Object.assign(new type(), result);

/** Mentoring visits: staff record and follow up; a vendor reads her own (not the staff-internal notes); partners never. */
@Resolver(() => MentoringVisit)
export class MentoringResolver {
  private readonly service = new MentoringService();

  @Allow(Permission.TrainingManage)
  @Mutation(() => MentoringVisitPayload, { description: 'Staff record a mentoring visit with its agreed follow-ups (idempotent with a key).' })
  async recordMentoringVisit(@Ctx() ctx: RequestContext, @Arg('input', () => RecordMentoringVisitInput) input: RecordMentoringVisitInput): Promise<MentoringVisitPayload> {
    return payload(MentoringVisitPayload, await this.service.record(ctx, input));
  }

  @Allow(Permission.TrainingManage)
  @Mutation(() => FollowUpPayload, { description: 'Staff mark an agreed follow-up done (with its date) or not done.' })
  async setFollowUpDone(@Ctx() ctx: RequestContext, @Arg('input', () => SetFollowUpDoneInput) input: SetFollowUpDoneInput): Promise<FollowUpPayload> {
    return payload(FollowUpPayload, await this.service.setDone(ctx, input));
  }

  @Allow(Permission.TrainingManage)
  @Query(() => MentoringVisitConnection, { description: "A vendor's mentoring visits, newest first (staff)." })
  mentoringVisits(@Ctx() ctx: RequestContext, @Args(() => MentoringVisitsArgs) args: MentoringVisitsArgs): Promise<MentoringVisitConnection> {
    return this.service.forVendor(ctx, args);
  }

  @Allow(Permission.TrainingManage)
  @Query(() => Vendor, { nullable: true, description: 'The vendor whose mentoring log staff open.' })
  mentoredVendor(@Ctx() ctx: RequestContext, @Arg('vendorId', () => ID) vendorId: string): Promise<Vendor | null> {
    return isUuid(vendorId) ? ctx.em.findOne(Vendor, vendorId) : Promise.resolve(null);
  }

  @Allow(Permission.TrainingJoin)
  @Query(() => MentoringVisitConnection, { description: "The signed-in vendor's own mentoring visits, newest first (without staff-internal notes)." })
  myMentoringVisits(@Ctx() ctx: RequestContext, @Args(() => PageArgs) args: PageArgs): Promise<MentoringVisitConnection> {
    return this.service.mine(ctx, args);
  }

  @Allow(Permission.TrainingManage)
  @FieldResolver(() => String, { description: 'Internal notes of the mentor; staff only, never shown to the vendor.' })
  staffNotes(@Root() v: MentoringVisit): string {
    return v.staffNotes;
  }

  @FieldResolver(() => String, { description: 'Name of the mentor (staff).' })
  async mentorName(@Root() v: MentoringVisit, @Ctx() ctx: RequestContext): Promise<string> {
    return (await ctx.loaders.get(mentorNameLoader).load(v.mentor.id)) ?? '';
  }

  @FieldResolver(() => Vendor)
  async vendor(@Root() v: MentoringVisit, @Ctx() ctx: RequestContext): Promise<Vendor | undefined> {
    return ctx.loaders.get(enrolmentVendorLoader).load(v.vendor.id);
  }

  @FieldResolver(() => [MentoringFollowUp], { description: 'Follow-ups agreed, in order.' })
  followUps(@Root() v: MentoringVisit, @Ctx() ctx: RequestContext): Promise<MentoringFollowUp[]> {
    return ctx.loaders.get(followUpsByVisitLoader).load(v.id);
  }
}
