import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../platform/base.entity';
import { Partner } from '../partner/partner.entity';
import { User } from '../user/user.entity';
import { TrainingStatus, TrainingTopic } from './training.enums';

/** A training for market vendors (pelatihan UMKM): one session or a few days, at a place in Kupang. */
@ObjectType({ description: 'A training for market vendors (pelatihan), with a capacity and a waitlist.' })
@Entity({ tableName: 'training' })
export class Training extends BaseEntity {
  @Field(() => String, { description: 'Title, e.g. "Pembukuan sederhana untuk UMKM".' })
  @Property({ type: 'string', length: 200 })
  title: string;

  @Field(() => TrainingTopic)
  @Enum({ items: () => TrainingTopic, columnType: 'varchar(24)' })
  topic: TrainingTopic;

  @Field(() => String, { nullable: true, description: 'What participants learn and should bring.' })
  @Property({ type: 'string', length: 2000, nullable: true })
  description?: string;

  @Field(() => Date, { description: 'Start (an instant; shown in WITA).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startsAt: Date;

  @Field(() => Date, { description: 'End (an instant; shown in WITA).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  endsAt: Date;

  @Field(() => String, { description: 'Where, e.g. "Aula Dinas Koperasi dan UKM Kota Kupang".' })
  @Property({ type: 'string', length: 200 })
  place: string;

  @Field(() => String, { description: 'Trainer (narasumber).' })
  @Property({ type: 'string', length: 200 })
  trainer: string;

  @Field(() => Int, { description: 'Seats; beyond them vendors join the waitlist.' })
  @Property({ type: 'integer' })
  capacity: number;

  /** Sponsoring partner (mitra CSR), optional; exposed through a field resolver. */
  @ManyToOne(() => Partner, { nullable: true, fieldName: 'partner_id' })
  partner?: Partner;

  @Field(() => TrainingStatus)
  @Enum({ items: () => TrainingStatus, columnType: 'varchar(12)', default: TrainingStatus.SCHEDULED })
  status: TrainingStatus = TrainingStatus.SCHEDULED;

  @Field(() => String, { nullable: true, description: 'Why staff cancelled the training.' })
  @Property({ type: 'string', length: 500, nullable: true })
  cancelReason?: string;

  @ManyToOne(() => User, { nullable: true, fieldName: 'created_by_id' })
  createdBy?: User;

  constructor(title: string, topic: TrainingTopic, startsAt: Date, endsAt: Date, place: string, trainer: string, capacity: number) {
    super();
    this.title = title;
    this.topic = topic;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.place = place;
    this.trainer = trainer;
    this.capacity = capacity;
  }
}
