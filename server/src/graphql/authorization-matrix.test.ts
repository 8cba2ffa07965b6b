import { isNonNullType, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../db/seeders/demo-accounts';
import { Role } from '../modules/user/role.enum';
import { startTestApp, type TestApp } from '../../test/test-app';
import { declaredPermissions } from '../../test/declared-permissions';
import { operationText, sampleInput } from '../../test/schema-walk';
import type { GraphqlClient } from '../../test/graphql-client';
import { roleHasPermission, type Permission } from './permissions';
import { getSchema } from './schema';

function request(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): { text: string; variables: Record<string, unknown> } {
  const required = field.args.filter((a) => isNonNullType(a.type));
  return { text: operationText(kind, field, required), variables: Object.fromEntries(required.map((a) => [a.name, sampleInput(a.type)])) };
}

const loginOf = (role: Role) => DEMO_ACCOUNTS.find((a) => a.role === role)!.login;
const AUTH_CODES = ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN'];

describe('authorization matrix: every query and mutation, as every role and signed out', () => {
  let t: TestApp;
  const clients = new Map<Role | 'ANONYMOUS', GraphqlClient>();
  beforeAll(async () => {
    t = await startTestApp();
    clients.set('ANONYMOUS', t.client());
    for (const role of Object.values(Role)) clients.set(role, await t.as(loginOf(role)));
  });
  afterAll(() => t?.close());

  it('finds a permission declared on every root operation', async () => {
    const schema = await getSchema();
    const declared = declaredPermissions();
    const names = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()?.getFields() ?? {})];
    expect(names.filter((n) => !declared.has(n))).toEqual([]);
  });

  it('holds every operation to the role matrix in permissions.ts', async () => {
    const schema = await getSchema();
    const declared = declaredPermissions();
    const mismatches: string[] = [];
    const roots = [
      ['query', schema.getQueryType()!] as const,
      ['mutation', schema.getMutationType()!] as const,
    ];
    for (const [kind, type] of roots) {
      for (const field of Object.values(type.getFields())) {
        const permissions = declared.get(field.name) ?? [];
        if (permissions.includes('public')) continue; // sign-in, sign-out and public pages: nothing to deny
        const { text, variables } = request(kind, field);
        for (const [who, client] of clients) {
          const allowed = who !== 'ANONYMOUS' && permissions.every((p) => roleHasPermission(who, p as Permission));
          const r = await client.request(text, variables);
          const code = r.errors?.[0]?.extensions?.code as string | undefined;
          const denied = code !== undefined && AUTH_CODES.includes(code);
          if (allowed === denied) mismatches.push(`${field.name} as ${who}: expected ${allowed ? 'access' : 'denial'}, got ${code ?? 'data'}`);
          if (!allowed && r.data && Object.values(r.data).some((v) => v !== null)) mismatches.push(`${field.name} as ${who}: returned data while denied`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
