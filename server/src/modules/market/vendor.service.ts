import { LockMode, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission, roleHasPermission } from '../../graphql/permissions';
import type { RequestContext } from '../../graphql/context';
import { toConnection, toPage, type ConnectionShape } from '../../graphql/connection';
import type { UserError } from '../../graphql/user-error.type';
import { plainRows } from '../../db/plain-sql';
import { CommonErrors } from '../../platform/app-error';
import { runIdempotent } from '../../platform/idempotency.service';
import { normalizeMobilePhone } from '../../platform/phone.util';
import { AuditService } from '../audit/audit.service';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password.util';
import { Region } from '../region/region.entity';
import { RegionLevel } from '../region/region-level.enum';
import { Role } from '../user/role.enum';
import { User } from '../user/user.entity';
import { VendorStatus } from './entities/market.enums';
import { Vendor } from './entities/vendor.entity';
import { MarketErrors } from './market.errors';
import { VendorDataErrors } from './vendor-data.part';
import { VENDOR, type VendorRow } from './market.rows';
import { isUuid, refuse, refusalsAsErrors } from '../../platform/refusal';
import { VendorDecision, type DecideVendorInput, type RegistrationAnswer, type RegisterVendorInput, type UpdateMyBusinessInput, type VendorsArgs } from './market.types';
import { userError } from '../../graphql/user-error.type';

const signedInVendors = new WeakMap<RequestContext, Promise<VendorRow | null>>();
const SIGNED_IN_VENDOR_SQL = `select ${VENDOR.columns('v')} from market_vendor v where v.user_id = ?`;

/** Vendor registration (public) and the staff decisions on it. */
export class VendorService {
  private readonly audit = new AuditService();

  /**
   * A mother registers her business. Every problem of the form is reported at once and nothing is
   * stored; with an idempotency key a retry (weak signal, double tap) gets the first answer.
   *
   * An anonymous caller gets the same answer whether the phone number is new or already belongs
   * to a business or an account ("received, awaiting review", no vendor number): the form must not
   * tell a stranger who is in the program. The password is hashed before the check, so both paths
   * cost about the same; a known number stores nothing but an audit entry, and its owner learns
   * nothing by this form (a pending registration is told so when she signs in with its password).
   * Market staff registering for someone get the vendor's id and number, or MARKET_PHONE_REGISTERED.
   */
  async register(ctx: RequestContext, input: RegisterVendorInput): Promise<Partial<RegistrationAnswer> & { userErrors: UserError[] }> {
    const errors: UserError[] = [];
    const err = (code: string, field: string, params?: Record<string, unknown>) => errors.push(userError(ctx.locale, code, ['input', field], params));
    const businessName = input.businessName.trim();
    const ownerName = input.ownerName.trim();
    const products = input.products.trim();
    if (!businessName) err(CommonErrors.REQUIRED, 'businessName');
    if (!ownerName) err(CommonErrors.REQUIRED, 'ownerName');
    if (!products) err(CommonErrors.REQUIRED, 'products');
    const phone = normalizeMobilePhone(input.phone);
    if (!phone) err(CommonErrors.INVALID_PHONE, 'phone');
    if (input.password.length < MIN_PASSWORD_LENGTH) err(MarketErrors.MARKET_PASSWORD_TOO_SHORT, 'password', { min: MIN_PASSWORD_LENGTH });
    const nib = input.nib?.replace(/[\s.-]/g, '') || undefined;
    if (nib && !/^\d{13}$/.test(nib)) err(MarketErrors.MARKET_INVALID_NIB, 'nib');
    const kelurahan = /^[0-9.]{1,20}$/.test(input.kelurahanCode)
      ? await ctx.em.findOne(Region, { code: input.kelurahanCode, level: RegionLevel.KELURAHAN })
      : null;
    if (!kelurahan) err(MarketErrors.MARKET_UNKNOWN_KELURAHAN, 'kelurahanCode');
    if (errors.length) return { received: false, userErrors: errors };

    const staff = !!ctx.user && roleHasPermission(ctx.user.role, Permission.MarketManage);
    const anonymous: RegistrationAnswer = { received: true, status: VendorStatus.PENDING };
    return refusalsAsErrors(async () => {
      const passwordHash = await hashPassword(input.password);
      try {
        const { value } = await runIdempotent(ctx.em, 'market.registerVendor', input.idempotencyKey, ctx.user?.id, async (em): Promise<RegistrationAnswer> => {
          const taken = (await em.count(Vendor, { phone })) + (await em.count(User, { phone }));
          if (taken && staff) throw refuse(ctx, MarketErrors.MARKET_PHONE_REGISTERED, ['input', 'phone']);
          if (taken) {
            // Staff can see that someone tried; the entry holds no value from the form.
            this.audit.record({ ...ctx, em }, 'market.vendor.register_known_phone', 'Vendor', undefined, {});
            await em.flush();
            return anonymous;
          }
          const vendor = new Vendor(businessName, ownerName, phone!, input.category, products, kelurahan!);
          vendor.nib = nib;
          vendor.publicConsent = input.publicConsent ?? false;
          vendor.pendingPasswordHash = passwordHash;
          em.persist(vendor);
          this.audit.record({ ...ctx, em }, 'market.vendor.register', 'Vendor', vendor.id, { after: { businessName, category: vendor.category } });
          await em.flush();
          await em.refresh(vendor);
          return { received: true, vendorId: vendor.id, vendorCode: vendor.code, status: vendor.status };
        });
        return { ...(staff ? value : anonymous), userErrors: [] };
      } catch (e) {
        // Lost the race for the number to another registration: to a stranger, the same answer.
        if (!staff && e instanceof UniqueConstraintViolationException && (e as { constraint?: string }).constraint === 'market_vendor_phone_unique') {
          return { ...anonymous, userErrors: [] };
        }
        throw e;
      }
    });
  }

  /** The password hash a registration awaiting approval was given, for the sign-in's notice (see FeatureModule.pendingSignIn). */
  async pendingPasswordHash(em: EntityManager, phone: string): Promise<string | undefined> {
    const [row] = await plainRows<{ hash: string }>(em, `select pending_password_hash as hash from market_vendor where phone = ? and status = 'PENDING' and pending_password_hash is not null`, [phone]);
    return row?.hash;
  }

  /** Staff approve (her VENDOR account is made from the registration), reject, suspend or reinstate. */
  async decide(ctx: RequestContext, input: DecideVendorInput): Promise<{ vendor?: Vendor; userErrors: UserError[] }> {
    return refusalsAsErrors(() =>
      ctx.em.transactional(async (em) => {
        const vendor = isUuid(input.vendorId) ? await em.findOne(Vendor, input.vendorId, { populate: ['pendingPasswordHash'], lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
        if (!vendor) throw refuse(ctx, MarketErrors.MARKET_VENDOR_NOT_FOUND, ['input', 'vendorId']);
        if (vendor.erasedAt) throw refuse(ctx, VendorDataErrors.VENDOR_ERASED, ['input', 'vendorId']);
        const reason = input.reason?.trim() || undefined;
        const before = { status: vendor.status };
        switch (input.decision) {
          case VendorDecision.APPROVE:
          case VendorDecision.REJECT:
            if (vendor.status !== VendorStatus.PENDING) throw refuse(ctx, MarketErrors.MARKET_VENDOR_NOT_PENDING, ['input', 'vendorId']);
            break;
          case VendorDecision.SUSPEND:
            if (vendor.status !== VendorStatus.APPROVED) throw refuse(ctx, MarketErrors.MARKET_VENDOR_NOT_APPROVED, ['input', 'vendorId']);
            break;
          case VendorDecision.REINSTATE:
            if (vendor.status !== VendorStatus.SUSPENDED) throw refuse(ctx, MarketErrors.MARKET_VENDOR_NOT_PENDING, ['input', 'vendorId']);
            break;
        }
        if ((input.decision === VendorDecision.REJECT || input.decision === VendorDecision.SUSPEND) && !reason) {
          throw refuse(ctx, MarketErrors.MARKET_REASON_REQUIRED, ['input', 'reason']);
        }
        if (input.decision === VendorDecision.APPROVE) {
          if (await em.count(User, { phone: vendor.phone })) throw refuse(ctx, MarketErrors.MARKET_PHONE_REGISTERED, ['input', 'vendorId']);
          const user = new User(vendor.ownerName, Role.VENDOR, vendor.pendingPasswordHash!);
          user.phone = vendor.phone;
          em.persist(user);
          vendor.user = user;
          vendor.pendingPasswordHash = undefined;
        }
        vendor.status = {
          [VendorDecision.APPROVE]: VendorStatus.APPROVED,
          [VendorDecision.REJECT]: VendorStatus.REJECTED,
          [VendorDecision.SUSPEND]: VendorStatus.SUSPENDED,
          [VendorDecision.REINSTATE]: VendorStatus.APPROVED,
        }[input.decision];
        vendor.statusReason = reason;
        vendor.decidedAt = new Date();
        vendor.decidedBy = em.getReference(User, ctx.user!.id);
        this.audit.record({ ...ctx, em }, `market.vendor.${input.decision.toLowerCase()}`, 'Vendor', vendor.id, { before, after: { status: vendor.status, reason } });
        await em.flush();
        return { vendor, userErrors: [] };
      }),
    );
  }

  /** The vendor corrects what she sells or gives or withdraws her consent to be shown publicly. */
  async updateMine(ctx: RequestContext, input: UpdateMyBusinessInput): Promise<{ vendor?: Vendor; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      const vendor = await this.mine(ctx, false);
      const before = { products: vendor.products, publicConsent: vendor.publicConsent };
      if (input.products != null) {
        if (!input.products.trim()) throw refuse(ctx, CommonErrors.REQUIRED, ['input', 'products']);
        vendor.products = input.products.trim();
      }
      if (input.publicConsent != null) vendor.publicConsent = input.publicConsent;
      this.audit.record(ctx, 'market.vendor.update_own', 'Vendor', vendor.id, { before, after: { products: vendor.products, publicConsent: vendor.publicConsent } });
      await ctx.em.flush();
      return { vendor, userErrors: [] };
    });
  }

  /** Staff list of vendors; the read is audited because the list carries phone numbers. */
  async list(ctx: RequestContext, args: VendorsArgs): Promise<ConnectionShape<Vendor>> {
    const page = toPage(args);
    const where: FilterQuery<Vendor> = {};
    if (args.status) where.status = args.status;
    if (args.search?.trim()) {
      const like = `%${args.search.trim().replace(/[%_\\]/g, '\\$&')}%`;
      where.$or = [{ businessName: { $ilike: like } }, { ownerName: { $ilike: like } }, { code: { $ilike: like } }];
    }
    const [rows, total] = await ctx.em.findAndCount(Vendor, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: page.limit, offset: page.offset });
    ctx.auditReads.add('market.vendor.list', 'Vendor', undefined, { status: args.status, search: args.search, vendors: rows.map((v) => v.code) });
    return toConnection(rows, total, page);
  }

  /**
   * For reads only: the signed-in account's vendor as a plain row (see market.rows.ts), looked up
   * once per request however many fields of one query ask for it (myVendor, myBookings). Writes
   * use `mine`, which reads the entity afresh.
   */
  signedIn(ctx: RequestContext): Promise<VendorRow | null> {
    if (!ctx.user) return Promise.resolve(null);
    let found = signedInVendors.get(ctx);
    if (!found) {
      found = plainRows(ctx.em, SIGNED_IN_VENDOR_SQL, [ctx.user.id]).then(([r]) => (r && VENDOR.read(r)) ?? null);
      signedInVendors.set(ctx, found);
    }
    return found;
  }

  /** The approved vendor behind the signed-in account, or a refusal. */
  async mine(ctx: RequestContext, requireApproved = true): Promise<Vendor> {
    const vendor = ctx.user ? await ctx.em.findOne(Vendor, { user: ctx.user.id }) : null;
    if (!vendor || (requireApproved && vendor.status !== VendorStatus.APPROVED)) {
      throw refuse(ctx, vendor ? MarketErrors.MARKET_VENDOR_NOT_APPROVED : MarketErrors.MARKET_NO_VENDOR_PROFILE);
    }
    return vendor;
  }
}
