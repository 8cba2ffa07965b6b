import { rowShape } from '../../db/row-shape';
import { rowsById } from '../../db/rows-by-id';

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

/** Partners of many accounts, funding sources or trainings in one statement, as plain rows. */
export const partnerLoader = rowsById<PartnerRow>('partner', PARTNER);
