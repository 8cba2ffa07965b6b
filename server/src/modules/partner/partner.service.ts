import type { RequestContext } from '../../graphql/context';
import { userError, type UserError } from '../../graphql/user-error.type';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CommonErrors } from '../../platform/app-error';
import { runIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { normalizeMobilePhone } from '../../platform/phone.util';
import { Partner } from './partner.entity';
import type { UpdatePartnerContactInput } from './partner.types';
import { PartnerErrors } from './partner.errors';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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

  /** Sets the sector and contact fields given (an empty text clears one); every problem at once, nothing saved on any. */
  async updateContact(ctx: RequestContext, input: UpdatePartnerContactInput): Promise<{ partner?: Partner; userErrors: UserError[] }> {
    const partner = /^[0-9a-f-]{36}$/i.test(input.partnerId) ? await ctx.em.findOne(Partner, input.partnerId) : null;
    if (!partner) return { userErrors: [userError(ctx.locale, CommonErrors.NOT_FOUND, ['input', 'partnerId'])] };
    const errors: UserError[] = [];
    const clean = (v: string | undefined) => (v === undefined ? undefined : v.trim() || null);
    const email = clean(input.contactEmail)?.toLowerCase() ?? clean(input.contactEmail);
    if (email && !EMAIL.test(email)) errors.push(userError(ctx.locale, CommonErrors.INVALID_EMAIL, ['input', 'contactEmail']));
    let phone = clean(input.contactPhone);
    if (phone) {
      phone = normalizeMobilePhone(phone) ?? null;
      if (!phone) errors.push(userError(ctx.locale, CommonErrors.INVALID_PHONE, ['input', 'contactPhone']));
    }
    if (errors.length) return { userErrors: errors };
    const before = { sector: partner.sector ?? null, contactName: partner.contactName ?? null, contactEmail: partner.contactEmail ?? null, contactPhone: partner.contactPhone ?? null };
    const changes = { sector: clean(input.sector), contactName: clean(input.contactName), contactEmail: email, contactPhone: phone };
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) (partner as unknown as Record<string, unknown>)[key] = value ?? undefined;
    const after = { sector: partner.sector ?? null, contactName: partner.contactName ?? null, contactEmail: partner.contactEmail ?? null, contactPhone: partner.contactPhone ?? null };
    this.audit.record(ctx, 'partner.update_contact', 'Partner', partner.id, { before, after });
    await ctx.em.flush();
    return { partner, userErrors: [] };
  }
}
