import type { FeatureModule } from '../feature-module';
import { Migration20261129110000InaProgramStock } from './migrations/Migration20261129110000InaProgramStock';
import { EntitlementRule, Program } from './program.entity';
import { EntitlementRuleResolver, ProgramResolver } from './program.resolver';
import { seedProgramDemo } from './program.seed';
import { StockLot } from './stock.entity';
import { StockResolver } from './stock.resolver';

/** Ina Kasih: entities, resolvers, migrations and demo data of this feature. */
export const inaKasihModule: FeatureModule = {
  name: 'ina-kasih',
  entities: [Program, EntitlementRule, StockLot],
  resolvers: [ProgramResolver, EntitlementRuleResolver, StockResolver],
  migrations: [{ name: 'Migration20261129110000InaProgramStock', class: Migration20261129110000InaProgramStock }],
  demoSeed: async (em, logger) => {
    await seedProgramDemo(em, logger);
  },
};
