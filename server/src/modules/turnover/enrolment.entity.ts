import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../platform/base.entity';
import { Vendor } from '../market/entities/vendor.entity';
import { User } from '../user/user.entity';
import { Training } from './training.entity';
import { EnrolmentStatus } from './training.enums';

/** A vendor's place in a training: a seat, a waitlist position, or cancelled; attendance and certificate. */
@ObjectType({ description: 'A vendor enrolled in (or waiting for) a training (pendaftaran pelatihan).' })
@Entity({ tableName: 'training_enrolment' })
export class Enrolment extends BaseEntity {
  @ManyToOne(() => Training, { fieldName: 'training_id' })
  training: Training;

  @ManyToOne(() => Vendor, { fieldName: 'vendor_id' })
  vendor: Vendor;

  @Field(() => EnrolmentStatus)
  @Enum({ items: () => EnrolmentStatus, columnType: 'varchar(12)' })
  status: EnrolmentStatus;

  @Field(() => Int, { nullable: true, description: 'Place on the waitlist (1 = next to get a seat).' })
  @Property({ type: 'integer', nullable: true })
  waitlistPosition?: number;

  @Field(() => Date, { description: 'When she enrolled or was enrolled; the waitlist keeps this order.' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  requestedAt: Date;

  @ManyToOne(() => User, { nullable: true, fieldName: 'enrolled_by_id' })
  enrolledBy?: User;

  @Field(() => Boolean, { description: 'She enrolled herself (true) or staff enrolled her (false).' })
  @Property({ type: 'boolean' })
  selfEnrolled: boolean;

  @Field(() => Date, { nullable: true, description: 'When she moved up from the waitlist to a seat.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  promotedAt?: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  cancelledAt?: Date;

  @Field(() => Boolean, { nullable: true, description: 'Attendance recorded by staff: present (true), absent (false), not yet recorded (null).' })
  @Property({ type: 'boolean', nullable: true })
  attended?: boolean;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  attendanceRecordedAt?: Date;

  @ManyToOne(() => User, { nullable: true, fieldName: 'attendance_recorded_by_id' })
  attendanceRecordedBy?: User;

  /** SERT-2026-000123, from the sequence training_certificate_seq when she is first marked present. */
  @Property({ type: 'string', length: 20, nullable: true })
  certificateNumber?: string;

  /** The unguessable verification code (12 characters), given by a trigger with the number; the only key of the public check. */
  @Property({ type: 'string', length: 12, nullable: true })
  certificateCode?: string;

  constructor(training: Training, vendor: Vendor, status: EnrolmentStatus, requestedAt: Date, selfEnrolled: boolean) {
    super();
    this.training = training;
    this.vendor = vendor;
    this.status = status;
    this.requestedAt = requestedAt;
    this.selfEnrolled = selfEnrolled;
  }
}
