import { BigIntType, Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RupiahScalar } from '../../graphql/scalars/rupiah.scalar';
import { BaseEntity } from '../../platform/base.entity';
import { MarketBooking } from '../market/entities/market-booking.entity';
import { MarketDay } from '../market/entities/market-day.entity';
import { Vendor } from '../market/entities/vendor.entity';
import { User } from '../user/user.entity';

/** Where a turnover figure stands between staff, who log it, and the vendor, who checks it. */
export enum TurnoverStatus {
  RECORDED = 'RECORDED',
  CONFIRMED = 'CONFIRMED',
  DISPUTED = 'DISPUTED',
  RESOLVED = 'RESOLVED',
}
registerEnumType(TurnoverStatus, {
  name: 'TurnoverStatus',
  description: 'Status of a turnover figure (omzet).',
  valuesConfig: {
    RECORDED: { description: 'Logged by staff; the vendor has not answered yet (dicatat).' },
    CONFIRMED: { description: 'The vendor agreed with the figure (dikonfirmasi).' },
    DISPUTED: { description: 'The vendor disputes the figure, with a comment (disanggah).' },
    RESOLVED: { description: 'Staff settled the dispute (diselesaikan).' },
  },
});

/**
 * What one vendor sold on one market day she was checked in to (omzet), in whole rupiah.
 * A correction is a new version; the database keeps one current version per vendor and day,
 * refuses a report without a CHECKED_IN booking, and never lets an old version change.
 */
@ObjectType({ description: "A vendor's sales on one market day (laporan omzet), one version of it." })
@Entity({ tableName: 'turnover_report' })
export class TurnoverReport extends BaseEntity {
  /** The CHECKED_IN booking the report belongs to (a trigger checks its status). */
  @ManyToOne(() => MarketBooking, { fieldName: 'booking_id' })
  booking: MarketBooking;

  @ManyToOne(() => Vendor, { fieldName: 'vendor_id' })
  vendor: Vendor;

  @ManyToOne(() => MarketDay, { fieldName: 'market_day_id' })
  marketDay: MarketDay;

  @Field(() => Int, { description: 'Version 1 is the first figure; each correction adds one.' })
  @Property({ type: 'integer' })
  version: number = 1;

  @Field(() => Boolean, { description: 'True for the version that counts; older versions are kept as history.' })
  @Property({ type: 'boolean', default: true })
  current: boolean = true;

  @Field(() => RupiahScalar, { description: 'Sales that day in whole rupiah.' })
  @Property({ type: new BigIntType('number') })
  amount: number;

  @Field(() => Int, { nullable: true, description: 'Number of sales (transaksi), when known.' })
  @Property({ type: 'integer', nullable: true })
  transactions?: number;

  @Field(() => TurnoverStatus)
  @Enum({ items: () => TurnoverStatus, columnType: 'varchar(10)' })
  status: TurnoverStatus = TurnoverStatus.RECORDED;

  @Field(() => String, { nullable: true, description: 'Why this version corrects the one before (versions from 2 on).' })
  @Property({ type: 'string', length: 500, nullable: true })
  correctionReason?: string;

  @Field(() => Boolean, { description: 'Staff confirmed a figure far above the ceiling or her usual sales.' })
  @Property({ type: 'boolean', default: false })
  confirmedImplausible: boolean = false;

  @ManyToOne(() => User, { fieldName: 'recorded_by_id', nullable: true })
  recordedBy?: User;

  @Field(() => Date, { description: 'When staff logged this version.' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  recordedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When the vendor confirmed the figure.' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  confirmedAt?: Date;

  @Field(() => String, { nullable: true, description: "The vendor's comment when she disputed the figure." })
  @Property({ type: 'string', length: 500, nullable: true })
  disputeComment?: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  disputedAt?: Date;

  @Field(() => String, { nullable: true, description: 'How staff settled the dispute (the vendor sees it).' })
  @Property({ type: 'string', length: 500, nullable: true })
  resolutionNote?: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  resolvedAt?: Date;

  @ManyToOne(() => User, { fieldName: 'resolved_by_id', nullable: true })
  resolvedBy?: User;

  constructor(booking: MarketBooking, vendor: Vendor, marketDay: MarketDay, amount: number) {
    super();
    this.booking = booking;
    this.vendor = vendor;
    this.marketDay = marketDay;
    this.amount = amount;
  }
}
