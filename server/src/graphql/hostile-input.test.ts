import fc from 'fast-check';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app';
import type { GraphqlClient } from '../../test/graphql-client';
import { DEMO_ACCOUNTS } from '../db/seeders/demo-accounts';
import { Role } from '../modules/user/role.enum';
import { declaredPermissions } from '../../test/declared-permissions';
import { operationText, sampleInput } from '../../test/schema-walk';
import { installWriteJournal, type WriteJournal } from '../../test/write-journal';
import { Permission } from './permissions';
import { getSchema } from './schema';

/** Strings people and attackers actually send: SQL and HTML fragments, Unicode, huge, empty. */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom("'; drop table app_user; --", '<script>alert(1)</script>', 'Robert"); DELETE FROM session;--', '\u0000', '𝕂𝕦𝕡𝕒𝕟𝕘 🇮🇩', '   ', '53.71.02.1004', '081234560001', 'admin@kupang.demo'),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);
const hostileInt = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2147483647, -2147483648));

function arbitraryFor(type: GraphQLInputType): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryFor(type.ofType);
  if (isListType(type)) return fc.array(arbitraryFor(type.ofType), { maxLength: 5 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.value));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const required = Object.fromEntries(fields.filter((f) => isNonNullType(f.type)).map((f) => [f.name, arbitraryFor(f.type)]));
    const optional = Object.fromEntries(fields.filter((f) => !isNonNullType(f.type)).map((f) => [f.name, fc.option(arbitraryFor(f.type), { nil: undefined })]));
    return fc.record({ ...required, ...optional }, { requiredKeys: Object.keys(required) });
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return hostileInt;
      case 'Float':
        return fc.double();
      case 'Boolean':
        return fc.boolean();
      case 'Rupiah':
        return fc.oneof(fc.maxSafeInteger(), fc.constantFrom(-1, 0, 2147483648));
      case 'ID':
        return fc.oneof(fc.uuid(), hostileString);
      default:
        return hostileString;
    }
  }
  return fc.constant(null);
}

function mutationText(name: string, args: readonly GraphQLArgument[]): string {
  const decl = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation${decl ? `(${decl})` : ''} { ${name}${call ? `(${call})` : ''} { userErrors { code field message } } }`;
}

/** Every string in a request's variables. */
const stringLeaves = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(stringLeaves) : [];

/** Paths (argument, input fields, list position 0) to every leaf of scalar `scalar` in an operation's arguments. */
function leafPaths(args: readonly GraphQLArgument[], scalar: string): string[][] {
  const walk = (type: GraphQLInputType, path: string[]): string[][] => {
    if (isNonNullType(type)) return walk(type.ofType, path);
    if (isListType(type)) return walk(type.ofType, [...path, '0']);
    if (isInputObjectType(type)) return Object.values(type.getFields()).flatMap((f) => walk(f.type, [...path, f.name]));
    return isScalarType(type) && type.name === scalar ? [path] : [];
  };
  return args.flatMap((a) => walk(a.type, [a.name]));
}

/** All arguments as variables, every field filled in, with `value` at `path`. */
function variablesWith(args: readonly GraphQLArgument[], path: string[], value: unknown): Record<string, unknown> {
  const vars: Record<string, any> = Object.fromEntries(args.map((a) => [a.name, sampleInput(a.type, true)]));
  let at = vars;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path.at(-1)!] = value;
  return vars;
}

/** Sign-in records failed attempts and sign-out ends the session: both write by design. */
const WRITES_ON_REFUSAL = new Set(['signIn', 'signOut']);
/** Operations on a vendor's own records: as admin they stop at "you are not a vendor", so a vendor gets the hostile input. */
const VENDOR_OWN: string[] = [Permission.MarketVendor, Permission.TurnoverOwn, Permission.TrainingJoin];
const VENDOR_LOGIN = DEMO_ACCOUNTS.find((a) => a.role === Role.VENDOR)!.login;

describe('hostile input at every mutation (property-based)', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let vendor: GraphqlClient;
  let journal: WriteJournal;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin@kupang.demo');
    vendor = await t.as(VENDOR_LOGIN);
    journal = await installWriteJournal(t);
  });
  afterAll(() => t?.close());

  it('the write journal sees a committed write and nothing of a rolled-back one', async () => {
    const start = await journal.mark();
    await admin.ok('mutation { setMyLocale(input: { locale: "en" }) { userErrors { code } } }');
    expect(await journal.describeSince(start)).toMatch(/app_user UPDATE/);
    const afterWrite = await journal.mark();
    await expect(t.em().transactional(async (em) => {
      await em.execute(`update app_user set locale = locale`);
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(await journal.mark()).toBe(afterWrite);
  });

  it('answers every mutation with a success or a clear refusal that changed nothing — never an internal error', async () => {
    const schema = await getSchema();
    const permissions = declaredPermissions();
    const failures: string[] = [];
    const tried: string[] = [];
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      // Sign-out as admin would end the session the other calls use: it gets a session of its own.
      const client = field.name === 'signOut' ? await t.as('admin@kupang.demo') : (permissions.get(field.name) ?? []).some((p) => VENDOR_OWN.includes(p)) ? vendor : admin;
      const text = mutationText(field.name, field.args);
      // Market requests first do what fell due (allocation after the window, no-shows after the cut-off,
      // e.g. after an earlier mutation moved a window): done here, it is not the refused call's write.
      await admin.ok('{ marketDays(from: "2000-01-01", to: "2000-01-01") { id } }');
      const argsArb = fc.record(Object.fromEntries(field.args.map((a) => [a.name, arbitraryFor(a.type)])));
      await fc.assert(
        fc.asyncProperty(argsArb, async (variables) => {
          const before = await journal.mark();
          const r = await client.request<any>(text, variables as Record<string, unknown>);
          const codes = (r.errors ?? []).map((e) => e.extensions?.code);
          const call = `${field.name}(${JSON.stringify(variables).slice(0, 300)})`;
          if (codes.includes('INTERNAL_SERVER_ERROR') || r.status >= 500) failures.push(`${call} → internal error ${JSON.stringify(r.errors)}`);
          const problems = [...(r.errors ?? []), ...(r.data?.[field.name]?.userErrors ?? [])];
          // A refusal never says back what was sent (a password typed into the wrong field, a name).
          const echoed = stringLeaves(variables).filter((v) => v.trim().length >= 6 && JSON.stringify(r.errors ?? []).includes(JSON.stringify(v).slice(1, -1)));
          if (echoed.length) failures.push(`${call} → echoes ${JSON.stringify(echoed[0]).slice(0, 80)}`);
          if (problems.some((e: { message: string }) => !/\S/.test(e.message))) failures.push(`${call} → refusal without a message`);
          if (problems.length && !WRITES_ON_REFUSAL.has(field.name) && (await journal.mark()) !== before) {
            failures.push(`${call} → refused but wrote ${await journal.describeSince(before)}`);
          }
        }),
        // Without arguments every run would send the same request.
        { numRuns: field.args.length ? 25 : 1, seed: 20261128 },
      );
      tried.push(field.name);
    }
    expect(failures).toEqual([]);
    // Walked from the schema, so a mutation added later is covered without touching this file.
    expect(tried.sort()).toEqual(Object.keys(schema.getMutationType()!.getFields()).sort());
  }, 300_000);

  // A lone UTF-16 surrogate is legal in JSON ("\ud800") but is not text: PostgreSQL refused it in the
  // audit entry's JSON (INTERNAL_SERVER_ERROR in 12 mutations) and stored U+FFFD in plain columns.
  it.each([
    ['a lone high surrogate', 'Mama \ud800 Kupang'],
    ['a lone low surrogate', 'Mama \udc00 Kupang'],
    ['a pair the wrong way round', '\udc00\ud800'],
  ])('refuses %s in every text field of every mutation with a clear error, changing nothing', async (_, broken) => {
    const schema = await getSchema();
    const failures: string[] = [];
    let tried = 0;
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      for (const path of leafPaths(field.args, 'String')) {
        tried++;
        const before = await journal.mark();
        const r = await admin.request<any>(operationText('mutation', field), variablesWith(field.args, path, broken));
        const e = r.errors?.[0];
        const call = `${field.name} ${path.join('.')}`;
        if (r.status !== 400 || e?.extensions?.code !== 'BAD_USER_INPUT' || e.extensions.reason !== 'INVALID_UNICODE') failures.push(`${call} → ${r.status} ${JSON.stringify(r.errors ?? r.data)}`);
        else if (!/Unicode/.test(e.message) || JSON.stringify(e.extensions.fields) !== JSON.stringify([{ field: path, constraints: ['INVALID_UNICODE'] }])) failures.push(`${call} → unclear ${JSON.stringify(e)}`);
        if ((await journal.mark()) !== before) failures.push(`${call} → wrote ${await journal.describeSince(before)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThan(50);
  }, 300_000);

  it('refuses invalid Unicode written into the query text too (escaped or raw), and anonymous registration stores nothing', async () => {
    const before = await journal.mark();
    const input = (ownerName: string) => `{ businessName: "Dapur Mama", ownerName: ${ownerName}, phone: "081299990001", password: "rahasia-pasar-1", category: KULINER, products: "Se'i", kelurahanCode: "53.71.02.1004", idempotencyKey: "unicode-literal-1" }`;
    for (const literal of ['"Mama \\ud800"', '"Mama \ud800"', '"""Mama \ud800"""']) {
      const r = await t.client().request(`mutation { registerVendor(input: ${input(literal)}) { vendorCode userErrors { code } } }`);
      expect(r.status).toBe(400);
      expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(r.errors?.[0].message).toMatch(/Unicode|Invalid character within String/);
    }
    // As variables from an anonymous caller (the case that ended in INTERNAL_SERVER_ERROR).
    const REGISTER = 'mutation($input: RegisterVendorInput!) { registerVendor(input: $input) { vendorCode userErrors { code field } } }';
    const valid = { businessName: 'Dapur Mama', ownerName: 'Mama Yuli', phone: '081299990001', password: 'rahasia-pasar-1', category: 'KULINER', products: "Se'i", kelurahanCode: '53.71.02.1004' };
    for (const field of ['businessName', 'ownerName', 'products']) {
      const r = await t.client({ 'accept-language': 'en' }).request(REGISTER, { input: { ...valid, [field]: `${valid[field as keyof typeof valid]} \ud83d` } });
      expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_UNICODE', fields: [{ field: ['input', field] }] }, message: expect.stringMatching(/^The input contains broken text/) });
    }
    expect(await journal.mark()).toBe(before);
    // Well-formed text outside the BMP (a surrogate pair) is text like any other.
    const ok = await t.client().ok<any>(REGISTER, { input: { ...valid, ownerName: 'Mama Yuli 🌽' } });
    expect(ok.registerVendor.userErrors).toEqual([]);
  });

  // Every record is identified by a UUID: anything else in an ID argument is refused before any
  // resolver runs (it used to reach PostgreSQL's uuid cast and end as INTERNAL_SERVER_ERROR).
  it('refuses an ID that is not a UUID in every ID argument of every query and mutation, naming the field, changing nothing', async () => {
    const schema = await getSchema();
    const failures: string[] = [];
    let tried = 0;
    for (const [kind, type] of [['query', schema.getQueryType()!], ['mutation', schema.getMutationType()!]] as const) {
      for (const field of Object.values(type.getFields())) {
        for (const path of leafPaths(field.args, 'ID')) {
          tried++;
          const before = await journal.mark();
          const r = await admin.request<any>(operationText(kind, field), variablesWith(field.args, path, "nope'--"));
          const e = r.errors?.[0];
          const call = `${field.name} ${path.join('.')}`;
          if (r.status !== 400 || e?.extensions?.code !== 'BAD_USER_INPUT' || e.extensions.reason !== 'INVALID_ID') failures.push(`${call} → ${r.status} ${JSON.stringify(r.errors ?? r.data)}`);
          else if (JSON.stringify(e.extensions.fields) !== JSON.stringify([{ field: path, constraints: ['INVALID_ID'] }])) failures.push(`${call} → fields ${JSON.stringify(e.extensions.fields)}`);
          if (JSON.stringify(r).includes('nope')) failures.push(`${call} → echoes the value`);
          if ((await journal.mark()) !== before) failures.push(`${call} → wrote ${await journal.describeSince(before)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThan(40);
  }, 300_000);

  it.each([
    ['an admin filter', `{ auditEntries(first: 5, actorId: "nope'--") { totalCount } }`, ['actorId']],
    ['a nested input', `mutation { setUserActive(input: { userId: "nope'--", active: true }) { userErrors { code } } }`, ['input', 'userId']],
    ['a list', `{ trainingOutcome(trainingIds: ["00000000-0000-4000-8000-000000000000", "12"]) { __typename } }`, ['trainingIds']],
  ])('refuses an invalid ID written as a literal in %s, in the caller’s language', async (_, query, field) => {
    const id = await t.client().request(query);
    const en = await t.client({ 'accept-language': 'en' }).request(query);
    for (const [r, text] of [[id, /^ID tidak valid/], [en, /^Invalid ID/]] as const) {
      expect(r.status).toBe(400);
      expect(r.errors?.[0]).toMatchObject({ message: expect.stringMatching(text), extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_ID', fields: [{ field, constraints: ['INVALID_ID'] }] } });
    }
  });
});
