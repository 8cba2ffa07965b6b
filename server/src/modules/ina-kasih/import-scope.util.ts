import type { FilterQuery } from '@mikro-orm/core';
import type { AuthUser } from '../../graphql/context';
import { kelurahanScope } from './family.loaders';
import type { FamilyImportJob } from './import-job.entity';

/**
 * The import jobs a user may see, with their reports (which name rows of families): city-wide
 * staff and administrators every job; a kelurahan-limited officer the jobs she uploaded and the
 * jobs whose every row lies in her kelurahan — never a job that touches another kelurahan or
 * whose rows could not all be placed.
 */
export function importJobsVisibleTo(user: AuthUser): FilterQuery<FamilyImportJob> {
  const scope = kelurahanScope({ user });
  return scope ? { $or: [{ createdBy: user.id }, { kelurahanCodes: { $contained: scope } }] } : {};
}
