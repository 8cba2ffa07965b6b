import type { FeatureModule } from '../feature-module';

/** Turnover: entities, resolvers, migrations and demo data of this feature. */
export const turnoverModule: FeatureModule = {
  name: 'turnover',
  entities: [],
  resolvers: [],
  migrations: [],
};
