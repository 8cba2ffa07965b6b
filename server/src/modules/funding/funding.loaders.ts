import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../graphql/loaders';
import { FundingSource } from './funding-source.entity';
import { FundingTransaction } from './funding-transaction.entity';

function byId<T extends { id: string }>(entity: new (...args: never[]) => T): LoaderFactory<string, T | undefined> {
  return (ctx) =>
    new DataLoader(async (ids) => {
      const rows = (await ctx.em.find(entity as never, { id: { $in: [...ids] } } as never)) as T[];
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id));
    });
}

/** One statement per request for every source a list refers to. */
export const fundingSourceLoader = byId(FundingSource);

/** The reversal line of each of many transactions (if any), in one statement. */
export const reversalLoader: LoaderFactory<string, FundingTransaction | undefined> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await ctx.em.find(FundingTransaction, { reverses: { $in: [...ids] } });
    return ids.map((id) => rows.find((r) => r.reverses?.id === id));
  });
