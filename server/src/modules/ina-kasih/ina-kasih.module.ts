import type { FeatureModule } from '../feature-module';

/** Ina Kasih: entities, resolvers, migrations and demo data of this feature. */
export const inaKasihModule: FeatureModule = {
  name: 'ina-kasih',
  entities: [],
  resolvers: [],
  migrations: [],
};
