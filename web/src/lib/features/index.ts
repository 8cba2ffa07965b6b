import { account } from './account.feature';
import { admin } from './admin.feature';
import { city } from './city.feature';
import { funding } from './funding.feature';
import { inaKasih } from './ina-kasih.feature';
import { market } from './market.feature';
import { offline } from './offline.feature';
import { staffTasks } from './staff-tasks.feature';
import { training } from './training.feature';
import { turnover } from './turnover.feature';
import { vendorHome } from './vendor-home.feature';

/**
 * The portal's features, in the order their links appear in each area's menu. A new feature is
 * its descriptor file (`<name>.feature.ts`), its two dictionaries and one line here.
 */
export const FEATURES = [offline, vendorHome, market, turnover, training, inaKasih, staffTasks, funding, admin, city, account] as const;

type Registered = (typeof FEATURES)[number];

/** A feature's short name. */
export type FeatureId = Registered['id'];

/** Every message key a feature brings (the shell's own are in lib/i18n/common.id.ts). */
export type FeatureMessageKey = Registered extends infer F ? (F extends { messages: { id: () => Promise<infer T> } } ? keyof T : never) : never;
