import type { FeatureModule } from '../feature-module';
import { DuplicateFlag } from './duplicate-flag.entity';
import { FamilyKkHistory } from './family-kk-history.entity';
import { FamilyMember } from './family-member.entity';
import { Family } from './family.entity';
import { Migration20261129100000Families } from './migrations/Migration20261129100000Families';

/** Ina Kasih: entities, resolvers, migrations and demo data of this feature. */
export const inaKasihModule: FeatureModule = {
  name: 'ina-kasih',
  entities: [Family, FamilyMember, FamilyKkHistory, DuplicateFlag],
  resolvers: [],
  migrations: [{ name: 'Migration20261129100000Families', class: Migration20261129100000Families }],
};
