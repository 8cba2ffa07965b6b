import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Connection, PageArgs } from '../../graphql/connection';
import { MutationPayload } from '../../graphql/payload';
import { PersonalData, type PersonalDataOptions } from '../../graphql/personal-data';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { Enrolment } from './enrolment.entity';
import { Training } from './training.entity';
import { EnrolmentStatus, TrainingStatus, TrainingTopic } from './training.enums';

const KEY = 'Idempotency key: a retry with the same key returns the first result.';

@InputType({ description: 'A new training (times are instants; the portal enters them in WITA).' })
export class CreateTrainingInput {
  @Field(() => String) @MaxLength(200) title: string;
  @Field(() => TrainingTopic) topic: TrainingTopic;
  @Field(() => String, { nullable: true }) @MaxLength(2000) description?: string;
  @Field(() => Date) startsAt: Date;
  @Field(() => Date) endsAt: Date;
  @Field(() => String) @MaxLength(200) place: string;
  @Field(() => String, { description: 'Trainer (narasumber).' }) @MaxLength(200) trainer: string;
  @Field(() => Int, { description: 'Seats, 1 to 1000.' }) capacity: number;
  @Field(() => ID, { nullable: true, description: 'Sponsoring partner (mitra CSR), optional.' }) partnerId?: string;
  @Field(() => String, { nullable: true, description: KEY }) @MaxLength(100) idempotencyKey?: string;
}

@InputType()
export class CancelTrainingInput {
  @Field(() => ID) trainingId: string;
  @Field(() => String, { description: 'Why; enrolled vendors see it.' }) @MaxLength(500) reason: string;
}

@ObjectType()
export class TrainingPayload extends MutationPayload {
  @Field(() => Training, { nullable: true }) training?: Training;
}

@InputType({ description: 'A vendor enrols herself in a training.' })
export class JoinTrainingInput {
  @Field(() => ID) trainingId: string;
  @Field(() => String, { nullable: true, description: KEY }) @MaxLength(100) idempotencyKey?: string;
}

@InputType({ description: 'Staff enrol a vendor in a training.' })
export class EnrolVendorInput {
  @Field(() => ID) trainingId: string;
  @Field(() => ID) vendorId: string;
  @Field(() => String, { nullable: true, description: KEY }) @MaxLength(100) idempotencyKey?: string;
}

@InputType()
export class EnrolmentRefInput {
  @Field(() => ID) enrolmentId: string;
  holderUserId?: string;
}

@InputType({ description: 'Attendance of one participant, recorded on the day (idempotent: the same answer twice changes nothing).' })
export class RecordAttendanceInput {
  @Field(() => ID) enrolmentId: string;
  @Field(() => Boolean, { description: 'Present (true) or absent (false).' }) present: boolean;
  @Field(() => String, { nullable: true, description: KEY }) @MaxLength(100) idempotencyKey?: string;
}

@ObjectType()
export class EnrolmentPayload extends MutationPayload {
  @Field(() => Enrolment, { nullable: true }) enrolment?: Enrolment;
}

@ArgsType()
export class TrainingsArgs extends PageArgs {
  @Field(() => TrainingStatus, { nullable: true }) status?: TrainingStatus;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Trainings starting on or after this date (WITA).' }) from?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Trainings starting on or before this date (WITA).' }) to?: string;
}

@ObjectType()
export class TrainingConnection extends Connection(Training, 'Training') {}

@ObjectType()
export class EnrolmentConnection extends Connection(Enrolment, 'Enrolment') {}

@ArgsType()
export class EnrolmentsArgs {
  @Field(() => EnrolmentStatus, { nullable: true, description: 'Only these; default all but CANCELLED.' }) status?: EnrolmentStatus;
}

@ObjectType({ description: 'Seats of a training: taken, left, waiting.' })
export class TrainingSeats {
  @Field(() => Int) enrolled: number;
  @Field(() => Int) waitlisted: number;
  @Field(() => Int) left: number;
  @Field(() => Int, { description: 'Marked present so far.' }) attended: number;
}

/** A certificate names the participant of one enrolment; the trail names that enrolment. */
const HOLDER: PersonalDataOptions<Certificate> = { subject: (c) => ['Enrolment', c.enrolmentId], owner: (c) => c.holderUserId };

@ObjectType({ description: 'A certificate of attendance (sertifikat), as its holder or staff see it.' })
export class Certificate {
  @Field(() => String, { description: 'Certificate number, e.g. SERT-2026-000123 (for people; the public check does not accept it).' }) number: string;
  @Field(() => String, { description: 'Verification code printed on the certificate (12 characters, e.g. ABCD-EFGH-JKLM when printed): the only key of the public check.' })
  code: string;
  @Field(() => String) businessName: string;
  @Field(() => String) @PersonalData(HOLDER) ownerName: string;
  @Field(() => String) trainingTitle: string;
  @Field(() => TrainingTopic) topic: TrainingTopic;
  @Field(() => Date) startsAt: Date;
  @Field(() => Date) endsAt: Date;
  @Field(() => String) place: string;
  @Field(() => String) trainer: string;
  @Field(() => String, { nullable: true, description: 'Sponsoring partner, if any.' }) sponsorName?: string;
  @Field(() => ID) enrolmentId: string;
  /** Not in the schema: the holder's account when she reads her own certificates (not audited). */
  holderUserId?: string;
}

@ObjectType({ description: 'What the public verification page shows of a certificate: nothing personal.' })
export class CertificateVerification {
  @Field(() => String, { description: 'The verification code checked (12 characters, without dashes).' }) code: string;
  @Field(() => Boolean, { description: 'The holder attended; false if the attendance was later corrected to absent.' }) valid: boolean;
  @Field(() => String, { nullable: true, description: 'Business name, only when the vendor agreed to be shown publicly.' }) businessName?: string;
  @Field(() => String) trainingTitle: string;
  @Field(() => LocalDateScalar, { description: 'Date of the training (WITA).' }) date: string;
}
