import type { PersonalDataOptions } from '../../graphql/personal-data';

/*
 * Whose personal data a family-side value is, for the audit trail: a member's name, a KK of the
 * family's history, a proxy's name on a delivery — each read is an entry about the family.
 * Kept apart from the entities so that their decorators can use it whatever the import order.
 */

/** A record that points at its family (member, KK history, delivery). */
export const OF_FAMILY: PersonalDataOptions<{ family: { id: string } }> = { subject: (x) => ['Family', x.family.id] };

/** A value handed out about one family (its numbers, its export). */
export const FAMILY_ID: PersonalDataOptions<{ familyId: string }> = { subject: (x) => ['Family', x.familyId] };
