import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../../graphql/scalars/local-date.scalar';
import { BaseEntity } from '../../../platform/base.entity';
import { MarketDayStatus } from './market.enums';

/** One Saturday or Sunday of the market: a calendar date in Kupang (WITA), with its booking window. */
@ObjectType({ description: 'A market day (hari pasar): a date in WITA with its booking window.' })
@Entity({ tableName: 'market_day' })
export class MarketDay extends BaseEntity {
  /** YYYY-MM-DD in Asia/Makassar; PostgreSQL `date`. */
  @Field(() => LocalDateScalar, { description: 'The date in Kupang (WITA).' })
  @Property({ type: 'string', columnType: 'date', unique: true })
  date: string;

  @Field(() => MarketDayStatus)
  @Enum({ items: () => MarketDayStatus, columnType: 'varchar(12)', default: MarketDayStatus.OPEN })
  status: MarketDayStatus = MarketDayStatus.OPEN;

  @Field(() => Int, { nullable: true, description: 'Most stalls given out that day; empty = every active stall.' })
  @Property({ type: 'integer', nullable: true })
  capacity?: number;

  @Field(() => Date, { description: 'Requests are taken from this moment.' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  bookingOpensAt: Date;

  @Field(() => Date, { description: 'When the window closes and stalls are shared out by fair rotation.' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  bookingClosesAt: Date;

  @Field(() => Date, { description: 'Vendors may cancel until this moment.' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  cancelDeadline: Date;

  @Field(() => Date, { description: 'A booked vendor not checked in by this moment is marked no-show.' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  checkInCutoff: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  allocatedAt?: Date;

  @Field(() => String, { nullable: true, description: 'Why staff cancelled the day.' })
  @Property({ type: 'string', length: 500, nullable: true })
  cancelReason?: string;

  constructor(date: string, window: { bookingOpensAt: Date; bookingClosesAt: Date; cancelDeadline: Date; checkInCutoff: Date }) {
    super();
    this.date = date;
    this.bookingOpensAt = window.bookingOpensAt;
    this.bookingClosesAt = window.bookingClosesAt;
    this.cancelDeadline = window.cancelDeadline;
    this.checkInCutoff = window.checkInCutoff;
  }
}
