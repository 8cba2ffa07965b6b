import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import type { UserError } from '../../graphql/user-error.type';
import { CommonErrors } from '../../platform/app-error';
import { runIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { isUuid, refuse, refusalsAsErrors } from '../../platform/refusal';
import { User } from '../user/user.entity';
import { EntitlementRule, Program } from './program.entity';
import { ProgramErrors } from './program.errors';
import { monthOf, monthStart } from './program-time.util';
import type { CreateProgramInput, SetEntitlementRuleInput } from './program.types';

export const DEFAULT_PACKS_PER_WOMAN = 2;
export const DEFAULT_PADS_PER_PACK = 10;

/** The rule in effect for a month: the latest one that started in or before it. */
export async function ruleInEffect(em: EntityManager, programId: string, month: string): Promise<EntitlementRule | null> {
  return em.findOne(EntitlementRule, { program: programId, effectiveMonth: { $lte: month } }, { orderBy: { effectiveMonth: 'desc' } });
}

/** Programs and their entitlement rules. Rules are append-only: a change is a new rule from a later month. */
export class ProgramService {
  private readonly audit = new AuditService();

  list(ctx: RequestContext): Promise<Program[]> {
    return ctx.em.find(Program, {}, { orderBy: { name: 'asc' }, limit: 100 });
  }

  async mustFind(ctx: RequestContext, em: EntityManager, programId: string, field: string[], lock = false): Promise<Program> {
    const program = isUuid(programId) ? await em.findOne(Program, programId, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {}) : null;
    if (!program) throw refuse(ctx, ProgramErrors.PROGRAM_NOT_FOUND, field);
    return program;
  }

  /** A new program and its first rule (default 2 packs of 10 pads per eligible woman per month). */
  async create(ctx: RequestContext, input: CreateProgramInput): Promise<{ program?: Program; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      const name = input.name.trim();
      if (!name) throw refuse(ctx, CommonErrors.REQUIRED, ['input', 'name']);
      const month = this.checkRule(ctx, input.effectiveMonth, input.packsPerWoman ?? DEFAULT_PACKS_PER_WOMAN, input.padsPerPack ?? DEFAULT_PADS_PER_PACK);
      const { value } = await runIdempotent(ctx.em as EntityManager, 'ina.createProgram', input.idempotencyKey, ctx.user?.id, async (em) => {
        const program = new Program(name);
        program.description = input.description?.trim() || undefined;
        const rule = new EntitlementRule(randomUUID(), program, month, input.packsPerWoman ?? DEFAULT_PACKS_PER_WOMAN, input.padsPerPack ?? DEFAULT_PADS_PER_PACK);
        if (ctx.user) rule.createdBy = em.getReference(User, ctx.user.id);
        em.persist([program, rule]);
        this.audit.record({ ...ctx, em }, 'ina.program.create', 'Program', program.id, {
          after: { name, effectiveMonth: monthOf(month), packsPerWoman: rule.packsPerWoman, padsPerPack: rule.padsPerPack },
        });
        await em.flush(); // a name taken meanwhile: its unique constraint answers PROGRAM_NAME_TAKEN (program.errors.ts)
        return { id: program.id };
      });
      return { program: await ctx.em.findOneOrFail(Program, value.id, { refresh: true }), userErrors: [] };
    });
  }

  /**
   * Appends a rule from a month on. Never edits one: a month that already has a rule, or a month
   * whose round was already planned under the old rule, is refused (the database refuses the
   * second too, see the round trigger), so the rule of every past round stays what it was.
   */
  async setRule(ctx: RequestContext, input: SetEntitlementRuleInput): Promise<{ rule?: EntitlementRule; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      const month = this.checkRule(ctx, input.effectiveMonth, input.packsPerWoman, input.padsPerPack);
      const { value } = await runIdempotent(ctx.em as EntityManager, 'ina.setEntitlementRule', input.idempotencyKey, ctx.user?.id, async (em) => {
        // FOR UPDATE: opening a round takes the same lock, so a rule and a round never cross.
        const program = await this.mustFind(ctx, em, input.programId, ['input', 'programId'], true);
        if (await em.count(EntitlementRule, { program: program.id, effectiveMonth: month })) {
          throw refuse(ctx, ProgramErrors.PROGRAM_RULE_MONTH_TAKEN, ['input', 'effectiveMonth']);
        }
        const [planned] = await em.execute(`select to_char(max(month), 'YYYY-MM') as month from ina_distribution_round where program_id = ? and month >= ?`, [program.id, month]);
        if (planned?.month) throw refuse(ctx, ProgramErrors.PROGRAM_RULE_MONTH_HAS_ROUND, ['input', 'effectiveMonth'], { month: planned.month });
        const rule = new EntitlementRule(randomUUID(), program, month, input.packsPerWoman, input.padsPerPack);
        rule.note = input.note?.trim() || undefined;
        if (ctx.user) rule.createdBy = em.getReference(User, ctx.user.id);
        em.persist(rule);
        this.audit.record({ ...ctx, em }, 'ina.rule.set', 'EntitlementRule', rule.id, {
          after: { programId: program.id, effectiveMonth: monthOf(month), packsPerWoman: rule.packsPerWoman, padsPerPack: rule.padsPerPack },
        });
        await em.flush();
        return { id: rule.id };
      });
      return { rule: await ctx.em.findOneOrFail(EntitlementRule, value.id, { refresh: true }), userErrors: [] };
    });
  }

  private checkRule(ctx: RequestContext, effectiveMonth: string, packs: number, pads: number): string {
    const month = monthStart(effectiveMonth);
    if (!month) throw refuse(ctx, ProgramErrors.PROGRAM_INVALID_MONTH, ['input', 'effectiveMonth']);
    if (!Number.isInteger(packs) || packs < 1 || packs > 20) throw refuse(ctx, ProgramErrors.PROGRAM_INVALID_PACKS, ['input', 'packsPerWoman']);
    if (!Number.isInteger(pads) || pads < 1 || pads > 100) throw refuse(ctx, ProgramErrors.PROGRAM_INVALID_PADS_PER_PACK, ['input', 'padsPerPack']);
    return month;
  }
}
