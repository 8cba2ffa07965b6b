import type { RequestContext } from '../../graphql/context';
import { AppError } from '../../platform/app-error';
import { kelurahanScope } from '../../graphql/kelurahan-scope';
import { isUuid } from '../market/market.guard';
import { FundingSourceKind } from './funding.enums';
import { partnerScope } from './funding.service';
import { ImpactErrors } from './impact.errors';
import { impactPeriod, seesExact } from './market-impact.service';
import { exact, exactTable, protectTable, single, sliceColumns, sumOf, type Figure, type ProtectedTable } from './suppression';
import type { InaKasihCoverageRow, InaKasihFundingShare, InaKasihImpact, InaKasihImpactArgs } from './ina-kasih-impact.types';

interface CellRow {
  m: number;
  kel: string;
  kel_label: string;
  kec: string | null;
  kec_label: string | null;
  pf: number;
  pw: number;
  f: number;
  g: number;
  w: number;
  packs: number;
}

interface SourceRow {
  by_month: boolean;
  by_source: boolean;
  m: number | null;
  id: string | null;
  label: string | null;
  kind: FundingSourceKind | null;
  packs: number;
  cost: string;
  wm: number;
  own_packs: number;
  own_cost: string;
  own_wm: number;
}

const MEASURES = ['pf', 'pw', 'f', 'g', 'w'] as const;
type Measure = (typeof MEASURES)[number];

const ratio = (num: Figure, den: Figure, digits = 4): number | null =>
  num.suppressed || den.suppressed || !den.value ? null : Math.round(((num.value ?? 0) / den.value) * 10 ** digits) / 10 ** digits;
const hiddenFigure: Figure = { value: null, suppressed: true };

/**
 * Ina Kasih impact from the rollups of schema "impact" (Migration20261130020000): three aggregate
 * statements whatever the number of families and deliveries. Like the market report, the
 * kelurahan × month tables a partner sees are protected over the whole year and then cut to the
 * months asked for; every other figure is a sum of published figures (hidden when a part is),
 * so overlapping periods reveal nothing a single query would not.
 */
export async function inaKasihImpact(ctx: RequestContext, args: InaKasihImpactArgs): Promise<InaKasihImpact> {
  const { year, from, to } = impactPeriod(args);
  const programId = args.programId ?? null;
  if (programId && !isUuid(programId)) throw new AppError(ImpactErrors.IMPACT_UNKNOWN_PROGRAM);
  const minCell = ctx.config.impactMinCell;
  // A kelurahan-limited officer: exact figures, of her kelurahan only (she may see those families one by one).
  const codes = kelurahanScope(ctx);
  const scope = codes ? `{${codes.join(',')}}` : null;
  const protect = !seesExact(ctx) && !scope;
  const partner = partnerScope(ctx) ?? null;
  const conn = ctx.em.getConnection();
  const start = `${year}-01-01`;
  const end = `${year + 1}-01-01`;
  const periodStart = `${year}-${String(from).padStart(2, '0')}-01`;
  const periodEnd = to === 12 ? end : `${year}-${String(to + 1).padStart(2, '0')}-01`;
  const [cells, sources, reach] = await Promise.all([
    conn.execute<CellRow[]>(
      `select extract(month from c.month)::int as m, c.kelurahan_code as kel, k.name as kel_label, k.parent_code as kec, p.name as kec_label,
              sum(c.planned_families)::int as pf, sum(c.planned_women)::int as pw, sum(c.families)::int as f,
              sum(c.girls)::int as g, sum(c.women - c.girls)::int as w, sum(c.packs)::int as packs
         from impact.ina_month_kelurahan c join region k on k.code = c.kelurahan_code left join region p on p.code = k.parent_code
        where c.month >= ?::date and c.month < ?::date and (?::uuid is null or c.program_id = ?::uuid)
          and (?::text[] is null or c.kelurahan_code = any(?::text[]))
        group by 1, 2, 3, 4, 5`,
      [start, end, programId, programId, scope, scope],
    ),
    conn.execute<SourceRow[]>(
      `select grouping(s.month) = 0 as by_month, grouping(s.funding_source_id) = 0 as by_source, extract(month from s.month)::int as m,
              s.funding_source_id as id, max(f.name) as label, max(f.kind) as kind,
              sum(s.packs)::int as packs, sum(s.cost)::bigint as cost, sum(s.woman_months)::float8 as wm,
              coalesce(sum(s.packs) filter (where f.partner_id = ?::uuid), 0)::int as own_packs,
              coalesce(sum(s.cost) filter (where f.partner_id = ?::uuid), 0)::bigint as own_cost,
              coalesce(sum(s.woman_months) filter (where f.partner_id = ?::uuid), 0)::float8 as own_wm
         from impact.ina_month_source s join funding_source f on f.id = s.funding_source_id
        where s.month >= ?::date and s.month < ?::date and (?::uuid is null or s.program_id = ?::uuid)
          and (?::text[] is null or s.kelurahan_code = any(?::text[]))
        group by grouping sets ((s.month), (s.funding_source_id), ())`,
      [partner, partner, partner, periodStart, periodEnd, programId, programId, scope, scope],
    ),
    // The city-wide count of different families is kept per month range; a kelurahan's is counted from its deliveries.
    scope
      ? conn.execute<{ families: number }[]>(
          `select count(distinct d.family_id)::int as families
             from ina_distribution d join ina_distribution_round r on r.id = d.round_id
            where d.kind = 'DELIVERY' and d.kelurahan_code = any(?::text[]) and r.month >= ?::date and r.month < ?::date
              and (?::uuid is null or r.program_id = ?::uuid) and not exists (select 1 from ina_distribution x where x.reverses_id = d.id)`,
          [scope, periodStart, periodEnd, programId, programId],
        )
      : conn.execute<{ families: number }[]>(
          `select coalesce(sum(families), 0)::int as families from impact.ina_reach_range
            where year = ? and from_month = ? and to_month = ? and (?::uuid is null or program_id = ?::uuid)`,
          [year, from, to, programId, programId],
        ),
  ]);

  // Kelurahan × month tables over the whole year, protected (partners) or exact (staff).
  const regions = [...new Map(cells.map((c) => [c.kel, { key: c.kel, label: c.kel_label, parentKey: c.kec, parentLabel: c.kec_label ?? c.kec ?? '' }])).values()];
  regions.sort((a, b) => a.parentLabel.localeCompare(b.parentLabel) || a.label.localeCompare(b.label));
  const at = new Map(cells.map((c) => [`${c.kel}|${c.m}`, c]));
  const values = (measure: Measure) => regions.map((r) => Array.from({ length: 12 }, (_, i) => at.get(`${r.key}|${i + 1}`)?.[measure] ?? 0));
  const tables = Object.fromEntries(
    MEASURES.map((measure) => {
      const whole: ProtectedTable = regions.length ? (protect ? protectTable(values(measure), minCell) : exactTable(values(measure))) : emptyTable();
      return [measure, sliceColumns(whole, from - 1, to - 1)];
    }),
  ) as Record<Measure, ProtectedTable>;

  const bySourceMonth = new Map(sources.filter((s) => s.by_month).map((s) => [s.m!, s]));
  const grand = sources.find((s) => !s.by_month && !s.by_source);
  const months = Array.from({ length: to - from + 1 }, (_, i) => {
    const m = from + i;
    const [f, g, w] = [tables.f.columnTotals[i], tables.g.columnTotals[i], tables.w.columnTotals[i]];
    const packsTotal = bySourceMonth.get(m)?.packs ?? 0;
    // Packs (about 2 per woman) and their cost would let a hidden women or girls total be worked out.
    const packs = !protect || (!g.suppressed && !w.suppressed) ? exact(packsTotal) : hiddenFigure;
    return {
      month: `${year}-${String(m).padStart(2, '0')}`,
      familiesReached: f,
      girlsReached: g,
      womenReached: w,
      packsDelivered: packs,
      cost: packs.suppressed ? null : Number(bySourceMonth.get(m)?.cost ?? 0),
    };
  });
  const familyMonths = sumOf(months.map((m) => m.familiesReached));
  const girlMonths = sumOf(months.map((m) => m.girlsReached));
  const womanMonths = sumOf(months.map((m) => m.womenReached));
  const packsDelivered = sumOf(months.map((m) => m.packsDelivered));
  const cost = packsDelivered.suppressed ? null : Number(grand?.cost ?? 0);
  const allWomen = sumOf([girlMonths, womanMonths]);
  const distinct = reach[0]?.families ?? 0;
  const familiesReached = !protect ? exact(distinct) : from === 1 && to === 12 ? single(distinct, minCell) : hiddenFigure;

  const share = (id: string | null, label: string, kind: FundingSourceKind, packs: number, rupiah: number, wm: number): InaKasihFundingShare => {
    const shownWm = protect ? single(Math.round(wm), minCell) : exact(Math.round(wm));
    return {
      fundingSourceId: id,
      label,
      kind,
      packs,
      cost: rupiah,
      womanMonths: shownWm.suppressed ? null : Math.round(wm * 100) / 100,
      costPerWomanPerMonth: shownWm.suppressed || wm <= 0 ? null : Math.round(rupiah / wm),
    };
  };
  const ownFunding = partner ? share(null, 'CSR', FundingSourceKind.CSR, grand?.own_packs ?? 0, Number(grand?.own_cost ?? 0), grand?.own_wm ?? 0) : null;
  // A partner sees its own sources only; another partner's cost is never shown on its own.
  const byFundingSource = sources
    .filter((s) => s.by_source && (!partner || s.own_packs !== 0 || Number(s.own_cost) !== 0))
    .map((s) => share(s.id, s.label ?? '', s.kind ?? FundingSourceKind.OTHER, s.packs, Number(s.cost), s.wm))
    .sort((a, b) => a.label.localeCompare(b.label));

  const coverageRow = (key: string, label: string, parentKey: string | null, idx: number[]): InaKasihCoverageRow => {
    const sum = (t: ProtectedTable) => sumOf(idx.map((i) => t.rowTotals[i]));
    const planned = sum(tables.pf);
    const reached = sum(tables.f);
    return {
      key,
      label,
      parentKey,
      familyMonthsPlanned: planned,
      familyMonthsReached: reached,
      womanMonthsPlanned: sum(tables.pw),
      womanMonthsReached: sumOf([sum(tables.g), sum(tables.w)]),
      coverage: ratio(reached, planned),
    };
  };
  const coverageByKelurahan = regions.map((r, i) => coverageRow(r.key, r.label, r.parentKey, [i]));
  const kecamatan = [...new Map(regions.map((r) => [r.parentKey ?? '', r.parentLabel])).entries()];
  const coverageByKecamatan = kecamatan.map(([key, label]) =>
    coverageRow(key, label, null, regions.flatMap((r, i) => ((r.parentKey ?? '') === key ? [i] : []))),
  );

  return {
    year,
    fromMonth: from,
    toMonth: to,
    suppressionApplied: protect,
    minCell,
    months,
    familiesReached,
    familyMonths,
    girlMonths,
    womanMonths,
    packsDelivered,
    monthsWithDeliveries: new Set(cells.filter((c) => c.f > 0 && c.m >= from && c.m <= to).map((c) => c.m)).size,
    monthsOfCoverage: ratio(familyMonths, familiesReached, 2),
    cost,
    costPerWomanPerMonth: cost === null || allWomen.suppressed || !allWomen.value ? null : Math.round(cost / allWomen.value),
    ownFunding,
    byFundingSource,
    coverageByKecamatan,
    coverageByKelurahan,
  };
}

function emptyTable(): ProtectedTable {
  return { cells: [], rowTotals: [], columnTotals: Array.from({ length: 12 }, () => exact(0)), total: exact(0) };
}
