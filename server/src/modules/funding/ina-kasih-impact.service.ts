import type { RequestContext } from '../../graphql/context';
import { AppError } from '../../platform/app-error';
import { kelurahanScope } from '../../graphql/kelurahan-scope';
import { isUuid } from '../../platform/refusal';
import { FundingSourceKind } from './funding.enums';
import { partnerScope } from './funding.service';
import { ImpactErrors } from './impact.errors';
import { impactPeriod, seesExact } from './market-impact.service';
import { exact, exactTable, protectColumns, single, sliceColumns, sumOf, type Figure, type ProtectedTable } from './suppression';
import { lastPublishedMonth } from './publication';
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
  by_source: boolean;
  m: number;
  id: string | null;
  label: string | null;
  kind: FundingSourceKind | null;
  own: boolean;
  packs: number;
  cost: string;
  wm: number;
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
  const period = impactPeriod(args);
  const { year, from } = period;
  const programId = args.programId ?? null;
  if (programId && !isUuid(programId)) throw new AppError(ImpactErrors.IMPACT_UNKNOWN_PROGRAM);
  const minCell = ctx.config.impactMinCell;
  // A kelurahan-limited officer: exact figures, of her kelurahan only (she may see those families one by one).
  const codes = kelurahanScope(ctx);
  const scope = codes ? `{${codes.join(',')}}` : null;
  const protect = !seesExact(ctx) && !scope;
  // Programs add up to the whole: published by program beside the total, one program's hidden cell
  // would be the total's minus the others'. Partners get the whole only.
  if (protect && programId) throw new AppError(ImpactErrors.IMPACT_PROGRAM_BREAKDOWN_NOT_PUBLISHED);
  const partner = partnerScope(ctx) ?? null;
  const conn = ctx.em.getConnection();
  const start = `${year}-01-01`;
  const end = `${year + 1}-01-01`;
  const periodStart = `${year}-${String(from).padStart(2, '0')}-01`;
  const periodEnd = period.to === 12 ? end : `${year}-${String(period.to + 1).padStart(2, '0')}-01`;
  const [published, allCells, sources, reach] = await Promise.all([
    protect ? lastPublishedMonth(ctx, year) : Promise.resolve(12),
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
      `select grouping(s.funding_source_id) = 0 as by_source, extract(month from s.month)::int as m,
              s.funding_source_id as id, max(f.name) as label, max(f.kind) as kind, coalesce(bool_or(f.partner_id = ?::uuid), false) as own,
              sum(s.packs)::int as packs, sum(s.cost)::bigint as cost, sum(s.woman_months)::float8 as wm
         from impact.ina_month_source s join funding_source f on f.id = s.funding_source_id
        where s.month >= ?::date and s.month < ?::date and (?::uuid is null or s.program_id = ?::uuid)
          and (?::text[] is null or s.kelurahan_code = any(?::text[]))
        group by grouping sets ((s.month), (s.month, s.funding_source_id))`,
      [partner, start, end, programId, programId, scope, scope],
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
          [year, from, period.to, programId, programId],
        ),
  ]);

  // Published figures end at the last published month (see publication.ts); an empty range shows nothing.
  const to = Math.max(Math.min(period.to, published), from - 1);
  const cells = allCells.filter((c) => c.m <= published);
  const inRange = (m: number) => m >= from && m <= to && m <= published;
  // Kelurahan × month tables, each month protected on its own (partners) or exact (staff).
  const regions = [...new Map(cells.map((c) => [c.kel, { key: c.kel, label: c.kel_label, parentKey: c.kec, parentLabel: c.kec_label ?? c.kec ?? '' }])).values()];
  regions.sort((a, b) => a.parentLabel.localeCompare(b.parentLabel) || a.label.localeCompare(b.label));
  const at = new Map(cells.map((c) => [`${c.kel}|${c.m}`, c]));
  const values = (measure: Measure) => regions.map((r) => Array.from({ length: published }, (_, i) => at.get(`${r.key}|${i + 1}`)?.[measure] ?? 0));
  const tables = Object.fromEntries(
    MEASURES.map((measure) => {
      const whole: ProtectedTable = regions.length ? (protect ? protectColumns(values(measure), minCell) : exactTable(values(measure))) : emptyTable(published);
      return [measure, sliceColumns(whole, from - 1, to - 1)];
    }),
  ) as Record<Measure, ProtectedTable>;

  const bySourceMonth = new Map(sources.filter((s) => !s.by_source).map((s) => [s.m, s]));
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
  const cost = packsDelivered.suppressed ? null : months.reduce((sum, m) => sum + (m.cost ?? 0), 0);
  const allWomen = sumOf([girlMonths, womanMonths]);
  const distinct = reach[0]?.families ?? 0;
  // Different families over a period: for a partner only for a whole published year (distinct counts
  // of overlapping periods, or of a year still growing month by month, could be differenced).
  const familiesReached = !protect ? exact(distinct) : from === 1 && to === 12 && published === 12 ? single(distinct, minCell) : hiddenFigure;
  const { ownFunding, byFundingSource } = fundingShares(sources, { protect, partner: !!partner, minCell, published, inRange });

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

function emptyTable(months: number): ProtectedTable {
  return { cells: [], rowTotals: [], columnTotals: Array.from({ length: months }, () => exact(0)), total: exact(0) };
}

/**
 * What each funding source paid for in the period. Staff see every source exactly. A partner sees
 * its own sources only, as a table of woman-months (source × month, each month protected on its own,
 * a split delivery's fraction counted as at least one); packs and cost follow the same cells, since
 * the public rule (packs per woman per month) and the unit cost turn either into woman-months.
 */
function fundingShares(
  sources: SourceRow[],
  o: { protect: boolean; partner: boolean; minCell: number; published: number; inRange: (m: number) => boolean },
): { ownFunding: InaKasihFundingShare | null; byFundingSource: InaKasihFundingShare[] } {
  const perSource = new Map<string, { label: string; kind: FundingSourceKind; own: boolean; rows: SourceRow[] }>();
  for (const s of sources.filter((x) => x.by_source && x.m <= o.published)) {
    const entry = perSource.get(s.id!) ?? { label: s.label ?? '', kind: s.kind ?? FundingSourceKind.OTHER, own: false, rows: [] };
    entry.own ||= s.own;
    entry.rows.push(s);
    perSource.set(s.id!, entry);
  }
  const share = (id: string | null, label: string, kind: FundingSourceKind, packs: number | null, rupiah: number | null, wm: number | null): InaKasihFundingShare => ({
    fundingSourceId: id,
    label,
    kind,
    packs,
    cost: rupiah,
    womanMonths: wm === null ? null : Math.round(wm * 100) / 100,
    costPerWomanPerMonth: wm === null || rupiah === null || wm <= 0 ? null : Math.round(rupiah / wm),
  });
  const byLabel = (a: InaKasihFundingShare, b: InaKasihFundingShare) => a.label.localeCompare(b.label);
  if (!o.protect) {
    const byFundingSource = [...perSource].map(([id, s]) => {
      const rows = s.rows.filter((r) => o.inRange(r.m));
      const sum = (f: (r: SourceRow) => number) => rows.reduce((x, r) => x + f(r), 0);
      return share(id, s.label, s.kind, sum((r) => r.packs), sum((r) => Number(r.cost)), sum((r) => r.wm));
    });
    return { ownFunding: null, byFundingSource: byFundingSource.sort(byLabel) };
  }
  // A partner: its own sources only; another partner's figures are never shown.
  const own = [...perSource].filter(([, s]) => s.own);
  const months = Array.from({ length: o.published }, (_, i) => i + 1);
  const cell = (rows: SourceRow[], m: number) => rows.find((r) => r.m === m);
  const womanMonths = (wm: number) => (wm > 0 ? Math.max(1, Math.round(wm)) : 0);
  const table = protectColumns(
    own.map(([, s]) => months.map((m) => womanMonths(cell(s.rows, m)?.wm ?? 0))),
    o.minCell,
  );
  const shownMonths = months.filter(o.inRange);
  /** The sum over the period of the cells of some own sources; null when any of them is hidden. */
  const sum = (which: number[], f: (r: SourceRow | undefined, shownWm: number) => number): number | null => {
    let total = 0;
    for (const i of which)
      for (const m of shownMonths) {
        const fig = table.cells[i][m - 1];
        if (fig.suppressed) return null;
        total += f(cell(own[i][1].rows, m), fig.value ?? 0);
      }
    return total;
  };
  const figures = (which: number[]) => [sum(which, (r) => r?.packs ?? 0), sum(which, (r) => Number(r?.cost ?? 0)), sum(which, (_, wm) => wm)] as const;
  const byFundingSource = own.map(([id, s], i) => share(id, s.label, s.kind, ...figures([i])));
  return { ownFunding: share(null, 'CSR', FundingSourceKind.CSR, ...figures(own.map((_, i) => i))), byFundingSource: byFundingSource.sort(byLabel) };
}
