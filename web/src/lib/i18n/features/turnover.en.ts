import type { turnoverId } from './turnover.id';

/** English texts of the turnover pages. */
export const turnoverEn: Record<keyof typeof turnoverId, string> = {};
