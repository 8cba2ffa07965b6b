import type { RequestEvent } from '@sveltejs/kit';
import { translate, type Locale, type MessageKey } from '$lib/i18n';
import { gql } from '$lib/server/graphql';

/** Data and helpers of the partner's funding and impact pages (dashboard, print, downloads). */
export interface Figure {
  value: number | null;
  suppressed: boolean;
}
export interface ImpactTable {
  months: string[];
  rows: { key: string; label: string; cells: Figure[]; total: Figure }[];
  monthTotals: Figure[];
  total: Figure;
}
export interface YearCoverage {
  year: number;
  rows: { key: string; label: string; value: Figure }[];
  total: Figure;
}
export interface PartnerReport {
  period: Period;
  partnerName: string;
  fundingSources: { id: string; kind: string; name: string; fiscalYear: number }[];
  fundingLeverage: { partners: { program: string; partnerAmount: number; programTotal: number; leverageRatio: number; share: number }[] };
  saboakKoepanImpact: {
    suppressionApplied: boolean;
    minCell: number;
    partnerShareOfFunding: number | null;
    vendorsServedInYear: Figure;
    expenditure: number;
    costPerStallDay: number | null;
    months: { month: string; marketDaysHeld: number; stallDays: Figure; vendorsServed: Figure; expenditure: number; turnover: number | null }[];
    stallDaysByCategory: ImpactTable;
    stallDaysByKelurahan: YearCoverage;
    turnover: number | null;
    previousPeriodTurnover: number | null;
    turnoverGrowth: number | null;
    trainings: {
      trainingsHeld: number;
      attendances: Figure;
      attendees: Figure;
      trained: TrainedGroup;
      notTrained: TrainedGroup;
    };
  };
  inaKasihImpact: InaKasihImpact;
}
export interface TrainedGroup {
  vendors: Figure;
  vendorMarketDays: Figure;
  averagePerMarketDay: number | null;
}
export interface InaKasihFundingShare {
  label: string;
  kind: string;
  packs: number;
  cost: number;
  womanMonths: number | null;
  costPerWomanPerMonth: number | null;
}
export interface InaKasihCoverageRow {
  key: string;
  label: string;
  parentKey: string | null;
  familyMonthsPlanned: Figure;
  familyMonthsReached: Figure;
  womanMonthsPlanned: Figure;
  womanMonthsReached: Figure;
  coverage: number | null;
}
export interface InaKasihImpact {
  suppressionApplied: boolean;
  familiesReached: Figure;
  familyMonths: Figure;
  girlMonths: Figure;
  womanMonths: Figure;
  packsDelivered: Figure;
  monthsWithDeliveries: number;
  monthsOfCoverage: number | null;
  cost: number | null;
  costPerWomanPerMonth: number | null;
  months: { month: string; familiesReached: Figure; girlsReached: Figure; womenReached: Figure; packsDelivered: Figure; cost: number | null }[];
  ownFunding: InaKasihFundingShare | null;
  coverageByKecamatan: InaKasihCoverageRow[];
  coverageByKelurahan: InaKasihCoverageRow[];
}
/** Which program's impact the report shows. */
export const REPORT_PROGRAMS = ['ALL', 'INA_KASIH', 'SABOAK_KOEPAN'] as const;
export type ReportProgram = (typeof REPORT_PROGRAMS)[number];
export interface Period {
  year: number;
  from: number;
  to: number;
  program: ReportProgram;
}

const FIG = 'value suppressed';
const TABLE = `months rows { key label cells { ${FIG} } total { ${FIG} } } monthTotals { ${FIG} } total { ${FIG} }`;
const GROUP = `vendors { ${FIG} } vendorMarketDays { ${FIG} } averagePerMarketDay`;
const SHARE = 'label kind packs cost womanMonths costPerWomanPerMonth';
const COVERAGE = `key label parentKey familyMonthsPlanned { ${FIG} } familyMonthsReached { ${FIG} } womanMonthsPlanned { ${FIG} } womanMonthsReached { ${FIG} } coverage`;
const REPORT = /* GraphQL */ `
  query PartnerReport($year: Int!, $fromMonth: Int, $toMonth: Int, $from: LocalDate, $to: LocalDate) {
    me { partner { name } }
    fundingSources { id kind name fiscalYear }
    fundingLeverage(from: $from, to: $to) { partners { program partnerAmount programTotal leverageRatio share } }
    saboakKoepanImpact(year: $year, fromMonth: $fromMonth, toMonth: $toMonth) {
      suppressionApplied minCell partnerShareOfFunding vendorsServedInYear { ${FIG} } expenditure costPerStallDay
      months { month marketDaysHeld stallDays { ${FIG} } vendorsServed { ${FIG} } expenditure turnover }
      stallDaysByCategory { ${TABLE} } stallDaysByKelurahan { year rows { key label value { ${FIG} } } total { ${FIG} } }
      turnover previousPeriodTurnover turnoverGrowth
      trainings { trainingsHeld attendances { ${FIG} } attendees { ${FIG} } trained { ${GROUP} } notTrained { ${GROUP} } }
    }
    inaKasihImpact(year: $year, fromMonth: $fromMonth, toMonth: $toMonth) {
      suppressionApplied familiesReached { ${FIG} } familyMonths { ${FIG} } girlMonths { ${FIG} } womanMonths { ${FIG} } packsDelivered { ${FIG} }
      monthsWithDeliveries monthsOfCoverage cost costPerWomanPerMonth
      months { month familiesReached { ${FIG} } girlsReached { ${FIG} } womenReached { ${FIG} } packsDelivered { ${FIG} } cost }
      ownFunding { ${SHARE} }
      coverageByKecamatan { ${COVERAGE} } coverageByKelurahan { ${COVERAGE} }
    }
  }
`;

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
  const data = await gql<Omit<PartnerReport, 'period' | 'partnerName'> & { me: { partner: { name: string } | null } }>(event, REPORT, {
    year: period.year,
    fromMonth: period.from,
    toMonth: period.to,
    from: `${period.year}-${pad(period.from)}-01`,
    to: `${period.year}-${pad(period.to)}-${pad(last)}`,
  });
  return { ...data, period, partnerName: data.me.partner?.name ?? '' };
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
        ...(ina.ownFunding ? [[t('impact.ina.ownCost'), ina.ownFunding.cost], [t('impact.ina.ownCostPerWoman'), money(ina.ownFunding.costPerWomanPerMonth)]] : []),
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
