import { fundingModule } from './funding/funding.module';
import { inaKasihModule } from './ina-kasih/ina-kasih.module';
import { marketModule } from './market/market.module';
import { turnoverModule } from './turnover/turnover.module';

/**
 * The feature modules in dependency order: migrations run and demo data is seeded in this
 * order (turnover needs market bookings; Ina Kasih stock lots are paid by funding sources, so
 * funding comes before Ina Kasih, which keeps its own impact rollups).
 */
export const featureModules = [marketModule, turnoverModule, fundingModule, inaKasihModule];
