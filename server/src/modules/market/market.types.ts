import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Connection, PageArgs } from '../../graphql/connection';
import { MutationPayload } from '../../graphql/payload';
import { LocalDateScalar } from '../../graphql/scalars/local-date.scalar';
import { MarketBooking } from './entities/market-booking.entity';
import { MarketDay } from './entities/market-day.entity';
import { MarketStall } from './entities/market-stall.entity';
import { BookingStatus, VendorCategory, VendorStatus } from './entities/market.enums';
import { Vendor } from './entities/vendor.entity';

@InputType({ description: 'A business registering itself for the weekend market (pendaftaran usaha).' })
export class RegisterVendorInput {
  @Field(() => String) @MaxLength(120) businessName: string;
  @Field(() => String) @MaxLength(120) ownerName: string;
  @Field(() => String, { description: 'Mobile number, 08… or +62 8…; it becomes her sign-in.' }) @MaxLength(30) phone: string;
  @Field(() => String, { description: 'Password for her account once approved (at least 8 characters).' }) @MaxLength(200) password: string;
  @Field(() => VendorCategory) category: VendorCategory;
  @Field(() => String, { description: 'What she sells.' }) @MaxLength(300) products: string;
  @Field(() => String, { description: 'Kelurahan code, e.g. 53.71.02.1004.' }) @MaxLength(20) kelurahanCode: string;
  @Field(() => String, { nullable: true, description: 'Business ID (NIB), 13 digits.' }) @MaxLength(30) nib?: string;
  @Field(() => Boolean, { nullable: true, description: 'May the public market page show the business? Default no.' }) publicConsent?: boolean;
  @Field(() => String, { nullable: true, description: 'Idempotency key: a retry with the same key returns the first result.' })
  @MaxLength(100)
  idempotencyKey?: string;
}

@ObjectType({ description: 'Result of a registration.' })
export class RegisterVendorPayload extends MutationPayload {
  @Field(() => Boolean, {
    description: 'The registration was received and awaits review by market staff. An anonymous caller gets this same answer whether or not the phone number was already registered.',
  })
  received = false;
  @Field(() => ID, { nullable: true, description: 'The vendor registered: only to market staff (never to an anonymous caller).' }) vendorId?: string;
  @Field(() => String, { nullable: true, description: 'The vendor number given, e.g. UMKM-00042: only to market staff.' }) vendorCode?: string;
  @Field(() => VendorStatus, { nullable: true, description: 'PENDING once received.' }) status?: VendorStatus;
}

/** What registerVendor answers (see VendorService.register): anonymous callers never get the id or number. */
export interface RegistrationAnswer {
  received: boolean;
  vendorId?: string;
  vendorCode?: string;
  status?: VendorStatus;
}

export enum VendorDecision {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  SUSPEND = 'SUSPEND',
  REINSTATE = 'REINSTATE',
}
registerEnumType(VendorDecision, { name: 'VendorDecision', description: 'What staff decide about a vendor.' });

@InputType()
export class DecideVendorInput {
  @Field(() => ID) vendorId: string;
  @Field(() => VendorDecision) decision: VendorDecision;
  @Field(() => String, { nullable: true, description: 'Required to reject or suspend; the vendor sees it.' }) @MaxLength(500) reason?: string;
}

@InputType({ description: 'What a vendor may change about her own business herself.' })
export class UpdateMyBusinessInput {
  @Field(() => String, { nullable: true, description: 'What she sells.' }) @MaxLength(300) products?: string;
  @Field(() => Boolean, { nullable: true, description: 'Show the business on the public market page (consent; may be withdrawn any time).' }) publicConsent?: boolean;
}

@ObjectType()
export class VendorPayload extends MutationPayload {
  @Field(() => Vendor, { nullable: true }) vendor?: Vendor;
}

@ArgsType()
export class VendorsArgs extends PageArgs {
  @Field(() => VendorStatus, { nullable: true }) status?: VendorStatus;
  @Field(() => String, { nullable: true, description: 'Part of the business or owner name, or the vendor number.' }) @MaxLength(100) search?: string;
}

@ObjectType()
export class VendorConnection extends Connection(Vendor, 'Vendor') {}

@InputType({ description: 'A new stall, or changes to one (id given).' })
export class SaveStallInput {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field(() => String, { description: 'Zone letter A–Z.' }) @MaxLength(1) zone: string;
  @Field(() => Int, { description: 'Number within the zone, 1–999.' }) position: number;
  @Field(() => Boolean, { nullable: true }) prime?: boolean;
  @Field(() => Boolean, { nullable: true }) hasPower?: boolean;
  @Field(() => String, { nullable: true }) @MaxLength(20) size?: string;
  @Field(() => Boolean, { nullable: true }) active?: boolean;
  @Field(() => String, { nullable: true, description: 'Idempotency key: a retry with the same key returns the first result.' })
  @MaxLength(100)
  idempotencyKey?: string;
}

@ObjectType()
export class StallPayload extends MutationPayload {
  @Field(() => MarketStall, { nullable: true }) stall?: MarketStall;
}

@InputType({ description: 'Generate the Saturdays and Sundays of a period as market days (dates in WITA).' })
export class GenerateMarketDaysInput {
  @Field(() => LocalDateScalar) from: string;
  @Field(() => LocalDateScalar) to: string;
  @Field(() => String, { nullable: true, description: 'Idempotency key: a retry with the same key returns the first result.' })
  @MaxLength(100)
  idempotencyKey?: string;
}

@ObjectType()
export class GenerateMarketDaysPayload extends MutationPayload {
  @Field(() => [MarketDay], { description: 'Days created; dates that already had a day are skipped.' }) created: MarketDay[] = [];
}

@InputType({ description: 'One market day; times default to the standard schedule.' })
export class AddMarketDayInput {
  @Field(() => LocalDateScalar) date: string;
  @Field(() => Int, { nullable: true }) capacity?: number;
  @Field(() => Date, { nullable: true }) bookingOpensAt?: Date;
  @Field(() => Date, { nullable: true }) bookingClosesAt?: Date;
  @Field(() => Date, { nullable: true }) cancelDeadline?: Date;
  @Field(() => Date, { nullable: true }) checkInCutoff?: Date;
  @Field(() => String, { nullable: true, description: 'Idempotency key: a retry with the same key returns the first result.' })
  @MaxLength(100)
  idempotencyKey?: string;
}

@InputType()
export class UpdateMarketDayInput {
  @Field(() => ID) marketDayId: string;
  @Field(() => Int, { nullable: true }) capacity?: number;
  @Field(() => Date, { nullable: true }) bookingOpensAt?: Date;
  @Field(() => Date, { nullable: true }) bookingClosesAt?: Date;
  @Field(() => Date, { nullable: true }) cancelDeadline?: Date;
  @Field(() => Date, { nullable: true }) checkInCutoff?: Date;
}

@InputType()
export class MarketDayRefInput {
  @Field(() => ID) marketDayId: string;
}

@InputType()
export class CancelMarketDayInput {
  @Field(() => ID) marketDayId: string;
  @Field(() => String, { description: 'Told to the vendors.' }) @MaxLength(500) reason: string;
}

@ObjectType()
export class MarketDayPayload extends MutationPayload {
  @Field(() => MarketDay, { nullable: true }) marketDay?: MarketDay;
}

@ObjectType()
export class MarkNoShowsPayload extends MutationPayload {
  @Field(() => MarketDay, { nullable: true }) marketDay?: MarketDay;
  @Field(() => Int) marked: number = 0;
}

@InputType({ description: 'A vendor asks for a stall on a market day.' })
export class RequestStallInput {
  @Field(() => ID) marketDayId: string;
  @Field(() => String, { nullable: true, description: 'Preferred zone letter (optional).' }) @MaxLength(1) zonePreference?: string;
  @Field(() => String, { nullable: true, description: 'Idempotency key: a retry with the same key returns the first result.' })
  @MaxLength(100)
  idempotencyKey?: string;
}

@InputType()
export class BookingRefInput {
  @Field(() => ID) bookingId: string;
}

@InputType({ description: 'Staff check a booked vendor in; a retry from a phone that lost the answer returns the first result.' })
export class CheckInBookingInput extends BookingRefInput {
  @Field(() => String, { nullable: true, description: 'Idempotency key: a retry with the same key returns the first result.' })
  @MaxLength(100)
  idempotencyKey?: string;
}

@ObjectType()
export class BookingPayload extends MutationPayload {
  @Field(() => MarketBooking, { nullable: true }) booking?: MarketBooking;
}

@ArgsType()
export class MarketDaysArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: 'First date (default: today in WITA).' }) from?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last date (default: 8 weeks later).' }) to?: string;
}

@ArgsType()
export class MyBookingsArgs extends PageArgs {}

@ObjectType()
export class MarketBookingConnection extends Connection(MarketBooking, 'MarketBooking') {}

@ObjectType({ description: 'Counts of one market day for the board.' })
export class MarketDayCounts {
  @Field(() => Int) stalls: number;
  @Field(() => Int) requested: number;
  @Field(() => Int) confirmed: number;
  @Field(() => Int) checkedIn: number;
  @Field(() => Int) noShows: number;
  @Field(() => Int) waitlisted: number;
  @Field(() => Int) cancelled: number;
}

@ObjectType({ description: 'One stall on the day board and who is there.' })
export class BoardStall {
  @Field(() => MarketStall) stall: MarketStall;
  @Field(() => MarketBooking, { nullable: true }) booking?: MarketBooking;
}

@ObjectType({ description: 'The staff board of a market day: stall map, waitlist, requests, counts.' })
export class MarketDayBoard {
  @Field(() => MarketDay) marketDay: MarketDay;
  @Field(() => [BoardStall]) stalls: BoardStall[];
  @Field(() => [MarketBooking], { description: 'Waitlist in promotion order.' }) waitlist: MarketBooking[];
  @Field(() => [MarketBooking], { description: 'Requests waiting for the allocation.' }) requests: MarketBooking[];
  @Field(() => MarketDayCounts) counts: MarketDayCounts;
}

@ObjectType({ description: 'A business shown on the public market page (with her consent; no contact data).' })
export class PublicVendor {
  @Field(() => String) businessName: string;
  @Field(() => VendorCategory) category: VendorCategory;
  @Field(() => String) products: string;
  @Field(() => String, { nullable: true }) stallCode?: string;
}

@ObjectType({ description: 'A coming market day for the public page.' })
export class PublicMarketDay {
  @Field(() => LocalDateScalar) date: string;
  @Field(() => Boolean) cancelled: boolean;
  @Field(() => String, { nullable: true }) cancelReason?: string;
  @Field(() => Int, { description: 'Businesses with a stall that day.' }) vendorCount: number;
  @Field(() => [PublicVendor], { description: 'Those who agreed to be shown.' }) vendors: PublicVendor[];
}

@ObjectType({ description: 'The public view of the coming weekend at Taman Nostalgia.' })
export class PublicMarket {
  @Field(() => String) venue: string;
  @Field(() => [PublicMarketDay]) days: PublicMarketDay[];
}

export { BookingStatus };
