import DataLoader from 'dataloader';
import { plainRows, type WithTextDates } from '../../db/plain-sql';
import type { LoaderFactory } from '../../graphql/loaders';

/** A partner as the read paths serve it; `Partner`'s GraphQL fields read these properties. */
export interface PartnerRow {
  id: string;
  name: string;
  sector: string | null;
  createdAt: Date;
}

/** Partners of many accounts in one statement, as plain rows (a list of accounts needs no entities). */
export const partnerLoader: LoaderFactory<string, PartnerRow | null> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await plainRows<WithTextDates<PartnerRow>>(ctx.em, `select id, name, sector, created_at as "createdAt" from partner where id = any(?::uuid[])`, [
      `{${ids.join(',')}}`,
    ]);
    const byId = new Map(rows.map((p) => [p.id, { ...p, createdAt: new Date(p.createdAt) }]));
    return ids.map((id) => byId.get(id) ?? null);
  });
