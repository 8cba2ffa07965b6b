import type { AreaNav } from '$lib/navigation';

/** Menu links of the market pages, per area. */
export const marketNav: AreaNav = {};
