import { declareUniqueConstraints } from '../../graphql/unique-violation';
import { defineMessages } from '../../platform/i18n';

export const FundingErrors = defineMessages({
  FUNDING_PARTNER_REQUIRED: { id: 'Sumber dana CSR harus memilih mitra.', en: 'A CSR funding source needs a partner.' },
  FUNDING_PARTNER_ONLY_FOR_CSR: { id: 'Hanya sumber dana CSR yang punya mitra.', en: 'Only a CSR funding source has a partner.' },
  FUNDING_UNKNOWN_PARTNER: { id: 'Mitra tidak ditemukan.', en: 'Partner not found.' },
  FUNDING_SOURCE_EXISTS: { id: 'Sumber dana dengan nama dan tahun ini sudah ada.', en: 'A funding source with this name and year already exists.' },
  FUNDING_INVALID_YEAR: { id: 'Tahun anggaran harus 2000–2100.', en: 'The fiscal year must be 2000–2100.' },
  FUNDING_UNKNOWN_SOURCE: { id: 'Sumber dana tidak ditemukan.', en: 'Funding source not found.' },
  FUNDING_INVALID_AMOUNT: { id: 'Jumlah harus rupiah bulat lebih dari 0.', en: 'The amount must be whole rupiah above 0.' },
  FUNDING_DATE_OUTSIDE_YEAR: { id: 'Tanggal transaksi harus dalam tahun anggaran sumber dana.', en: 'The date must fall in the source’s fiscal year.' },
  FUNDING_UNKNOWN_TRANSACTION: { id: 'Transaksi tidak ditemukan.', en: 'Transaction not found.' },
  FUNDING_ALREADY_REVERSED: { id: 'Transaksi ini sudah dibatalkan (reversal hanya sekali).', en: 'This transaction has already been reversed (at most once).' },
  FUNDING_REVERSAL_NOT_REVERSIBLE: { id: 'Baris pembatalan tidak dapat dibatalkan lagi.', en: 'A reversal line cannot itself be reversed.' },
  FUNDING_INVALID_PERIOD: { id: 'Periode tidak valid: tanggal awal harus sebelum tanggal akhir, paling lama 10 tahun.', en: 'Invalid period: the start must precede the end, at most 10 years.' },
});

declareUniqueConstraints({
  funding_source_name_year_unique: { code: FundingErrors.FUNDING_SOURCE_EXISTS, field: 'name' },
  funding_transaction_reversed_once: { code: FundingErrors.FUNDING_ALREADY_REVERSED, field: 'transactionId' },
});
