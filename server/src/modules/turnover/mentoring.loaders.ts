import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../graphql/loaders';
import { User } from '../user/user.entity';
import { MentoringFollowUp } from './mentoring.entity';

/** Follow-ups of many visits in one statement, in their agreed order. */
export const followUpsByVisitLoader: LoaderFactory<string, MentoringFollowUp[]> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await ctx.em.find(MentoringFollowUp, { visit: { $in: [...ids] } }, { orderBy: { position: 'asc' } });
    return ids.map((id) => rows.filter((f) => f.visit.id === id));
  });

/** Names of the mentors of many visits in one statement (only the name leaves the server). */
export const mentorNameLoader: LoaderFactory<string, string | undefined> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await ctx.em.find(User, { id: { $in: [...ids] } }, { fields: ['id', 'fullName'] });
    return ids.map((id) => rows.find((u) => u.id === id)?.fullName);
  });
