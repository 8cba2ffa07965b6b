import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128000000Foundation } from './Migration20261128000000Foundation';
import { Migration20261128001000SignInThrottle } from './Migration20261128001000SignInThrottle';

/** Checked-in migrations in order; applied on every start. A new one is added at the end. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261128000000Foundation', class: Migration20261128000000Foundation },
  { name: 'Migration20261128001000SignInThrottle', class: Migration20261128001000SignInThrottle },
];
