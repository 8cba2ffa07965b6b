import { declareUniqueConstraints } from '../../graphql/unique-violation';
import { defineMessages } from '../../platform/i18n';

/** Every refusal of the market, in Bahasa Indonesia first. */
export const MarketErrors = defineMessages({
  MARKET_INVALID_NIB: { id: 'NIB harus 13 digit angka.', en: 'The NIB must be 13 digits.' },
  MARKET_UNKNOWN_KELURAHAN: { id: 'Kelurahan tidak dikenal di Kota Kupang.', en: 'Unknown kelurahan in Kota Kupang.' },
  MARKET_PHONE_REGISTERED: {
    id: 'Nomor HP ini sudah terdaftar sebagai usaha atau akun lain.',
    en: 'This mobile number is already registered for a business or another account.',
  },
  MARKET_PASSWORD_TOO_SHORT: { id: 'Kata sandi minimal {min} karakter.', en: 'The password must have at least {min} characters.' },
  MARKET_VENDOR_NOT_FOUND: { id: 'Usaha tidak ditemukan.', en: 'Business not found.' },
  MARKET_VENDOR_NOT_PENDING: { id: 'Pendaftaran ini sudah diputuskan.', en: 'This registration has already been decided.' },
  MARKET_VENDOR_NOT_APPROVED: { id: 'Usaha ini belum disetujui atau sedang ditangguhkan.', en: 'This business is not approved or is suspended.' },
  MARKET_REASON_REQUIRED: { id: 'Tuliskan alasannya.', en: 'Give a reason.' },
  MARKET_NO_VENDOR_PROFILE: { id: 'Akun ini tidak terhubung ke usaha yang disetujui.', en: 'This account is not linked to an approved business.' },
  MARKET_INVALID_ZONE: { id: 'Zona harus satu huruf A–Z.', en: 'The zone must be one letter A–Z.' },
  MARKET_INVALID_POSITION: { id: 'Nomor lapak harus 1 sampai 999.', en: 'The stall number must be 1 to 999.' },
  MARKET_STALL_TAKEN: { id: 'Kode lapak ini sudah ada.', en: 'This stall code already exists.' },
  MARKET_STALL_NOT_FOUND: { id: 'Lapak tidak ditemukan.', en: 'Stall not found.' },
  MARKET_DAY_NOT_FOUND: { id: 'Hari pasar tidak ditemukan.', en: 'Market day not found.' },
  MARKET_DAY_EXISTS: { id: 'Hari pasar untuk tanggal ini sudah ada.', en: 'There is already a market day on this date.' },
  MARKET_DAY_NOT_WEEKEND: { id: 'Hari pasar hanya Sabtu atau Minggu.', en: 'Market days are Saturdays or Sundays only.' },
  MARKET_DAY_IN_PAST: { id: 'Tanggal ini sudah lewat (waktu WITA).', en: 'This date has passed (WITA).' },
  MARKET_RANGE_INVALID: { id: 'Rentang tanggal tidak valid (paling lama 366 hari).', en: 'Invalid date range (at most 366 days).' },
  MARKET_WINDOW_INVALID: {
    id: 'Jadwal tidak valid: buka < tutup ≤ batas hadir, dan batas pembatalan ≤ batas hadir.',
    en: 'Invalid schedule: opens < closes ≤ check-in cut-off, and cancellation deadline ≤ cut-off.',
  },
  MARKET_CAPACITY_INVALID: { id: 'Kapasitas harus 0 sampai 1000.', en: 'Capacity must be 0 to 1000.' },
  MARKET_DAY_CANCELLED: { id: 'Hari pasar ini dibatalkan.', en: 'This market day is cancelled.' },
  MARKET_DAY_ALREADY_ALLOCATED: { id: 'Lapak hari ini sudah dibagikan.', en: 'The stalls of this day have already been allocated.' },
  MARKET_WINDOW_NOT_OPEN: { id: 'Pemesanan lapak untuk hari ini belum dibuka.', en: 'Booking for this day has not opened yet.' },
  MARKET_DAY_OVER: { id: 'Hari pasar ini sudah lewat.', en: 'This market day is over.' },
  MARKET_ALREADY_REQUESTED: { id: 'Anda sudah meminta lapak untuk hari ini.', en: 'You have already requested a stall for this day.' },
  MARKET_BOOKING_NOT_FOUND: { id: 'Pemesanan tidak ditemukan.', en: 'Booking not found.' },
  MARKET_CANCEL_DEADLINE_PASSED: {
    id: 'Batas waktu pembatalan sudah lewat ({deadline}).',
    en: 'The cancellation deadline has passed ({deadline}).',
  },
  MARKET_BOOKING_NOT_ACTIVE: { id: 'Pemesanan ini tidak aktif lagi.', en: 'This booking is no longer active.' },
  MARKET_CHECK_IN_WRONG_DAY: {
    id: 'Hadir hanya bisa dicatat pada hari pasar itu ({date}, WITA).',
    en: 'Check-in is only possible on the market day itself ({date}, WITA).',
  },
  MARKET_CHECK_IN_NOT_CONFIRMED: { id: 'Hanya pedagang yang mendapat lapak bisa dicatat hadir.', en: 'Only a vendor holding a stall can be checked in.' },
  MARKET_CUTOFF_NOT_REACHED: {
    id: 'Belum bisa menandai tidak hadir sebelum batas hadir ({cutoff}).',
    en: 'No-shows can only be marked after the check-in cut-off ({cutoff}).',
  },
});

/** What losing a race against the market's unique constraints means (the answer of each check). */
declareUniqueConstraints({
  market_vendor_phone_unique: { code: MarketErrors.MARKET_PHONE_REGISTERED, field: 'phone' },
  market_day_date_unique: { code: MarketErrors.MARKET_DAY_EXISTS, field: 'date' },
  market_stall_code_unique: { code: MarketErrors.MARKET_STALL_TAKEN, field: 'position' },
  market_stall_zone_position_unique: { code: MarketErrors.MARKET_STALL_TAKEN, field: 'position' },
  market_booking_one_per_vendor_per_day: { code: MarketErrors.MARKET_ALREADY_REQUESTED, field: 'marketDayId' },
});
