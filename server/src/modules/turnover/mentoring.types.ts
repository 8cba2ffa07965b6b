import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Connection, PageArgs } from '../../graphql/connection';
import { MutationPayload } from '../../graphql/payload';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { ObjectType } from 'type-graphql';
import { MentoringFollowUp, MentoringVisit } from './mentoring.entity';
import { TrainingTopic } from './training.enums';

@InputType({ description: 'A mentoring visit to record (idempotent with a key).' })
export class RecordMentoringVisitInput {
  @Field(() => ID) vendorId: string;
  @Field(() => LocalDateScalar, { description: 'Date of the visit (WITA), not in the future.' }) visitDate: string;
  @Field(() => TrainingTopic) topic: TrainingTopic;
  @Field(() => String, { nullable: true, description: 'Notes the vendor also reads.' }) @MaxLength(4000) notes?: string;
  @Field(() => String, { nullable: true, description: 'Internal notes, staff only.' }) @MaxLength(4000) staffNotes?: string;
  @Field(() => [String], { nullable: true, description: 'Follow-ups agreed (at most 20).' }) @MaxLength(500, { each: true }) followUps?: string[];
  @Field(() => ID, { nullable: true, description: 'The mentor (a market staff account); default the signed-in staff.' }) mentorId?: string;
  @Field(() => String, { nullable: true, description: 'Idempotency key: a retry with the same key returns the first result.' })
  @MaxLength(100)
  idempotencyKey?: string;
}

@ObjectType()
export class MentoringVisitPayload extends MutationPayload {
  @Field(() => MentoringVisit, { nullable: true }) visit?: MentoringVisit;
}

@InputType({ description: 'Mark a follow-up done (with the date, default today WITA) or not done.' })
export class SetFollowUpDoneInput {
  @Field(() => ID) followUpId: string;
  @Field(() => Boolean) done: boolean;
  @Field(() => LocalDateScalar, { nullable: true }) doneOn?: string;
}

@ObjectType()
export class FollowUpPayload extends MutationPayload {
  @Field(() => MentoringFollowUp, { nullable: true }) followUp?: MentoringFollowUp;
}

@ArgsType()
export class MentoringVisitsArgs extends PageArgs {
  @Field(() => ID) vendorId: string;
}

@ObjectType()
export class MentoringVisitConnection extends Connection(MentoringVisit, 'MentoringVisit') {}
