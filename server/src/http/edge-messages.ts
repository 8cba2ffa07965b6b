import { defineMessages } from '../platform/i18n';

/** Refusals at the HTTP edge, before GraphQL runs. */
export const EdgeErrors = defineMessages({
  REQUEST_TOO_LARGE: {
    id: 'Permintaan terlalu besar (maksimal 1 MB). Kirim data yang lebih sedikit sekaligus.',
    en: 'Request too large (at most 1 MB). Send less data at once.',
  },
  BAD_REQUEST_BODY: {
    id: 'Isi permintaan tidak dapat dibaca (JSON tidak valid).',
    en: 'The request body cannot be read (invalid JSON).',
  },
});
