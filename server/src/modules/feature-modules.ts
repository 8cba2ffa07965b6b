import { fundingModule } from './funding/funding.module';
import { inaKasihModule } from './ina-kasih/ina-kasih.module';
import { marketModule } from './market/market.module';
import { turnoverModule } from './turnover/turnover.module';

/**
 * The feature modules in dependency order: migrations run and demo data is seeded in this
 * order (turnover needs market bookings; funding needs both programs).
 */
export const featureModules = [marketModule, turnoverModule, inaKasihModule, fundingModule];
