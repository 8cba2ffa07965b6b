import type { FeatureModule } from '../feature-module';
import { Migration20261129060000TurnoverReport } from './migrations/Migration20261129060000TurnoverReport';
import { TurnoverReport } from './turnover-report.entity';
import { TurnoverReportResolver } from './turnover-report.resolver';
import { TurnoverTotalsResolver } from './turnover-totals.resolver';

/** Turnover: entities, resolvers, migrations and demo data of this feature. */
export const turnoverModule: FeatureModule = {
  name: 'turnover',
  entities: [TurnoverReport],
  resolvers: [TurnoverReportResolver, TurnoverTotalsResolver],
  migrations: [{ name: 'Migration20261129060000TurnoverReport', class: Migration20261129060000TurnoverReport }],
};
