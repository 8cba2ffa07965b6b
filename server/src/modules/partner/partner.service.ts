import type { RequestContext } from '../../graphql/context';
import { userError, type UserError } from '../../graphql/user-error.type';
import { CommonErrors } from '../../platform/app-error';
import { AuditService } from '../audit/audit.service';
import { Partner } from './partner.entity';
import { PartnerErrors } from './partner.errors';

/** Funding partner organisations (mitra CSR). */
export class PartnerService {
  private readonly audit = new AuditService();

  list(ctx: RequestContext): Promise<Partner[]> {
    return ctx.em.find(Partner, {}, { orderBy: { name: 'asc' } });
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
