import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../../platform/base.entity';
import { User } from '../../user/user.entity';
import { BookingStatus } from './market.enums';
import { MarketDay } from './market-day.entity';
import { MarketStall } from './market-stall.entity';
import { Vendor } from './vendor.entity';

/** The facts behind an allocation, kept so the explanation can be shown in either language. */
export interface AllocationFacts {
  kind: 'ROTATION' | 'FIRST_COME' | 'PROMOTED' | 'WAITLIST' | 'WAITLIST_LATE';
  rank?: number;
  of?: number;
  recentStallDays?: number;
  recentNoShows?: number;
  recentPrimeDays?: number;
  weeks?: number;
  prime?: boolean;
  zoneWanted?: string;
  zoneGranted?: boolean;
  waitlistPosition?: number;
  /** Stalls shared out at the allocation. */
  stalls?: number;
}

/**
 * A vendor's request for a stall on one market day, and what became of it. The database allows
 * one active booking per vendor per day and one per stall per day (partial unique indexes).
 */
@ObjectType({ description: 'A request for a stall on a market day and its outcome (pemesanan lapak).' })
@Entity({ tableName: 'market_booking' })
@Index({ properties: ['vendor'] })
export class MarketBooking extends BaseEntity {
  @ManyToOne(() => MarketDay, { fieldName: 'market_day_id' })
  marketDay: MarketDay;

  @ManyToOne(() => Vendor, { fieldName: 'vendor_id' })
  vendor: Vendor;

  /** Empty while requested or waitlisted. */
  @ManyToOne(() => MarketStall, { nullable: true, fieldName: 'stall_id' })
  stall?: MarketStall;

  @Field(() => BookingStatus)
  @Enum({ items: () => BookingStatus, columnType: 'varchar(12)' })
  status: BookingStatus = BookingStatus.REQUESTED;

  @Field(() => String, { nullable: true, description: 'Zone she would like (optional).' })
  @Property({ type: 'string', length: 1, nullable: true })
  zonePreference?: string;

  @Field(() => Date, { description: 'When she asked; breaks ties in the rotation.' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  requestedAt: Date = new Date();

  /** Human-readable reason (Bahasa Indonesia) for the outcome, as stored at allocation. */
  @Property({ type: 'text', nullable: true })
  explanation?: string;

  @Property({ type: 'json', nullable: true })
  allocationFacts?: AllocationFacts;

  @Field(() => Int, { nullable: true, description: 'Place on the waitlist (1 = next to be promoted).' })
  @Property({ type: 'integer', nullable: true })
  waitlistPosition?: number;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  checkedInAt?: Date;

  @ManyToOne(() => User, { nullable: true, fieldName: 'checked_in_by_id' })
  checkedInBy?: User;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  cancelledAt?: Date;

  constructor(marketDay: MarketDay, vendor: Vendor) {
    super();
    this.marketDay = marketDay;
    this.vendor = vendor;
  }
}
