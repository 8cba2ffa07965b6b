import type { FeatureModule } from '../feature-module';
import { MarketBooking } from './entities/market-booking.entity';
import { MarketDay } from './entities/market-day.entity';
import { MarketStall } from './entities/market-stall.entity';
import { Vendor } from './entities/vendor.entity';
import { MarketBookingResolver, MarketDayResolver, VendorResolver } from './market.resolver';
import { seedMarketDemo } from './market.seed';
import { marketAccountData } from './vendor-data.part';
import { VendorService } from './vendor.service';
import { Migration20261128040000Market } from './migrations/Migration20261128040000Market';
import { Migration20261207020200VendorErasure } from './migrations/Migration20261207020200VendorErasure';

/** SABOAK KOEPAN: vendors, stalls, market days and fair stall booking. */
export const marketModule: FeatureModule = {
  name: 'market',
  entities: [Vendor, MarketStall, MarketDay, MarketBooking],
  resolvers: [VendorResolver, MarketDayResolver, MarketBookingResolver],
  migrations: [
    { name: 'Migration20261128040000Market', class: Migration20261128040000Market },
    { name: 'Migration20261207020200VendorErasure', class: Migration20261207020200VendorErasure },
  ],
  demoSeed: (em, logger) => seedMarketDemo(em, logger),
  accountData: marketAccountData,
  pendingSignIn: (em, phone) => new VendorService().pendingPasswordHash(em, phone),
};
