import { defineMessages } from '../../platform/i18n';

/** Problems of a family import, for the per-row report (Bahasa Indonesia first). */
export const ImportErrors = defineMessages({
  IMPORT_UNREADABLE: { id: 'Berkas tidak bisa dibaca. Gunakan CSV atau XLSX sesuai templat.', en: 'The file cannot be read. Use CSV or XLSX following the template.' },
  IMPORT_EMPTY_FILE: { id: 'Berkas tidak berisi baris data.', en: 'The file has no data rows.' },
  IMPORT_FILE_TOO_LARGE: { id: 'Berkas terlalu besar (maksimal {max} MB).', en: 'The file is too large (at most {max} MB).' },
  IMPORT_TOO_MANY_ROWS: { id: 'Terlalu banyak baris (maksimal {max}). Bagi berkas menjadi beberapa bagian.', en: 'Too many rows (at most {max}). Split the file.' },
  IMPORT_MISSING_COLUMNS: { id: 'Kolom wajib tidak ada di baris judul: {columns}.', en: 'Required columns missing from the header row: {columns}.' },
  IMPORT_FILE_ALREADY_IMPORTED: {
    id: 'Berkas yang sama persis sudah diimpor atau sedang diimpor.',
    en: 'This exact file has already been imported or is being imported.',
  },
  IMPORT_INVALID_MODE: { id: 'Pilih cara impor: semua atau tidak sama sekali, atau simpan baris yang valid.', en: 'Choose an import mode: all or nothing, or commit valid rows.' },
  IMPORT_NOT_FOUND: { id: 'Impor tidak ditemukan.', en: 'Import not found.' },
  IMPORT_ID_AS_NUMBER: {
    id: 'Kolom ini disimpan Excel sebagai angka sehingga digit terakhir bisa berubah. Format kolom sebagai Teks lalu ketik ulang.',
    en: 'Excel stored this column as a number, which can change the last digits. Format the column as Text and type it again.',
  },
  IMPORT_INVALID_DATE: { id: 'Tanggal tidak valid; tulis HH-BB-TTTT atau TTTT-BB-HH.', en: 'Invalid date; write DD-MM-YYYY or YYYY-MM-DD.' },
  IMPORT_INVALID_SEX: { id: 'Jenis kelamin harus L atau P.', en: 'Sex must be L (male) or P (female).' },
  IMPORT_INVALID_YES_NO: { id: 'Isi Ya atau Tidak.', en: 'Fill in Ya (yes) or Tidak (no).' },
  IMPORT_INVALID_SOURCE: { id: 'Sumber data harus DTSEN atau USULAN.', en: 'The data source must be DTSEN or USULAN.' },
  IMPORT_INVALID_NUMBER: { id: 'Harus angka bulat.', en: 'Must be a whole number.' },
  IMPORT_FAMILY_FIELDS_DIFFER: {
    id: 'Berbeda dengan baris pertama KK yang sama (baris {first}); data keluarga harus sama di setiap baris.',
    en: 'Differs from the first row of the same KK (row {first}); family data must be the same on every row.',
  },
  IMPORT_KK_REGISTERED: {
    id: 'Nomor KK ini sudah terdaftar pada keluarga aktif; keluarga tetap disimpan dan ditandai duplikat untuk diperiksa.',
    en: 'This KK is already registered to an active family; the family is saved and flagged as a duplicate for review.',
  },
  IMPORT_FAMILY_SKIPPED: {
    id: 'Keluarga ini tidak disimpan karena ada baris lain dari KK yang sama yang bermasalah.',
    en: 'This family was not saved because another row of the same KK has a problem.',
  },
  IMPORT_SERVER_FAILED: { id: 'Impor gagal di server; tidak ada data yang disimpan. Silakan coba lagi.', en: 'The import failed on the server; nothing was saved. Please try again.' },
});
