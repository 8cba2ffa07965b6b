import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../graphql/loaders';
import { FundingSource } from '../funding/funding-source.entity';
import { User } from '../user/user.entity';
import { Distribution, DistributionKind } from './distribution.entity';
import { Family } from './family.entity';
import { FamilyMember } from './family-member.entity';
import { DistributionRound } from './round.entity';
import type { DistributionFunding } from './distribution.types';
import { RoundPlanEntry, type RoundTotals } from './round.types';

function byId<T extends { id: string }>(entity: new (...args: never[]) => T): LoaderFactory<string, T | undefined> {
  return (ctx) =>
    new DataLoader(async (ids) => {
      const rows = (await ctx.em.find(entity as never, { id: { $in: [...ids] } } as never)) as T[];
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id));
    });
}

/** One statement per request for every family, member, round or distribution a list refers to. */
export const familyLoader = byId(Family);
export const memberLoader = byId(FamilyMember);
export const roundLoader = byId(DistributionRound);
export const distributionLoader = byId(Distribution);

/** Staff names of whoever recorded each entry (staff see each other's names). */
export const staffNameLoader: LoaderFactory<string, string | undefined> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await ctx.em.find(User, { id: { $in: [...ids] } }, { fields: ['fullName'] });
    return ids.map((id) => rows.find((u) => u.id === id)?.fullName);
  });

/** The standing (non-reversed) delivery of each of many families in a round, keyed "round:family". */
export const activeDeliveryLoader: LoaderFactory<string, Distribution | undefined> = (ctx) =>
  new DataLoader(async (keys) => {
    const pairs = keys.map((k) => k.split(':'));
    const rounds = [...new Set(pairs.map((p) => p[0]))];
    const families = [...new Set(pairs.map((p) => p[1]))];
    // Deliveries and reversals share round and family, so one statement holds both.
    const rows = await ctx.em.find(Distribution, { round: { $in: rounds }, family: { $in: families } });
    const reversed = new Set(rows.filter((r) => r.reverses).map((r) => r.reverses!.id));
    const standing = rows.filter((d) => d.kind === DistributionKind.DELIVERY && !reversed.has(d.id));
    return keys.map((k) => standing.find((d) => `${d.round.id}:${d.family.id}` === k));
  });

/** The reversal entry of each of many deliveries (if any). */
export const reversalOfLoader: LoaderFactory<string, Distribution | undefined> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await ctx.em.find(Distribution, { reverses: { $in: [...ids] } });
    return ids.map((id) => rows.find((r) => r.reverses?.id === id));
  });

/** Who paid for each of many deliveries: packs and cost per funding source of the lots drawn. */
export const distributionFundingLoader: LoaderFactory<string, DistributionFunding[]> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows: { distribution_id: string; source: string; packs: number; cost: string }[] = await ctx.em.execute(
      `select m.distribution_id, l.funding_source_id as source, (-sum(m.packs))::int as packs, (-sum(m.packs::bigint * m.unit_cost))::text as cost
         from ina_stock_movement m join ina_stock_lot l on l.id = m.lot_id
        where m.distribution_id = any(?::uuid[]) group by m.distribution_id, l.funding_source_id`,
      [`{${ids.join(',')}}`],
    );
    const sources = rows.length ? await ctx.em.find(FundingSource, { id: { $in: [...new Set(rows.map((r) => r.source))] } }) : [];
    return ids.map((id) =>
      rows
        .filter((r) => r.distribution_id === id)
        .map((r) => ({ fundingSource: sources.find((s) => s.id === r.source)!, packs: Math.abs(r.packs), cost: Math.abs(Number(r.cost)) })),
    );
  });

/** Planned and delivered totals of each of many rounds, limited to the caller's kelurahan, in one statement from the month × kelurahan rollup. */
export const roundTotalsLoader: LoaderFactory<string, RoundTotals> = (ctx) =>
  new DataLoader(async (ids) => {
    const scope = ctx.user?.kelurahanCodes.length ? `{${ctx.user.kelurahanCodes.join(',')}}` : null;
    const rows: (RoundTotals & { round_id: string })[] = await ctx.em.execute(
      `select r.id as round_id, sum(x.planned_families)::int as "families", sum(x.planned_women)::int as "eligibleWomen",
              sum(x.planned_packs)::int as "plannedPacks", sum(x.families)::int as "deliveredFamilies", sum(x.packs)::int as "deliveredPacks"
         from ina_distribution_round r
         join impact.ina_month_kelurahan x on x.program_id = r.program_id and x.month = r.month
        where r.id = any(?::uuid[]) and (?::text[] is null or x.kelurahan_code = any(?::text[]))
        group by r.id`,
      [`{${ids.join(',')}}`, scope, scope],
    );
    const empty: RoundTotals = { families: 0, eligibleWomen: 0, plannedPacks: 0, deliveredFamilies: 0, deliveredPacks: 0 };
    return ids.map((id) => {
      const r = rows.find((x) => x.round_id === id);
      return r ? { families: r.families, eligibleWomen: r.eligibleWomen, plannedPacks: r.plannedPacks, deliveredFamilies: r.deliveredFamilies, deliveredPacks: r.deliveredPacks } : empty;
    });
  });

/** Deliveries and reversals of each of many families, newest first; a scoped account sees only its kelurahan. */
export const deliveriesOfFamilyLoader: LoaderFactory<string, Distribution[]> = (ctx) =>
  new DataLoader(async (ids) => {
    const codes = ctx.user?.kelurahanCodes ?? [];
    const rows = await ctx.em.find(Distribution, { family: { $in: [...ids] }, ...(codes.length ? { kelurahan: { $in: codes } } : {}) }, { orderBy: { createdAt: 'desc' } });
    return ids.map((id) => rows.filter((d) => d.family.id === id));
  });

/**
 * Each family's entries on the planned lists of OPEN rounds, in one statement for all families
 * asked (a family page's "Catat penyaluran"); a limited officer gets none outside her kelurahan.
 */
export const openPlansOfFamilyLoader: LoaderFactory<string, RoundPlanEntry[]> = (ctx) =>
  new DataLoader(async (ids) => {
    const codes = ctx.user?.kelurahanCodes ?? [];
    const rows: { round_id: string; family_id: string; kelurahan_code: string; eligible_women: number; eligible_girls: number; planned_packs: number }[] = await ctx.em.execute(
      `select p.round_id, p.family_id, p.kelurahan_code, p.eligible_women, p.eligible_girls, p.planned_packs
         from ina_round_plan p join ina_distribution_round r on r.id = p.round_id
        where r.status = 'OPEN' and p.family_id = any(?::uuid[]) and (cardinality(?::text[]) = 0 or p.kelurahan_code = any(?::text[]))
        order by r.month desc`,
      [`{${ids.join(',')}}`, `{${codes.join(',')}}`, `{${codes.join(',')}}`],
    );
    const entries = rows.map((r) =>
      Object.assign(new RoundPlanEntry(), {
        roundId: r.round_id, familyId: r.family_id, kelurahanCode: r.kelurahan_code,
        eligibleWomen: r.eligible_women, eligibleGirls: r.eligible_girls, plannedPacks: r.planned_packs,
      }),
    );
    return ids.map((id) => entries.filter((e) => e.familyId === id));
  });
