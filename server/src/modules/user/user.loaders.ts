import DataLoader from 'dataloader';
import { plainRows } from '../../db/plain-sql';
import type { LoaderFactory } from '../../graphql/loaders';

/**
 * The kelurahan codes of many accounts in one statement, by account id; the signed-in account's
 * came with its session and cost nothing.
 */
export const kelurahanCodesLoader: LoaderFactory<string, string[]> = (ctx) => {
  const loader = new DataLoader<string, string[]>(async (userIds) => {
    const rows = await plainRows<{ userId: string; code: string }>(
      ctx.em,
      `select user_id as "userId", region_code as code from user_kelurahan where user_id = any(?::uuid[]) order by region_code`,
      [`{${userIds.join(',')}}`],
    );
    const byUser = new Map<string, string[]>();
    for (const r of rows) {
      const codes = byUser.get(r.userId);
      if (codes) codes.push(r.code);
      else byUser.set(r.userId, [r.code]);
    }
    return userIds.map((id) => byUser.get(id) ?? []);
  });
  if (ctx.user) loader.prime(ctx.user.id, ctx.user.kelurahanCodes);
  return loader;
};
