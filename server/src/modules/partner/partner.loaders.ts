import DataLoader from 'dataloader';
import { plainRows } from '../../db/plain-sql';
import { idArray, rowShape } from '../../db/row-shape';
import type { LoaderFactory } from '../../graphql/loaders';

/** A partner as the read paths serve it; `Partner`'s GraphQL fields (the contacts admin-only) read these properties. */
export interface PartnerRow {
  id: string;
  name: string;
  sector: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  createdAt: Date;
}

const PARTNER = rowShape<PartnerRow>(
  { id: 'id', name: 'name', sector: 'sector', contactName: 'contact_name', contactEmail: 'contact_email', contactPhone: 'contact_phone', createdAt: 'created_at' },
  { instants: ['createdAt'] },
);

const PARTNERS_SQL = `select ${PARTNER.columns('p')} from partner p where p.id = any(?::uuid[])`;

/** Partners of many accounts, funding sources or trainings in one statement, as plain rows. */
export const partnerLoader: LoaderFactory<string, PartnerRow | null> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await plainRows(ctx.em, PARTNERS_SQL, [idArray(ids)]);
    const byId = new Map(rows.map((r) => [r.id as string, PARTNER.read(r)!]));
    return ids.map((id) => byId.get(id) ?? null);
  });
