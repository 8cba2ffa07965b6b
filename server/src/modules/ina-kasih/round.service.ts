import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import { toConnection, toPage, type ConnectionShape } from '../../graphql/connection';
import type { UserError } from '../../graphql/user-error.type';
import { AppError } from '../../platform/app-error';
import { runIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { isUuid, refuse, refusalsAsErrors } from '../../platform/refusal';
import { User } from '../user/user.entity';
import { cityClock } from '../../platform/wita-clock';
import { DistributionErrors } from './distribution.errors';
import { ProgramErrors } from './program.errors';
import { ProgramService, ruleInEffect } from './program.service';
import { currentMonthWita, monthOf, monthStart } from './program-time.util';
import { kelurahanScope } from './family.loaders';
import { DistributionRound, RoundStatus } from './round.entity';
import { PlanStatus, type DistributionRoundsArgs, type KelurahanCoverage, type OpenRoundInput, type RoundPlanArgs, RoundPlanEntry } from './round.types';

/** The kelurahan a scoped PROGRAM_STAFF account may see, as a PostgreSQL array literal; null = the whole city. */
export function scopeArray(ctx: RequestContext): string | null {
  const codes = ctx.user?.kelurahanCodes ?? [];
  return codes.length ? `{${codes.join(',')}}` : null;
}
export const inScope = (ctx: RequestContext, code: string) => !ctx.user?.kelurahanCodes.length || ctx.user.kelurahanCodes.includes(code);

/** A delivery stands when it is a DELIVERY that no reversal points at. */
export const STANDING_DELIVERY = `exists (select 1 from ina_distribution d where d.round_id = p.round_id and d.family_id = p.family_id and d.kind = 'DELIVERY'
  and not exists (select 1 from ina_distribution r where r.reverses_id = d.id))`;

/**
 * The planned list, set-based: every ACTIVE family enrolled by the month's last day, with its
 * women and girls eligible that month (`ina_is_eligible`, birth date and sex; members who left
 * before the month do not count), times the packs of the rule. Girls are those under 18 on the
 * month's first day.
 */
export const PLAN_SQL = `insert into ina_round_plan (round_id, family_id, kelurahan_code, eligible_women, eligible_girls, planned_packs)
  select ?, f.id, f.kelurahan_code, count(*),
         count(*) filter (where m.birth_date > (?::date - interval '18 years')::date),
         count(*) * ?
    from ina_family f join ina_family_member m on m.family_id = f.id
   where f.status = 'ACTIVE' and f.enrolled_at < (?::date + interval '1 month')::date
     and (m.left_at is null or m.left_at >= ?::date)
     and ina_is_eligible(m.birth_date, m.sex::text, ?::date)
   group by f.id, f.kelurahan_code`;

const nextMonthStart = () => {
  const [y, m] = currentMonthWita().split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * Monthly rounds: opening (the planned list), closing, the list per kelurahan and coverage.
 * A round covers the whole city, so only ADMIN and PROGRAM_STAFF without a kelurahan limit open
 * or close one; a kelurahan officer records deliveries in it and reads her kelurahan's list.
 */
export class RoundService {
  private readonly audit = new AuditService();
  private readonly programs = new ProgramService();

  async open(ctx: RequestContext, input: OpenRoundInput): Promise<{ round?: DistributionRound; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      if (kelurahanScope(ctx)) throw refuse(ctx, DistributionErrors.ROUND_CITY_WIDE_ONLY, ['input', 'programId']);
      const month = monthStart(input.month);
      if (!month) throw refuse(ctx, ProgramErrors.PROGRAM_INVALID_MONTH, ['input', 'month']);
      if (month > nextMonthStart()) throw refuse(ctx, DistributionErrors.ROUND_MONTH_TOO_FAR, ['input', 'month']);
      const { value } = await runIdempotent(ctx.em as EntityManager, 'ina.openRound', input.idempotencyKey, ctx.user?.id, async (em) => {
        // FOR UPDATE on the program: a rule being set at the same moment waits (or this waits for it).
        const program = await this.programs.mustFind(ctx, em, input.programId, ['input', 'programId'], true);
        const rule = await ruleInEffect(em, program.id, month);
        if (!rule) throw refuse(ctx, DistributionErrors.ROUND_NO_RULE, ['input', 'month']);
        if (await em.count(DistributionRound, { program: program.id, month })) throw refuse(ctx, DistributionErrors.ROUND_EXISTS, ['input', 'month']);
        const round = new DistributionRound(program, month, rule);
        // Its opening time bounds the hand-over times of its deliveries: on the program's clock.
        round.createdAt = cityClock.now();
        if (ctx.user) round.openedBy = em.getReference(User, ctx.user.id);
        em.persist(round);
        await em.flush(); // a round opened meanwhile by another process: its unique constraint answers ROUND_EXISTS
        const planned = (await em.execute(PLAN_SQL, [round.id, month, rule.packsPerWoman, month, month, month], 'run')) as unknown as { affectedRows: number };
        this.audit.record({ ...ctx, em }, 'ina.round.open', 'DistributionRound', round.id, {
          after: { programId: program.id, month: monthOf(month), families: planned.affectedRows, packsPerWoman: rule.packsPerWoman },
        });
        await em.flush();
        return { id: round.id };
      });
      return { round: await ctx.em.findOneOrFail(DistributionRound, value.id, { refresh: true }), userErrors: [] };
    });
  }

  /** Closes a round for evaluation: no new deliveries after this (corrections by reversal stay possible). */
  async close(ctx: RequestContext, roundId: string): Promise<{ round?: DistributionRound; userErrors: UserError[] }> {
    return refusalsAsErrors(() =>
      ctx.em.transactional(async (em) => {
        if (kelurahanScope(ctx)) throw refuse(ctx, DistributionErrors.ROUND_CITY_WIDE_ONLY, ['input', 'roundId']);
        // FOR UPDATE: waits for deliveries being recorded (they hold the round FOR SHARE).
        const round = isUuid(roundId) ? await em.findOne(DistributionRound, roundId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
        if (!round) throw refuse(ctx, DistributionErrors.ROUND_NOT_FOUND, ['input', 'roundId']);
        if (round.status === RoundStatus.CLOSED) throw refuse(ctx, DistributionErrors.ROUND_ALREADY_CLOSED, ['input', 'roundId']);
        round.status = RoundStatus.CLOSED;
        round.closedAt = new Date();
        if (ctx.user) round.closedBy = em.getReference(User, ctx.user.id);
        this.audit.record({ ...ctx, em }, 'ina.round.close', 'DistributionRound', round.id, { before: { status: RoundStatus.OPEN }, after: { status: RoundStatus.CLOSED } });
        await em.flush();
        return { round, userErrors: [] };
      }),
    );
  }

  async list(ctx: RequestContext, args: DistributionRoundsArgs): Promise<ConnectionShape<DistributionRound>> {
    const page = toPage(args);
    if (args.programId && !isUuid(args.programId)) return toConnection([], 0, page);
    const [rows, total] = await ctx.em.findAndCount(DistributionRound, args.programId ? { program: args.programId } : {}, {
      orderBy: { month: 'desc', createdAt: 'desc' },
      limit: page.limit,
      offset: page.offset,
    });
    return toConnection(rows, total, page);
  }

  get(ctx: RequestContext, roundId: string): Promise<DistributionRound | null> {
    return isUuid(roundId) ? ctx.em.findOne(DistributionRound, roundId) : Promise.resolve(null);
  }

  /** One page of a kelurahan's planned list, ordered by registry number, with the total, in one statement. */
  async plan(ctx: RequestContext, args: RoundPlanArgs): Promise<ConnectionShape<RoundPlanEntry>> {
    const page = toPage(args);
    if (!inScope(ctx, args.kelurahanCode)) throw new AppError(DistributionErrors.ROUND_KELURAHAN_OUTSIDE_SCOPE);
    if (!isUuid(args.roundId)) return toConnection([], 0, page);
    const filter = args.status === PlanStatus.DELIVERED ? `and ${STANDING_DELIVERY}` : args.status === PlanStatus.PENDING ? `and not ${STANDING_DELIVERY}` : '';
    const rows: { family_id: string; kelurahan_code: string; eligible_women: number; eligible_girls: number; planned_packs: number; total: number }[] = await ctx.em.execute(
      `select p.family_id, p.kelurahan_code, p.eligible_women, p.eligible_girls, p.planned_packs, count(*) over ()::int as total
         from ina_round_plan p join ina_family f on f.id = p.family_id
        where p.round_id = ? and p.kelurahan_code = ? ${filter}
        order by f.registry_number limit ? offset ?`,
      [args.roundId, args.kelurahanCode, page.limit, page.offset],
    );
    let total = rows[0]?.total ?? 0;
    if (!rows.length && page.offset > 0) {
      [{ total }] = await ctx.em.execute(`select count(*)::int as total from ina_round_plan p where p.round_id = ? and p.kelurahan_code = ? ${filter}`, [args.roundId, args.kelurahanCode]);
    }
    // The page names heads of families and their addresses (through RoundPlanEntry.family): audited like a family list.
    ctx.auditReads.add('ina.round.plan_read', 'DistributionRound', args.roundId, { kelurahanCode: args.kelurahanCode, status: args.status, families: rows.map((r) => r.family_id) });
    const entries = rows.map((r) =>
      Object.assign(new RoundPlanEntry(), {
        roundId: args.roundId,
        familyId: r.family_id,
        kelurahanCode: r.kelurahan_code,
        eligibleWomen: r.eligible_women,
        eligibleGirls: r.eligible_girls,
        plannedPacks: r.planned_packs,
      }),
    );
    return toConnection(entries, total, page);
  }

  /**
   * Planned against delivered per kelurahan (the caller's kelurahan only), in one statement, from
   * the month × kelurahan rollup its triggers keep (a round is one program and month), so it costs
   * the same for 300 families or 300,000.
   */
  async coverage(ctx: RequestContext, roundId: string): Promise<KelurahanCoverage[]> {
    if (!isUuid(roundId)) return [];
    const scope = scopeArray(ctx);
    return ctx.em.execute(
      `select k.code as "kelurahanCode", k.name as "kelurahanName", c.code as "kecamatanCode", c.name as "kecamatanName",
              x.planned_families as "families", x.planned_women as "eligibleWomen", x.planned_girls as "eligibleGirls",
              x.planned_packs as "plannedPacks", x.families as "deliveredFamilies", x.women as "womenReached", x.packs as "deliveredPacks"
         from ina_distribution_round r
         join impact.ina_month_kelurahan x on x.program_id = r.program_id and x.month = r.month and x.planned_families > 0
         join region k on k.code = x.kelurahan_code
         left join region c on c.code = k.parent_code
        where r.id = ? and (?::text[] is null or x.kelurahan_code = any(?::text[]))
        order by c.name, k.name`,
      [roundId, scope, scope],
    );
  }
}
