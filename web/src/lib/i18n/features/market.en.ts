import type { marketId } from './market.id';

/** English texts of the market pages. */
export const marketEn: Record<keyof typeof marketId, string> = {};
