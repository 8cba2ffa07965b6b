import { defineMessages } from '../../platform/i18n';

export const AuthErrors = defineMessages({
  INVALID_CREDENTIALS: {
    id: 'Nomor HP/e-mail atau kata sandi salah.',
    en: 'Wrong phone number/e-mail or password.',
  },
  TOO_MANY_ATTEMPTS: {
    id: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {wait}.',
    en: 'Too many failed sign-in attempts. Try again in {wait}.',
  },
  REGISTRATION_PENDING: {
    id: 'Pendaftaran Anda sudah diterima dan sedang menunggu persetujuan petugas. Anda bisa masuk setelah disetujui.',
    en: 'Your registration was received and is awaiting approval by staff. You can sign in once it is approved.',
  },
  ACCOUNT_DISABLED: { id: 'Akun ini dinonaktifkan. Hubungi admin.', en: 'This account is disabled. Contact an administrator.' },
  PASSWORD_CHANGE_REQUIRED: {
    id: 'Kata sandi Anda adalah kata sandi sementara. Buat kata sandi baru terlebih dahulu.',
    en: 'Your password is a temporary one. Choose a new password first.',
  },
  PASSWORD_WRONG: { id: 'Kata sandi sekarang salah.', en: 'The current password is wrong.' },
  PASSWORD_UNCHANGED: { id: 'Kata sandi baru harus berbeda dari yang sekarang.', en: 'The new password must differ from the current one.' },
  PASSWORD_TOO_SHORT: { id: 'Kata sandi minimal {min} karakter.', en: 'The password must have at least {min} characters.' },
});
