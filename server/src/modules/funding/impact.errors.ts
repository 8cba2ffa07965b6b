import { defineMessages } from '../../platform/i18n';

/** Refusals of the impact reports. */
export const ImpactErrors = defineMessages({
  IMPACT_UNKNOWN_PROGRAM: { id: 'Program tidak ditemukan.', en: 'Program not found.' },
});
