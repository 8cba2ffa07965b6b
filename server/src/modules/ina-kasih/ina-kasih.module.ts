import type { FeatureModule } from '../feature-module';
import { Distribution } from './distribution.entity';
import { DistributionResolver, FamilyDeliveriesResolver } from './distribution.resolver';
import { DuplicateFlag } from './duplicate-flag.entity';
import { FamilyKkHistory } from './family-kk-history.entity';
import { FamilyMember } from './family-member.entity';
import { Family } from './family.entity';
import { seedFamiliesDemo } from './family.seed';
import { FamilyImportJob } from './import-job.entity';
import { importRoutes } from './import.http';
import { FamilyImportResolver } from './import.resolver';
import { DuplicateFlagResolver, FamilyMemberResolver, FamilyResolver } from './family.resolver';
import { Migration20261129100000Families } from './migrations/Migration20261129100000Families';
import { Migration20261129100100ImportJob } from './migrations/Migration20261129100100ImportJob';
import { Migration20261129100200RegistryBulkSpeed } from './migrations/Migration20261129100200RegistryBulkSpeed';
import { Migration20261129110000InaProgramStock } from './migrations/Migration20261129110000InaProgramStock';
import { Migration20261129110100InaRoundsDistributions } from './migrations/Migration20261129110100InaRoundsDistributions';
import { Migration20261130010000InaConsentWithdrawal } from './migrations/Migration20261130010000InaConsentWithdrawal';
import { Migration20261130020000InaKasihImpactRollup } from './migrations/Migration20261130020000InaKasihImpactRollup';
import { Migration20261130020200InaKasihRollupPlannedPacks } from './migrations/Migration20261130020200InaKasihRollupPlannedPacks';
import { Migration20261207020000ImportJobKelurahan } from './migrations/Migration20261207020000ImportJobKelurahan';
import { Migration20261208010000IdMasksWithoutDigits } from './migrations/Migration20261208010000IdMasksWithoutDigits';
import { Migration20261208010100IdCheckQuota } from './migrations/Migration20261208010100IdCheckQuota';
import { Migration20261208020000InaPlanFollowsFamilyStatus } from './migrations/Migration20261208020000InaPlanFollowsFamilyStatus';
import { Migration20261130010100InaDeliveryAtCommit } from './migrations/Migration20261130010100InaDeliveryAtCommit';
import { EntitlementRule, Program } from './program.entity';
import { EntitlementRuleResolver, ProgramResolver } from './program.resolver';
import { seedProgramDemo } from './program.seed';
import { seedRoundsDemo } from './round.seed';
import { DistributionRound } from './round.entity';
import { DistributionRoundResolver, RoundPlanEntryResolver } from './round.resolver';
import { StockLot } from './stock.entity';
import { StockResolver } from './stock.resolver';

/** Ina Kasih: entities, resolvers, migrations and demo data of this feature. */
export const inaKasihModule: FeatureModule = {
  name: 'ina-kasih',
  entities: [
    // registry
    Family,
    FamilyMember,
    FamilyKkHistory,
    DuplicateFlag,
    FamilyImportJob,
    // program, rounds, distribution, stock
    Program,
    EntitlementRule,
    StockLot,
    DistributionRound,
    Distribution,
  ],
  resolvers: [
    // registry
    FamilyResolver,
    FamilyMemberResolver,
    DuplicateFlagResolver,
    FamilyImportResolver,
    // program, rounds, distribution, stock
    ProgramResolver,
    EntitlementRuleResolver,
    StockResolver,
    DistributionRoundResolver,
    RoundPlanEntryResolver,
    DistributionResolver,
    FamilyDeliveriesResolver,
  ],
  migrations: [
    { name: 'Migration20261129100000Families', class: Migration20261129100000Families },
    { name: 'Migration20261129100100ImportJob', class: Migration20261129100100ImportJob },
    { name: 'Migration20261129100200RegistryBulkSpeed', class: Migration20261129100200RegistryBulkSpeed },
    { name: 'Migration20261129110000InaProgramStock', class: Migration20261129110000InaProgramStock },
    { name: 'Migration20261129110100InaRoundsDistributions', class: Migration20261129110100InaRoundsDistributions },
    { name: 'Migration20261130010000InaConsentWithdrawal', class: Migration20261130010000InaConsentWithdrawal },
    { name: 'Migration20261130020000InaKasihImpactRollup', class: Migration20261130020000InaKasihImpactRollup },
    // After the rollup: it makes the rollup's delivery trigger deferred (list order is run order).
    { name: 'Migration20261130010100InaDeliveryAtCommit', class: Migration20261130010100InaDeliveryAtCommit },
    { name: 'Migration20261130020200InaKasihRollupPlannedPacks', class: Migration20261130020200InaKasihRollupPlannedPacks },
    { name: 'Migration20261207020000ImportJobKelurahan', class: Migration20261207020000ImportJobKelurahan },
    { name: 'Migration20261208010000IdMasksWithoutDigits', class: Migration20261208010000IdMasksWithoutDigits },
    { name: 'Migration20261208010100IdCheckQuota', class: Migration20261208010100IdCheckQuota },
    { name: 'Migration20261208020000InaPlanFollowsFamilyStatus', class: Migration20261208020000InaPlanFollowsFamilyStatus },
  ],
  httpRoutes: [...importRoutes],
  demoSeed: async (em, logger, options) => {
    // The registry's families first, then the program, its stock and rounds planned from them.
    if (!options.emptyRegistry) await seedFamiliesDemo(em, logger, options.piiKey);
    const programId = await seedProgramDemo(em, logger);
    await seedRoundsDemo(em, logger, programId);
  },
};
