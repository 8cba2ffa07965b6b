import type { RequestContext } from '../../graphql/context';
import { cityClock } from '../../platform/wita-clock';
import { exact, single, type Figure } from '../funding/suppression';
import type { TrainedTurnoverGroup, TrainingImpact } from './training-impact.types';

/**
 * Trainings in the impact report, in ONE statement: trainings held in the period, attendances and
 * attendees, and the average turnover per market day of the period's current reports, split by
 * whether the vendor had attended a training before that market day. For partners the counts are
 * suppressed below IMPACT_MIN_CELL, and so is the average of a group with too few vendors.
 */
const IMPACT_SQL = `
with held as (
  select t.id from training t
   where t.status = 'SCHEDULED' and t.ends_at <= ?
     and (t.starts_at at time zone 'Asia/Makassar')::date >= ?::date and (t.starts_at at time zone 'Asia/Makassar')::date < ?::date
), present as (
  select e.vendor_id, min((t.starts_at at time zone 'Asia/Makassar')::date) as first_day
    from training_enrolment e join training t on t.id = e.training_id
   where e.attended and e.status = 'ENROLLED' and t.status = 'SCHEDULED'
   group by e.vendor_id
), obs as (
  select r.vendor_id, r.amount, coalesce(p.first_day < d.date, false) as trained
    from turnover_report r
    join market_day d on d.id = r.market_day_id
    left join present p on p.vendor_id = r.vendor_id
   where r.current and d.date >= ?::date and d.date < ?::date
)
select (select count(*)::int from held) as trainings_held,
       (select count(*)::int from training_enrolment e join held h on h.id = e.training_id where e.attended and e.status = 'ENROLLED') as attendances,
       (select count(distinct e.vendor_id)::int from training_enrolment e join held h on h.id = e.training_id where e.attended and e.status = 'ENROLLED') as attendees,
       count(distinct o.vendor_id) filter (where o.trained)::int as trained_vendors,
       count(o.vendor_id) filter (where o.trained)::int as trained_days,
       round(avg(o.amount) filter (where o.trained))::bigint::text as trained_average,
       count(distinct o.vendor_id) filter (where not o.trained)::int as untrained_vendors,
       count(o.vendor_id) filter (where not o.trained)::int as untrained_days,
       round(avg(o.amount) filter (where not o.trained))::bigint::text as untrained_average
  from obs o`;

interface Row {
  trainings_held: number;
  attendances: number;
  attendees: number;
  trained_vendors: number;
  trained_days: number;
  trained_average: string | null;
  untrained_vendors: number;
  untrained_days: number;
  untrained_average: string | null;
}

/** The first day of the month `m` of `year`, YYYY-MM-DD (month 13 is January of the next year). */
const monthStart = (year: number, m: number) => (m > 12 ? `${year + 1}-01-01` : `${year}-${String(m).padStart(2, '0')}-01`);

/**
 * For a partner the counts below are about vendors, and ranges of months could be differenced
 * against each other: they are given for a whole published year only. Then the two groups are
 * shown together or not at all (trained + not trained = all vendors, so hiding one alone hides
 * nothing), only when each has at least IMPACT_MIN_CELL vendors and reports, and their averages
 * only when the year's turnover is published too (mean × count = sum: the two sums add up to it).
 */
export async function trainingImpact(
  ctx: RequestContext,
  period: { year: number; from: number; to: number; protect: boolean; minCell: number; wholeYearPublished: boolean; turnoverPublished: boolean },
): Promise<TrainingImpact> {
  const start = monthStart(period.year, period.from);
  const stop = monthStart(period.year, period.to + 1);
  const [row]: Row[] = await ctx.em.getConnection().execute(IMPACT_SQL, [cityClock.now(), start, stop, start, stop]);
  const hidden: Figure = { value: null, suppressed: true };
  const shown = !period.protect || period.wholeYearPublished;
  const count = (v: number): Figure => (!shown ? hidden : period.protect ? single(v, period.minCell) : exact(v));
  const big = (v: number) => v >= period.minCell;
  const groupsShown = !period.protect || (shown && big(row.trained_vendors) && big(row.untrained_vendors) && big(row.trained_days) && big(row.untrained_days));
  const averagesShown = !period.protect || (groupsShown && period.turnoverPublished);
  const group = (vendors: number, days: number, average: string | null): TrainedTurnoverGroup => ({
    vendors: groupsShown ? exact(vendors) : hidden,
    vendorMarketDays: groupsShown ? exact(days) : hidden,
    averagePerMarketDay: averagesShown ? (average ?? undefined) : undefined,
  });
  return {
    trainingsHeld: row.trainings_held,
    attendances: count(row.attendances),
    attendees: count(row.attendees),
    trained: group(row.trained_vendors, row.trained_days, row.trained_average),
    notTrained: group(row.untrained_vendors, row.untrained_days, row.untrained_average),
  };
}
