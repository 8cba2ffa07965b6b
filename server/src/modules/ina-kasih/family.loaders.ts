import DataLoader from 'dataloader';
import type { RequestContext } from '../../graphql/context';
import { kelurahanScope } from '../../graphql/kelurahan-scope';
import type { LoaderFactory } from '../../graphql/loaders';
import { DuplicateFlag } from './duplicate-flag.entity';
import { DuplicateFlagStatus, FamilyRelation } from './family.enums';
import { FamilyKkHistory } from './family-kk-history.entity';
import { FamilyMember } from './family-member.entity';
import { Family } from './family.entity';

// The rule lives with the request context (impact figures apply it too); the registry's files import it from here.
export { kelurahanScope };

const RELATION_ORDER: Record<FamilyRelation, number> = { HEAD: 0, SPOUSE: 1, CHILD: 2, OTHER: 3 };

/** Families by id, one statement per request; a family outside the caller's kelurahan is absent. */
export const familyLoader: LoaderFactory<string, Family | undefined> = (ctx) =>
  new DataLoader(async (ids) => {
    const scope = kelurahanScope(ctx);
    const rows = await ctx.em.find(Family, { id: { $in: [...ids] }, ...(scope ? { kelurahan: { $in: scope } } : {}) });
    return ids.map((id) => rows.find((r) => r.id === id));
  });

export const memberLoader: LoaderFactory<string, FamilyMember | undefined> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await ctx.em.find(FamilyMember, { id: { $in: [...ids] } });
    return ids.map((id) => rows.find((r) => r.id === id));
  });

/** Members of many families in one statement: head, spouse, children, others; oldest first within each. */
export const membersByFamilyLoader: LoaderFactory<string, FamilyMember[]> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await ctx.em.find(FamilyMember, { family: { $in: [...ids] } }, { orderBy: { birthDate: 'asc', id: 'asc' } });
    rows.sort((a, b) => RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation]);
    return ids.map((id) => rows.filter((r) => r.family.id === id));
  });

export const kkHistoryByFamilyLoader: LoaderFactory<string, FamilyKkHistory[]> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await ctx.em.find(FamilyKkHistory, { family: { $in: [...ids] } }, { orderBy: { validFrom: 'asc', id: 'asc' } });
    return ids.map((id) => rows.filter((r) => r.family.id === id));
  });

/** Open duplicate flags touching each of many families, in one statement. */
export const openFlagsByFamilyLoader: LoaderFactory<string, DuplicateFlag[]> = (ctx) =>
  new DataLoader(async (ids) => {
    const rows = await ctx.em.find(
      DuplicateFlag,
      { status: DuplicateFlagStatus.OPEN, $or: [{ family: { $in: [...ids] } }, { otherFamily: { $in: [...ids] } }] },
      { orderBy: { createdAt: 'asc' } },
    );
    return ids.map((id) => rows.filter((r) => r.family.id === id || r.otherFamily.id === id));
  });
