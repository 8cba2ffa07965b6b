import type { MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

export interface DemoSeedOptions {
  /** Key for the encrypted personal-data columns (KK, NIK), from configuration. */
  piiKey: string;
}

/** Demo data of one feature, written through the given EntityManager; safe to run twice. */
export type DemoSeedStep = (em: EntityManager, logger: Logger, options: DemoSeedOptions) => Promise<void>;

/**
 * What a feature module (market, turnover, Ina Kasih, funding) plugs into the platform.
 * Each module fills its own object, so features never edit each other's registration lines.
 */
export interface FeatureModule {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  /** Checked-in migrations of the module, oldest first. */
  migrations: MigrationObject[];
  demoSeed?: DemoSeedStep;
}
