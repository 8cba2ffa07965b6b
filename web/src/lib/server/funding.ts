import type { RequestEvent } from '@sveltejs/kit';
import { translate, type Locale, type MessageKey } from '$lib/i18n';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { CoverageRowFragment, ImpactFigureFragment, ImpactTableFragment, PartnerReportQuery, TrainedGroupFragment } from '$lib/server/gql/graphql';

/** Data and helpers of the partner's funding and impact pages (dashboard, print, downloads). */
export type Figure = ImpactFigureFragment;
export type ImpactTable = ImpactTableFragment;
export type TrainedGroup = TrainedGroupFragment;
export type InaKasihCoverageRow = CoverageRowFragment;
export type InaKasihImpact = PartnerReportQuery['inaKasihImpact'];
export type PartnerReport = Omit<PartnerReportQuery, 'me'> & { period: Period; partnerName: string };
/** Which program's impact the report shows. */
export const REPORT_PROGRAMS = ['ALL', 'INA_KASIH', 'SABOAK_KOEPAN'] as const;
export type ReportProgram = (typeof REPORT_PROGRAMS)[number];
export interface Period {
  year: number;
  from: number;
  to: number;
  program: ReportProgram;
}

const REPORT = graphql(`
  query PartnerReport($year: Int!, $fromMonth: Int, $toMonth: Int, $from: LocalDate, $to: LocalDate) {
    me { partner { name } }
    fundingSources { id kind name fiscalYear }
    fundingLeverage(from: $from, to: $to) { partners { program partnerAmount programTotal leverageRatio share } }
    saboakKoepanImpact(year: $year, fromMonth: $fromMonth, toMonth: $toMonth) {
      suppressionApplied minCell partnerShareOfFunding vendorsServedInYear { ...ImpactFigure } expenditure costPerStallDay
      months { month marketDaysHeld stallDays { ...ImpactFigure } vendorsServed { ...ImpactFigure } expenditure turnover }
      stallDaysByCategory { ...ImpactTable } stallDaysByKelurahan { year rows { key label value { ...ImpactFigure } } total { ...ImpactFigure } }
      turnover previousPeriodTurnover turnoverGrowth
      trainings { trainingsHeld attendances { ...ImpactFigure } attendees { ...ImpactFigure } trained { ...TrainedGroup } notTrained { ...TrainedGroup } }
    }
    inaKasihImpact(year: $year, fromMonth: $fromMonth, toMonth: $toMonth) {
      suppressionApplied familiesReached { ...ImpactFigure } familyMonths { ...ImpactFigure } girlMonths { ...ImpactFigure }
      womanMonths { ...ImpactFigure } packsDelivered { ...ImpactFigure }
      monthsWithDeliveries monthsOfCoverage cost costPerWomanPerMonth
      months { month familiesReached { ...ImpactFigure } girlsReached { ...ImpactFigure } womenReached { ...ImpactFigure } packsDelivered { ...ImpactFigure } cost }
      ownFunding { label kind packs cost womanMonths costPerWomanPerMonth }
      coverageByKecamatan { ...CoverageRow } coverageByKelurahan { ...CoverageRow }
    }
  }
`);

/** The period in the query string (?year=2026&from=1&to=12&program=ALL); defaults to this year in WITA, both programs. */
export function readPeriod(url: URL): Period {
  const thisYear = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Makassar' }).format(new Date()));
  const num = (name: string, fallback: number, min: number, max: number) => {
    const n = Number(url.searchParams.get(name));
    return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
  };
  const year = num('year', thisYear, 2000, 2100);
  const from = num('from', 1, 1, 12);
  const to = num('to', 12, 1, 12);
  const asked = url.searchParams.get('program');
  const program = REPORT_PROGRAMS.find((p) => p === asked) ?? 'ALL';
  return { year, from: Math.min(from, to), to: Math.max(from, to), program };
}

export async function loadPartnerReport(event: RequestEvent): Promise<PartnerReport> {
  const period = readPeriod(event.url);
  const last = new Date(Date.UTC(period.year, period.to, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  const data = await gql(event, REPORT, {
    year: period.year,
    fromMonth: period.from,
    toMonth: period.to,
    from: `${period.year}-${pad(period.from)}-01`,
    to: `${period.year}-${pad(period.to)}-${pad(last)}`,
  });
  const { me, ...report } = data;
  return { ...report, period, partnerName: me.partner?.name ?? '' };
}

/** A figure as text: the number, or the word for "hidden". */
export function figureText(f: Figure, locale: Locale): string | number {
  return f.suppressed || f.value === null ? translate(locale, 'funding.suppressed') : f.value;
}

/** The report as sheets of rows (first row = header), for CSV and XLSX alike. */
export function reportSheets(r: PartnerReport, locale: Locale): { name: string; rows: (string | number)[][] }[] {
  const t = (key: MessageKey) => translate(locale, key);
  const imp = r.saboakKoepanImpact;
  const table = (tb: ImpactTable) => [
    [t('funding.name'), ...tb.months, t('funding.total')],
    ...tb.rows.map((row) => [row.label, ...row.cells.map((c) => figureText(c, locale)), figureText(row.total, locale)]),
    [t('funding.total'), ...tb.monthTotals.map((c) => figureText(c, locale)), figureText(tb.total, locale)],
  ];
  const ina = r.inaKasihImpact;
  const money = (v: number | null) => (v === null ? t('funding.suppressed') : v);
  const coverage = (rows: InaKasihCoverageRow[]) => [
    [t('funding.name'), t('impact.ina.familyMonthsPlanned'), t('impact.ina.familyMonthsReached'), t('impact.ina.womanMonthsPlanned'), t('impact.ina.womanMonthsReached'), t('impact.ina.coverage')],
    ...rows.map((c) => [c.label, figureText(c.familyMonthsPlanned, locale), figureText(c.familyMonthsReached, locale), figureText(c.womanMonthsPlanned, locale), figureText(c.womanMonthsReached, locale), c.coverage === null ? t('funding.suppressed') : c.coverage]),
  ];
  const group = (name: MessageKey, g: TrainedGroup) => [t(name), figureText(g.vendors, locale), figureText(g.vendorMarketDays, locale), money(g.averagePerMarketDay)];
  const show = (program: ReportProgram) => r.period.program === 'ALL' || r.period.program === program;
  const inaSheets = [
    {
      name: t('impact.ina.title'),
      rows: [
        [t('funding.month'), t('impact.ina.families'), t('impact.ina.girls'), t('impact.ina.women'), t('impact.ina.packs'), t('impact.ina.cost')],
        ...ina.months.map((m) => [m.month, figureText(m.familiesReached, locale), figureText(m.girlsReached, locale), figureText(m.womenReached, locale), figureText(m.packsDelivered, locale), money(m.cost)]),
        [t('funding.total'), figureText(ina.familyMonths, locale), figureText(ina.girlMonths, locale), figureText(ina.womanMonths, locale), figureText(ina.packsDelivered, locale), money(ina.cost)],
        [],
        [t('impact.ina.distinctFamilies'), figureText(ina.familiesReached, locale)],
        [t('impact.ina.monthsOfCoverage'), ina.monthsOfCoverage ?? t('funding.suppressed')],
        [t('impact.ina.costPerWoman'), money(ina.costPerWomanPerMonth)],
        ...(ina.ownFunding ? [[t('impact.ina.ownCost'), money(ina.ownFunding.cost)], [t('impact.ina.ownCostPerWoman'), money(ina.ownFunding.costPerWomanPerMonth)]] : []),
      ],
    },
    { name: t('impact.ina.sheetKecamatan'), rows: coverage(ina.coverageByKecamatan) },
    { name: t('impact.ina.sheetKelurahan'), rows: coverage(ina.coverageByKelurahan) },
  ];
  const marketSheets = [
    {
      name: t('funding.market'),
      rows: [
        [t('funding.month'), t('funding.daysHeld'), t('funding.stallDays'), t('funding.vendors'), t('funding.expenditure'), t('impact.turnover')],
        ...imp.months.map((m) => [m.month, m.marketDaysHeld, figureText(m.stallDays, locale), figureText(m.vendorsServed, locale), m.expenditure, money(m.turnover)]),
      ],
    },
    {
      name: t('impact.sheetTurnoverTrainings'),
      rows: [
        [t('impact.turnover'), money(imp.turnover)],
        [t('impact.previousTurnover'), money(imp.previousPeriodTurnover)],
        [t('impact.growth'), imp.turnoverGrowth ?? t('funding.suppressed')],
        [],
        [t('impact.trainingsHeld'), imp.trainings.trainingsHeld],
        [t('impact.attendances'), figureText(imp.trainings.attendances, locale)],
        [t('impact.attendees'), figureText(imp.trainings.attendees, locale)],
        [],
        ['', t('funding.vendors'), t('impact.vendorMarketDays'), t('impact.averagePerDay')],
        group('impact.trained', imp.trainings.trained),
        group('impact.notTrained', imp.trainings.notTrained),
      ],
    },
    { name: t('funding.stallDays').slice(0, 20) + ' - kategori', rows: table(imp.stallDaysByCategory) },
    {
      name: t('funding.stallDays').slice(0, 20) + ' - kelurahan',
      rows: [
        [t('funding.name'), String(imp.stallDaysByKelurahan.year)],
        ...imp.stallDaysByKelurahan.rows.map((row) => [row.label, figureText(row.value, locale)]),
        [t('funding.total'), figureText(imp.stallDaysByKelurahan.total, locale)],
      ],
    },
  ];
  return [
    ...(show('INA_KASIH') ? inaSheets : []),
    ...(show('SABOAK_KOEPAN') ? marketSheets : []),
    {
      name: t('funding.leverage').slice(0, 30),
      rows: [
        [t('funding.program'), t('funding.partnerAmount'), t('funding.programTotal'), t('funding.ratio'), t('funding.share')],
        ...r.fundingLeverage.partners.map((p) => [t(`funding.program.${p.program}` as MessageKey), p.partnerAmount, p.programTotal, p.leverageRatio, p.share]),
      ],
    },
  ];
}
