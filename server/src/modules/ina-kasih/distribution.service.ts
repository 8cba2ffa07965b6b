import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import type { UserError } from '../../graphql/user-error.type';
import { CommonErrors } from '../../platform/app-error';
import { runIdempotent } from '../../platform/idempotency.service';
import { AuditService, auditInsert } from '../audit/audit.service';
import { isUuid, refuse, refusalsAsErrors } from '../../platform/refusal';
import { User } from '../user/user.entity';
import { Distribution, DistributionKind } from './distribution.entity';
import { DistributionErrors } from './distribution.errors';
import { cityClock } from '../../platform/wita-clock';
import { inScope } from './round.service';
import { DistributionRound, RoundStatus } from './round.entity';
import { ProgramErrors } from './program.errors';
import { returnStock } from './stock.service';
import type { RecordDistributionInput, ReverseDistributionInput } from './distribution.types';

const WITA_MS = 8 * 3600_000;
/** "Senin, 5 Oktober 2026 11.00 WITA" for messages. */
function witaWhen(d: Date, locale: 'id' | 'en'): string {
  const intl = locale === 'en' ? 'en-ID' : 'id-ID';
  const date = new Intl.DateTimeFormat(intl, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Makassar' }).format(d);
  const time = new Intl.DateTimeFormat(intl, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Makassar' }).format(d);
  return `${date} ${time} WITA`;
}

/** What recordDistribution reads about the round, the family's plan and its deliveries, in one row. */
interface RecordFacts {
  program_id: string;
  month: string;
  opened_at: Date | string;
  status: RoundStatus;
  kelurahan_code: string;
  planned_packs: number;
  consent_withdrawn_at: Date | null;
  family_status: string;
  deliveries: number;
  standing_at: Date | string | null;
  receiver_ok: boolean;
}

/** How far a phone's clock may run ahead of the server's before a hand-over time counts as "in the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The hand-over time rule: not before the round was opened (nor before its month began,
 * 00.00 WITA, for a round opened ahead of its month), and not in the future (a phone's clock may
 * be up to 5 minutes ahead). There is no upper bound inside the month: a family served late while
 * the round is still open (1 December 00.30 WITA for the November round) is a normal late
 * delivery and counts in the round's month; closing the round is what ends deliveries.
 * `openedAt` is null when no time was sent: the server's own "now" is after the opening of a round
 * that exists (and server processes whose test clocks started apart must not refuse each other).
 */
function handoverAllowed(deliveredAt: Date, month: string, openedAt: Date | null, now: Date): boolean {
  const t = deliveredAt.getTime();
  return !Number.isNaN(t) && t >= earliestHandover(month, openedAt).getTime() && t <= now.getTime() + CLOCK_SKEW_MS;
}

/** The later of the round's opening and the first moment of its month (00.00 WITA). */
function earliestHandover(month: string, openedAt: Date | null): Date {
  return new Date(Math.max(Date.parse(`${month}T00:00:00Z`) - WITA_MS, openedAt?.getTime() ?? 0));
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
      const now = cityClock.now();
      const deliveredAt = input.deliveredAt ?? now;
      let packs = 0;
      const { value } = await runIdempotent(ctx.em as EntityManager, 'ina.recordDistribution', input.idempotencyKey, ctx.user?.id, async (em) => {
        // Everything the checks need in one statement. FOR SHARE of the round: many deliveries at
        // once, never while it is being closed; of the family: a consent withdrawal (FOR UPDATE)
        // cannot slip in before this commits, nor a status change (FOR UPDATE; its trigger takes the
        // family out of open rounds' plans): when one committed while this waited, PostgreSQL
        // re-reads the family row and family_status says so. It also asks for the stock draw at commit
        // (trigger ina_distribution_draw_stock).
        const [row]: RecordFacts[] = await em.execute(
          `select r.program_id, r.month::text as month, r.created_at as opened_at, r.status, p.kelurahan_code, p.planned_packs, f.consent_withdrawn_at, f.status as family_status,
                  (select count(*)::int from ina_distribution d where d.round_id = r.id and d.family_id = f.id and d.kind = 'DELIVERY') as deliveries,
                  (select d.delivered_at from ina_distribution d where d.round_id = r.id and d.family_id = f.id and d.kind = 'DELIVERY'
                      and not exists (select 1 from ina_distribution x where x.reverses_id = d.id) limit 1) as standing_at,
                  (?::uuid is null or exists (select 1 from ina_family_member m where m.id = ?::uuid and m.family_id = f.id and (m.left_at is null or m.left_at >= r.month))) as receiver_ok,
                  set_config('ina.draw_at_commit', 'on', true) as draw_at_commit
             from ina_distribution_round r join ina_round_plan p on p.round_id = r.id join ina_family f on f.id = p.family_id
            where r.id = ? and p.family_id = ?
              for share of r, f`,
          [input.receivedByMemberId ?? null, input.receivedByMemberId ?? null, input.roundId, input.familyId],
        );
        if (!row) {
          // Only on this refusal path: which of the round's checks failed.
          const round = await em.findOne(DistributionRound, input.roundId);
          if (!round) throw refuse(ctx, DistributionErrors.ROUND_NOT_FOUND, ['input', 'roundId']);
          if (round.status === RoundStatus.CLOSED) throw refuse(ctx, DistributionErrors.ROUND_CLOSED, ['input', 'roundId']);
          const openedAt = input.deliveredAt ? round.createdAt : null;
          if (!handoverAllowed(deliveredAt, round.month, openedAt, now)) throw this.badTime(ctx, round.month, openedAt);
          // A family that left the program's open rounds (paused, exited): say so, within the officer's scope.
          const [family]: { kelurahan_code: string; status: string }[] = await em.execute(`select kelurahan_code, status from ina_family where id = ?`, [input.familyId]);
          if (family && family.status !== 'ACTIVE' && inScope(ctx, family.kelurahan_code)) throw refuse(ctx, DistributionErrors.DISTRIBUTION_FAMILY_NOT_ACTIVE, ['input', 'familyId']);
          throw refuse(ctx, DistributionErrors.DISTRIBUTION_FAMILY_NOT_IN_ROUND, ['input', 'familyId']);
        }
        if (row.status === RoundStatus.CLOSED) throw refuse(ctx, DistributionErrors.ROUND_CLOSED, ['input', 'roundId']);
        const openedAt = input.deliveredAt ? new Date(row.opened_at) : null;
        if (!handoverAllowed(deliveredAt, row.month, openedAt, now)) throw this.badTime(ctx, row.month, openedAt);
        if (!inScope(ctx, row.kelurahan_code)) throw refuse(ctx, DistributionErrors.DISTRIBUTION_FAMILY_NOT_IN_ROUND, ['input', 'familyId']);
        if (row.consent_withdrawn_at) throw refuse(ctx, DistributionErrors.DISTRIBUTION_FAMILY_WITHDRAWN, ['input', 'familyId']);
        if (row.family_status !== 'ACTIVE') throw refuse(ctx, DistributionErrors.DISTRIBUTION_FAMILY_NOT_ACTIVE, ['input', 'familyId']);
        packs = input.packs ?? row.planned_packs;
        if (!Number.isInteger(packs) || packs < 1 || packs > row.planned_packs) {
          throw refuse(ctx, DistributionErrors.DISTRIBUTION_INVALID_PACKS, ['input', 'packs'], { max: row.planned_packs });
        }
        if (!row.receiver_ok) throw refuse(ctx, DistributionErrors.DISTRIBUTION_MEMBER_NOT_IN_FAMILY, ['input', 'receivedByMemberId']);
        if (row.standing_at) throw this.alreadyServed(ctx, new Date(row.standing_at));
        const id = randomUUID();
        const attempt = row.deliveries + 1;
        try {
          // The delivery and its audit entry in one statement.
          const audit = auditInsert({ id: ctx.user?.id, role: ctx.user?.role, ip: ctx.ip }, 'ina.distribution.record', 'Distribution', id, {
            after: { roundId: input.roundId, familyId: input.familyId, packs, place: input.place, attempt },
          });
          await em.execute(
            `with d as (
               insert into ina_distribution (id, created_at, round_id, family_id, kelurahan_code, kind, attempt, packs, received_by_member_id, proxy_name, place, delivered_at, recorded_by_id)
               values (?, now(), ?, ?, ?, 'DELIVERY', ?, ?, ?, ?, ?, ?, ?))
             ${audit.sql}`,
            [id, input.roundId, input.familyId, row.kelurahan_code, attempt, packs, input.receivedByMemberId ?? null, proxyName ?? null, input.place, deliveredAt, ctx.user?.id ?? null, ...audit.params],
          );
        } catch (err) {
          // Another process served the family a moment ago: the partial unique index let only one through.
          if (err instanceof UniqueConstraintViolationException || (err as { code?: string }).code === '23505') throw this.alreadyServed(ctx);
          throw err;
        }
        // The stock is drawn at commit, oldest lot first: the lots (and the program's impact rows)
        // are locked only while the commit runs, not across this request's round trips.
        return { id };
      }).catch((err: unknown) => {
        const short = err instanceof Error ? /ina_stock_insufficient:(\d+)/.exec(err.message) : null;
        if (short) throw refuse(ctx, ProgramErrors.STOCK_INSUFFICIENT, ['input', 'packs'], { available: Number(short[1]), needed: packs });
        throw err;
      });
      return { distribution: await ctx.em.findOneOrFail(Distribution, value.id, { refresh: true }), userErrors: [] };
    });
  }

  private badTime(ctx: RequestContext, month: string, openedAt: Date | null) {
    return refuse(ctx, DistributionErrors.DISTRIBUTION_INVALID_TIME, ['input', 'deliveredAt'], { from: witaWhen(earliestHandover(month, openedAt), ctx.locale) });
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
        const r = new Distribution(original.round, original.family, original.kelurahan, DistributionKind.REVERSAL, original.attempt, -original.packs, cityClock.now());
        r.reverses = original;
        r.reason = reason;
        if (ctx.user) r.recordedBy = em.getReference(User, ctx.user.id);
        em.persist(r);
        await em.flush(); // reversed meanwhile: the unique constraint answers DISTRIBUTION_ALREADY_REVERSED
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
