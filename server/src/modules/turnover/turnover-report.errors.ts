import { defineMessages } from '../../platform/i18n';

/** Every refusal of turnover reporting, in Bahasa Indonesia first. */
export const TurnoverErrors = defineMessages({
  TURNOVER_NOT_CHECKED_IN: {
    id: 'Omzet hanya bisa dicatat untuk pedagang yang hadir (check-in) pada hari pasar itu.',
    en: 'Turnover can only be recorded for a vendor checked in on that market day.',
  },
  TURNOVER_VENDOR_NOT_FOUND: { id: 'Usaha tidak ditemukan.', en: 'Business not found.' },
  TURNOVER_DAY_NOT_FOUND: { id: 'Hari pasar tidak ditemukan.', en: 'Market day not found.' },
  TURNOVER_AMOUNT_INVALID: {
    id: 'Omzet harus bilangan bulat rupiah, 0 atau lebih.',
    en: 'Turnover must be a whole number of rupiah, 0 or more.',
  },
  TURNOVER_TRANSACTIONS_INVALID: {
    id: 'Jumlah transaksi harus bilangan bulat 0 sampai 100.000.',
    en: 'The number of sales must be a whole number from 0 to 100,000.',
  },
  TURNOVER_IMPLAUSIBLE: {
    id: 'Omzet {amount} jauh di atas biasanya ({why}). Periksa angkanya; jika memang benar, kirim lagi dan centang "Angka ini benar".',
    en: 'Turnover of {amount} is far above the usual ({why}). Check the figure; if it is right, send it again and tick "This figure is right".',
  },
  TURNOVER_ALREADY_RECORDED: {
    id: 'Omzet pedagang ini untuk hari itu sudah dicatat. Gunakan koreksi dengan alasan untuk mengubahnya.',
    en: "This vendor's turnover for that day is already recorded. Use a correction with a reason to change it.",
  },
  TURNOVER_REPORT_NOT_FOUND: { id: 'Laporan omzet tidak ditemukan.', en: 'Turnover report not found.' },
  TURNOVER_REPORT_NOT_CURRENT: {
    id: 'Laporan ini sudah dikoreksi; pakai versi terbaru.',
    en: 'This report has been corrected; use the latest version.',
  },
  TURNOVER_REASON_REQUIRED: { id: 'Tuliskan alasan koreksi.', en: 'Give the reason for the correction.' },
  TURNOVER_COMMENT_REQUIRED: { id: 'Tuliskan apa yang tidak sesuai.', en: 'Say what is wrong with the figure.' },
  TURNOVER_NOTE_REQUIRED: { id: 'Tuliskan bagaimana sanggahan diselesaikan.', en: 'Say how the dispute was settled.' },
  TURNOVER_NOT_AWAITING_VENDOR: {
    id: 'Omzet ini sudah dikonfirmasi atau disanggah.',
    en: 'This figure has already been confirmed or disputed.',
  },
  TURNOVER_NOT_DISPUTED: { id: 'Omzet ini tidak sedang disanggah.', en: 'This figure is not disputed.' },
  TURNOVER_SAME_AMOUNT: {
    id: 'Koreksi harus mengubah angka omzet atau jumlah transaksi.',
    en: 'A correction must change the turnover or the number of sales.',
  },
  TURNOVER_TOO_MANY_ROWS: { id: 'Paling banyak {max} baris sekaligus.', en: 'At most {max} rows at once.' },
  TURNOVER_RANGE_INVALID: {
    id: 'Rentang tanggal tidak valid (dari ≤ sampai, paling lama {max} hari).',
    en: 'Invalid date range (from ≤ to, at most {max} days).',
  },
  TURNOVER_TOTAL_TOO_LARGE: {
    id: 'Jumlah omzet melebihi Rp 9.007.199.254.740.991 dan tidak dapat dikirim dengan tepat; persempit rentangnya.',
    en: 'The turnover total exceeds Rp 9,007,199,254,740,991 and cannot be sent exactly; narrow the range.',
  },
  TURNOVER_NO_VENDOR_PROFILE: {
    id: 'Akun ini tidak terhubung ke usaha.',
    en: 'This account is not linked to a business.',
  },
});
