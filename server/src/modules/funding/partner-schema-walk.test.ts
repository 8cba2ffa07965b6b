import { getNamedType, isInterfaceType, isObjectType, isUnionType, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { getSchema } from '../../graphql/schema';
import { roleHasPermission, type Permission } from '../../graphql/permissions';
import { Role } from '../user/role.enum';
import { fieldPermissions } from '../../../test/declared-permissions';
import { personalDataFields } from '../../graphql/personal-data';

/**
 * Edges that return only the caller's own records (filtered by the signed-in user in the
 * resolver): the walk records them but does not follow them. Each is reviewed; a partner account
 * owns none of these records.
 */
const SELF_SCOPED: Record<string, string> = {
  'MarketDay.myBooking': 'loads bookings where vendor.user = the caller; a partner account is never a vendor',
};

/** Every `Type.field` an account of a read-only role (PARTNER, LEADERSHIP) can reach through any path of the schema. */
async function reachableBy(role: Role): Promise<Set<string>> {
  const schema = await getSchema();
  const perms = fieldPermissions();
  const may = (key: string) => (perms.get(key) ?? []).every((p) => p === 'public' || roleHasPermission(role, p as Permission));
  const seen = new Set<string>();
  const reached = new Set<string>();
  const visit = (type: GraphQLNamedType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    if (isUnionType(type)) return type.getTypes().forEach(visit);
    if (!isObjectType(type) && !isInterfaceType(type)) return;
    for (const field of Object.values(type.getFields())) {
      const key = `${type.name}.${field.name}`;
      if (!may(key)) continue;
      reached.add(key);
      if (!(key in SELF_SCOPED)) visit(getNamedType(field.type));
    }
  };
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const key = `${root.name}.${field.name}`;
      if (!perms.has(key) || !may(key)) continue;
      reached.add(key);
      visit(getNamedType(field.type));
    }
  }
  return reached;
}

/** Field names that carry personal data: names, ID numbers, addresses, phones, birth dates. */
const PERSONAL = /(^|[a-z])(nik|kk|nomorKk|name|fullName|phone|email|address|alamat|birth|dob|owner|contact|nib|photo)/i;
/** Types that describe a single family, person or vendor. */
const PERSONAL_TYPES = /^(Family|FamilyMember|Member|Household|Beneficiary|Recipient|Distribution|Vendor|MarketBooking|TurnoverEntry|Turnover|TurnoverReport|TurnoverGridRow|TurnoverDayGrid|MyTurnover|TrainingAttendance|AuditEntry)$/;

/**
 * Fields a partner may reach that match the pattern but are not family personal data, with why.
 * Anything new that matches fails the test until someone decides.
 */
const ALLOWED: Record<string, string> = {
  'User.fullName': 'the partner’s own account (me / updateMyAccount), never another person',
  'User.email': 'the partner’s own account',
  'User.phone': 'the partner’s own account',
  'MyDataExport.fileName': 'the partner’s copy of its own account data (exportMyData): a date',
  'Partner.name': 'an organisation, not a person',
  'FundingSource.name': 'a budget line, not a person',
  'Region.name': 'a kecamatan or kelurahan name',
  'PublicVendor.businessName': 'public market page: a business name shown only with the vendor’s consent, open to anyone',
  'CertificateVerification.businessName': 'public certificate check: the business name only with the vendor’s consent to be shown publicly, never the owner’s name',
};

/** Marked personal-data fields such a role reaches: its own account only. */
const OWN_ACCOUNT_FIELDS = ['User.fullName', 'User.email', 'User.phone', 'MyDataExport.json', 'MyDataExport.csv'];

describe.each([Role.PARTNER, Role.LEADERSHIP])('schema walk: nothing a %s account can reach exposes personal data', (role) => {
  const reachableByPartner = () => reachableBy(role);
  it('reaches the funding and impact operations (the walk is not vacuous)', async () => {
    const reached = await reachableByPartner();
    expect(reached.has('Query.fundingSources')).toBe(true);
    expect(reached.has('Query.fundingLeverage')).toBe(true);
    expect(reached.has('Query.createFundingSource')).toBe(false);
    expect(reached.has('Partner.contactPhone')).toBe(false);
    for (const edge of Object.keys(SELF_SCOPED)) expect(reached.has(edge), `${edge} still exists`).toBe(true);
  });

  it('finds no personal-data type and no personal-data field outside the reviewed list', async () => {
    const reached = [...(await reachableByPartner())];
    expect(reached.filter((k) => PERSONAL_TYPES.test(k.split('.')[0]))).toEqual([]);
    const personal = reached.filter((k) => !k.startsWith('Query.') && !k.startsWith('Mutation.') && PERSONAL.test(k.split('.')[1]));
    expect(personal.filter((k) => !(k in ALLOWED))).toEqual([]);
  });

  it('reaches User only through the account operations (me, updateMyAccount, signIn…)', async () => {
    const schema = await getSchema();
    const reached = await reachableByPartner();
    const roots = [...reached].filter((k) => k.startsWith('Query.') || k.startsWith('Mutation.'));
    const leadingToUser = roots.filter((k) => {
      const [root, name] = k.split('.');
      const type = (root === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[name].type;
      const named = getNamedType(type);
      return named.name === 'User' || (isObjectType(named) && Object.values(named.getFields()).some((f) => getNamedType(f.type).name === 'User'));
    });
    for (const k of leadingToUser) expect(k).toMatch(/^(Query\.me|Mutation\.(signIn|signOut|updateMyAccount|changeMyPassword|setMyLocale|[a-zA-Z]*My[a-zA-Z]*))$/);
  });

  it('reaches no field marked @PersonalData but its own account’s', async () => {
    const reached = await reachableByPartner();
    const marked = [...personalDataFields()].filter((k) => reached.has(k));
    expect(marked.filter((k) => !OWN_ACCOUNT_FIELDS.includes(k))).toEqual([]);
  });
});
