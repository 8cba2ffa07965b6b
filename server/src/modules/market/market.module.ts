import type { FeatureModule } from '../feature-module';

/** Market: entities, resolvers, migrations and demo data of this feature. */
export const marketModule: FeatureModule = {
  name: 'market',
  entities: [],
  resolvers: [],
  migrations: [],
};
