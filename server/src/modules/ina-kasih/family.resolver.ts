import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { PersonalData } from '../../graphql/personal-data';
import { Allow, Permission } from '../../graphql/permissions';
import { regionLoader } from '../market/market.loaders';
import { Region } from '../region/region.entity';
import { DuplicateFlag } from './duplicate-flag.entity';
import { DuplicateService } from './duplicate.service';
import { ageOn, eligibleWomenOn, isEligibleOn, monthBounds } from './eligibility.util';
import { FamilyKkHistory } from './family-kk-history.entity';
import { FamilyMember } from './family-member.entity';
import { Family } from './family.entity';
import { familyLoader, kkHistoryByFamilyLoader, memberLoader, membersByFamilyLoader, openFlagsByFamilyLoader } from './family.loaders';
import { FamilyConsentService } from './family-consent.service';
import { OF_FAMILY } from './family-personal-data';
import { FamilyService } from './family.service';
import { FamilyIdentityCheckService } from './family-identity-check.service';
import {
  AddFamilyMemberInput,
  CheckFamilyIdentityInput,
  FamilyIdentityCheckPayload,
  ChangeFamilyKkInput,
  ExportFamilyDataInput,
  FamilyDataExportPayload,
  WithdrawFamilyConsentInput,
  DuplicateFlagConnection,
  DuplicateFlagPayload,
  DuplicateFlagsArgs,
  FamiliesArgs,
  FamilyConnection,
  FamilyIdentityPayload,
  FamilyMemberPayload,
  FamilyPayload,
  RegisterFamilyInput,
  ResolveDuplicateFlagInput,
  RevealFamilyIdentityInput,
  SetFamilyStatusInput,
  UpdateFamilyInput,
  UpdateFamilyMemberInput,
} from './family.types';
import { MemberService } from './member.service';
import { todayWita } from './program-time.util';

const payload = <T extends object>(type: new () => T, result: object): T => Object.assign(new type(), result);

/** The month (YYYY-MM or a date) asked for, or this month in WITA. */
const monthOrNow = (month?: string) => monthBounds(month && /^\d{4}-\d{2}/.test(month) ? `${month.slice(0, 7)}-01` : todayWita()).start;

/** Families of the Ina Kasih registry (program staff, within their kelurahan). */
@Resolver(() => Family)
export class FamilyResolver {
  private readonly familyService = new FamilyService();
  private readonly members = new MemberService();
  private readonly consent = new FamilyConsentService();
  private readonly identityChecks = new FamilyIdentityCheckService();

  @Allow(Permission.FamilyRead)
  @Query(() => FamilyConnection, { description: 'Registered families, by registry number; KK and NIK masked. Every read is audited.' })
  families(@Ctx() ctx: RequestContext, @Args(() => FamiliesArgs) args: FamiliesArgs): Promise<FamilyConnection> {
    return this.familyService.list(ctx, args);
  }

  @Allow(Permission.FamilyRead)
  @Query(() => Family, { nullable: true, description: "One family's record (audited); empty when unknown or outside the caller's kelurahan." })
  family(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Family | null> {
    return this.familyService.get(ctx, id);
  }

  @Allow(Permission.FamilyManage)
  @Mutation(() => FamilyPayload, { description: 'Registers a family with its members (idempotent with a key). A KK or NIK already in another active family is flagged for staff, not refused.' })
  async registerFamily(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterFamilyInput) input: RegisterFamilyInput): Promise<FamilyPayload> {
    return payload(FamilyPayload, await this.familyService.register(ctx, input));
  }

  @Allow(Permission.FamilyManage)
  @Mutation(() => FamilyPayload, { description: 'Changes the head, address, kelurahan, desil, source, verification, SK, phase, enrolment or consent of a family.' })
  async updateFamily(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateFamilyInput) input: UpdateFamilyInput): Promise<FamilyPayload> {
    return payload(FamilyPayload, await this.familyService.update(ctx, input));
  }

  @Allow(Permission.FamilyManage)
  @Mutation(() => FamilyPayload, { description: 'Records a new KK number for the family; the old one stays in the history.' })
  async changeFamilyKk(@Ctx() ctx: RequestContext, @Arg('input', () => ChangeFamilyKkInput) input: ChangeFamilyKkInput): Promise<FamilyPayload> {
    return payload(FamilyPayload, await this.familyService.changeKk(ctx, input));
  }

  @Allow(Permission.FamilyManage)
  @Mutation(() => FamilyPayload, { description: 'Sets a family ACTIVE, PAUSED or EXITED (reason required for the last two).' })
  async setFamilyStatus(@Ctx() ctx: RequestContext, @Arg('input', () => SetFamilyStatusInput) input: SetFamilyStatusInput): Promise<FamilyPayload> {
    return payload(FamilyPayload, await this.familyService.setStatus(ctx, input));
  }

  @Allow(Permission.FamilyManage)
  @Mutation(() => FamilyMemberPayload, { description: 'Adds a member to a family (idempotent with a key).' })
  async addFamilyMember(@Ctx() ctx: RequestContext, @Arg('input', () => AddFamilyMemberInput) input: AddFamilyMemberInput): Promise<FamilyMemberPayload> {
    return payload(FamilyMemberPayload, await this.members.add(ctx, input));
  }

  @Allow(Permission.FamilyManage)
  @Mutation(() => FamilyMemberPayload, { description: 'Corrects a member, or records that she or he left the family.' })
  async updateFamilyMember(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateFamilyMemberInput) input: UpdateFamilyMemberInput): Promise<FamilyMemberPayload> {
    return payload(FamilyMemberPayload, await this.members.update(ctx, input));
  }

  @Allow(Permission.FamilyRevealId)
  @Mutation(() => FamilyIdentityPayload, { description: 'The full KK and NIK numbers of a family, for staff who need them; written to the audit trail.' })
  async revealFamilyIdentity(@Ctx() ctx: RequestContext, @Arg('input', () => RevealFamilyIdentityInput) input: RevealFamilyIdentityInput): Promise<FamilyIdentityPayload> {
    return payload(FamilyIdentityPayload, await this.familyService.reveal(ctx, input.familyId));
  }

  @Allow(Permission.FamilyRead)
  @Mutation(() => FamilyIdentityCheckPayload, {
    description: 'Whether a KK or NIK read from a card is this family’s (yes/no, no digit back); audited, at most 30 checks an hour per officer (enforced by the database).',
  })
  async checkFamilyIdentity(@Ctx() ctx: RequestContext, @Arg('input', () => CheckFamilyIdentityInput) input: CheckFamilyIdentityInput): Promise<FamilyIdentityCheckPayload> {
    return payload(FamilyIdentityCheckPayload, await this.identityChecks.check(ctx, input));
  }

  @Allow(Permission.FamilyRevealId)
  @Mutation(() => FamilyDataExportPayload, {
    description: 'A copy of everything kept about a family (record, members, KK history, deliveries; KK and NIK in full) for the family that asked; written to the audit trail.',
  })
  async exportFamilyData(@Ctx() ctx: RequestContext, @Arg('input', () => ExportFamilyDataInput) input: ExportFamilyDataInput): Promise<FamilyDataExportPayload> {
    return payload(FamilyDataExportPayload, await this.consent.export(ctx, input.familyId));
  }

  @Allow(Permission.FamilyRevealId, Permission.FamilyManage)
  @Mutation(() => FamilyPayload, {
    description: 'Records that the family withdrew its consent: it leaves the program and its personal fields are erased everywhere (also from the audit trail’s before/after values), in one transaction; counts already reported stay.',
  })
  async withdrawFamilyConsent(@Ctx() ctx: RequestContext, @Arg('input', () => WithdrawFamilyConsentInput) input: WithdrawFamilyConsentInput): Promise<FamilyPayload> {
    return payload(FamilyPayload, await this.consent.withdraw(ctx, input));
  }

  @FieldResolver(() => Region, { description: 'Kelurahan of the family.' })
  kelurahan(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<Region | undefined> {
    return ctx.loaders.get(regionLoader).load(family.kelurahan.code);
  }

  @Allow(Permission.FamilyRead)
  @FieldResolver(() => [FamilyMember], { name: 'members', description: 'Members, head first; those who left are included with their date.' })
  memberList(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<FamilyMember[]> {
    return ctx.loaders.get(membersByFamilyLoader).load(family.id);
  }

  @Allow(Permission.FamilyRead)
  @FieldResolver(() => Int, { description: 'Women and girls aged 10–45 in the month (YYYY-MM, default this month in WITA).' })
  async eligibleWomen(@Root() family: Family, @Ctx() ctx: RequestContext, @Arg('month', () => String, { nullable: true }) month?: string): Promise<number> {
    return eligibleWomenOn(await ctx.loaders.get(membersByFamilyLoader).load(family.id), monthOrNow(month)).length;
  }

  @Allow(Permission.FamilyRead)
  @FieldResolver(() => [FamilyKkHistory], { description: 'Every KK number the family held, oldest first.' })
  kkHistory(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<FamilyKkHistory[]> {
    return ctx.loaders.get(kkHistoryByFamilyLoader).load(family.id);
  }

  @Allow(Permission.FamilyRead)
  @FieldResolver(() => [DuplicateFlag], { description: 'Open duplicate flags involving this family.' })
  openDuplicateFlags(@Root() family: Family, @Ctx() ctx: RequestContext): Promise<DuplicateFlag[]> {
    return ctx.loaders.get(openFlagsByFamilyLoader).load(family.id);
  }
}

@Resolver(() => FamilyMember)
export class FamilyMemberResolver {
  @FieldResolver(() => Boolean, { description: 'Eligible for pads in the month (YYYY-MM, default this month in WITA): a woman or girl aged 10–45.' })
  eligible(@Root() member: FamilyMember, @Arg('month', () => String, { nullable: true }) month?: string): boolean {
    return isEligibleOn(member, monthOrNow(month));
  }

  @Allow(Permission.FamilyRead)
  @PersonalData(OF_FAMILY)
  @FieldResolver(() => Int, { description: 'Age in whole years today (WITA).' })
  age(@Root() member: FamilyMember): number {
    return ageOn(member.birthDate, todayWita());
  }
}

@Resolver(() => DuplicateFlag)
export class DuplicateFlagResolver {
  private readonly service = new DuplicateService();

  @Allow(Permission.FamilyRead)
  @Query(() => DuplicateFlagConnection, { description: 'Duplicate flags (default: open ones) touching families in the caller’s kelurahan.' })
  duplicateFlags(@Ctx() ctx: RequestContext, @Args(() => DuplicateFlagsArgs) args: DuplicateFlagsArgs): Promise<DuplicateFlagConnection> {
    return this.service.list(ctx, args);
  }

  @Allow(Permission.FamilyManage)
  @Mutation(() => DuplicateFlagPayload, { description: 'Staff settle a duplicate flag: not a duplicate, one family exits, or the number was corrected.' })
  async resolveDuplicateFlag(@Ctx() ctx: RequestContext, @Arg('input', () => ResolveDuplicateFlagInput) input: ResolveDuplicateFlagInput): Promise<DuplicateFlagPayload> {
    return payload(DuplicateFlagPayload, await this.service.resolve(ctx, input));
  }

  @FieldResolver(() => Family, { nullable: true, description: 'The first family (empty when outside the caller’s kelurahan).' })
  family(@Root() flag: DuplicateFlag, @Ctx() ctx: RequestContext): Promise<Family | undefined> {
    return ctx.loaders.get(familyLoader).load(flag.family.id);
  }

  @FieldResolver(() => Family, { nullable: true, description: 'The second family (empty when outside the caller’s kelurahan).' })
  otherFamily(@Root() flag: DuplicateFlag, @Ctx() ctx: RequestContext): Promise<Family | undefined> {
    return ctx.loaders.get(familyLoader).load(flag.otherFamily.id);
  }

  @FieldResolver(() => FamilyMember, { nullable: true, description: 'With a NIK flag: the member in the first family.' })
  async member(@Root() flag: DuplicateFlag, @Ctx() ctx: RequestContext): Promise<FamilyMember | undefined> {
    return flag.member && (await ctx.loaders.get(familyLoader).load(flag.family.id)) ? ctx.loaders.get(memberLoader).load(flag.member.id) : undefined;
  }

  @FieldResolver(() => FamilyMember, { nullable: true, description: 'With a NIK flag: the member in the second family.' })
  async otherMember(@Root() flag: DuplicateFlag, @Ctx() ctx: RequestContext): Promise<FamilyMember | undefined> {
    return flag.otherMember && (await ctx.loaders.get(familyLoader).load(flag.otherFamily.id)) ? ctx.loaders.get(memberLoader).load(flag.otherMember.id) : undefined;
  }
}
