/** Bahasa Indonesia texts of the market pages; the English file must have the same keys. */
export const marketId = {} satisfies Record<string, string>;
