import { declareUniqueConstraints } from '../../graphql/unique-violation';
import { defineMessages } from '../../platform/i18n';

/** Every refusal of trainings and mentoring, in Bahasa Indonesia first. */
export const TrainingErrors = defineMessages({
  TRAINING_NOT_FOUND: { id: 'Pelatihan tidak ditemukan.', en: 'Training not found.' },
  TRAINING_TIME_INVALID: {
    id: 'Waktu tidak valid: mulai harus sebelum selesai, paling lama 14 hari.',
    en: 'Invalid time: the start must be before the end, at most 14 days.',
  },
  TRAINING_CAPACITY_INVALID: { id: 'Kapasitas harus 1 sampai 1000 orang.', en: 'Capacity must be 1 to 1000 people.' },
  TRAINING_PARTNER_NOT_FOUND: { id: 'Mitra sponsor tidak ditemukan.', en: 'Sponsoring partner not found.' },
  TRAINING_CANCELLED: { id: 'Pelatihan ini dibatalkan.', en: 'This training is cancelled.' },
  TRAINING_ALREADY_STARTED: { id: 'Pelatihan ini sudah dimulai; pendaftaran ditutup.', en: 'This training has already started; enrolment is closed.' },
  TRAINING_OVER: { id: 'Pelatihan ini sudah selesai.', en: 'This training is over.' },
  TRAINING_ALREADY_ENROLLED: { id: 'Usaha ini sudah terdaftar di pelatihan ini.', en: 'This business is already enrolled in this training.' },
  TRAINING_VENDOR_NOT_FOUND: { id: 'Usaha tidak ditemukan atau belum disetujui.', en: 'Business not found or not approved.' },
  TRAINING_ENROLMENT_NOT_FOUND: { id: 'Pendaftaran tidak ditemukan.', en: 'Enrolment not found.' },
  TRAINING_ENROLMENT_NOT_ACTIVE: { id: 'Pendaftaran ini sudah dibatalkan.', en: 'This enrolment is already cancelled.' },
  TRAINING_ATTENDANCE_TOO_EARLY: {
    id: 'Kehadiran baru bisa dicatat mulai hari pelatihan ({date}, WITA).',
    en: 'Attendance can only be recorded from the day of the training ({date}, WITA).',
  },
  TRAINING_ATTENDANCE_NOT_ENROLLED: { id: 'Hanya peserta yang mendapat kursi bisa dicatat hadir.', en: 'Only participants holding a seat can be marked present.' },
  TRAINING_CANCEL_AFTER_START: { id: 'Pendaftaran tidak bisa dibatalkan setelah pelatihan dimulai.', en: 'An enrolment cannot be cancelled after the training has started.' },
  TRAINING_HAS_ATTENDANCE: { id: 'Pelatihan ini sudah ada catatan kehadiran.', en: 'This training already has attendance recorded.' },
  TRAINING_REASON_REQUIRED: { id: 'Tuliskan alasannya.', en: 'Give a reason.' },
  TRAINING_OUTCOME_DAYS_INVALID: { id: 'Jumlah hari harus 7 sampai 366.', en: 'The number of days must be 7 to 366.' },
  TRAINING_CERTIFICATE_NOT_FOUND: { id: 'Sertifikat tidak ditemukan.', en: 'Certificate not found.' },
});

/** Refusals of mentoring. */
export const MentoringErrors = defineMessages({
  MENTORING_VENDOR_NOT_FOUND: { id: 'Usaha tidak ditemukan.', en: 'Business not found.' },
  MENTORING_MENTOR_NOT_STAFF: { id: 'Pendamping harus akun staf pasar.', en: 'The mentor must be a market staff account.' },
  MENTORING_DATE_IN_FUTURE: { id: 'Tanggal kunjungan belum terjadi (waktu WITA).', en: 'The visit date is in the future (WITA).' },
  MENTORING_DATE_TOO_OLD: { id: 'Tanggal kunjungan terlalu lama (sebelum 2020).', en: 'The visit date is too old (before 2020).' },
  MENTORING_TOO_MANY_FOLLOW_UPS: { id: 'Paling banyak 20 tindak lanjut per kunjungan.', en: 'At most 20 follow-ups per visit.' },
  MENTORING_FOLLOW_UP_EMPTY: { id: 'Tindak lanjut tidak boleh kosong.', en: 'A follow-up cannot be empty.' },
  MENTORING_FOLLOW_UP_NOT_FOUND: { id: 'Tindak lanjut tidak ditemukan.', en: 'Follow-up not found.' },
  MENTORING_DONE_DATE_INVALID: {
    id: 'Tanggal selesai harus antara tanggal kunjungan dan hari ini (WITA).',
    en: 'The done date must be between the visit date and today (WITA).',
  },
});

declareUniqueConstraints({ training_enrolment_one_active: { code: TrainingErrors.TRAINING_ALREADY_ENROLLED, field: 'trainingId' } });
