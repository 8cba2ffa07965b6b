/** Bahasa Indonesia texts of the offline pages; the English file must have the same keys. */
export const offlineId = {} satisfies Record<string, string>;
