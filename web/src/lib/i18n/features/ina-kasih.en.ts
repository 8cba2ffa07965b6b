import type { inaKasihId } from './ina-kasih.id';

/** English texts of the ina-kasih pages. */
export const inaKasihEn: Record<keyof typeof inaKasihId, string> = {};
