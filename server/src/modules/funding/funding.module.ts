import type { FeatureModule } from '../feature-module';
import { FundingSource } from './funding-source.entity';
import { FundingTransaction } from './funding-transaction.entity';
import { seedFundingDemo } from './funding.seed';
import { ImpactResolver } from './impact.resolver';
import { FundingSourceResolver, FundingTransactionResolver, PartnerContactResolver } from './funding.resolver';
import { Migration20261128120000FundingLedger } from './migrations/Migration20261128120000FundingLedger';
import { Migration20261128120100MarketImpactRollup } from './migrations/Migration20261128120100MarketImpactRollup';
import { Migration20261128120200ImpactRollupSchema } from './migrations/Migration20261128120200ImpactRollupSchema';
import { Migration20261130020100MarketTurnoverRollup } from './migrations/Migration20261130020100MarketTurnoverRollup';

/** Funding: sources, the append-only ledger, leverage and (later) impact. */
export const fundingModule: FeatureModule = {
  name: 'funding',
  entities: [FundingSource, FundingTransaction],
  resolvers: [FundingSourceResolver, FundingTransactionResolver, PartnerContactResolver, ImpactResolver],
  migrations: [
    { name: 'Migration20261128120000FundingLedger', class: Migration20261128120000FundingLedger },
    { name: 'Migration20261128120100MarketImpactRollup', class: Migration20261128120100MarketImpactRollup },
    { name: 'Migration20261128120200ImpactRollupSchema', class: Migration20261128120200ImpactRollupSchema },
    { name: 'Migration20261130020100MarketTurnoverRollup', class: Migration20261130020100MarketTurnoverRollup },
  ],
  demoSeed: (em, logger) => seedFundingDemo(em, logger),
};
