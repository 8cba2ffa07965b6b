import type { MigrationObject } from '@mikro-orm/core';
import { featureModules } from '../../modules/feature-modules';
import { Migration20261128000000Foundation } from './Migration20261128000000Foundation';
import { Migration20261128001000SignInThrottle } from './Migration20261128001000SignInThrottle';
import { Migration20261128130000ApiRateLimit } from './Migration20261128130000ApiRateLimit';
import { Migration20261207020100AccountErasure } from './Migration20261207020100AccountErasure';
import { Migration20261207040000SignInDelays } from './Migration20261207040000SignInDelays';
import { Migration20261208050000MustChangePassword } from './Migration20261208050000MustChangePassword';
import { Migration20261208070000LeadershipRole } from './Migration20261208070000LeadershipRole';

/**
 * Checked-in migrations in order, applied on every start: the foundation's, then each feature
 * module's (the module keeps its own list, in its own folder), then the foundation's that change
 * what a feature migration defined.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261128000000Foundation', class: Migration20261128000000Foundation },
  { name: 'Migration20261128001000SignInThrottle', class: Migration20261128001000SignInThrottle },
  { name: 'Migration20261128130000ApiRateLimit', class: Migration20261128130000ApiRateLimit },
  { name: 'Migration20261207040000SignInDelays', class: Migration20261207040000SignInDelays },
  { name: 'Migration20261208050000MustChangePassword', class: Migration20261208050000MustChangePassword },
  { name: 'Migration20261208070000LeadershipRole', class: Migration20261208070000LeadershipRole },
  ...featureModules.flatMap((m) => m.migrations),
  { name: 'Migration20261207020100AccountErasure', class: Migration20261207020100AccountErasure },
];
