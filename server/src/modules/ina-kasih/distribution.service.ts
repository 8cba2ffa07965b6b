import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import type { UserError } from '../../graphql/user-error.type';
import { CommonErrors } from '../../platform/app-error';
import { runIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { isUuid, refuse, refusalsAsErrors } from '../market/market.guard';
import { Region } from '../region/region.entity';
import { User } from '../user/user.entity';
import { Distribution, DistributionKind } from './distribution.entity';
import { DistributionErrors } from './distribution.errors';
import { Family } from './family.entity';
import { FamilyMember } from './family-member.entity';
import { marketClock } from '../market/market-time.util';
import { inScope } from './round.service';
import { DistributionRound, RoundStatus } from './round.entity';
import { drawStock, returnStock } from './stock.service';
import type { RecordDistributionInput, ReverseDistributionInput } from './distribution.types';

const WITA_MS = 8 * 3600_000;
/** "Senin, 5 Oktober 2026 11.00 WITA" for messages. */
function witaWhen(d: Date, locale: 'id' | 'en'): string {
  const intl = locale === 'en' ? 'en-ID' : 'id-ID';
  const date = new Intl.DateTimeFormat(intl, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Makassar' }).format(d);
  const time = new Intl.DateTimeFormat(intl, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Makassar' }).format(d);
  return `${date} ${time} WITA`;
}

/** Deliveries and their corrections: an append-only ledger, one standing delivery per family and round. */
export class DistributionService {
  private readonly audit = new AuditService();

  /**
   * Records a delivery. A resend with the same idempotency key (a phone's outbox, a double tap,
   * two processes) returns the first result; a different delivery for a family already served in
   * the round is refused in words and changes nothing. The stock it draws moves in the same
   * transaction, oldest lot first.
   */
  async record(ctx: RequestContext, input: RecordDistributionInput): Promise<{ distribution?: Distribution; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      if (!input.idempotencyKey?.trim()) throw refuse(ctx, DistributionErrors.DISTRIBUTION_IDEMPOTENCY_KEY_REQUIRED, ['input', 'idempotencyKey']);
      const proxyName = input.proxyName?.trim() || undefined;
      if (!!input.receivedByMemberId === !!proxyName) throw refuse(ctx, DistributionErrors.DISTRIBUTION_RECEIVER_REQUIRED, ['input', 'receivedByMemberId']);
      if (input.receivedByMemberId && !isUuid(input.receivedByMemberId)) throw refuse(ctx, DistributionErrors.DISTRIBUTION_MEMBER_NOT_IN_FAMILY, ['input', 'receivedByMemberId']);
      if (!isUuid(input.roundId)) throw refuse(ctx, DistributionErrors.ROUND_NOT_FOUND, ['input', 'roundId']);
      if (!isUuid(input.familyId)) throw refuse(ctx, DistributionErrors.DISTRIBUTION_FAMILY_NOT_IN_ROUND, ['input', 'familyId']);
      const now = marketClock.now();
      const deliveredAt = input.deliveredAt ?? now;
      const { value } = await runIdempotent(ctx.em as EntityManager, 'ina.recordDistribution', input.idempotencyKey, ctx.user?.id, async (em) => {
        // FOR SHARE: many deliveries at once, but never while the round is being closed.
        const round = await em.findOne(DistributionRound, input.roundId, { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
        if (!round) throw refuse(ctx, DistributionErrors.ROUND_NOT_FOUND, ['input', 'roundId']);
        if (round.status === RoundStatus.CLOSED) throw refuse(ctx, DistributionErrors.ROUND_CLOSED, ['input', 'roundId']);
        const monthBegins = new Date(Date.parse(`${round.month}T00:00:00Z`) - WITA_MS);
        if (Number.isNaN(deliveredAt.getTime()) || deliveredAt < monthBegins || deliveredAt.getTime() > now.getTime() + 5 * 60_000) {
          throw refuse(ctx, DistributionErrors.DISTRIBUTION_INVALID_TIME, ['input', 'deliveredAt']);
        }
        // FOR SHARE of the family: a consent withdrawal (FOR UPDATE) cannot slip in before this commits.
        const [plan] = await em.execute(
          `select p.kelurahan_code, p.planned_packs, f.consent_withdrawn_at from ina_round_plan p join ina_family f on f.id = p.family_id
            where p.round_id = ? and p.family_id = ? for share of f`,
          [round.id, input.familyId],
        );
        if (!plan || !inScope(ctx, plan.kelurahan_code)) throw refuse(ctx, DistributionErrors.DISTRIBUTION_FAMILY_NOT_IN_ROUND, ['input', 'familyId']);
        if (plan.consent_withdrawn_at) throw refuse(ctx, DistributionErrors.DISTRIBUTION_FAMILY_WITHDRAWN, ['input', 'familyId']);
        const packs = input.packs ?? plan.planned_packs;
        if (!Number.isInteger(packs) || packs < 1 || packs > plan.planned_packs) {
          throw refuse(ctx, DistributionErrors.DISTRIBUTION_INVALID_PACKS, ['input', 'packs'], { max: plan.planned_packs });
        }
        if (input.receivedByMemberId) {
          const member = await em.findOne(FamilyMember, { id: input.receivedByMemberId, family: input.familyId });
          if (!member || (member.leftAt && member.leftAt < round.month)) throw refuse(ctx, DistributionErrors.DISTRIBUTION_MEMBER_NOT_IN_FAMILY, ['input', 'receivedByMemberId']);
        }
        const history = await em.find(Distribution, { round: round.id, family: input.familyId }, { orderBy: { attempt: 'asc' } });
        const reversed = new Set(history.filter((d) => d.reverses).map((d) => d.reverses!.id));
        const standing = history.find((d) => d.kind === DistributionKind.DELIVERY && !reversed.has(d.id));
        if (standing) throw this.alreadyServed(ctx, standing.deliveredAt);
        const attempt = history.filter((d) => d.kind === DistributionKind.DELIVERY).length + 1;
        const d = new Distribution(round, em.getReference(Family, input.familyId), em.getReference(Region, plan.kelurahan_code), DistributionKind.DELIVERY, attempt, packs, deliveredAt);
        d.place = input.place;
        d.proxyName = proxyName;
        if (input.receivedByMemberId) d.receivedByMember = em.getReference(FamilyMember, input.receivedByMemberId);
        if (ctx.user) d.recordedBy = em.getReference(User, ctx.user.id);
        em.persist(d);
        try {
          await em.flush();
        } catch (err) {
          // Another process served the family a moment ago: the partial unique index let only one through.
          if (err instanceof UniqueConstraintViolationException) throw this.alreadyServed(ctx);
          throw err;
        }
        this.audit.record({ ...ctx, em }, 'ina.distribution.record', 'Distribution', d.id, {
          after: { roundId: round.id, familyId: input.familyId, packs, place: d.place, attempt },
        });
        await em.flush();
        // Last before commit: the stock rows are held from here until the transaction ends.
        await drawStock(ctx, em, round.program.id, packs, d.id);
        return { id: d.id };
      });
      return { distribution: await ctx.em.findOneOrFail(Distribution, value.id, { refresh: true }), userErrors: [] };
    });
  }

  private alreadyServed(ctx: RequestContext, when?: Date) {
    return refuse(ctx, DistributionErrors.DISTRIBUTION_ALREADY_DELIVERED, ['input', 'familyId'], { when: when ? witaWhen(when, ctx.locale) : ctx.locale === 'en' ? 'just now' : 'baru saja' });
  }

  /** Corrects a delivery with a reversal entry (reason kept); its packs go back to the lots they came from. */
  async reverse(ctx: RequestContext, input: ReverseDistributionInput): Promise<{ distribution?: Distribution; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      const reason = input.reason.trim();
      if (!reason) throw refuse(ctx, CommonErrors.REQUIRED, ['input', 'reason']);
      const field = ['input', 'distributionId'];
      if (!isUuid(input.distributionId)) throw refuse(ctx, DistributionErrors.DISTRIBUTION_NOT_FOUND, field);
      const { value } = await runIdempotent(ctx.em as EntityManager, 'ina.reverseDistribution', input.idempotencyKey, ctx.user?.id, async (em) => {
        const original = await em.findOne(Distribution, input.distributionId);
        if (!original || !inScope(ctx, original.kelurahan.code)) throw refuse(ctx, DistributionErrors.DISTRIBUTION_NOT_FOUND, field);
        if (original.kind !== DistributionKind.DELIVERY) throw refuse(ctx, DistributionErrors.DISTRIBUTION_REVERSAL_NOT_REVERSIBLE, field);
        await em.findOne(DistributionRound, original.round.id, { lockMode: LockMode.PESSIMISTIC_READ });
        if (await em.count(Distribution, { reverses: original.id })) throw refuse(ctx, DistributionErrors.DISTRIBUTION_ALREADY_REVERSED, field);
        const r = new Distribution(original.round, original.family, original.kelurahan, DistributionKind.REVERSAL, original.attempt, -original.packs, marketClock.now());
        r.reverses = original;
        r.reason = reason;
        if (ctx.user) r.recordedBy = em.getReference(User, ctx.user.id);
        em.persist(r);
        try {
          await em.flush();
        } catch (err) {
          if (err instanceof UniqueConstraintViolationException) throw refuse(ctx, DistributionErrors.DISTRIBUTION_ALREADY_REVERSED, field);
          throw err;
        }
        const moved: { lot_id: string; packs: number; unit_cost: string }[] = await em.execute(
          `select lot_id, sum(packs)::int as packs, unit_cost from ina_stock_movement where distribution_id = ? group by lot_id, unit_cost`,
          [original.id],
        );
        await returnStock(em, moved.map((m) => ({ lotId: m.lot_id, packs: -m.packs, unitCost: Number(m.unit_cost) })), r.id);
        this.audit.record({ ...ctx, em }, 'ina.distribution.reverse', 'Distribution', r.id, { after: { reverses: original.id, packs: r.packs, reason } });
        await em.flush();
        return { id: r.id };
      });
      return { distribution: await ctx.em.findOneOrFail(Distribution, value.id, { refresh: true }), userErrors: [] };
    });
  }
}
