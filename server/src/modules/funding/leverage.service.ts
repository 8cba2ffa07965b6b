import type { RequestContext } from '../../graphql/context';
import { AppError } from '../../platform/app-error';
import { FundedProgram, FundingSourceKind, FundingTransactionType } from './funding.enums';
import { partnerLoader } from '../partner/partner.loaders';
import { partnerScope } from './funding.service';
import type { FundingLeverage, FundingLeverageArgs, PartnerLeverage, ProgramFundingTotal } from './funding.types';

interface Row {
  row: 'kind' | 'partner';
  program: FundedProgram;
  kind: FundingSourceKind;
  partner_id: string | null;
  amount: string;
  program_total: string;
}

/** Checks an optional period and returns it for SQL (null = open end). */
export function period(from?: string, to?: string): [string | null, string | null] {
  if (from && to && (from > to || Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 10)) throw new AppError('FUNDING_INVALID_PERIOD');
  return [from ?? null, to ?? null];
}

/**
 * Leverage: per program, how many rupiah from every other source (other partners, APBD, DAK)
 * came with each rupiah of a partner. Net of reversals, in one aggregate statement plus one
 * batched partner load. A partner sees its own lines and the program totals by kind only.
 */
export async function fundingLeverage(ctx: RequestContext, args: FundingLeverageArgs): Promise<FundingLeverage> {
  const basis = args.basis ?? FundingTransactionType.DISBURSEMENT;
  const [from, to] = period(args.from, args.to);
  const scope = partnerScope(ctx) ?? null;
  const rows: Row[] = await ctx.em.getConnection().execute(
    `with net as (
       select t.program, s.kind, s.partner_id, sum(t.amount)::bigint as amount
         from funding_transaction t join funding_source s on s.id = t.source_id
        where t.type = ? and (?::date is null or t.value_date >= ?::date) and (?::date is null or t.value_date <= ?::date)
        group by t.program, s.kind, s.partner_id),
     tot as (select program, sum(amount)::bigint as total from net group by program)
     select 'kind' as row, n.program, n.kind, null::uuid as partner_id, sum(n.amount)::bigint as amount, t.total as program_total
       from net n join tot t using (program) group by n.program, n.kind, t.total
     union all
     select 'partner', n.program, n.kind, n.partner_id, n.amount, t.total
       from net n join tot t using (program)
      where n.kind = 'CSR' and (?::uuid is null or n.partner_id = ?::uuid)
     order by 1, 2, 3`,
    [basis, from, from, to, to, scope, scope],
  );
  const totals: ProgramFundingTotal[] = rows.filter((r) => r.row === 'kind').map((r) => ({ program: r.program, kind: r.kind, amount: Number(r.amount) }));
  const partnerRows = rows.filter((r) => r.row === 'partner' && Number(r.amount) !== 0);
  const partners = await Promise.all(partnerRows.map((r) => ctx.loaders.get(partnerLoader).load(r.partner_id!)));
  const lines: PartnerLeverage[] = partnerRows.map((r, i) => {
    const own = Number(r.amount);
    const total = Number(r.program_total);
    return {
      program: r.program,
      partner: partners[i]!,
      partnerAmount: own,
      programTotal: total,
      matchedAmount: total - own,
      leverageRatio: own > 0 ? (total - own) / own : 0,
      share: total > 0 ? own / total : 0,
    };
  });
  lines.sort((a, b) => a.program.localeCompare(b.program) || a.partner.name.localeCompare(b.partner.name));
  return { basis, totals, partners: lines };
}
