import type { RequestContext } from '../../graphql/context';
import { userError, type UserError } from '../../graphql/user-error.type';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CommonErrors } from '../../platform/app-error';
import { runIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { Partner } from './partner.entity';
import { PartnerErrors } from './partner.errors';

/** Funding partner organisations (mitra CSR). */
export class PartnerService {
  private readonly audit = new AuditService();

  list(ctx: RequestContext): Promise<Partner[]> {
    return ctx.em.find(Partner, {}, { orderBy: { name: 'asc' } });
  }

  /** `create` at most once per idempotency key; a refusal is not kept, so the key can be retried. */
  async createIdempotent(ctx: RequestContext, name: string, sector: string | undefined, key: string | undefined): Promise<{ partner?: Partner; userErrors: UserError[] }> {
    if (!key) return this.create(ctx, name, sector);
    const REFUSED = Symbol('refused');
    let refused: { userErrors: UserError[] } | undefined;
    try {
      const { value } = await runIdempotent(ctx.em as EntityManager, 'partner.create', key, ctx.user?.id, async (em) => {
        const result = await this.create({ ...ctx, em }, name, sector);
        if (!result.partner) {
          refused = result;
          throw REFUSED;
        }
        return { partnerId: result.partner.id };
      });
      return { partner: await ctx.em.findOneOrFail(Partner, value.partnerId), userErrors: [] };
    } catch (err) {
      if (err === REFUSED && refused) return refused;
      throw err;
    }
  }

  async create(ctx: RequestContext, name: string, sector?: string): Promise<{ partner?: Partner; userErrors: UserError[] }> {
    const clean = name.trim();
    if (!clean) return { userErrors: [userError(ctx.locale, CommonErrors.REQUIRED, ['input', 'name'])] };
    if (await ctx.em.count(Partner, { name: clean })) return { userErrors: [userError(ctx.locale, PartnerErrors.PARTNER_NAME_TAKEN, ['input', 'name'])] };
    const partner = new Partner(clean, sector?.trim() || undefined);
    ctx.em.persist(partner);
    this.audit.record(ctx, 'partner.create', 'Partner', partner.id, { after: { name: clean, sector: partner.sector } });
    await ctx.em.flush();
    return { partner, userErrors: [] };
  }
}
