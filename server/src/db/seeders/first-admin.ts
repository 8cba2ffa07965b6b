import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppConfig } from '../../config';
import { hashPassword } from '../../modules/auth/password.util';
import { Role } from '../../modules/user/role.enum';
import { User } from '../../modules/user/user.entity';

/** Creates the first administrator from ADMIN_EMAIL / ADMIN_PASSWORD when that account does not exist yet. */
export async function ensureFirstAdmin(em: EntityManager, config: AppConfig): Promise<boolean> {
  if (!config.adminEmail || !config.adminPassword) return false;
  const email = config.adminEmail.trim().toLowerCase();
  if (await em.count(User, { email })) return false;
  const admin = new User('Administrator', Role.ADMIN, await hashPassword(config.adminPassword));
  admin.email = email;
  await em.persistAndFlush(admin);
  return true;
}
