/** Bahasa Indonesia texts of the funding pages; the English file must have the same keys. */
export const fundingId = {} satisfies Record<string, string>;
