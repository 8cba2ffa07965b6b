import type { RequestEvent } from '@sveltejs/kit';
import { formatMonth } from '$lib/components/city/month';
import { translate, type Locale, type MessageKey } from '$lib/i18n';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { CityReportQuery, ImpactFigureFragment } from '$lib/server/gql/graphql';
import { readPeriod, type Period } from '$lib/server/funding';
import type { Sheet } from '$lib/server/sheets';

/** The city dashboard's data: both programs' impact, exact for leadership, staff and administrators. */
export type CityReport = CityReportQuery & { period: Period; scope: string[] };

const CITY_REPORT = graphql(`
  query CityReport($year: Int!, $fromMonth: Int, $toMonth: Int) {
    me { kelurahanScope { name } }
    inaKasihImpact(year: $year, fromMonth: $fromMonth, toMonth: $toMonth) {
      suppressionApplied familiesReached { ...ImpactFigure } womanMonths { ...ImpactFigure } packsDelivered { ...ImpactFigure }
      monthsOfCoverage cost costPerWomanPerMonth
      months { month familiesReached { ...ImpactFigure } packsDelivered { ...ImpactFigure } }
      byFundingSource { label kind packs cost }
      coverageByKecamatan { key label familyMonthsPlanned { ...ImpactFigure } familyMonthsReached { ...ImpactFigure } coverage }
    }
    saboakKoepanImpact(year: $year, fromMonth: $fromMonth, toMonth: $toMonth) {
      suppressionApplied vendorsServedInYear { ...ImpactFigure } expenditure turnover turnoverGrowth
      months { month marketDaysHeld vendorsServed { ...ImpactFigure } turnover }
      trainings { trainingsHeld attendees { ...ImpactFigure } trained { ...TrainedGroup } notTrained { ...TrainedGroup } }
    }
  }
`);

/** Loads the report for the period in the query string (?year=2025&from=6&to=7); the API applies the caller's kelurahan scope. */
export async function loadCityReport(event: RequestEvent): Promise<CityReport> {
  const period = readPeriod(event.url);
  const data = await gql(event, CITY_REPORT, { year: period.year, fromMonth: period.from, toMonth: period.to });
  return { ...data, period, scope: data.me.kelurahanScope.map((k) => k.name) };
}

/** A figure as a number, or the word for "hidden" (a limited officer's market figures are published ones). */
export function cityFigure(f: ImpactFigureFragment | null | undefined, locale: Locale): string | number {
  return !f || f.suppressed || f.value === null ? translate(locale, 'city.hidden') : f.value;
}

/** One row per month of the period: both programs side by side. */
export function cityMonths(r: CityReport) {
  const months = new Map<string, { ina?: CityReport['inaKasihImpact']['months'][number]; market?: CityReport['saboakKoepanImpact']['months'][number] }>();
  for (const m of r.inaKasihImpact.months) months.set(m.month, { ...months.get(m.month), ina: m });
  for (const m of r.saboakKoepanImpact.months) months.set(m.month, { ...months.get(m.month), market: m });
  return [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, v]) => ({ month, ...v }));
}

/** The period as people read it: "Juni 2025 – Juli 2025". */
export function periodText(p: Period, locale: Locale): string {
  return translate(locale, 'city.periodText', { from: formatMonth({ year: p.year, month: p.from }, locale), to: formatMonth({ year: p.year, month: p.to }, locale) });
}

/** The report as sheets (first row = header), for the XLSX and CSV downloads. */
export function citySheets(r: CityReport, locale: Locale): Sheet[] {
  const t = (key: MessageKey) => translate(locale, key);
  const fig = (f: ImpactFigureFragment | null | undefined) => cityFigure(f, locale);
  const money = (v: number | null | undefined) => (v === null || v === undefined ? t('city.hidden') : v);
  const ina = r.inaKasihImpact;
  const market = r.saboakKoepanImpact;
  const kind = (k: string) => t(`city.kind.${k}` as MessageKey);
  return [
    {
      name: t('city.sheet.summary'),
      rows: [
        [t('city.period'), periodText(r.period, locale)],
        ...(r.scope.length ? [[translate(locale, 'city.scoped', { areas: r.scope.join(', ') })]] : []),
        [t('city.key.families'), r.period.from === 1 && r.period.to === 12 ? fig(ina.familiesReached) : t('city.key.familiesYearOnly')],
        [t('city.key.packs'), fig(ina.packsDelivered)],
        [t('city.key.womanMonths'), fig(ina.womanMonths)],
        [t('city.key.coverage'), ina.monthsOfCoverage ?? t('city.none')],
        [t('city.key.inaCost'), money(ina.cost)],
        [t('city.key.costPerWoman'), ina.costPerWomanPerMonth === null ? t('city.none') : Math.round(ina.costPerWomanPerMonth)],
        [t('city.key.vendors'), fig(market.vendorsServedInYear)],
        [t('city.key.turnover'), money(market.turnover)],
        [t('city.key.growth'), market.turnoverGrowth === null ? t('city.none') : market.turnoverGrowth],
        [t('city.key.marketCost'), market.expenditure],
        [t('city.key.trainings'), market.trainings.trainingsHeld],
        [t('city.key.attendees'), fig(market.trainings.attendees)],
      ],
    },
    {
      name: t('city.sheet.months'),
      rows: [
        [t('city.months.month'), t('city.months.families'), t('city.months.packs'), t('city.months.days'), t('city.months.vendors'), t('city.months.turnover')],
        ...cityMonths(r).map((m) => [
          formatMonth(m.month, locale),
          fig(m.ina?.familiesReached),
          fig(m.ina?.packsDelivered),
          m.market?.marketDaysHeld ?? 0,
          fig(m.market?.vendorsServed),
          money(m.market?.turnover),
        ]),
      ],
    },
    {
      name: t('city.sheet.coverage'),
      rows: [
        [t('city.coverage.area'), t('city.coverage.planned'), t('city.coverage.reached'), t('city.coverage.ratio')],
        ...ina.coverageByKecamatan.map((c) => [c.label, fig(c.familyMonthsPlanned), fig(c.familyMonthsReached), c.coverage ?? t('city.none')]),
      ],
    },
    {
      name: t('city.sheet.funding'),
      rows: [[t('city.funding.source'), t('city.funding.packs'), t('city.funding.cost')], ...ina.byFundingSource.map((s) => [`${s.label} (${kind(s.kind)})`, s.packs ?? t('city.hidden'), money(s.cost)])],
    },
    {
      name: t('city.sheet.trainings'),
      rows: [
        [t('city.training.group'), t('city.training.vendors'), t('city.training.days'), t('city.training.average')],
        ...([['city.training.trained', market.trainings.trained], ['city.training.notTrained', market.trainings.notTrained]] as const).map(([label, g]) => [
          t(label),
          fig(g.vendors),
          fig(g.vendorMarketDays),
          g.vendors.value === 0 ? t('city.none') : money(g.averagePerMarketDay),
        ]),
      ],
    },
  ];
}
