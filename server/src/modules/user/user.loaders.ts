import DataLoader from 'dataloader';
import { plainRows } from '../../db/plain-sql';
import { idArray } from '../../db/row-shape';
import { rowsById } from '../../db/rows-by-id';
import type { LoaderFactory } from '../../graphql/loaders';
import { USER, type UserRow } from './user.row';

const accountRows = rowsById<UserRow>('app_user', USER);

/**
 * Accounts by id as plain rows, one statement per batch (who wrote a list of audit entries); the
 * signed-in account's came with its session. Rows, not entities: hydrating a `User` for a read is
 * what made the account paths slow (see user.service.ts `list`).
 */
export const userRowLoader: LoaderFactory<string, UserRow | undefined> = (ctx) => {
  const loader = accountRows(ctx);
  if (ctx.user) loader.prime(ctx.user.id, ctx.user.account);
  return loader;
};

/**
 * The kelurahan codes of many accounts in one statement, by account id; the signed-in account's
 * came with its session and cost nothing.
 */
export const kelurahanCodesLoader: LoaderFactory<string, string[]> = (ctx) => {
  const loader = new DataLoader<string, string[]>(async (userIds) => {
    const rows = await plainRows<{ userId: string; code: string }>(
      ctx.em,
      `select user_id as "userId", region_code as code from user_kelurahan where user_id = any(?::uuid[]) order by region_code`,
      [idArray(userIds)],
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
