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
  }, 120_000);
});
