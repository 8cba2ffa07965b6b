import { declareUniqueConstraints } from '../../graphql/unique-violation';
import { defineMessages } from '../../platform/i18n';

/** Refusals of rounds and deliveries, in Bahasa Indonesia first. */
export const DistributionErrors = defineMessages({
  ROUND_NOT_FOUND: { id: 'Putaran penyaluran tidak ditemukan.', en: 'Distribution round not found.' },
  ROUND_EXISTS: { id: 'Putaran untuk program dan bulan ini sudah dibuka.', en: 'A round for this program and month is already open.' },
  ROUND_NO_RULE: { id: 'Belum ada aturan hak yang berlaku untuk bulan ini.', en: 'No entitlement rule applies to this month yet.' },
  ROUND_MONTH_TOO_FAR: { id: 'Putaran hanya bisa dibuka sampai bulan depan (WITA).', en: 'A round can be opened at most for next month (WITA).' },
  ROUND_CLOSED: { id: 'Putaran ini sudah ditutup; penyaluran baru tidak dapat dicatat.', en: 'This round is closed; no new deliveries can be recorded.' },
  ROUND_ALREADY_CLOSED: { id: 'Putaran ini sudah ditutup.', en: 'This round is already closed.' },
  ROUND_KELURAHAN_OUTSIDE_SCOPE: { id: 'Kelurahan ini di luar wilayah kerja Anda.', en: 'This kelurahan is outside your work area.' },
  DISTRIBUTION_FAMILY_NOT_IN_ROUND: {
    id: 'Keluarga ini tidak ada dalam daftar rencana putaran ini (atau di luar wilayah kerja Anda).',
    en: 'This family is not on the planned list of this round (or is outside your work area).',
  },
  DISTRIBUTION_ALREADY_DELIVERED: {
    id: 'Keluarga ini sudah menerima pembalut pada putaran ini ({when}). Tidak dicatat dua kali; bila pencatatan pertama salah, batalkan dulu dengan alasan.',
    en: 'This family has already received pads in this round ({when}). It is not recorded twice; if the first entry was wrong, reverse it first with a reason.',
  },
  DISTRIBUTION_FAMILY_WITHDRAWN: {
    id: 'Keluarga ini sudah menarik persetujuannya dan keluar dari program; penyaluran tidak dapat dicatat lagi.',
    en: 'This family withdrew its consent and left the program; no further deliveries can be recorded.',
  },
  DISTRIBUTION_FAMILY_NOT_ACTIVE: {
    id: 'Keluarga ini tidak aktif lagi (ditunda atau keluar) dan sudah dikeluarkan dari rencana putaran yang masih dibuka; penyaluran tidak dapat dicatat.',
    en: 'This family is no longer active (paused or exited) and has left the plans of the open rounds; no delivery can be recorded.',
  },
  ROUND_CITY_WIDE_ONLY: {
    id: 'Putaran berlaku untuk seluruh kota: hanya admin atau petugas program tanpa batas kelurahan yang dapat membuka atau menutupnya.',
    en: 'A round covers the whole city: only an administrator or program staff without a kelurahan limit may open or close it.',
  },
  DISTRIBUTION_RECEIVER_REQUIRED: {
    id: 'Pilih anggota keluarga yang menerima, atau tulis nama kuasa yang menandatangani (salah satu saja).',
    en: 'Choose the family member who received, or write the name of the authorised proxy who signed (one of the two).',
  },
  DISTRIBUTION_MEMBER_NOT_IN_FAMILY: { id: 'Penerima bukan anggota keluarga ini.', en: 'The receiver is not a member of this family.' },
  DISTRIBUTION_INVALID_PACKS: { id: 'Jumlah paket harus 1 sampai {max} (rencana keluarga ini).', en: 'Packs must be 1 to {max} (this family’s plan).' },
  DISTRIBUTION_INVALID_TIME: {
    id: 'Waktu penyerahan harus sejak putaran dibuka ({from}) dan tidak di masa depan. Penyerahan sesudah akhir bulan tetap diterima selama putaran belum ditutup, dan dihitung untuk bulan putaran.',
    en: 'The hand-over time must be after the round opened ({from}) and not in the future. A hand-over after the month’s end is accepted while the round is still open, and counts in the round’s month.',
  },
  DISTRIBUTION_NOT_FOUND: { id: 'Catatan penyaluran tidak ditemukan.', en: 'Delivery record not found.' },
  DISTRIBUTION_ALREADY_REVERSED: { id: 'Penyaluran ini sudah dibatalkan.', en: 'This delivery has already been reversed.' },
  DISTRIBUTION_REVERSAL_NOT_REVERSIBLE: { id: 'Baris pembatalan tidak dapat dibatalkan lagi.', en: 'A reversal entry cannot itself be reversed.' },
  DISTRIBUTION_IDEMPOTENCY_KEY_REQUIRED: {
    id: 'Kunci idempotensi wajib diisi agar pengiriman ulang tidak tercatat dua kali.',
    en: 'An idempotency key is required so that a resend is never recorded twice.',
  },
});

declareUniqueConstraints({
  ina_distribution_round_program_month_unique: { code: DistributionErrors.ROUND_EXISTS, field: 'month' },
  ina_distribution_reversed_once: { code: DistributionErrors.DISTRIBUTION_ALREADY_REVERSED, field: 'distributionId' },
});
