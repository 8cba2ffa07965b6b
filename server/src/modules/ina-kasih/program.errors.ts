import { declareUniqueConstraints } from '../../graphql/unique-violation';
import { defineMessages } from '../../platform/i18n';

/** Refusals of programs, entitlement rules and stock, in Bahasa Indonesia first. */
export const ProgramErrors = defineMessages({
  PROGRAM_NOT_FOUND: { id: 'Program tidak ditemukan.', en: 'Program not found.' },
  PROGRAM_NAME_TAKEN: { id: 'Program dengan nama ini sudah ada.', en: 'A program with this name already exists.' },
  PROGRAM_INVALID_MONTH: { id: 'Bulan harus ditulis TTTT-BB, misalnya 2026-09.', en: 'The month must be written YYYY-MM, e.g. 2026-09.' },
  PROGRAM_INVALID_PACKS: { id: 'Jumlah paket per perempuan per bulan harus 1 sampai 20.', en: 'Packs per woman per month must be 1 to 20.' },
  PROGRAM_INVALID_PADS_PER_PACK: { id: 'Isi pembalut per paket harus 1 sampai 100.', en: 'Pads per pack must be 1 to 100.' },
  PROGRAM_RULE_MONTH_TAKEN: {
    id: 'Sudah ada aturan yang berlaku mulai bulan ini; aturan lama tidak diubah. Tetapkan aturan baru mulai bulan berikutnya.',
    en: 'A rule already applies from this month; rules are never edited. Set a new rule from a later month.',
  },
  PROGRAM_RULE_MONTH_HAS_ROUND: {
    id: 'Putaran bulan {month} sudah dibuka dengan aturan lama; aturan baru hanya bisa berlaku setelah bulan itu.',
    en: 'The round of {month} was already opened under the old rule; a new rule can only apply after that month.',
  },
  STOCK_UNKNOWN_FUNDING_SOURCE: { id: 'Sumber dana tidak ditemukan.', en: 'Funding source not found.' },
  STOCK_INVALID_PACKS: { id: 'Jumlah paket diterima harus 1 sampai 10.000.000.', en: 'Packs received must be 1 to 10,000,000.' },
  STOCK_INVALID_UNIT_COST: { id: 'Harga per paket harus rupiah bulat 0 sampai Rp 100.000.000.', en: 'The unit cost must be whole rupiah from 0 to Rp 100,000,000.' },
  STOCK_DATE_IN_FUTURE: { id: 'Tanggal terima tidak boleh setelah hari ini (WITA).', en: 'The date received cannot be after today (WITA).' },
  STOCK_INSUFFICIENT: {
    id: 'Stok pembalut tidak cukup: tersisa {available} paket, dibutuhkan {needed} paket.',
    en: 'Not enough pad stock: {available} packs left, {needed} packs needed.',
  },
});

declareUniqueConstraints({
  ina_program_name_unique: { code: ProgramErrors.PROGRAM_NAME_TAKEN, field: 'name' },
  ina_entitlement_rule_program_month_unique: { code: ProgramErrors.PROGRAM_RULE_MONTH_TAKEN, field: 'effectiveMonth' },
});
