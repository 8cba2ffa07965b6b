import { wrap } from '@mikro-orm/core';
import { MarketBooking, type AllocationFacts } from './entities/market-booking.entity';
import type { BookingStatus, MarketDayStatus, VendorCategory, VendorStatus } from './entities/market.enums';
import { rowShape } from '../../db/row-shape';

/*
 * The vendor portal's reads (her business, the calendar, her bookings) as plain rows instead of
 * tracked entities: through the ORM the market page of issue #8 cost 20.8 ms of API CPU for ~5 ms
 * of PostgreSQL work, most of it query building, parameter formatting and hydration (measured
 * side by side on a busy machine: 25-28 ms through the ORM, 5.4-7.2 ms as plain rows). The GraphQL
 * types stay the entity classes; their fields read the same property names on these rows, and a
 * relation is an id (`marketDayId`, …) that a field resolver loads in one batch. Mutations still
 * return entities, so the field resolvers take either.
 */

export interface VendorRow {
  id: string;
  createdAt: Date;
  code: string;
  userId: string | null;
  businessName: string;
  ownerName: string;
  phone: string | null;
  category: VendorCategory;
  products: string;
  nib: string | null;
  kelurahanCode: string;
  status: VendorStatus;
  statusReason: string | null;
  decidedAt: Date | null;
  publicConsent: boolean;
  erasedAt: Date | null;
}

export interface MarketDayRow {
  id: string;
  createdAt: Date;
  /** YYYY-MM-DD in WITA, as PostgreSQL's `date` (MikroORM's pool returns it as text). */
  date: string;
  status: MarketDayStatus;
  capacity: number | null;
  bookingOpensAt: Date;
  bookingClosesAt: Date;
  cancelDeadline: Date;
  checkInCutoff: Date;
  allocatedAt: Date | null;
  cancelReason: string | null;
}

export interface StallRow {
  id: string;
  createdAt: Date;
  code: string;
  zone: string;
  position: number;
  prime: boolean;
  hasPower: boolean;
  size: string | null;
  active: boolean;
}

export interface BookingRow {
  id: string;
  createdAt: Date;
  marketDayId: string;
  vendorId: string;
  stallId: string | null;
  status: BookingStatus;
  zonePreference: string | null;
  requestedAt: Date;
  explanation: string | null;
  allocationFacts: AllocationFacts | null;
  waitlistPosition: number | null;
  checkedInAt: Date | null;
  cancelledAt: Date | null;
}

export const VENDOR = rowShape<VendorRow>(
  {
    id: 'id',
    createdAt: 'created_at',
    code: 'code',
    userId: 'user_id',
    businessName: 'business_name',
    ownerName: 'owner_name',
    phone: 'phone',
    category: 'category',
    products: 'products',
    nib: 'nib',
    kelurahanCode: 'kelurahan_code',
    status: 'status',
    statusReason: 'status_reason',
    decidedAt: 'decided_at',
    publicConsent: 'public_consent',
    erasedAt: 'erased_at',
  },
  { instants: ['createdAt', 'decidedAt', 'erasedAt'] },
);

export const MARKET_DAY = rowShape<MarketDayRow>(
  {
    id: 'id',
    createdAt: 'created_at',
    date: 'date',
    status: 'status',
    capacity: 'capacity',
    bookingOpensAt: 'booking_opens_at',
    bookingClosesAt: 'booking_closes_at',
    cancelDeadline: 'cancel_deadline',
    checkInCutoff: 'check_in_cutoff',
    allocatedAt: 'allocated_at',
    cancelReason: 'cancel_reason',
  },
  { instants: ['createdAt', 'bookingOpensAt', 'bookingClosesAt', 'cancelDeadline', 'checkInCutoff', 'allocatedAt'] },
);

export const STALL = rowShape<StallRow>(
  { id: 'id', createdAt: 'created_at', code: 'code', zone: 'zone', position: 'position', prime: 'prime', hasPower: 'has_power', size: 'size', active: 'active' },
  { instants: ['createdAt'] },
);

export const BOOKING = rowShape<BookingRow>(
  {
    id: 'id',
    createdAt: 'created_at',
    marketDayId: 'market_day_id',
    vendorId: 'vendor_id',
    stallId: 'stall_id',
    status: 'status',
    zonePreference: 'zone_preference',
    requestedAt: 'requested_at',
    explanation: 'explanation',
    allocationFacts: 'allocation_facts',
    waitlistPosition: 'waitlist_position',
    checkedInAt: 'checked_in_at',
    cancelledAt: 'cancelled_at',
  },
  { instants: ['createdAt', 'requestedAt', 'checkedInAt', 'cancelledAt'] },
);

/** What a booking points at, whether a read gave a plain row or a mutation an entity. */
export function bookingRefs(b: MarketBooking | BookingRow): Pick<BookingRow, 'marketDayId' | 'vendorId' | 'stallId'> {
  return b instanceof MarketBooking ? { marketDayId: b.marketDay.id, vendorId: b.vendor.id, stallId: b.stall?.id ?? null } : b;
}

/** A relation a mutation already loaded with its booking (no statement needed). */
export function loadedWith<K extends 'marketDay' | 'vendor' | 'stall'>(b: MarketBooking | BookingRow, relation: K): MarketBooking[K] | undefined {
  if (!(b instanceof MarketBooking)) return undefined;
  const related = b[relation];
  return related && wrap(related).isInitialized() ? related : undefined;
}
