import { defineMessages } from '../../platform/i18n';

/** Refusals and warnings of the Ina Kasih registry, in Bahasa Indonesia first. */
export const FamilyErrors = defineMessages({
  FAMILY_NOT_FOUND: { id: 'Keluarga tidak ditemukan.', en: 'Family not found.' },
  FAMILY_OUT_OF_SCOPE: {
    id: 'Keluarga ini berada di luar kelurahan tugas Anda.',
    en: 'This family is outside the kelurahan you are assigned to.',
  },
  FAMILY_KK_FORMAT: { id: 'Nomor KK harus 16 digit angka.', en: 'The KK number must be 16 digits.' },
  FAMILY_KK_AREA: {
    id: 'Nomor KK tidak valid: 6 digit pertama harus kode wilayah (provinsi, kabupaten/kota, kecamatan), misalnya 537102.',
    en: 'Invalid KK number: the first 6 digits must be an area code (province, regency/city, district), e.g. 537102.',
  },
  FAMILY_KK_SERIAL: { id: 'Nomor KK tidak valid: 4 digit terakhir tidak boleh 0000.', en: 'Invalid KK number: the last 4 digits cannot be 0000.' },
  FAMILY_KK_UNCHANGED: { id: 'Nomor KK baru sama dengan nomor KK sekarang.', en: 'The new KK number is the same as the current one.' },
  FAMILY_KK_ERASED: {
    id: 'Data pribadi keluarga ini sudah dihapus atas permintaan keluarga.',
    en: 'The personal data of this family was erased at its request.',
  },
  FAMILY_ID_CHECK_FORMAT: {
    id: 'Ketik nomor KK atau NIK lengkap: 16 digit angka.',
    en: 'Type the full KK or NIK number: 16 digits.',
  },
  FAMILY_ID_CHECK_LIMIT: {
    id: 'Batas pencocokan KK/NIK tercapai ({limit} per jam per petugas). Coba lagi pada jam berikutnya.',
    en: 'Limit of KK/NIK checks reached ({limit} an hour per officer). Try again next hour.',
  },
  FAMILY_CONSENT_ALREADY_WITHDRAWN: {
    id: 'Keluarga ini sudah menarik persetujuannya; data pribadinya sudah dihapus.',
    en: 'This family has already withdrawn its consent; its personal data has been erased.',
  },
  FAMILY_CONFIRMATION_MISMATCH: {
    id: 'Ketik nomor registrasi keluarga ({registryNumber}) untuk memastikan penghapusan.',
    en: 'Type the family’s registry number ({registryNumber}) to confirm the erasure.',
  },
  FAMILY_UNKNOWN_KELURAHAN: { id: 'Kelurahan tidak dikenal di Kota Kupang.', en: 'Unknown kelurahan in Kota Kupang.' },
  FAMILY_INVALID_DESIL: { id: 'Desil harus 1 sampai 10.', en: 'The desil must be 1 to 10.' },
  FAMILY_INVALID_PHASE: { id: 'Tahap harus 1 sampai 99.', en: 'The phase (tahap) must be 1 to 99.' },
  FAMILY_INVALID_DATE: { id: 'Tanggal tidak valid (TTTT-BB-HH).', en: 'Invalid date (YYYY-MM-DD).' },
  FAMILY_DATE_IN_FUTURE: { id: 'Tanggal tidak boleh setelah hari ini (WITA).', en: 'The date cannot be after today (WITA).' },
  FAMILY_REASON_REQUIRED: { id: 'Tuliskan alasannya (wajib untuk ditunda atau keluar).', en: 'Give a reason (required to pause or exit).' },
  FAMILY_STATUS_UNCHANGED: { id: 'Status keluarga sudah {status}.', en: 'The family is already {status}.' },
  FAMILY_DUPLICATE_NOT_FOUND: { id: 'Tanda duplikat tidak ditemukan.', en: 'Duplicate flag not found.' },
  FAMILY_DUPLICATE_RESOLVED: { id: 'Tanda duplikat ini sudah diselesaikan.', en: 'This duplicate flag has already been resolved.' },
  FAMILY_DUPLICATE_NOTE_REQUIRED: { id: 'Tuliskan apa yang sudah diperiksa.', en: 'Write down what was checked.' },
  FAMILY_DUPLICATE_EXIT_WHICH: {
    id: 'Pilih salah satu dari dua keluarga ini yang dikeluarkan dari program.',
    en: 'Choose which of the two families leaves the program.',
  },
  FAMILY_DUPLICATE_STILL_PRESENT: {
    id: 'Nomor yang sama masih tercatat di kedua keluarga; perbaiki dulu nomor KK/NIK yang salah.',
    en: 'Both families still hold the same number; correct the wrong KK/NIK first.',
  },
  MEMBER_NOT_FOUND: { id: 'Anggota keluarga tidak ditemukan.', en: 'Family member not found.' },
  MEMBER_NIK_FORMAT: { id: 'NIK harus 16 digit angka.', en: 'The NIK must be 16 digits.' },
  MEMBER_NIK_AREA: {
    id: 'NIK tidak valid: 6 digit pertama harus kode wilayah (provinsi, kabupaten/kota, kecamatan).',
    en: 'Invalid NIK: the first 6 digits must be an area code (province, regency/city, district).',
  },
  MEMBER_NIK_BIRTH_DATE: {
    id: 'NIK tidak valid: digit 7–12 harus tanggal lahir HHBBTT (hari + 40 untuk perempuan).',
    en: 'Invalid NIK: digits 7–12 must be the birth date DDMMYY (day + 40 for women).',
  },
  MEMBER_NIK_SERIAL: { id: 'NIK tidak valid: 4 digit terakhir tidak boleh 0000.', en: 'Invalid NIK: the last 4 digits cannot be 0000.' },
  MEMBER_NIK_TWICE: { id: 'NIK ini sudah tercatat untuk anggota lain di keluarga yang sama.', en: 'This NIK is already recorded for another member of the same family.' },
  MEMBER_NIK_SEX_MISMATCH: {
    id: 'Peringatan: jenis kelamin tidak cocok dengan NIK (tanggal lahir di NIK perempuan ditambah 40). Periksa kembali.',
    en: 'Warning: the sex does not match the NIK (a woman’s NIK has 40 added to the day). Please check.',
  },
  MEMBER_NIK_BIRTH_DATE_MISMATCH: {
    id: 'Peringatan: tanggal lahir tidak cocok dengan NIK. Periksa kembali.',
    en: 'Warning: the birth date does not match the NIK. Please check.',
  },
  MEMBER_INVALID_BIRTH_DATE: { id: 'Tanggal lahir tidak valid atau setelah hari ini.', en: 'Invalid birth date, or after today.' },
  MEMBER_LEFT_BEFORE_BIRTH: { id: 'Tanggal keluar tidak boleh sebelum tanggal lahir.', en: 'The date of leaving cannot be before the birth date.' },
});
