import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../graphql/loaders';
import { EntitlementRule, Program } from './program.entity';

/** Every rule of each of many programs, oldest month first, in one statement. */
export const rulesByProgramLoader: LoaderFactory<string, EntitlementRule[]> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await ctx.em.find(EntitlementRule, { program: { $in: [...ids] } }, { orderBy: { effectiveMonth: 'asc' } });
    return ids.map((id) => rows.filter((r) => r.program.id === id));
  });

/** Programs by id, one statement per request. */
export const programLoader: LoaderFactory<string, Program | undefined> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await ctx.em.find(Program, { id: { $in: [...ids] } });
    return ids.map((id) => rows.find((r) => r.id === id));
  });
