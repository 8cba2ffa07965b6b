import type { EntityManager } from '@mikro-orm/postgresql';
import { defineMessages, type Locale } from '../../platform/i18n';
import { ERASED_TEXT } from '../audit/audit-erasure';
import type { AccountDataPart } from '../feature-module';
import { longDate, cityClock, witaDate } from '../../platform/wita-clock';

export const VendorDataErrors = defineMessages({
  VENDOR_ERASURE_BOOKED: {
    id: 'Anda masih terdaftar di pasar pada {days}. Batalkan dulu (atau tunggu sampai hari pasar itu lewat), lalu hapus data Anda.',
    en: 'You are still booked at the market on {days}. Cancel first (or wait until that market day has passed), then erase your data.',
  },
  VENDOR_ERASED: {
    id: 'Data usaha ini sudah dihapus atas permintaan pemiliknya; tidak ada lagi yang dicatat untuknya.',
    en: 'This business’s data was erased at its owner’s request; nothing more is recorded for it.',
  },
});

/** Bookings that still hold a place: a request, a stall, the waitlist or a check-in. */
const ACTIVE = `('REQUESTED','CONFIRMED','WAITLISTED','CHECKED_IN')`;

/**
 * The market's part in a vendor's rights over her data (UU 27/2022). Her export: the business as
 * registered, every booking, and her consent to the public page with its changes. Her erasure
 * waits while she still holds a place on a market day to come (the stall would stand empty and
 * the waitlist would not move); it blanks names, phone, NIB and what she sells, keeps the vendor
 * number, category, kelurahan and every booking and check-in (the stall-days and vendor counts
 * already published are built from them), and she is no longer shown anywhere.
 */
export const marketAccountData: AccountDataPart = {
  async export(em: EntityManager, userId: string) {
    const [business] = await em.execute(
      `select v.code, v.business_name as "businessName", v.owner_name as "ownerName", v.phone, v.category, v.products, v.nib,
              v.kelurahan_code as "kelurahanCode", r.name as kelurahan, v.status, v.status_reason as "statusReason",
              v.created_at as "registeredAt", v.decided_at as "decidedAt", v.public_consent as "publicConsent"
         from market_vendor v join region r on r.code = v.kelurahan_code where v.user_id = ?`,
      [userId],
    );
    if (!business) return [];
    const bookings = await em.execute(
      `select d.date::text as date, b.status, s.code as stall, b.zone_preference as "zonePreference", b.requested_at as "requestedAt",
              b.waitlist_position as "waitlistPosition", b.checked_in_at as "checkedInAt", b.cancelled_at as "cancelledAt", b.explanation
         from market_booking b join market_vendor v on v.id = b.vendor_id join market_day d on d.id = b.market_day_id
         left join market_stall s on s.id = b.stall_id
        where v.user_id = ? order by d.date, b.requested_at`,
      [userId],
    );
    // Her consent to the public page: as it stands, then each time she gave or withdrew it.
    const changes: { at: Date; given: boolean }[] = await em.execute(
      `select a.at, (a.after->>'publicConsent')::boolean as given
         from audit_entry a join market_vendor v on a.entity_type = 'Vendor' and a.entity_id = v.id::text
        where v.user_id = ? and a.action = 'market.vendor.update_own' and a.after->>'publicConsent' is not null order by a.id`,
      [userId],
    );
    return [
      { key: 'business', label: 'usaha', rows: [business] },
      { key: 'bookings', label: 'pemesanan', rows: bookings },
      {
        key: 'consents',
        label: 'persetujuan',
        rows: [
          { purpose: 'publicMarketPage', given: business.publicConsent, at: null, current: true },
          ...changes.map((c) => ({ purpose: 'publicMarketPage', given: c.given, at: c.at, current: false })),
        ],
      },
    ];
  },

  async blockers(em: EntityManager, userId: string, locale: Locale) {
    const days: { date: string }[] = await em.execute(
      `select distinct d.date::text as date from market_booking b join market_vendor v on v.id = b.vendor_id join market_day d on d.id = b.market_day_id
        where v.user_id = ? and b.status in ${ACTIVE} and d.status <> 'CANCELLED' and d.date >= ?::date order by 1`,
      [userId, witaDate(cityClock.now())],
    );
    return days.length ? [{ code: VendorDataErrors.VENDOR_ERASURE_BOOKED, params: { days: days.map((d) => longDate(d.date, locale)).join(', ') } }] : [];
  },

  async erase(em: EntityManager, userId: string) {
    await em.execute(
      `update market_vendor set business_name = '${ERASED_TEXT}', owner_name = '${ERASED_TEXT}', phone = null, nib = null, products = '${ERASED_TEXT}',
              status_reason = case when status_reason is null then null else '${ERASED_TEXT}' end, public_consent = false,
              pending_password_hash = null, erased_at = now(), updated_at = now()
        where user_id = ?`,
      [userId],
    );
    return [
      { entityType: 'Vendor', idsSql: 'select id::text from market_vendor where user_id = ?', params: [userId] },
      { entityType: 'MarketBooking', idsSql: 'select b.id::text from market_booking b join market_vendor v on v.id = b.vendor_id where v.user_id = ?', params: [userId] },
    ];
  },
};
