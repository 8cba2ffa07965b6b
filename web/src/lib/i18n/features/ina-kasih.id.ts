/** Bahasa Indonesia texts of the ina-kasih pages; the English file must have the same keys. */
export const inaKasihId = {} satisfies Record<string, string>;
