import { getNamedType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldPermissions } from '../../test/declared-permissions';
import { buildWorld, CALLS, CLOCK, type World } from '../../test/personal-data.fixtures';
import { documentsFor, personalPaths, personalValues, type PersonalPath, type PersonalValue } from '../../test/personal-data-walk';
import { startTestApp, type TestApp } from '../../test/test-app';
import type { GraphqlClient } from '../../test/graphql-client';
import { cityClock } from '../platform/wita-clock';
import { Role } from '../modules/user/role.enum';
import { personalDataFields } from './personal-data';
import { roleHasPermission, type Permission } from './permissions';
import { getSchema } from './schema';

/** Field names that look like personal data; each must be marked `@PersonalData` or reviewed below. */
const LOOKS_PERSONAL = /(^|[a-z])(nik|kk|name|phone|email|address|alamat|birth|dob|owner|contact|nib|photo|desil|disab)/i;

/** Fields that match the pattern but are not a family's, member's, vendor's or account holder's personal data, with why. */
const REVIEWED: Record<string, string> = {
  'Vendor.businessName': 'a trade name, shown at her stall and (with her consent) on the public page; her identity is the owner name, phone and NIB',
  'Certificate.businessName': 'the trade name on a certificate (see Vendor.businessName); the holder’s name is marked',
  'PublicVendor.businessName': 'public page: shown only with the vendor’s consent, to anyone',
  'CertificateVerification.businessName': 'public check: the trade name only with the vendor’s consent',
  'Distribution.recordedByName': 'the staff member who recorded a delivery, acting in her role',
  'TurnoverReport.recordedByName': 'the staff member who logged a figure, acting in her role',
  'MentoringVisit.mentorName': 'the staff member who visited, acting in her role',
  'FamilyMember.nikMismatch': 'a yes/no warning that the NIK disagrees with sex or birth date; it shows neither',
  'Partner.name': 'an organisation',
  'Partner.contactName': 'a partner organisation’s business contact, administrators only',
  'Partner.contactEmail': 'a partner organisation’s business contact, administrators only',
  'Partner.contactPhone': 'a partner organisation’s business contact, administrators only',
  'FundingSource.name': 'a budget line',
  'Program.name': 'a program',
  'Region.name': 'a kecamatan or kelurahan',
  'KelurahanCoverage.kelurahanName': 'an area',
  'KelurahanCoverage.kecamatanName': 'an area',
  'FamilyImportJob.fileName': 'the name staff gave the uploaded file',
  'FamilyDataExport.fileName': 'built from the registry number (a pseudonym)',
  'MyDataExport.fileName': 'a date',
  'Certificate.sponsorName': 'a partner organisation',
};

/** (root operation, personal field) pairs that cannot give a value, with why. */
const NEVER_A_VALUE: Record<string, string> = {
  'Mutation.registerFamily Distribution.proxyName': 'a family just registered has had no delivery',
  'Mutation.reverseDistribution Distribution.proxyName': 'the answer is the reversal, which names no proxy (the delivery it reverses is a Distribution again, cut by the walk)',
  'Mutation.withdrawFamilyConsent Family.kkMasked': 'erased by this very operation',
  'Mutation.withdrawFamilyConsent FamilyMember.nikMasked': 'erased by this very operation',
  'Mutation.withdrawFamilyConsent FamilyKkHistory.kkMasked': 'erased by this very operation',
  'Mutation.createTraining Vendor.ownerName': 'a new training has no participants yet',
  'Mutation.createTraining Vendor.phone': 'a new training has no participants yet',
  'Mutation.createTraining Vendor.nib': 'a new training has no participants yet',
};

/** Edges that only return the caller's own records; the walk follows them for a vendor only. */
const SELF_SCOPED = new Set(['MarketDay.myBooking', 'Training.myEnrolment']);

/** Who owns a record (an account id), for reads a person makes of her own data, which are not audited. */
const OWNER_SQL: Record<string, string> = {
  User: `select id::text as owner from app_user where id::text = ?`,
  Vendor: `select user_id::text as owner from market_vendor where id::text = ?`,
  Certificate: `select v.user_id::text as owner from training_enrolment e join market_vendor v on v.id = e.vendor_id where e.id::text = ?`,
};

/** The role that reads a root operation: staff before the account owner before the administrator. */
const ROLE_ORDER = [Role.PROGRAM_STAFF, Role.MARKET_STAFF, Role.VENDOR, Role.ADMIN];

interface AuditRow {
  entity_type: string;
  entity_id: string | null;
  after: { fields?: string[]; records?: string[] } | null;
}

/**
 * The values of one answer that no audit entry of the request accounts for: an entry must name the
 * field, and the record it was read from — as its subject (a revealed KK is about the family of the
 * same id), or among the records read on the subject's behalf (a member's name, entry of the family).
 */
export function unaudited(values: PersonalValue[], rows: AuditRow[]): PersonalValue[] {
  const names = (r: AuditRow, record: string) => r.entity_id === record.split(':')[1] || (r.after?.records ?? []).includes(record);
  return values.filter((v) => !rows.some((r) => r.after?.fields?.includes(v.field) && (!v.record || names(r, v.record))));
}

describe('schema walk: every read of personal data through any operation is audited', () => {
  let t: TestApp;
  let w: World;
  let schema: GraphQLSchema;
  let marked: Set<string>;

  beforeAll(async () => {
    t = await startTestApp();
    cityClock.setNow(new Date(CLOCK));
    schema = await getSchema();
    marked = personalDataFields();
    w = await buildWorld(t);
  }, 180_000);
  afterAll(async () => {
    cityClock.setNow(undefined);
    await t?.close();
  });

  it('finds the marks: every marked field exists, and every field that looks personal is marked or reviewed', () => {
    const all = Object.values(schema.getTypeMap())
      .filter((type) => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'))
      .flatMap((type) => Object.keys((type as any).getFields()).map((f) => `${type.name}.${f}`));
    expect([...marked].filter((k) => !all.includes(k))).toEqual([]);
    const leaf = (k: string) => {
      const [type, field] = k.split('.');
      return !isObjectType(getNamedType((schema.getType(type) as any).getFields()[field].type));
    };
    const looks = all.filter((k) => !/^(Query|Mutation)\./.test(k) && LOOKS_PERSONAL.test(k.split('.')[1]) && leaf(k));
    expect(looks.filter((k) => !marked.has(k) && !(k in REVIEWED))).toEqual([]);
    expect(Object.keys(REVIEWED).filter((k) => !all.includes(k))).toEqual([]);
  });

  it('flags a read that left no entry, and accepts one whose family or record entry names it', () => {
    const value = { field: 'FamilyMember.name', record: 'FamilyMember:m1', path: 'Query.duplicateFlags → … → FamilyMember.name' };
    expect(unaudited([value], [])).toEqual([value]);
    expect(unaudited([value], [{ entity_type: 'Family', entity_id: 'f1', after: { fields: ['Family.headName'], records: [] } }])).toEqual([value]);
    expect(unaudited([value], [{ entity_type: 'Family', entity_id: 'f1', after: { fields: ['FamilyMember.name'], records: ['FamilyMember:m1'] } }])).toEqual([]);
  });

  it('reads every marked field through every path from every operation, and each value is audited or the caller’s own', async () => {
    const perms = fieldPermissions();
    const clients: Record<string, GraphqlClient> = { [Role.PROGRAM_STAFF]: w.program, [Role.MARKET_STAFF]: w.market, [Role.VENDOR]: w.vendor, [Role.ADMIN]: w.admin };
    const failures: string[] = [];
    const given = new Map<string, number>();
    const reachable = new Set<string>();
    let paths = 0;
    let requests = 0;
    for (const operation of ['query', 'mutation'] as const) {
      const rootType = operation === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
      for (const field of Object.values(rootType.getFields())) {
        const rootKey = `${rootType.name}.${field.name}`;
        const role = ROLE_ORDER.find((r) => (perms.get(rootKey) ?? []).every((p) => p === 'public' || roleHasPermission(r, p as Permission)));
        if (!role) continue;
        const may = (key: string) => (perms.get(key) ?? []).every((p) => p === 'public' || roleHasPermission(role, p as Permission));
        const found: PersonalPath[] = personalPaths(schema, operation, field.name, { may, marked, selfScoped: SELF_SCOPED, followSelfScoped: role === Role.VENDOR });
        if (!found.length) continue;
        paths += found.length;
        for (const p of found) reachable.add(`${rootKey} ${p.steps.at(-1)}`);
        const call = CALLS[rootKey];
        if (!call) {
          failures.push(`${rootKey} reaches personal data but personal-data.fixtures.ts has no way to call it`);
          continue;
        }
        const first = await call(w);
        for (const [i, { document, paths: chunk }] of documentsFor(schema, found, first.variables).entries()) {
          const { variables, as } = i === 0 ? first : await call(w);
          const client = as ?? clients[role];
          const [{ mark }] = await t.sql(`select coalesce(max(id), 0)::bigint as mark from audit_entry`);
          const r = await client.request<Record<string, unknown>>(document, variables);
          requests++;
          if (r.errors?.length || !r.data) {
            failures.push(`${rootKey}: ${JSON.stringify(r.errors)}`);
            continue;
          }
          const values = personalValues(schema, r.data, chunk);
          for (const v of values) given.set(`${rootKey} ${v.field}`, (given.get(`${rootKey} ${v.field}`) ?? 0) + 1);
          const rows = await t.sql<AuditRow>(`select entity_type, entity_id, after from audit_entry where id > ? and action <> 'auth.sign_in'`, [mark]);
          const caller = (await client.ok<any>('{ me { id } }')).me.id;
          for (const v of unaudited(values, rows)) {
            const type = v.record?.split(':')[0] ?? '';
            const owner = OWNER_SQL[type] ? (await t.sql(OWNER_SQL[type], [v.record!.slice(type.length + 1)]))[0]?.owner : undefined;
            if (owner !== caller) failures.push(`${v.path} (${v.record ?? 'no id'}) as ${role}: returned without an audit entry`);
          }
        }
      }
    }
    for (const pair of reachable) if (!given.has(pair) && !(pair in NEVER_A_VALUE)) failures.push(`${pair}: no call gave a value (extend personal-data.fixtures.ts)`);
    console.log(`personal-data walk: ${paths} paths, ${reachable.size} (operation, field) pairs, ${requests} requests, ${[...given.values()].reduce((a, b) => a + b, 0)} values checked`);
    expect(failures).toEqual([]);
    expect(reachable.has('Query.duplicateFlags FamilyMember.name')).toBe(true);
  }, 300_000);
});
