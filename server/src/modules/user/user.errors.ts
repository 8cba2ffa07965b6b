import { declareUniqueConstraints } from '../../graphql/unique-violation';
import { defineMessages } from '../../platform/i18n';

export const UserErrors = defineMessages({
  LOGIN_TAKEN: { id: 'Nomor HP atau e-mail ini sudah dipakai akun lain.', en: 'This phone number or e-mail is already used by another account.' },
  LOGIN_MISSING: { id: 'Isi nomor HP atau e-mail.', en: 'Give a phone number or an e-mail address.' },
  PARTNER_REQUIRED: { id: 'Akun mitra harus terhubung ke organisasi mitra.', en: 'A partner account must belong to a partner organisation.' },
  PARTNER_ONLY_FOR_PARTNER_ROLE: { id: 'Hanya akun mitra yang terhubung ke organisasi mitra.', en: 'Only partner accounts belong to a partner organisation.' },
  SCOPE_ONLY_FOR_PROGRAM_STAFF: { id: 'Batas kelurahan hanya untuk staf program.', en: 'Kelurahan limits apply to program staff only.' },
  UNKNOWN_KELURAHAN: { id: 'Kode kelurahan tidak dikenal: {codes}.', en: 'Unknown kelurahan code: {codes}.' },
  LOCALE_UNKNOWN: { id: 'Bahasa tidak dikenal. Pilih id (Bahasa Indonesia) atau en (English).', en: 'Unknown language. Choose id (Bahasa Indonesia) or en (English).' },
  CANNOT_RESET_OWN_PASSWORD: {
    id: 'Kata sandi sendiri diganti lewat "Ganti kata sandi", bukan direset.',
    en: 'Change your own password with "Change password"; it cannot be reset.',
  },
  CANNOT_RESET_CLOSED_ACCOUNT: { id: 'Akun ini sudah dihapus dan tidak dapat masuk lagi.', en: 'This account was erased and cannot sign in again.' },
  CANNOT_DISABLE_SELF: { id: 'Anda tidak dapat menonaktifkan akun sendiri.', en: 'You cannot disable your own account.' },
});

/** A second account with a login already in use (two admins at once) gets the answer of the check. */
declareUniqueConstraints({
  app_user_email_unique: { code: UserErrors.LOGIN_TAKEN, field: 'email' },
  app_user_phone_unique: { code: UserErrors.LOGIN_TAKEN, field: 'phone' },
});
