import type { FeatureModule } from '../feature-module';

/** Funding: entities, resolvers, migrations and demo data of this feature. */
export const fundingModule: FeatureModule = {
  name: 'funding',
  entities: [],
  resolvers: [],
  migrations: [],
};
