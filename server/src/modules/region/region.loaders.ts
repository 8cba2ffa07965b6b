import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../graphql/loaders';
import { Region } from './region.entity';

/** Children of many regions in one statement. */
export const regionChildrenLoader: LoaderFactory<string, Region[]> = (ctx) =>
  new DataLoader(async (parentCodes) => {
    const rows = await ctx.em.find(Region, { parent: { code: { $in: [...parentCodes] } } }, { orderBy: { code: 'asc' } });
    return parentCodes.map((code) => rows.filter((r) => r.parent?.code === code));
  });
