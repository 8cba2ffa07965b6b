/** Bahasa Indonesia texts of the turnover pages; the English file must have the same keys. */
export const turnoverId = {} satisfies Record<string, string>;
