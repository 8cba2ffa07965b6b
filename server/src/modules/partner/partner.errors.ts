import { declareUniqueConstraints } from '../../graphql/unique-violation';
import { defineMessages } from '../../platform/i18n';

export const PartnerErrors = defineMessages({
  PARTNER_NAME_TAKEN: { id: 'Nama mitra ini sudah terdaftar.', en: 'A partner with this name already exists.' },
});

declareUniqueConstraints({ partner_name_unique: { code: PartnerErrors.PARTNER_NAME_TAKEN, field: 'name' } });
