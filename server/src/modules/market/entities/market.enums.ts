import { registerEnumType } from 'type-graphql';

/** Where a vendor's registration stands; only APPROVED vendors may request stalls. */
export enum VendorStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}

/** What a business sells, as market staff group the stalls (domain.md). */
export enum VendorCategory {
  KULINER = 'KULINER',
  MINUMAN = 'MINUMAN',
  OLEH_OLEH = 'OLEH_OLEH',
  TENUN_FESYEN = 'TENUN_FESYEN',
  KRIYA = 'KRIYA',
  HERBAL = 'HERBAL',
  RUMAH_TANGGA = 'RUMAH_TANGGA',
  JASA = 'JASA',
}

/** OPEN: taking requests; ALLOCATED: the window closed and stalls were shared out; CANCELLED by staff. */
export enum MarketDayStatus {
  OPEN = 'OPEN',
  ALLOCATED = 'ALLOCATED',
  CANCELLED = 'CANCELLED',
}

export enum BookingStatus {
  REQUESTED = 'REQUESTED',
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
  CHECKED_IN = 'CHECKED_IN',
  NO_SHOW = 'NO_SHOW',
}

/** Statuses that hold a stall (the partial unique index of market_booking uses the same list). */
export const STALL_HOLDING: BookingStatus[] = [BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN, BookingStatus.NO_SHOW];

registerEnumType(VendorStatus, {
  name: 'VendorStatus',
  description: 'Registration status of a vendor (pelaku UMKM).',
  valuesConfig: {
    PENDING: { description: 'Waiting for market staff (menunggu persetujuan).' },
    APPROVED: { description: 'Approved: may request stalls.' },
    REJECTED: { description: 'Rejected, with a reason.' },
    SUSPENDED: { description: 'Suspended by staff: may not request stalls.' },
  },
});
registerEnumType(VendorCategory, { name: 'VendorCategory', description: 'What the business sells.' });
registerEnumType(MarketDayStatus, {
  name: 'MarketDayStatus',
  description: 'Where a market day stands.',
  valuesConfig: {
    OPEN: { description: 'Booking window not yet allocated: requests are collected.' },
    ALLOCATED: { description: 'Stalls shared out by fair rotation; left-over stalls go first come, first served.' },
    CANCELLED: { description: 'Cancelled by staff; vendors are told.' },
  },
});
registerEnumType(BookingStatus, {
  name: 'BookingStatus',
  description: 'Status of a stall request (permintaan lapak).',
  valuesConfig: {
    REQUESTED: { description: 'Requested; waiting for the allocation when the window closes.' },
    CONFIRMED: { description: 'A stall is hers for that day.' },
    WAITLISTED: { description: 'No stall yet; promoted in order when someone cancels (daftar tunggu).' },
    CANCELLED: { description: 'Cancelled by the vendor or because the day was cancelled.' },
    CHECKED_IN: { description: 'Arrived and checked in by staff on the day.' },
    NO_SHOW: { description: 'Held a stall but did not check in by the cut-off (tidak hadir).' },
  },
});
