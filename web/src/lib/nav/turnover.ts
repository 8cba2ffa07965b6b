import type { AreaNav } from '$lib/navigation';

/** Menu links of the turnover pages, per area. */
export const turnoverNav: AreaNav = {};
