import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireAtOnce } from '../../../test/race';
import { startTestApp, TEST_PII_KEY, type TestApp } from '../../../test/test-app';
import { createTestDatabase, requireRealPostgres, type TestDatabase } from '../../../test/test-database';
import { isEligibleOn } from './eligibility.util';
import { piiCipher } from './identity.util';

const cipher = piiCipher(TEST_PII_KEY);
const KELURAHAN = '53.71.02.1004';

/** Inserts one active family (and optionally members) in its own transaction, as any writer would. */
async function insertFamily(t: TestApp, kk: string, niks: string[] = []): Promise<string> {
  const id = randomUUID();
  const k = cipher.protect('KK', kk);
  await t.em().transactional(async (em) => {
    await em.execute(
      `insert into ina_family (id, created_at, updated_at, kk_enc, kk_hash, kk_masked, head_name, address, kelurahan_code, data_source, enrolled_at)
       values (?, now(), now(), ?, ?, ?, 'Yohanis Tefa', 'RT 01/RW 02', ?, 'DTSEN', current_date)`,
      [id, k.enc, k.hash, k.masked, KELURAHAN],
    );
    for (const nik of niks) {
      const n = cipher.protect('NIK', nik);
      await em.execute(
        `insert into ina_family_member (id, created_at, updated_at, family_id, name, nik_enc, nik_hash, nik_masked, birth_date, sex)
         values (?, now(), now(), ?, 'Maria Tefa', ?, ?, ?, '2010-07-05', 'F')`,
        [randomUUID(), id, n.enc, n.hash, n.masked],
      );
    }
  });
  return id;
}

describe('Ina Kasih registry in PostgreSQL: eligibility twin and duplicate flags', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('ina_is_eligible agrees with eligibleWomenOn for births around every boundary over two years of months', async () => {
    const births: string[] = [];
    for (let y = 1978; y <= 2020; y++) for (const md of ['01-01', '02-28', '02-29', '03-01', '06-15', '11-30', '12-31']) if (md !== '02-29' || y % 4 === 0) births.push(`${y}-${md}`);
    const months: string[] = [];
    for (let y = 2026; y <= 2027; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}-01`);
    const rows = await t.sql<{ b: string; m: string; sex: string; e: boolean }>(
      `select b::text as b, m::text as m, s as sex, ina_is_eligible(b, s, m) as e
         from unnest(?::date[]) b, unnest(?::date[]) m, unnest(array['F','M']) s`,
      [`{${births.join(',')}}`, `{${months.join(',')}}`],
    );
    expect(rows.length).toBe(births.length * months.length * 2);
    const disagreements = rows.filter((r) => isEligibleOn({ birthDate: r.b, sex: r.sex }, r.m) !== r.e);
    expect(disagreements).toEqual([]);
    expect(rows.filter((r) => r.e).length).toBeGreaterThan(100);
  });

  it('flags the same KK in two active families once, and the same NIK across families, never merging them', async () => {
    const a = await insertFamily(t, '5371021004230101', ['5371024507100101']);
    const b = await insertFamily(t, '5371021004230101');
    const c = await insertFamily(t, '5371021004230102', ['5371024507100101']);
    const flags = await t.sql(`select kind, family_id, other_family_id, member_id is not null as has_member from ina_duplicate_flag where family_id in (?, ?, ?) or other_family_id in (?, ?, ?) order by kind`, [a, b, c, a, b, c]);
    expect(flags).toEqual([
      { kind: 'KK', family_id: [a, b].sort()[0], other_family_id: [a, b].sort()[1], has_member: false },
      { kind: 'NIK', family_id: [a, c].sort()[0], other_family_id: [a, c].sort()[1], has_member: true },
    ]);
    const [{ n }] = await t.sql(`select count(*)::int as n from ina_family where id in (?, ?, ?) and status = 'ACTIVE'`, [a, b, c]);
    expect(n).toBe(3);
  });

  it('does not flag a family that is not active, and flags it when it becomes active again', async () => {
    const a = await insertFamily(t, '5371021004230201');
    await t.sql(`update ina_family set status = 'EXITED', status_reason = 'pindah ke Kabupaten Kupang' where id = ?`, [a]);
    const b = await insertFamily(t, '5371021004230201');
    const count = async () => (await t.sql(`select count(*)::int as n from ina_duplicate_flag where family_id in (?, ?) or other_family_id in (?, ?)`, [a, b, a, b]))[0].n;
    expect(await count()).toBe(0);
    await t.sql(`update ina_family set status = 'ACTIVE', status_reason = null where id = ?`, [a]);
    expect(await count()).toBe(1);
  });

  it('refuses the same NIK twice on one family card, a desil outside 1–10, and deleting KK history', async () => {
    await expect(insertFamily(t, '5371021004230301', ['5371024507100301', '5371024507100301'])).rejects.toThrow(/ina_family_member_nik_once_per_family/);
    const id = await insertFamily(t, '5371021004230302');
    await expect(t.sql(`update ina_family set desil = 11 where id = ?`, [id])).rejects.toThrow(/check/);
    await t.sql(`insert into ina_family_kk_history (family_id, kk_enc, kk_hash, kk_masked, valid_from) select id, kk_enc, kk_hash, kk_masked, now() from ina_family where id = ?`, [id]);
    await expect(t.sql(`delete from ina_family_kk_history where family_id = ?`, [id])).rejects.toThrow(/never deleted/);
  });

  it('keeps no KK or NIK in clear anywhere in the family tables', async () => {
    const dump = await t.sql<{ x: string }>(
      `select string_agg(x::text, '|') as x from (select f::text as x from ina_family f union all select m::text from ina_family_member m union all select h::text from ina_family_kk_history h) d`,
    );
    expect(dump[0].x).toContain('••••••••••••••••');
    expect(dump[0].x).not.toMatch(/[0-9]•|•[0-9]/);
    expect(dump[0].x).not.toMatch(/5371021004230101|5371024507100101/);
  });
});

describe.runIf(requireRealPostgres('duplicate flags under concurrent registrations'))('duplicate flags when two processes register the same KK at once (real PostgreSQL)', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
    b = await startTestApp({}, { database: { url: db.url, drop: async () => undefined } });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('flags every pair among 12 families with one KK and one NIK, written at once from two pools', async () => {
    const results = await fireAtOnce(12, (i) => insertFamily(i % 2 ? a : b, '5371021004239901', [`53710245071${String(i).padStart(5, '0')}`, '5371024507109999']));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await a.sql(
      `select kind, count(*)::int as n, count(distinct (family_id, other_family_id))::int as pairs from ina_duplicate_flag where blind_hash in (?, ?) group by kind order by kind`,
      [cipher.blindIndex('KK', '5371021004239901'), cipher.blindIndex('NIK', '5371024507109999')],
    );
    // 12 families pairwise: 66 pairs, each flagged once for the KK and once for the shared NIK.
    expect(rows).toEqual([
      { kind: 'KK', n: 66, pairs: 66 },
      { kind: 'NIK', n: 66, pairs: 66 },
    ]);
  });
});
