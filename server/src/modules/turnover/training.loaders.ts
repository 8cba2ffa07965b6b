import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../graphql/loaders';
import { Vendor } from '../market/entities/vendor.entity';
import { Enrolment } from './enrolment.entity';
import { Training } from './training.entity';
import { EnrolmentStatus } from './training.enums';
import type { TrainingSeats } from './training.types';

/** One statement per request for the seats of every training on a page. */
export const seatsLoader: LoaderFactory<string, TrainingSeats> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows: { training_id: string; enrolled: number; waitlisted: number; attended: number; capacity: number }[] = await ctx.em.getConnection().execute(
      `select t.id as training_id, t.capacity,
              count(e.id) filter (where e.status = 'ENROLLED')::int as enrolled,
              count(e.id) filter (where e.status = 'WAITLISTED')::int as waitlisted,
              count(e.id) filter (where e.status = 'ENROLLED' and e.attended)::int as attended
         from training t left join training_enrolment e on e.training_id = t.id
        where t.id = any(?::uuid[]) group by t.id`,
      [`{${ids.join(',')}}`],
    );
    return ids.map((id) => {
      const r = rows.find((x) => x.training_id === id);
      return { enrolled: r?.enrolled ?? 0, waitlisted: r?.waitlisted ?? 0, attended: r?.attended ?? 0, left: Math.max(0, (r?.capacity ?? 0) - (r?.enrolled ?? 0)) };
    });
  });

/** Active enrolments of many trainings in one statement: seated first (in order of enrolment), then the waitlist in order. */
export const enrolmentsByTrainingLoader: LoaderFactory<string, Enrolment[]> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await ctx.em.find(
      Enrolment,
      { training: { $in: [...ids] }, status: { $ne: EnrolmentStatus.CANCELLED } },
      { orderBy: { status: 'asc', waitlistPosition: 'asc', requestedAt: 'asc', id: 'asc' } },
    );
    return ids.map((id) => rows.filter((e) => e.training.id === id));
  });

/** The signed-in vendor's active enrolment in each of many trainings. */
export const myEnrolmentLoader: LoaderFactory<string, Enrolment | undefined> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = ctx.user
      ? await ctx.em.find(Enrolment, { training: { $in: [...ids] }, vendor: { user: ctx.user.id }, status: { $ne: EnrolmentStatus.CANCELLED } })
      : [];
    return ids.map((id) => rows.find((e) => e.training.id === id));
  });

function byId<T extends { id: string }>(entity: new (...args: never[]) => T): LoaderFactory<string, T | undefined> {
  return (ctx) =>
    new DataLoader(async (ids) => {
      const rows = (await ctx.em.find(entity as never, { id: { $in: [...ids] } } as never)) as T[];
      return ids.map((id) => rows.find((r) => r.id === id));
    });
}

export const trainingLoader = byId(Training);
export const enrolmentVendorLoader = byId(Vendor);
