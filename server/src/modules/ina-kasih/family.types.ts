import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Connection, PageArgs } from '../../graphql/connection';
import { MutationPayload } from '../../graphql/payload';
import { PersonalData } from '../../graphql/personal-data';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { UserError } from '../../graphql/user-error.type';
import { DuplicateFlag } from './duplicate-flag.entity';
import { FamilyDataSource, FamilyRelation, FamilyStatus, DuplicateFlagStatus, DuplicateResolution, Sex } from './family.enums';
import { FamilyMember } from './family-member.entity';
import { FAMILY_ID } from './family-personal-data';
import { Family } from './family.entity';

const KEY = 'Idempotency key: a retry with the same key returns the first result.';

@InputType({ description: 'A person on the family card.' })
export class FamilyMemberInput {
  @Field(() => String) @MaxLength(120) name: string;
  @Field(() => String, { nullable: true, description: 'NIK, 16 digits (optional for a baby not yet registered).' }) @MaxLength(30) nik?: string;
  @Field(() => LocalDateScalar) birthDate: string;
  @Field(() => Sex) sex: Sex;
  @Field(() => FamilyRelation, { nullable: true }) relation?: FamilyRelation;
  @Field(() => Boolean, { nullable: true }) inSchool?: boolean;
  @Field(() => Boolean, { nullable: true }) disability?: boolean;
}

@InputType({ description: 'A family to register, with its members (pendaftaran keluarga).' })
export class RegisterFamilyInput {
  @Field(() => String, { description: 'Nomor KK, 16 digits.' }) @MaxLength(30) kk: string;
  @Field(() => String) @MaxLength(120) headName: string;
  @Field(() => String) @MaxLength(300) address: string;
  @Field(() => String, { description: 'Kelurahan code, e.g. 53.71.02.1004.' }) @MaxLength(20) kelurahanCode: string;
  @Field(() => Int, { nullable: true }) desil?: number;
  @Field(() => FamilyDataSource) dataSource: FamilyDataSource;
  @Field(() => LocalDateScalar, { nullable: true }) verifiedAt?: string;
  @Field(() => String, { nullable: true }) @MaxLength(100) skNumber?: string;
  @Field(() => Int, { nullable: true }) phase?: number;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Enrolled from this date; default today (WITA).' }) enrolledAt?: string;
  @Field(() => Boolean, { nullable: true, description: 'The family agreed to the use of its data (recorded with the time).' }) consentGiven?: boolean;
  @Field(() => String, { nullable: true }) @MaxLength(200) consentMethod?: string;
  @Field(() => [FamilyMemberInput], { nullable: true }) members?: FamilyMemberInput[];
  @Field(() => String, { nullable: true, description: KEY }) @MaxLength(100) idempotencyKey?: string;
}

@InputType({ description: 'Changes to a family; fields left out stay as they are. The KK changes with changeFamilyKk.' })
export class UpdateFamilyInput {
  @Field(() => ID) familyId: string;
  @Field(() => String, { nullable: true }) @MaxLength(120) headName?: string;
  @Field(() => String, { nullable: true }) @MaxLength(300) address?: string;
  @Field(() => String, { nullable: true }) @MaxLength(20) kelurahanCode?: string;
  @Field(() => Int, { nullable: true }) desil?: number;
  @Field(() => FamilyDataSource, { nullable: true }) dataSource?: FamilyDataSource;
  @Field(() => LocalDateScalar, { nullable: true }) verifiedAt?: string;
  @Field(() => String, { nullable: true }) @MaxLength(100) skNumber?: string;
  @Field(() => Int, { nullable: true }) phase?: number;
  @Field(() => LocalDateScalar, { nullable: true }) enrolledAt?: string;
  @Field(() => Boolean, { nullable: true }) consentGiven?: boolean;
  @Field(() => String, { nullable: true }) @MaxLength(200) consentMethod?: string;
}

@InputType()
export class AddFamilyMemberInput extends FamilyMemberInput {
  @Field(() => ID) familyId: string;
  @Field(() => String, { nullable: true, description: KEY }) @MaxLength(100) idempotencyKey?: string;
}

@InputType({ description: 'Changes to a member; fields left out stay as they are.' })
export class UpdateFamilyMemberInput {
  @Field(() => ID) memberId: string;
  @Field(() => String, { nullable: true }) @MaxLength(120) name?: string;
  @Field(() => String, { nullable: true, description: 'A new NIK; an empty string removes it.' }) @MaxLength(30) nik?: string;
  @Field(() => LocalDateScalar, { nullable: true }) birthDate?: string;
  @Field(() => Sex, { nullable: true }) sex?: Sex;
  @Field(() => FamilyRelation, { nullable: true }) relation?: FamilyRelation;
  @Field(() => Boolean, { nullable: true }) inSchool?: boolean;
  @Field(() => Boolean, { nullable: true }) disability?: boolean;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The member left the family on this date.' }) leftAt?: string;
}

@InputType({ description: 'A new KK number for the family; the old one stays in its history.' })
export class ChangeFamilyKkInput {
  @Field(() => ID) familyId: string;
  @Field(() => String) @MaxLength(30) kk: string;
  @Field(() => String, { description: 'Why: moved (pindah), split (pisah KK), new head of family…' }) @MaxLength(300) reason: string;
}

@InputType()
export class SetFamilyStatusInput {
  @Field(() => ID) familyId: string;
  @Field(() => FamilyStatus) status: FamilyStatus;
  @Field(() => String, { nullable: true, description: 'Required to pause or exit.' }) @MaxLength(500) reason?: string;
}

@InputType()
export class ResolveDuplicateFlagInput {
  @Field(() => ID) flagId: string;
  @Field(() => DuplicateResolution) resolution: DuplicateResolution;
  @Field(() => String, { description: 'What staff checked and decided.' }) @MaxLength(500) note: string;
  @Field(() => ID, { nullable: true, description: 'With EXITED_ONE: which of the two families leaves the program.' }) exitFamilyId?: string;
}

@InputType()
export class RevealFamilyIdentityInput {
  @Field(() => ID) familyId: string;
}

@InputType({ description: 'A family asks for a copy of its data (hak akses).' })
export class ExportFamilyDataInput {
  @Field(() => ID) familyId: string;
}

@InputType({ description: 'A family withdraws its consent: its personal fields are erased for good; counts already reported stay.' })
export class WithdrawFamilyConsentInput {
  @Field(() => ID) familyId: string;
  @Field(() => String, { description: 'The family’s registry number (IK-000123) typed again, to confirm an erasure that cannot be undone.' })
  @MaxLength(20)
  confirmRegistryNumber: string;
  @Field(() => String, { nullable: true, description: 'How the family asked, e.g. "surat tertulis di kantor kelurahan".' })
  @MaxLength(200)
  requestedVia?: string;
  @Field(() => String, { nullable: true, description: KEY }) @MaxLength(100) idempotencyKey?: string;
}

@ObjectType({ description: 'Everything kept about one family, KK and NIK in full, as JSON and as CSV (bagian,nomor,kolom,nilai).' })
export class FamilyDataExport {
  /** The family exported (not in the schema). */
  familyId: string;
  @Field(() => String, { description: 'Suggested file name without extension, e.g. data-keluarga-IK-000123.' }) fileName: string;
  @Field(() => String, { description: 'The family, members, KK history and deliveries as a JSON document.' }) @PersonalData(FAMILY_ID) json: string;
  @Field(() => String, { description: 'The same data as CSV, one value a line.' }) @PersonalData(FAMILY_ID) csv: string;
}

@ObjectType()
export class FamilyDataExportPayload extends MutationPayload {
  @Field(() => FamilyDataExport, { nullable: true }) export?: FamilyDataExport;
}

@ObjectType()
export class FamilyPayload extends MutationPayload {
  @Field(() => Family, { nullable: true }) family?: Family;
  @Field(() => [UserError], { description: 'Things staff should check that did not stop the change (e.g. a NIK that disagrees with the sex).' })
  warnings: UserError[] = [];
}

@ObjectType()
export class FamilyMemberPayload extends MutationPayload {
  @Field(() => FamilyMember, { nullable: true }) member?: FamilyMember;
  @Field(() => [UserError]) warnings: UserError[] = [];
}

@ObjectType()
export class DuplicateFlagPayload extends MutationPayload {
  @Field(() => DuplicateFlag, { nullable: true }) flag?: DuplicateFlag;
}

@ObjectType({ description: 'A member’s full NIK, revealed to staff who need it.' })
export class MemberIdentity {
  @Field(() => ID) memberId: string;
  /** The member's family (not in the schema). */
  familyId: string;
  @Field(() => String) @PersonalData(FAMILY_ID) name: string;
  @Field(() => String, { nullable: true }) @PersonalData(FAMILY_ID) nik?: string;
}

@ObjectType({ description: 'The full KK and NIK numbers of a family; every reveal is in the audit trail.' })
export class FamilyIdentity {
  @Field(() => ID) familyId: string;
  @Field(() => String, { nullable: true }) @PersonalData(FAMILY_ID) kk?: string;
  @Field(() => [MemberIdentity]) members: MemberIdentity[];
}

@ObjectType()
export class FamilyIdentityPayload extends MutationPayload {
  @Field(() => FamilyIdentity, { nullable: true }) identity?: FamilyIdentity;
}

@InputType({ description: 'Staff at the door check a card against the record without seeing its digits.' })
export class CheckFamilyIdentityInput {
  @Field(() => ID) familyId: string;
  @Field(() => String, { description: 'The full KK or NIK number read from the card (16 digits; spaces, dots and dashes allowed).' })
  @MaxLength(40)
  number: string;
}

export enum IdentityNumberKind {
  KK = 'KK',
  NIK = 'NIK',
}
registerEnumType(IdentityNumberKind, { name: 'IdentityNumberKind', description: 'KK (family card) or NIK (person ID).' });

@ObjectType({ description: 'Whether a typed number is the family’s current KK or a member’s NIK; the number itself is neither returned nor logged.' })
export class FamilyIdentityCheck {
  @Field(() => ID) familyId: string;
  @Field(() => Boolean, { description: 'The number is the family’s current KK or the NIK of one of its members.' }) matches: boolean;
  @Field(() => IdentityNumberKind, { nullable: true, description: 'What it matched.' }) matchedAs?: IdentityNumberKind;
  @Field(() => ID, { nullable: true, description: 'The member whose NIK it is.' }) memberId?: string;
  @Field(() => Int, { description: 'Checks the caller has left this hour (the database allows 30 an hour per officer, searches by a full number included).' })
  checksLeftThisHour: number;
}

@ObjectType()
export class FamilyIdentityCheckPayload extends MutationPayload {
  @Field(() => FamilyIdentityCheck, { nullable: true }) check?: FamilyIdentityCheck;
}

@ArgsType()
export class FamiliesArgs extends PageArgs {
  @Field(() => String, { nullable: true }) @MaxLength(20) kelurahanCode?: string;
  @Field(() => FamilyStatus, { nullable: true }) status?: FamilyStatus;
  @Field(() => Int, { nullable: true }) desil?: number;
  @Field(() => Boolean, { nullable: true, description: 'Only families with an open duplicate flag.' }) hasOpenDuplicate?: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only ACTIVE families with women or girls eligible this month (WITA) that have not yet received their packs in a round of this month.',
  })
  dueThisMonth?: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'A full 16-digit KK or NIK (matched exactly through the blind index; counts as one identity check of the caller’s hourly allowance), or part of the head’s name or the registry number.',
  })
  @MaxLength(100)
  search?: string;
}

@ObjectType()
export class FamilyConnection extends Connection(Family, 'Family') {}

@ArgsType()
export class DuplicateFlagsArgs extends PageArgs {
  @Field(() => DuplicateFlagStatus, { nullable: true, description: 'Default OPEN.' }) status?: DuplicateFlagStatus;
}

@ObjectType()
export class DuplicateFlagConnection extends Connection(DuplicateFlag, 'DuplicateFlag') {}
