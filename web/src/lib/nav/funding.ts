import type { AreaNav } from '$lib/navigation';

/** Menu links of the funding pages, per area. */
export const fundingNav: AreaNav = {};
