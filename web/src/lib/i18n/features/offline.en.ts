import type { offlineId } from './offline.id';

/** English texts of the offline pages. */
export const offlineEn: Record<keyof typeof offlineId, string> = {};
