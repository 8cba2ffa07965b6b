import type { AreaNav } from '$lib/navigation';

/** Menu links of the offline pages, per area. */
export const offlineNav: AreaNav = {};
