import { defineMessages } from '../../platform/i18n';

export const PartnerErrors = defineMessages({
  PARTNER_NAME_TAKEN: { id: 'Nama mitra ini sudah terdaftar.', en: 'A partner with this name already exists.' },
});
