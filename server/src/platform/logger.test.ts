import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GraphqlClient } from '../../test/graphql-client';
import { TcpProxy } from '../../test/tcp-proxy';
import { startTestApp, type TestApp } from '../../test/test-app';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from '../../test/test-database';
import { familyInput, REGISTER_FAMILY, testKk, testNik } from '../modules/ina-kasih/family.fixtures';
import { maskIdNumber } from '../modules/ina-kasih/identity.util';
import { createLogger, safeErrorMessage } from './logger';

const IP = '10.77.1.23';
const PASSWORD = 'Rahasia-Mama-Yuli-77';

/** A family whose every personal value is distinctive, so a leak is found by a plain search. */
function family(n: number) {
  const kk = testKk(9000 + n);
  const base = familyInput(kk, n);
  const members = [
    { name: `Fransiska Lakapu Nomor${n}`, nik: testNik('1987-03-14', 'F', 7700 + n), birthDate: '1987-03-14', sex: 'FEMALE', relation: 'HEAD' },
    { name: `Theresia Lakapu Nomor${n}`, nik: testNik('2011-09-23', 'F', 7800 + n), birthDate: '2011-09-23', sex: 'FEMALE', relation: 'CHILD', inSchool: true },
  ];
  const input = { ...base, headName: members[0].name, address: `Jl. Frans Seda Gang Melati ${n}`, members };
  const personal = [kk, maskIdNumber(kk), input.headName, input.address, ...members.flatMap((m) => [m.name, m.birthDate, ...(m.nik ? [m.nik, maskIdNumber(m.nik)] : [])])];
  return { input, personal };
}

describe.runIf(requireRealPostgres('log privacy under database failures'))('no personal data in the log or in answers when writes fail (real PostgreSQL)', () => {
  describe.each(['info', 'trace'])('at LOG_LEVEL=%s', (level) => {
    let db: TestDatabase;
    let proxy: TcpProxy;
    let t: TestApp;
    let staff: GraphqlClient;
    const lines: string[] = [];
    const answers: string[] = [];
    const personal: string[] = [IP, PASSWORD];
    const consoleCalls: unknown[][] = [];
    const direct = async (sql: string) => {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        return (await c.query(sql)).rows;
      } finally {
        await c.end();
      }
    };
    const send = async (query: string, variables: Record<string, unknown>) => {
      const r = await staff.request<any>(query, variables);
      answers.push(JSON.stringify({ status: r.status, data: r.data, errors: r.errors }));
      return r;
    };

    beforeAll(async () => {
      db = await createTestDatabase();
      let viaProxy: string;
      ({ proxy, url: viaProxy } = await TcpProxy.inFrontOf(db.url!));
      const sink = new Writable({
        write(chunk, _encoding, done) {
          lines.push(...String(chunk).split('\n').filter(Boolean));
          done();
        },
      });
      t = await startTestApp({ DATABASE_URL: viaProxy, LOG_LEVEL: level }, { database: db, logger: createLogger(level, sink) });
      staff = t.client({ 'x-forwarded-for': IP });
      await staff.signIn('program@kupang.demo', 'kupang2026');
      for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation((...args) => void consoleCalls.push([method, ...args]));
      // Test-only ways for a write holding personal data to fail inside PostgreSQL.
      await direct(`create function test_refuse_family() returns trigger language plpgsql as $$
        begin
          if new.address like '%Gang Melati 1' then raise exception 'test refuses this family'; end if;
          if new.address like '%Gang Melati 2' then perform new.head_name::int; end if;
          return new;
        end $$`);
      await direct(`create trigger test_refuse_family before insert on ina_family for each row execute function test_refuse_family()`);
      await direct(`alter table ina_family_member add constraint test_no_nomor3 check (name not like '%Nomor3')`);
    });
    afterAll(async () => {
      vi.restoreAllMocks();
      proxy?.up();
      await t?.close();
      await proxy?.stop();
    });

    it('a trigger exception, a value PostgreSQL quotes in its message and a check violation', async () => {
      for (const n of [1, 2, 3]) {
        const f = family(n);
        personal.push(...f.personal);
        const r = await send(REGISTER_FAMILY, { i: f.input });
        expect(r.data?.registerFamily?.family ?? null).toBeNull();
      }
    });

    it('a database outage in the middle of the INSERT answers 503 and is logged as JSON', async () => {
      const f = family(4);
      personal.push(...f.personal);
      const holder = new pg.Client({ connectionString: db.url });
      await holder.connect();
      await holder.query('begin');
      await holder.query('lock table ina_family in share mode'); // reads go on, the INSERT waits
      const answer = send(REGISTER_FAMILY, { i: f.input });
      await new Promise((r) => setTimeout(r, 400));
      proxy.down();
      const r = await answer;
      proxy.up();
      await holder.query('rollback');
      await holder.end();
      await expect.poll(async () => (await fetch(`${t.url}/healthz`)).status, { timeout: 15_000 }).toBe(200);
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(r.errors?.[0].extensions?.code).toBe('DATABASE_UNAVAILABLE');
    });

    it('variables of the wrong type and a password where it does not belong come back without their values', async () => {
      const f = family(5);
      personal.push(...f.personal);
      const member = { ...f.input.members[0], birthDate: 19870314 };
      const r1 = await send(REGISTER_FAMILY, { i: { ...f.input, members: [member, f.input.members[1]] } });
      expect(r1.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: ['i', 'members', '0', 'birthDate'] }] });
      const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }';
      const r2 = await send(SIGN_IN, { i: { login: '081234567001', password: { secret: PASSWORD } } });
      expect(r2.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const r3 = await send(`mutation { signIn(input: { login: "081234567001", password: ${JSON.stringify(PASSWORD)}, pin: ${JSON.stringify(PASSWORD)} }) { userErrors { code } } }`, {});
      expect(r3.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const r4 = await send(`mutation { signIn(input: { login: "081234567001", password: 77${PASSWORD.length} }) { userErrors { code } } }`, {});
      expect(r4.errors?.[0].message).not.toContain(`77${PASSWORD.length}`);
    });

    it('leaves every line of the log JSON, nothing on the console, and no personal value in the log or in any answer', async () => {
      const log = lines.join('\n');
      const said = answers.join('\n');
      const leaks = [...new Set(personal)].filter((value) => log.includes(value) || said.includes(value));
      expect(leaks).toEqual([]);
      // Also as JSON escapes them (a name inside an audit entry's JSON inside an SQL string).
      expect([...new Set(personal)].filter((value) => log.includes(JSON.stringify(value).slice(1, -1)))).toEqual([]);
      const entries = lines.map((line) => JSON.parse(line) as Record<string, any>);
      expect(consoleCalls).toEqual([]);
      // The failures were logged (the check below is not vacuous).
      const unexpected = entries.filter((e) => e.msg === 'unexpected error in GraphQL request');
      expect(unexpected.map((e) => e.err.message)).toEqual(expect.arrayContaining(['test refuses this family', 'invalid input syntax for type integer: …']));
      expect(unexpected.every((e) => typeof e.err.stack === 'string' && e.err.stack.includes(' at '))).toBe(true);
      expect(entries.some((e) => e.msg === 'database unavailable: request answered 503' && e.level === 40)).toBe(true);
      if (level === 'trace') expect(entries.filter((e) => e.orm === 'query' && /insert into "ina_family"/.test(e.msg)).length).toBeGreaterThan(0);
    });
  });
});

describe('the log form of an error message', () => {
  it.each([
    [`insert into "app_user" ("full_name", "phone") values ('Maria Ndolu', '+6281234567001') - duplicate key value violates unique constraint "app_user_phone_unique"`, '23505', 'duplicate key value violates unique constraint "app_user_phone_unique"'],
    [`select * from x where id = 'nope' - invalid input syntax for type uuid: "nope'--"`, '22P02', 'invalid input syntax for type uuid: …'],
    [`Vendor not found ({ phone: '+6281234567001', ownerName: 'Mama Yuli' })`, undefined, 'Vendor not found ({…})'],
    [`Unexpected token 'M', "Maria Ndolu born 1987-03-14" is not valid JSON`, undefined, 'Unexpected token …, … is not valid JSON'],
    ['connect ECONNREFUSED 127.0.0.1:5432 for 5371044403870001 and maria@example.org', undefined, 'connect ECONNREFUSED [number]:5432 for [number] and [email]'],
  ])('%s', (message, code, safe) => {
    expect(safeErrorMessage(Object.assign(new Error(message), code ? { code } : {}))).toBe(safe);
  });
});
