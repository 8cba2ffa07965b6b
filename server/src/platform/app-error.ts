import { defineMessages } from './i18n';

/** Codes every part of the platform may raise; feature modules define their own beside them. */
export const CommonErrors = defineMessages({
  UNAUTHENTICATED: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  SESSION_EXPIRED: { id: 'Sesi Anda telah berakhir. Silakan masuk kembali.', en: 'Your session has expired. Please sign in again.' },
  FORBIDDEN: { id: 'Anda tidak memiliki izin untuk tindakan ini.', en: 'You do not have permission for this action.' },
  NOT_FOUND: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  BAD_USER_INPUT: { id: 'Isian tidak valid.', en: 'Invalid input.' },
  INVALID_VALUE: {
    id: 'Isian tidak valid: ada nilai yang tidak sesuai jenisnya atau aturannya (lihat bagian yang disebut).',
    en: 'Invalid input: a value does not fit its type or its rules (see the fields named).',
  },
  CONFLICT: { id: 'Data ini sudah ada atau bertabrakan dengan data lain.', en: 'This conflicts with existing data.' },
  IDEMPOTENCY_KEY_REUSED: {
    id: 'Kunci idempotensi ini sudah dipakai untuk permintaan lain.',
    en: 'This idempotency key was already used for a different request.',
  },
  INTERNAL_SERVER_ERROR: { id: 'Terjadi kesalahan pada server. Silakan coba lagi.', en: 'Something went wrong on the server. Please try again.' },
  DATABASE_UNAVAILABLE: { id: 'Database sedang tidak dapat dihubungi. Silakan coba lagi sebentar lagi.', en: 'The database is unreachable. Please try again shortly.' },
  REQUIRED: { id: 'Wajib diisi.', en: 'Required.' },
  TOO_LONG: { id: 'Terlalu panjang (maksimal {max} karakter).', en: 'Too long (at most {max} characters).' },
  INVALID_PHONE: {
    id: 'Nomor HP tidak valid. Gunakan 08… atau +62 8… (10–13 digit).',
    en: 'Invalid mobile number. Use 08… or +62 8… (10–13 digits).',
  },
  INVALID_EMAIL: { id: 'Alamat e-mail tidak valid.', en: 'Invalid e-mail address.' },
  PAGE_SIZE_OUT_OF_RANGE: { id: 'Jumlah per halaman harus 1 sampai {max}.', en: 'Page size must be from 1 to {max}.' },
  INVALID_IDEMPOTENCY_KEY: {
    id: 'Kunci idempotensi harus 8–100 karakter (huruf, angka, - _ . :).',
    en: 'The idempotency key must be 8–100 characters (letters, digits, - _ . :).',
  },
  INVALID_CURSOR: { id: 'Penanda halaman tidak valid.', en: 'Invalid page cursor.' },
});

/**
 * A failure raised on purpose (not a bug). The API edge maps it to a GraphQL error with
 * this code and a message in the caller's language; nothing internal reaches the client.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** Where in the input a problem sits and which rules it broke; never the value itself. */
export interface FieldProblem {
  field: string[];
  constraints: string[];
}

/**
 * Input refused before any business rule ran: the client sees BAD_USER_INPUT, a message for the
 * `reason` in its language and the fields concerned, never the values it sent.
 */
export class BadInputError extends AppError {
  constructor(
    readonly reason: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(CommonErrors.BAD_USER_INPUT);
    this.name = 'BadInputError';
  }
}
