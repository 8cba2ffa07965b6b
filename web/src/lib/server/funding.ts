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
    months: { month: string; marketDaysHeld: number; stallDays: Figure; vendorsServed: Figure; expenditure: number }[];
    stallDaysByCategory: ImpactTable;
    stallDaysByKelurahan: YearCoverage;
  };
}
export interface Period {
  year: number;
  from: number;
  to: number;
}

const FIG = 'value suppressed';
const TABLE = `months rows { key label cells { ${FIG} } total { ${FIG} } } monthTotals { ${FIG} } total { ${FIG} }`;
const REPORT = /* GraphQL */ `
  query PartnerReport($year: Int!, $fromMonth: Int, $toMonth: Int, $from: LocalDate, $to: LocalDate) {
    me { partner { name } }
    fundingSources { id kind name fiscalYear }
    fundingLeverage(from: $from, to: $to) { partners { program partnerAmount programTotal leverageRatio share } }
    saboakKoepanImpact(year: $year, fromMonth: $fromMonth, toMonth: $toMonth) {
      suppressionApplied minCell partnerShareOfFunding vendorsServedInYear { ${FIG} } expenditure costPerStallDay
      months { month marketDaysHeld stallDays { ${FIG} } vendorsServed { ${FIG} } expenditure }
      stallDaysByCategory { ${TABLE} } stallDaysByKelurahan { year rows { key label value { ${FIG} } } total { ${FIG} } }
    }
  }
`;

/** The period in the query string (?year=2026&from=1&to=12); defaults to this year in WITA. */
export function readPeriod(url: URL): Period {
  const thisYear = Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Makassar' }).format(new Date()));
  const num = (name: string, fallback: number, min: number, max: number) => {
    const n = Number(url.searchParams.get(name));
    return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
  };
  const year = num('year', thisYear, 2000, 2100);
  const from = num('from', 1, 1, 12);
  const to = num('to', 12, 1, 12);
  return { year, from: Math.min(from, to), to: Math.max(from, to) };
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
  return [
    {
      name: t('funding.market'),
      rows: [
        [t('funding.month'), t('funding.daysHeld'), t('funding.stallDays'), t('funding.vendors'), t('funding.expenditure')],
        ...imp.months.map((m) => [m.month, m.marketDaysHeld, figureText(m.stallDays, locale), figureText(m.vendorsServed, locale), m.expenditure]),
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
    {
      name: t('funding.leverage').slice(0, 30),
      rows: [
        [t('funding.program'), t('funding.partnerAmount'), t('funding.programTotal'), t('funding.ratio'), t('funding.share')],
        ...r.fundingLeverage.partners.map((p) => [t(`funding.program.${p.program}` as MessageKey), p.partnerAmount, p.programTotal, p.leverageRatio, p.share]),
      ],
    },
  ];
}
