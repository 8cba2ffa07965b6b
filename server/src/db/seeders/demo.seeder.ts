import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { hashPassword } from '../../modules/auth/password.util';
import type { DemoSeedOptions } from '../../modules/feature-module';
import { featureModules } from '../../modules/feature-modules';
import { Partner } from '../../modules/partner/partner.entity';
import { Region } from '../../modules/region/region.entity';
import { User } from '../../modules/user/user.entity';
import { normalizeMobilePhone } from '../../platform/phone.util';
import { DEMO_ACCOUNTS, DEMO_PARTNERS, DEMO_PASSWORD } from './demo-accounts';


/** Partners and one account per role. Safe to run twice: existing accounts are left as they are. */
export async function seedDemoAccounts(em: EntityManager): Promise<void> {
  const partners = new Map<string, Partner>();
  for (const p of DEMO_PARTNERS) {
    const partner = (await em.findOne(Partner, { name: p.name })) ?? new Partner(p.name, p.sector);
    em.persist(partner);
    partners.set(p.name, partner);
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    const email = a.login.includes('@') ? a.login : undefined;
    const phone = email ? undefined : normalizeMobilePhone(a.login);
    if (await em.count(User, email ? { email } : { phone })) continue;
    const user = new User(a.fullName, a.role, hash);
    user.email = email;
    user.phone = phone;
    if (a.partner) user.partner = partners.get(a.partner);
    if (a.kelurahanCodes) user.kelurahanScope.set(a.kelurahanCodes.map((code) => em.getReference(Region, code)));
    em.persist(user);
  }
  await em.flush();
}

/** Demo accounts, then each feature module's demo data in dependency order. */
export async function seedDemo(em: EntityManager, logger: Logger, options: DemoSeedOptions): Promise<void> {
  await seedDemoAccounts(em);
  for (const m of featureModules) if (m.demoSeed) await m.demoSeed(em, logger, options);
  logger.info('demo data seeded');
}
