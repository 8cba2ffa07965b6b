import { defineMessages } from '../../platform/i18n';

export const AccountDataErrors = defineMessages({
  ERASURE_NOT_CONFIRMED: {
    id: 'Centang bahwa Anda sudah membaca apa yang dihapus dan apa yang disimpan.',
    en: 'Tick that you have read what is erased and what is kept.',
  },
  ERASURE_WRONG_PASSWORD: { id: 'Kata sandi salah.', en: 'Wrong password.' },
  ERASURE_ONLY_VENDORS: {
    id: 'Penghapusan data sendiri tersedia untuk pelaku UMKM. Akun staf dan mitra ditutup oleh administrator.',
    en: 'Erasing one’s own data is open to vendors. Staff and partner accounts are closed by an administrator.',
  },
});
