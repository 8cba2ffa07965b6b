import type { fundingId } from './funding.id';

/** English texts of the funding pages. */
export const fundingEn: Record<keyof typeof fundingId, string> = {};
