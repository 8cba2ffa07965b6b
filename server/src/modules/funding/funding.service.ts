import type { RequestContext } from '../../graphql/context';
import { toConnection, toPage } from '../../graphql/connection';
import { userError, type UserError } from '../../graphql/user-error.type';
import { CommonErrors } from '../../platform/app-error';
import { runIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { Partner } from '../partner/partner.entity';
import { Role } from '../user/role.enum';
import { User } from '../user/user.entity';
import { FundingErrors } from './funding.errors';
import { FundingSourceKind } from './funding.enums';
import { FundingSource } from './funding-source.entity';
import { FundingTransaction } from './funding-transaction.entity';
import type { CreateFundingSourceInput, FundingTransactionsArgs, RecordFundingTransactionInput, ReverseFundingTransactionInput } from './funding.types';

/** A refusal thrown inside the transaction so it (and its idempotency key) rolls back. */
class Refusal extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors[0]?.code);
  }
}
const refuse = (ctx: RequestContext, code: string, field: string[]) => new Refusal([userError(ctx.locale, code, field)]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function asPayload<T extends object>(work: () => Promise<T>): Promise<T | { userErrors: UserError[] }> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof Refusal) return { userErrors: err.userErrors };
    throw err;
  }
}

/**
 * The partner a PARTNER account is limited to; undefined for roles that see every source.
 * A PARTNER account without a partner sees nothing (an impossible id).
 */
export function partnerScope(ctx: RequestContext): string | undefined {
  if (ctx.user?.role !== Role.PARTNER) return undefined;
  return ctx.user.partnerId ?? '00000000-0000-0000-0000-000000000000';
}

/** The funding ledger: sources and append-only IATI transactions. Writes are ADMIN-only and audited. */
export class FundingService {
  private readonly audit = new AuditService();

  async createSource(ctx: RequestContext, input: CreateFundingSourceInput): Promise<{ fundingSource?: FundingSource; userErrors: UserError[] }> {
    const name = input.name.trim();
    if (!name) return { userErrors: [userError(ctx.locale, CommonErrors.REQUIRED, ['input', 'name'])] };
    if (!Number.isInteger(input.fiscalYear) || input.fiscalYear < 2000 || input.fiscalYear > 2100) {
      return { userErrors: [userError(ctx.locale, FundingErrors.FUNDING_INVALID_YEAR, ['input', 'fiscalYear'])] };
    }
    if (input.kind === FundingSourceKind.CSR && !input.partnerId) return { userErrors: [userError(ctx.locale, FundingErrors.FUNDING_PARTNER_REQUIRED, ['input', 'partnerId'])] };
    if (input.kind !== FundingSourceKind.CSR && input.partnerId) return { userErrors: [userError(ctx.locale, FundingErrors.FUNDING_PARTNER_ONLY_FOR_CSR, ['input', 'partnerId'])] };
    if (input.partnerId && !UUID.test(input.partnerId)) return { userErrors: [userError(ctx.locale, FundingErrors.FUNDING_UNKNOWN_PARTNER, ['input', 'partnerId'])] };
    const result = await asPayload(async () => {
      const { value } = await runIdempotent(ctx.em, 'funding.createSource', input.idempotencyKey, ctx.user?.id, async (em) => {
        const source = new FundingSource(input.kind, name, input.fiscalYear);
        if (input.partnerId) {
          const partner = await em.findOne(Partner, input.partnerId);
          if (!partner) throw refuse(ctx, FundingErrors.FUNDING_UNKNOWN_PARTNER, ['input', 'partnerId']);
          source.partner = partner;
        }
        source.description = input.description?.trim() || undefined;
        em.persist(source);
        this.audit.record({ ...ctx, em }, 'funding.source.create', 'FundingSource', source.id, {
          after: { kind: source.kind, name, fiscalYear: source.fiscalYear, partnerId: input.partnerId ?? null },
        });
        await em.flush();
        return source.id;
      });
      return { id: value };
    });
    if (!('id' in result)) return result;
    return { fundingSource: (await ctx.em.findOneOrFail(FundingSource, result.id)) ?? undefined, userErrors: [] };
  }

  async recordTransaction(ctx: RequestContext, input: RecordFundingTransactionInput): Promise<{ fundingTransaction?: FundingTransaction; userErrors: UserError[] }> {
    if (!Number.isSafeInteger(input.amount) || input.amount <= 0) return { userErrors: [userError(ctx.locale, FundingErrors.FUNDING_INVALID_AMOUNT, ['input', 'amount'])] };
    if (!UUID.test(input.sourceId)) return { userErrors: [userError(ctx.locale, FundingErrors.FUNDING_UNKNOWN_SOURCE, ['input', 'sourceId'])] };
    const result = await asPayload(async () => {
      const { value } = await runIdempotent(ctx.em, 'funding.recordTransaction', input.idempotencyKey, ctx.user?.id, async (em) => {
        const source = await em.findOne(FundingSource, input.sourceId);
        if (!source) throw refuse(ctx, FundingErrors.FUNDING_UNKNOWN_SOURCE, ['input', 'sourceId']);
        if (Number(input.valueDate.slice(0, 4)) !== source.fiscalYear) throw refuse(ctx, FundingErrors.FUNDING_DATE_OUTSIDE_YEAR, ['input', 'valueDate']);
        const tx = new FundingTransaction(source, input.type, input.program, input.purpose, input.amount, input.valueDate);
        tx.description = input.description?.trim() || undefined;
        if (ctx.user) tx.recordedBy = em.getReference(User, ctx.user.id);
        em.persist(tx);
        this.audit.record({ ...ctx, em }, 'funding.transaction.record', 'FundingTransaction', tx.id, {
          after: { sourceId: source.id, type: tx.type, program: tx.program, purpose: tx.purpose, amount: tx.amount, valueDate: tx.valueDate },
        });
        await em.flush();
        return tx.id;
      });
      return { id: value };
    });
    if (!('id' in result)) return result;
    return { fundingTransaction: await ctx.em.findOneOrFail(FundingTransaction, result.id), userErrors: [] };
  }

  /** Appends the mirror line of a transaction; the partial unique index lets only one through, whichever process asks. */
  async reverseTransaction(ctx: RequestContext, input: ReverseFundingTransactionInput): Promise<{ fundingTransaction?: FundingTransaction; userErrors: UserError[] }> {
    const reason = input.reason.trim();
    if (!reason) return { userErrors: [userError(ctx.locale, CommonErrors.REQUIRED, ['input', 'reason'])] };
    if (!UUID.test(input.transactionId)) return { userErrors: [userError(ctx.locale, FundingErrors.FUNDING_UNKNOWN_TRANSACTION, ['input', 'transactionId'])] };
    const field = ['input', 'transactionId'];
    const result = await asPayload(async () => {
      const { value } = await runIdempotent(ctx.em, 'funding.reverseTransaction', input.idempotencyKey, ctx.user?.id, async (em) => {
        const original = await em.findOne(FundingTransaction, input.transactionId);
        if (!original) throw refuse(ctx, FundingErrors.FUNDING_UNKNOWN_TRANSACTION, field);
        if (original.reverses) throw refuse(ctx, FundingErrors.FUNDING_REVERSAL_NOT_REVERSIBLE, field);
        if (await em.count(FundingTransaction, { reverses: original.id })) throw refuse(ctx, FundingErrors.FUNDING_ALREADY_REVERSED, field);
        const line = new FundingTransaction(original.source, original.type, original.program, original.purpose, -original.amount, original.valueDate);
        line.reverses = original;
        line.reason = reason;
        line.description = original.description;
        if (ctx.user) line.recordedBy = em.getReference(User, ctx.user.id);
        em.persist(line);
        this.audit.record({ ...ctx, em }, 'funding.transaction.reverse', 'FundingTransaction', line.id, { after: { reverses: original.id, amount: line.amount, reason } });
        await em.flush();
        return line.id;
      });
      return { id: value };
    });
    if (!('id' in result)) return result;
    return { fundingTransaction: await ctx.em.findOneOrFail(FundingTransaction, result.id), userErrors: [] };
  }

  /** Sources the caller may see: a partner only its own. */
  sources(ctx: RequestContext): Promise<FundingSource[]> {
    const partner = partnerScope(ctx);
    return ctx.em.find(FundingSource, partner ? { partner } : {}, { orderBy: { fiscalYear: 'desc', kind: 'asc', name: 'asc' } });
  }

  /** One page of ledger lines the caller may see, newest first, with the total count. */
  async transactions(ctx: RequestContext, args: FundingTransactionsArgs) {
    const page = toPage(args);
    const partner = partnerScope(ctx);
    const where: Record<string, unknown> = {};
    if (args.sourceId) where.source = UUID.test(args.sourceId) ? args.sourceId : '00000000-0000-0000-0000-000000000000';
    if (partner) where.source = { ...(where.source ? { id: where.source } : {}), partner };
    if (args.program) where.program = args.program;
    if (args.type) where.type = args.type;
    if (args.from || args.to) where.valueDate = { ...(args.from ? { $gte: args.from } : {}), ...(args.to ? { $lte: args.to } : {}) };
    const [rows, total] = await ctx.em.findAndCount(FundingTransaction, where, {
      orderBy: { valueDate: 'desc', createdAt: 'desc', id: 'asc' },
      limit: page.limit,
      offset: page.offset,
    });
    return toConnection(rows, total, page);
  }
}
