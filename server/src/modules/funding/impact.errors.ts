import { defineMessages } from '../../platform/i18n';

/** Refusals of the impact reports. */
export const ImpactErrors = defineMessages({
  IMPACT_UNKNOWN_PROGRAM: { id: 'Program tidak ditemukan.', en: 'Program not found.' },
  IMPACT_PROGRAM_BREAKDOWN_NOT_PUBLISHED: {
    id: 'Mitra melihat Ina Kasih sebagai satu kesatuan: rincian per program di samping totalnya dapat membuka angka yang disembunyikan.',
    en: 'Partners see Ina Kasih as a whole: a breakdown by program beside the total could give hidden figures away.',
  },
});
