import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldPermissions } from '../../../test/declared-permissions';
import type { GraphqlClient } from '../../../test/graphql-client';
import { startTestApp, TEST_PII_KEY, type TestApp } from '../../../test/test-app';
import { requireRealPostgres } from '../../../test/test-database';
import { roleHasPermission, type Permission } from '../../graphql/permissions';
import { getSchema } from '../../graphql/schema';
import { Role } from '../user/role.enum';
import { createLogger } from '../../platform/logger';
import { seedFamiliesDemo } from './family.seed';
import { familyInput, REGISTER_FAMILY, REVEAL, testKk, testNik } from './family.fixtures';
import { maskIdNumber, PiiCipher } from './identity.util';
import { Migration20261208010000IdMasksWithoutDigits } from './migrations/Migration20261208010000IdMasksWithoutDigits';

/**
 * The attacker's view of every NIK and KK: everything a database dump holds in clear (every
 * column that is not ciphertext or a keyed hash, masks and the audit trail's JSON included) and
 * everything each role's API answers. A number is rebuilt when every one of its 16 digits is
 * either shown (a digit of a masked form at its place, or the whole number) or derivable from
 * fields in clear: the region from the family's kelurahan, a NIK's birth date (+40 for women)
 * from the member's birth date and sex, a KK's issue date from any date kept about the family.
 */

/** A NIK or KK as the test knows it (decrypted), with what the attacker derives from clear fields. */
interface Target {
  kind: 'NIK' | 'KK';
  label: string;
  value: string;
  /** Digits the attacker computes from clear fields, by position (the 6 region digits, the 6 date digits). */
  derived: Map<number, string>[];
}

const digitsOnly = (s: string) => s.replace(/[\s.\-_]/g, '');
const p2 = (n: number) => String(n).padStart(2, '0');
const ddmmyy = (iso: string, plus = 0) => `${p2(Number(iso.slice(8, 10)) + plus)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;
/** `53.71.04.1001` → `537104`, the kecamatan part the first six digits of a NIK or KK are. */
const regionDigits = (kelurahanCode: string) => kelurahanCode.split('.').slice(0, 3).join('');

/** Positions an alignment of a masked form gives: whole-length, or anchored at either end. */
function alignments(s: string): number[] {
  if (s.length === 16) return [0];
  if (s.length > 16) return [];
  return [...new Set([0, 16 - s.length])];
}

/** Every string in a JSON value (nested objects and arrays walked). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** What the attacker keeps of a pile of strings: every 16-digit run, and every masked form (with •). */
interface Pool {
  full: Set<string>;
  masks: string[];
}

export function poolOf(values: Iterable<string>): Pool {
  const pool: Pool = { full: new Set(), masks: [] };
  for (const raw of values) {
    const s = digitsOnly(raw);
    for (const run of s.match(/\d{16,}/g) ?? []) for (let i = 0; i + 16 <= run.length; i++) pool.full.add(run.slice(i, i + 16));
    if (s.includes('•')) pool.masks.push(...(s.match(/[\d•]*•[\d•]*/g) ?? []));
  }
  pool.masks = [...new Set(pool.masks)];
  return pool;
}

/**
 * How the attacker rebuilds `t` from a pool, or undefined: the full number in clear, or a masked
 * form whose shown digits agree with it and, with what is derived, cover all 16 places.
 */
export function rebuild(t: Target, pool: Pool): string | undefined {
  if (pool.full.has(t.value)) return 'in clear';
  for (const s of pool.masks) {
    for (const offset of alignments(s)) {
      const shown = new Map<number, string>();
      [...s].forEach((c, i) => /\d/.test(c) && shown.set(offset + i, c));
      if (!shown.size || ![...shown].every(([pos, d]) => t.value[pos] === d)) continue;
      for (const derived of t.derived) {
        const known = (pos: number) => shown.has(pos) || derived.get(pos) === t.value[pos];
        if (Array.from({ length: 16 }, (_, i) => i).every(known)) return `mask ${s} + derived`;
      }
    }
  }
  return undefined;
}

/** The digits `value` has at positions `from`..`from+digits.length` when they equal `digits`. */
function derivedAt(value: string, from: number, digits: string): Map<number, string> {
  const m = new Map<number, string>();
  if (value.slice(from, from + digits.length) === digits) [...digits].forEach((d, i) => m.set(from + i, d));
  return m;
}

/** The region map merged with each candidate date's map. */
const combine = (region: Map<number, string>, dates: Map<number, string>[]) => (dates.length ? dates : [new Map()]).map((d) => new Map([...region, ...d]));

/** Roles whose API answers are collected, each with one demo account. */
const ROLES: [Role, string][] = [
  [Role.PROGRAM_STAFF, 'program@kupang.demo'],
  [Role.PROGRAM_STAFF, 'oebobo@kupang.demo'],
  [Role.ADMIN, 'admin@kupang.demo'],
  [Role.PARTNER, 'mitra@kupang.demo'],
  [Role.VENDOR, '081234560001'],
  [Role.MARKET_STAFF, 'pasar@kupang.demo'],
];

/** Types whose fields hold a family's identity numbers or what a NIK or KK is rebuilt from. */
const FAMILY_TYPES = new Set(['Family', 'FamilyMember', 'FamilyKkHistory', 'DuplicateFlag', 'AuditEntry', 'FamilyImportJob', 'FamilyIdentityCheck']);

/**
 * A selection of every field the role may read below `type` (fields with required arguments
 * skipped, a type not twice on a path); lists with `first` ask for `first` items.
 */
function selectionOf(type: GraphQLObjectType, may: (key: string) => boolean, depth: number, seen: Set<string>, first: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    const key = `${type.name}.${field.name}`;
    if (!may(key) || field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    const args = field.args.some((a) => a.name === 'first') ? `(first: ${first})` : '';
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth > 1 && !seen.has(named.name)) {
      const inner = selectionOf(named, may, depth - 1, new Set([...seen, named.name]), Math.min(first, 5));
      if (inner) parts.push(`${field.name}${args} ${inner}`);
    }
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '';
}

/** Types reachable from `type` within `depth` levels. */
function reaches(type: GraphQLObjectType, depth: number, seen = new Set<string>()): Set<string> {
  const out = new Set([type.name]);
  if (depth === 0) return out;
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (isObjectType(named) && !seen.has(named.name)) for (const n of reaches(named, depth - 1, new Set([...seen, type.name]))) out.add(n);
  }
  return out;
}

describe('no NIK or KK can be rebuilt from what is in clear (dump and every role’s API)', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  const cipher = new PiiCipher(TEST_PII_KEY);
  const targets: Target[] = [];
  const dump: string[] = [];
  const api = new Map<string, string[]>();
  const reachedRoots = new Map<string, string[]>();

  beforeAll(async () => {
    t = await startTestApp();
    schema = await getSchema();
    // The demo registry (tests start with an empty one): ~240 families, their members and one shared KK.
    const em = t.em();
    await seedFamiliesDemo(em, createLogger('silent'), TEST_PII_KEY);
    await em.flush();
    const staff = await t.as('program@kupang.demo');
    // Every path that writes or audits a mask: registration, a new KK, a new member, an update, a reveal, an import.
    // The mutations' own answers are part of what program staff see.
    const answers: string[] = [];
    const write = async (query: string, variables: Record<string, unknown>) => {
      const r = await staff.ok<any>(query, variables);
      strings(r, answers);
      return r;
    };
    const reg = await write(REGISTER_FAMILY, { i: familyInput(testKk(7001), 7001) });
    const familyId = reg.registerFamily.family.id;
    await write(`mutation($i: ChangeFamilyKkInput!) { changeFamilyKk(input: $i) { family { kkMasked kkHistory { kkMasked } } userErrors { code } } }`, { i: { familyId, kk: testKk(7002), reason: 'Pisah KK' } });
    await write(`mutation($i: AddFamilyMemberInput!) { addFamilyMember(input: $i) { member { nikMasked } userErrors { code } } }`, {
      i: { familyId, name: 'Selfina Tefa', nik: testNik('2001-02-03', 'F', 7003), birthDate: '2001-02-03', sex: 'FEMALE', relation: 'CHILD' },
    });
    await write(`mutation($i: UpdateFamilyInput!) { updateFamily(input: $i) { family { kkMasked members { nikMasked } } userErrors { code } } }`, { i: { familyId, address: 'Jl. Eltari No. 9' } });
    await staff.ok(REVEAL, { i: { familyId } });
    const [demo] = await t.sql<{ id: string }>(`select id from ina_family order by registry_number limit 1`);
    await staff.ok(REVEAL, { i: { familyId: demo.id } });
    const csv = [
      'no_kk;kepala_keluarga;alamat;kelurahan;desil;sumber_data;tanggal_verval;nomor_sk;tahap;nama;nik;tanggal_lahir;jenis_kelamin;hubungan;sekolah;disabilitas',
      `5371040105247004;Simon Ndun;Jl. Frans Seda No. 4;Oebufu;2;DTSEN;;;1;Simon Ndun;${testNik('1979-04-01', 'M', 7004)};01-04-1979;L;Kepala Keluarga;Tidak`,
      `5371040105247004;Simon Ndun;;;;;;;;Ester Ndun;${testNik('1985-12-24', 'F', 7004)};24-12-1985;P;Istri;Tidak`,
    ].join('\r\n');
    const up = await fetch(`${t.url}/api/ina-kasih/imports?mode=VALID_ROWS&name=keluarga.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: `kp_session=${staff.cookie('kp_session')}` },
      body: csv,
    });
    const { jobId } = (await up.json()) as { jobId: string };
    for (let i = 0; i < 200; i++) {
      const { familyImportJob } = await staff.ok<any>(`query($id: ID!) { familyImportJob(id: $id) { status } }`, { id: jobId });
      if (familyImportJob.status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 50));
    }

    // The truth, decrypted: every current and past KK, every NIK, with what is derivable beside it.
    const families = await t.sql<{ id: string; code: string; dates: string[] }>(
      `select f.id, f.kelurahan_code as code,
              array_remove(array[to_char(f.verified_at, 'YYYY-MM-DD'), to_char(f.enrolled_at, 'YYYY-MM-DD'), to_char(f.consent_given_at, 'YYYY-MM-DD'),
                                  to_char(f.created_at, 'YYYY-MM-DD'), to_char(f.status_changed_at, 'YYYY-MM-DD')], null)
              || coalesce((select array_agg(to_char(h.valid_from, 'YYYY-MM-DD')) from ina_family_kk_history h where h.family_id = f.id), '{}') as dates
         from ina_family f`,
    );
    const byId = new Map(families.map((f) => [f.id, f]));
    const kks = await t.sql<{ family_id: string; kk_enc: string }>(`select id as family_id, kk_enc from ina_family where kk_enc is not null union select family_id, kk_enc from ina_family_kk_history where kk_enc is not null`);
    for (const k of kks) {
      const f = byId.get(k.family_id)!;
      const value = cipher.decrypt(k.kk_enc);
      const region = derivedAt(value, 0, regionDigits(f.code));
      const dates = f.dates.map((d) => derivedAt(value, 6, ddmmyy(d))).filter((m) => m.size);
      targets.push({ kind: 'KK', label: `KK of family ${f.id}`, value, derived: combine(region, dates) });
    }
    const members = await t.sql<{ id: string; family_id: string; nik_enc: string; birth: string; sex: string }>(
      `select id, family_id, nik_enc, to_char(birth_date, 'YYYY-MM-DD') as birth, sex from ina_family_member where nik_enc is not null`,
    );
    for (const m of members) {
      const value = cipher.decrypt(m.nik_enc);
      const region = derivedAt(value, 0, regionDigits(byId.get(m.family_id)!.code));
      const date = derivedAt(value, 6, ddmmyy(m.birth, m.sex === 'F' ? 40 : 0));
      targets.push({ kind: 'NIK', label: `NIK of member ${m.id}`, value, derived: combine(region, [date]) });
    }

    // The dump: every column of every table in every schema, but ciphertexts and keyed hashes.
    const tables = await t.sql<{ schema: string; name: string }>(
      `select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
    );
    for (const table of tables) {
      const cols = await t.sql<{ name: string }>(
        `select column_name as name from information_schema.columns where table_schema = ? and table_name = ? and column_name !~ '_(enc|hash)$'`,
        [table.schema, table.name],
      );
      if (!cols.length) continue;
      const list = cols.map((c) => `"${c.name}"::text`).join(', ');
      const rows = await t.sql<{ v: string | null }>(`select unnest(array[${list}]) as v from "${table.schema}"."${table.name}"`);
      for (const r of rows) if (r.v) dump.push(r.v);
    }

    // Each role's API: every root query it may call that reaches a family's fields, every field it may read below it, every page.
    const perms = fieldPermissions();
    const query = schema.getQueryType()!;
    for (const [role, login] of ROLES) {
      const client: GraphqlClient = await t.as(login);
      const may = (key: string) => (perms.get(key) ?? []).every((p) => p === 'public' || roleHasPermission(role, p as Permission));
      const pool: string[] = [];
      const roots: string[] = [];
      for (const field of Object.values(query.getFields())) {
        const type = getNamedType(field.type);
        if (!may(`Query.${field.name}`) || !isObjectType(type) || field.args.some((a) => isNonNullType(a.type) && a.name !== 'id')) continue;
        if (![...reaches(type, 3)].some((n) => FAMILY_TYPES.has(n))) continue;
        const idArg = field.args.find((a) => a.name === 'id');
        const ids = idArg ? [familyId, demo.id, jobId] : [undefined];
        const paged = field.args.some((a) => a.name === 'first');
        for (const id of ids) {
          let after: string | undefined;
          let size = 40;
          for (let page = 0; page < 80; page++) {
            const sel = selectionOf(type, may, 4, new Set([type.name]), size);
            const args = [paged ? `first: ${size}` : '', paged && after ? `after: "${after}"` : '', id ? `id: "${id}"` : ''].filter(Boolean).join(', ');
            const r = await client.request<any>(`{ ${field.name}${args ? `(${args})` : ''} ${sel} }`);
            // Over the API's cost limit: the same walk with smaller pages.
            if (r.errors?.some((e) => /cost \d+/.test(e.message)) && size > 1) {
              size = Math.floor(size / 2);
              page--;
              continue;
            }
            if (r.errors?.length) {
              // Refused (not the role's, or not this id's kind): nothing given.
              if (!r.errors.every((e) => ['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'BAD_USER_INPUT'].includes(String(e.extensions?.code)))) throw new Error(`${field.name} as ${login}: ${JSON.stringify(r.errors)}`);
              break;
            }
            strings(r.data, pool);
            if (!roots.includes(field.name)) roots.push(field.name);
            const pageInfo = r.data?.[field.name]?.pageInfo;
            if (!paged || !pageInfo?.hasNextPage) break;
            after = pageInfo.endCursor;
          }
        }
      }
      api.set(login, login === 'program@kupang.demo' ? [...pool, ...answers] : pool);
      reachedRoots.set(login, roots);
    }
  }, 300_000);
  afterAll(() => t?.close());

  it('has teeth: with last-four masks the same attacker rebuilds every NIK', () => {
    const niks = targets.filter((x) => x.kind === 'NIK');
    const oldMask = (v: string) => `${v.slice(0, 4)}${'•'.repeat(8)}${v.slice(-4)}`;
    const old = poolOf(niks.map((n) => oldMask(n.value)));
    const rebuilt = niks.filter((x) => rebuild(x, old));
    // Members whose NIK agrees with their kelurahan and birth date (all the demo data's): each one rebuilt.
    expect(rebuilt.length).toBe(niks.filter((x) => x.derived.some((d) => d.size === 12)).length);
    expect(rebuilt.length).toBeGreaterThan(500);
  });

  it('rebuilds no NIK and no KK from a database dump', () => {
    expect(targets.filter((x) => x.kind === 'NIK').length).toBeGreaterThan(500);
    expect(targets.filter((x) => x.kind === 'KK').length).toBeGreaterThan(240);
    expect(dump.length).toBeGreaterThan(10_000);
    const pool = poolOf(dump);
    const found = targets.map((x) => [x.label, rebuild(x, pool)]).filter(([, how]) => how);
    expect(found.slice(0, 5), `${found.length} rebuilt`).toEqual([]);
    console.log(`id-rebuild: ${targets.filter((x) => x.kind === 'NIK').length} NIKs and ${targets.filter((x) => x.kind === 'KK').length} KKs against ${dump.length} values of the dump and ${[...api].map(([login, v]) => `${v.length} of ${login} (${reachedRoots.get(login)!.length} roots)`).join(', ')}`);
  });

  it('rebuilds no NIK and no KK from what any role’s API answers', () => {
    // Program staff and the administrator reach families; the others reach none of their fields.
    expect(reachedRoots.get('program@kupang.demo')).toEqual(expect.arrayContaining(['families', 'family', 'duplicateFlags']));
    expect(reachedRoots.get('admin@kupang.demo')).toEqual(expect.arrayContaining(['families', 'auditEntries']));
    for (const login of ['mitra@kupang.demo', '081234560001', 'pasar@kupang.demo']) expect(reachedRoots.get(login)!.filter((r) => /famil|duplicate|audit/i.test(r))).toEqual([]);
    const shown = api.get('program@kupang.demo')!.filter((s) => s.includes('•')).length;
    expect(shown, 'the staff API shows masked forms').toBeGreaterThan(500);
    const found: string[] = [];
    for (const [login, values] of api) {
      const pool = poolOf(values);
      for (const x of targets) {
        const how = rebuild(x, pool);
        if (how) found.push(`${x.label} as ${login}: ${how}`);
      }
    }
    expect(found.slice(0, 5), `${found.length} rebuilt`).toEqual([]);
  });

  it('a masked form holds no digit at all, in the dump and in every answer (nothing to derive, so nothing to leak)', () => {
    const masks = poolOf([...dump, ...[...api.values()].flat()]).masks;
    expect(masks).toContain('••••••••••••••••');
    const withDigits = masks.filter((s) => /\d/.test(s));
    expect(withDigits.slice(0, 5)).toEqual([]);
    expect(maskIdNumber('5371044107900012')).not.toMatch(/\d/);
  });

  it('the database refuses a mask with digits in every column that stores one, and in the audit trail', async () => {
    const old = '5371••••••••0012';
    const [m] = await t.sql<{ id: string; family_id: string }>(`select id, family_id from ina_family_member where nik_masked is not null limit 1`);
    await expect(t.sql(`update ina_family_member set nik_masked = ? where id = ?`, [old, m.id])).rejects.toThrow(/ina_family_member_nik_masked_no_digits/);
    await expect(t.sql(`update ina_family set kk_masked = ? where id = ?`, [old, m.family_id])).rejects.toThrow(/ina_family_kk_masked_no_digits/);
    await expect(t.sql(`update ina_family_kk_history set kk_masked = ? where family_id = ?`, [old, m.family_id])).rejects.toThrow(/ina_family_kk_history_kk_masked_no_digits/);
    await expect(
      t.sql(`insert into audit_entry (at, action, entity_type, entity_id, after) values (now(), 'test', 'Family', ?, ?::jsonb)`, [m.family_id, JSON.stringify({ kk: old })]),
    ).rejects.toThrow(/audit_entry_no_masked_digits/);
  });

  it('the migration rewrites masks stored in the old form, in the tables and inside the audit trail', async () => {
    if (!requireRealPostgres('the mask migration on yesterday’s data') || !t.config.databaseUrl) return;
    const client = new pg.Client({ connectionString: t.config.databaseUrl });
    await client.connect();
    try {
      await client.query('begin');
      // Yesterday's database: the constraints not there yet, masks that keep the serial.
      for (const [table, constraint] of [['ina_family', 'ina_family_kk_masked_no_digits'], ['ina_family_kk_history', 'ina_family_kk_history_kk_masked_no_digits'], ['ina_family_member', 'ina_family_member_nik_masked_no_digits'], ['audit_entry', 'audit_entry_no_masked_digits']])
        await client.query(`alter table "${table}" drop constraint "${constraint}"`);
      await client.query(`update ina_family set kk_masked = '5371••••••••1000' where kk_masked is not null`);
      await client.query(`update ina_family_kk_history set kk_masked = '5371••••••••1000' where kk_masked is not null`);
      await client.query(`update ina_family_member set nik_masked = '5371••••••••0003' where nik_masked is not null`);
      const { rows: [entry] } = await client.query(
        `insert into audit_entry (at, action, entity_type, entity_id, before, after) values (now(), 'ina.family.change_kk', 'Family', 'x', '{"kk": "5371••••••••1000"}', '{"kk": "5371••••••••1001", "reason": "Pindah ke RT 03", "members": [{"nik": "5371••••••••0003"}]}') returning id`,
      );
      const migration = new Migration20261208010000IdMasksWithoutDigits(null as never, null as never);
      await migration.up();
      for (const q of migration.getQueries()) await client.query(String(q));
      const { rows } = await client.query(
        `select (select count(*) from ina_family where kk_masked ~ '[0-9]')::int as families, (select count(*) from ina_family_kk_history where kk_masked ~ '[0-9]')::int as history,
                (select count(*) from ina_family_member where nik_masked ~ '[0-9]')::int as members, (select count(*) from ina_family_member where nik_masked = repeat('•', 16))::int as dotted,
                (select before from audit_entry where id = $1) as before, (select after from audit_entry where id = $1) as after`,
        [entry.id],
      );
      expect(rows[0]).toMatchObject({ families: 0, history: 0, members: 0 });
      expect(rows[0].dotted).toBeGreaterThan(500);
      expect(rows[0].before).toEqual({ kk: '••••••••••••••••' });
      expect(rows[0].after).toEqual({ kk: '••••••••••••••••', reason: 'Pindah ke RT 03', members: [{ nik: '••••••••••••••••' }] });
      // The trail is append-only again once the migration is done.
      await expect(client.query(`update audit_entry set action = 'x' where id = $1`, [entry.id])).rejects.toThrow(/append-only/);
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    }
  });
});
