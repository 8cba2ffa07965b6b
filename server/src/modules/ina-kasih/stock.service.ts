import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import type { UserError } from '../../graphql/user-error.type';
import { runIdempotent } from '../../platform/idempotency.service';
import { AuditService } from '../audit/audit.service';
import { FundingSource } from '../funding/funding-source.entity';
import { isUuid, refuse, refusalsAsErrors } from '../../platform/refusal';
import { User } from '../user/user.entity';
import { Program } from './program.entity';
import { ProgramErrors } from './program.errors';
import { DEFAULT_PADS_PER_PACK, ProgramService, ruleInEffect } from './program.service';
import { todayWita } from './program-time.util';
import { StockLot } from './stock.entity';
import type { ReceiveStockInput, StockBySource, StockLevels } from './stock.types';

/** What one delivery drew from stock: packs per lot, at the lot's unit cost and funder. */
export interface StockDraw {
  lotId: string;
  packs: number;
  unitCost: number;
}

// Deliveries draw their packs at commit, oldest lot first: trigger ina_distribution_draw_stock
// (migration InaDeliveryAtCommit).

/** Puts packs back into the lots they came from (a reversed delivery). */
export async function returnStock(em: EntityManager, draws: StockDraw[], distributionId: string): Promise<void> {
  await insertMovements(em, draws, distributionId);
}

async function insertMovements(em: EntityManager, moves: StockDraw[], distributionId: string): Promise<void> {
  if (!moves.length) return;
  await em.execute(
    `insert into ina_stock_movement (id, created_at, lot_id, distribution_id, packs, unit_cost)
     select m.id, now(), m.lot_id, ?, m.packs, m.unit_cost
       from jsonb_to_recordset(?::jsonb) as m(id uuid, lot_id uuid, packs int, unit_cost bigint)`,
    [distributionId, JSON.stringify(moves.map((m) => ({ id: randomUUID(), lot_id: m.lotId, packs: m.packs, unit_cost: m.unitCost })))],
  );
}

/** Pad stock: lots received (who paid, at what price) and what is left. */
export class StockService {
  private readonly audit = new AuditService();
  private readonly programs = new ProgramService();

  async receive(ctx: RequestContext, input: ReceiveStockInput): Promise<{ stockLot?: StockLot; userErrors: UserError[] }> {
    return refusalsAsErrors(async () => {
      if (!Number.isInteger(input.packs) || input.packs < 1 || input.packs > 10_000_000) throw refuse(ctx, ProgramErrors.STOCK_INVALID_PACKS, ['input', 'packs']);
      if (!Number.isSafeInteger(input.unitCost) || input.unitCost < 0 || input.unitCost > 100_000_000) {
        throw refuse(ctx, ProgramErrors.STOCK_INVALID_UNIT_COST, ['input', 'unitCost']);
      }
      if (input.padsPerPack != null && (!Number.isInteger(input.padsPerPack) || input.padsPerPack < 1 || input.padsPerPack > 100)) {
        throw refuse(ctx, ProgramErrors.PROGRAM_INVALID_PADS_PER_PACK, ['input', 'padsPerPack']);
      }
      if (input.receivedOn > todayWita()) throw refuse(ctx, ProgramErrors.STOCK_DATE_IN_FUTURE, ['input', 'receivedOn']);
      const { value } = await runIdempotent(ctx.em as EntityManager, 'ina.receiveStock', input.idempotencyKey, ctx.user?.id, async (em) => {
        const program = await this.programs.mustFind(ctx, em, input.programId, ['input', 'programId']);
        const source = isUuid(input.fundingSourceId) ? await em.findOne(FundingSource, input.fundingSourceId) : null;
        if (!source) throw refuse(ctx, ProgramErrors.STOCK_UNKNOWN_FUNDING_SOURCE, ['input', 'fundingSourceId']);
        const pads = input.padsPerPack ?? (await ruleInEffect(em, program.id, `${input.receivedOn.slice(0, 7)}-01`))?.padsPerPack ?? DEFAULT_PADS_PER_PACK;
        const lot = new StockLot(program, source, input.receivedOn, input.packs, pads, input.unitCost);
        lot.supplier = input.supplier?.trim() || undefined;
        lot.reference = input.reference?.trim() || undefined;
        if (ctx.user) lot.receivedBy = em.getReference(User, ctx.user.id);
        em.persist(lot);
        this.audit.record({ ...ctx, em }, 'ina.stock.receive', 'StockLot', lot.id, {
          after: { programId: program.id, fundingSourceId: source.id, receivedOn: lot.receivedOn, packs: lot.packsReceived, unitCost: lot.unitCost },
        });
        await em.flush();
        return { id: lot.id };
      });
      return { stockLot: await ctx.em.findOneOrFail(StockLot, value.id, { refresh: true }), userErrors: [] };
    });
  }

  /** Totals and per-source figures in one statement, the sources in one more, and the open lots in a third. */
  async levels(ctx: RequestContext, programId: string): Promise<StockLevels | null> {
    const program = isUuid(programId) ? await ctx.em.findOne(Program, programId) : null;
    if (!program) return null;
    const rows: { source: string; received: number; remaining: number; value_received: string; value_remaining: string }[] = await ctx.em.execute(
      `select funding_source_id as source, sum(packs_received)::int as received, sum(packs_remaining)::int as remaining,
              sum(packs_received::bigint * unit_cost)::text as value_received, sum(packs_remaining::bigint * unit_cost)::text as value_remaining
         from ina_stock_lot where program_id = ? group by funding_source_id`,
      [program.id],
    );
    const sources = rows.length ? await ctx.em.find(FundingSource, { id: { $in: rows.map((r) => r.source) } }, { orderBy: { kind: 'asc', name: 'asc' } }) : [];
    const bySource: StockBySource[] = sources.map((fundingSource) => {
      const r = rows.find((x) => x.source === fundingSource.id)!;
      return {
        fundingSource,
        packsReceived: r.received,
        packsRemaining: r.remaining,
        packsDistributed: r.received - r.remaining,
        valueReceived: Number(r.value_received),
        valueRemaining: Number(r.value_remaining),
        valueDistributed: Number(r.value_received) - Number(r.value_remaining),
      };
    });
    const openLots = await ctx.em.find(StockLot, { program: program.id, packsRemaining: { $gt: 0 } }, { orderBy: { receivedOn: 'asc', createdAt: 'asc', id: 'asc' }, limit: 100 });
    const sum = (f: (s: StockBySource) => number) => bySource.reduce((n, s) => n + f(s), 0);
    return {
      program,
      packsReceived: sum((s) => s.packsReceived),
      packsRemaining: sum((s) => s.packsRemaining),
      packsDistributed: sum((s) => s.packsDistributed),
      valueRemaining: sum((s) => s.valueRemaining),
      bySource,
      openLots,
    };
  }
}
