import type { RequestContext } from '../../graphql/context';
import { AppError } from '../../platform/app-error';
import { isUuid } from '../../platform/refusal';
import type { OutcomeGroup, OutcomePeriod, TrainingOutcome } from './outcome.types';

/**
 * The outcome of a training or cohort, in ONE statement over the current turnover reports:
 * "before" is the `days` days up to the day before the first training (WITA), "after" the `days`
 * days from the day after the last one. Attendees are vendors marked present at any of the
 * trainings; the comparison group is every vendor with reports on the same market days who
 * attended none of them. Averages are total ÷ vendor-market-days, rounded to whole rupiah.
 */
const OUTCOME_SQL = `
with cohort as (
  select count(*)::int as trainings,
         min((starts_at at time zone 'Asia/Makassar')::date) as first_day,
         max((ends_at at time zone 'Asia/Makassar')::date) as last_day
    from training where id = any(?::uuid[]) and status = 'SCHEDULED'
), attendee as (
  select distinct e.vendor_id from training_enrolment e join training t on t.id = e.training_id
   where e.training_id = any(?::uuid[]) and t.status = 'SCHEDULED' and e.status = 'ENROLLED' and e.attended
), obs as (
  select r.vendor_id, r.amount, d.date < c.first_day as before, a.vendor_id is not null as attended
    from turnover_report r
    join market_day d on d.id = r.market_day_id
    cross join cohort c
    left join attendee a on a.vendor_id = r.vendor_id
   where r.current
     and ((d.date < c.first_day and d.date >= c.first_day - ?::int) or (d.date > c.last_day and d.date <= c.last_day + ?::int))
)
select g.attended, p.before, c.trainings, (select count(*)::int from attendee) as attendees,
       to_char(c.first_day, 'YYYY-MM-DD') as first_day, to_char(c.last_day, 'YYYY-MM-DD') as last_day,
       to_char(c.first_day - ?::int, 'YYYY-MM-DD') as before_from, to_char(c.last_day + ?::int, 'YYYY-MM-DD') as after_to,
       count(distinct o.vendor_id)::int as vendors, count(o.vendor_id)::int as vendor_market_days,
       coalesce(sum(o.amount), 0)::text as total, round(avg(o.amount))::bigint::text as average
  from (values (true), (false)) g(attended)
  cross join (values (true), (false)) p(before)
  cross join cohort c
  left join obs o on o.attended = g.attended and o.before = p.before
 group by g.attended, p.before, c.trainings, c.first_day, c.last_day`;

interface Row {
  attended: boolean;
  before: boolean;
  trainings: number;
  attendees: number;
  first_day: string | null;
  last_day: string | null;
  before_from: string | null;
  after_to: string | null;
  vendors: number;
  vendor_market_days: number;
  total: string;
  average: string | null;
}

export class OutcomeService {
  async outcome(ctx: RequestContext, trainingIds: string[], days = 90): Promise<TrainingOutcome> {
    if (!Number.isInteger(days) || days < 7 || days > 366) throw new AppError('TRAINING_OUTCOME_DAYS_INVALID');
    const ids = `{${[...new Set(trainingIds.filter(isUuid))].join(',')}}`;
    const rows: Row[] = await ctx.em.getConnection().execute(OUTCOME_SQL, [ids, ids, days, days, days, days]);
    const period = (attended: boolean, before: boolean): OutcomePeriod => {
      const r = rows.find((x) => x.attended === attended && x.before === before);
      return { vendors: r?.vendors ?? 0, vendorMarketDays: r?.vendor_market_days ?? 0, total: r?.total ?? '0', averagePerMarketDay: r?.average ?? undefined };
    };
    const group = (attended: boolean): OutcomeGroup => {
      const before = period(attended, true);
      const after = period(attended, false);
      const b = Number(before.averagePerMarketDay);
      const a = Number(after.averagePerMarketDay);
      const changePercent = before.averagePerMarketDay != null && after.averagePerMarketDay != null && b > 0 ? Math.round(((a - b) / b) * 1000) / 10 : undefined;
      return { before, after, changePercent };
    };
    const first = rows[0];
    return {
      trainings: first?.trainings ?? 0,
      attendees: first?.attendees ?? 0,
      firstTrainingDate: first?.first_day ?? undefined,
      lastTrainingDate: first?.last_day ?? undefined,
      beforeFrom: first?.before_from ?? undefined,
      afterTo: first?.after_to ?? undefined,
      attended: group(true),
      didNotAttend: group(false),
    };
  }
}
