import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { BaseEntity } from '../../platform/base.entity';
import { Vendor } from '../market/entities/vendor.entity';
import { User } from '../user/user.entity';
import { TrainingTopic } from './training.enums';

/** A mentoring visit (kunjungan pendampingan) by market staff to one vendor. */
@ObjectType({ description: 'A mentoring visit (pendampingan) to a vendor by a staff mentor, with agreed follow-ups.' })
@Entity({ tableName: 'mentoring_visit' })
export class MentoringVisit extends BaseEntity {
  @ManyToOne(() => Vendor, { fieldName: 'vendor_id' })
  vendor: Vendor;

  @ManyToOne(() => User, { fieldName: 'mentor_id' })
  mentor: User;

  @Field(() => LocalDateScalar, { description: 'Date of the visit (WITA).' })
  @Property({ type: 'string', columnType: 'date' })
  visitDate: string;

  @Field(() => TrainingTopic)
  @Enum({ items: () => TrainingTopic, columnType: 'varchar(24)' })
  topic: TrainingTopic;

  @Field(() => String, { description: 'Notes shared with the vendor (what was discussed and advised).' })
  @Property({ type: 'string', length: 4000, default: '' })
  notes: string = '';

  /** Internal observations; a field resolver limits them to staff. */
  @Property({ type: 'string', length: 4000, default: '' })
  staffNotes: string = '';

  @ManyToOne(() => User, { nullable: true, fieldName: 'recorded_by_id' })
  recordedBy?: User;

  constructor(vendor: Vendor, mentor: User, visitDate: string, topic: TrainingTopic) {
    super();
    this.vendor = vendor;
    this.mentor = mentor;
    this.visitDate = visitDate;
    this.topic = topic;
  }
}

/** Something agreed at a visit (tindak lanjut), and whether and when it was done. */
@ObjectType({ description: 'A follow-up agreed at a mentoring visit (tindak lanjut).' })
@Entity({ tableName: 'mentoring_follow_up' })
export class MentoringFollowUp extends BaseEntity {
  @ManyToOne(() => MentoringVisit, { fieldName: 'visit_id' })
  visit: MentoringVisit;

  @Field(() => Int, { description: 'Order within the visit, from 1.' })
  @Property({ type: 'integer' })
  position: number;

  @Field(() => String)
  @Property({ type: 'string', length: 500 })
  description: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  done: boolean = false;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was done (WITA date).' })
  @Property({ type: 'string', columnType: 'date', nullable: true })
  doneOn?: string;

  @ManyToOne(() => User, { nullable: true, fieldName: 'done_recorded_by_id' })
  doneRecordedBy?: User;

  constructor(visit: MentoringVisit, position: number, description: string) {
    super();
    this.visit = visit;
    this.position = position;
    this.description = description;
  }
}
