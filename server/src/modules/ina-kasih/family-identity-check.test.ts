import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphqlClient } from '../../../test/graphql-client';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { requireRealPostgres } from '../../../test/test-database';
import { ID_CHECKS_PER_HOUR } from './family-identity-check.service';
import { FAMILY_LIST, familyInput, REGISTER_FAMILY, testKk, testNik } from './family.fixtures';

const CHECK = `mutation($i: CheckFamilyIdentityInput!) { checkFamilyIdentity(input: $i) {
  check { familyId matches matchedAs memberId checksLeftThisHour } userErrors { code field message } } }`;

describe('checkFamilyIdentity: staff confirm a card without seeing its digits (real PostgreSQL)', () => {
  let t: TestApp;
  let staff: GraphqlClient;
  let family: { id: string; members: { id: string; name: string }[] };
  const kk = testKk(8101);
  const motherNik = testNik('1984-03-02', 'F', 8101);

  beforeAll(async () => {
    t = await startTestApp();
    staff = await t.as('program@kupang.demo');
    family = (await staff.ok<any>(REGISTER_FAMILY, { i: familyInput(kk, 8101) })).registerFamily.family;
  });
  afterAll(() => t?.close());

  const check = (number: string, client = staff, familyId = family.id) => client.ok<any>(CHECK, { i: { familyId, number } }).then((r) => r.checkFamilyIdentity);

  it('answers yes for the current KK and a member’s NIK (typed with spaces and dashes), no for another number, and audits the outcome without the number', async () => {
    const before = (await t.sql(`select coalesce(max(id), 0) as id from audit_entry`))[0].id;
    expect((await check(kk.replace(/(\d{4})/g, '$1 ').trim())).check).toMatchObject({ matches: true, matchedAs: 'KK', memberId: null });
    const mother = family.members.find((m) => m.name.startsWith('Maria'))!;
    expect((await check(`${motherNik.slice(0, 6)}-${motherNik.slice(6, 12)}-${motherNik.slice(12)}`)).check).toMatchObject({ matches: true, matchedAs: 'NIK', memberId: mother.id });
    const wrong = await check(testNik('1984-03-02', 'F', 8102));
    expect(wrong.check).toMatchObject({ matches: false, matchedAs: null, memberId: null, checksLeftThisHour: ID_CHECKS_PER_HOUR - 3 });
    const entries = await t.sql<{ action: string; entity_id: string; text: string }>(`select action, entity_id, after::text as text from audit_entry where id > ? and action = 'ina.family.check_id' order by id`, [before]);
    expect(entries.map((e) => [e.action, e.entity_id])).toEqual([['ina.family.check_id', family.id], ['ina.family.check_id', family.id], ['ina.family.check_id', family.id]]);
    for (const e of entries) for (const typed of [kk, motherNik, testNik('1984-03-02', 'F', 8102)]) expect(e.text).not.toContain(typed.slice(-4));
  });

  it('refuses a number that is not 16 digits, and a family outside the officer’s kelurahan, as user errors in her language', async () => {
    const short = await check('5371 0210');
    expect(short.userErrors).toEqual([expect.objectContaining({ code: 'FAMILY_ID_CHECK_FORMAT', field: ['input', 'number'] })]);
    const oebobo = await t.as('oebobo@kupang.demo');
    const outside = await check(kk, oebobo);
    expect(outside.userErrors).toEqual([expect.objectContaining({ code: 'FAMILY_NOT_FOUND' })]);
    expect(outside.check).toBeNull();
  });

  it('allows 30 checks an hour per officer, searches by a full number included; the 31st is refused and audited', async () => {
    const [{ used }] = await t.sql<{ used: number }>(`select used from ina_id_check_quota q join app_user u on u.id = q.user_id where u.email = 'program@kupang.demo'`);
    // A search by a full KK is an oracle too: it takes from the same allowance.
    const found = await staff.ok<any>(FAMILY_LIST, { search: kk });
    expect(found.families.nodes.map((f: { id: string }) => f.id)).toEqual([family.id]);
    for (let i = used + 1; i < ID_CHECKS_PER_HOUR; i++) expect((await check(testKk(9000 + i))).check.matches).toBe(false);
    const over = await check(kk);
    expect(over.check).toBeNull();
    expect(over.userErrors).toEqual([expect.objectContaining({ code: 'FAMILY_ID_CHECK_LIMIT', field: ['input', 'number'] })]);
    expect(over.userErrors[0].message).toMatch(/30/);
    const search = await staff.request(FAMILY_LIST, { search: motherNik });
    expect(search.errors?.[0]?.extensions?.code).toBe('FAMILY_ID_CHECK_LIMIT');
    // Searching by name is not an identity check and still works.
    expect((await staff.ok<any>(FAMILY_LIST, { search: 'Yohanis Tefa 8101' })).families.totalCount).toBe(1);
    expect((await t.sql(`select count(*)::int as n from audit_entry where action = 'ina.family.check_id_refused' and entity_id = ?`, [family.id]))[0].n).toBe(1);
  });

  it('holds the limit in the database: 40 simultaneous checks by one officer give exactly 30 answers', async () => {
    if (!requireRealPostgres('simultaneous identity checks')) return;
    const admin = await t.as('admin@kupang.demo');
    const results = await Promise.all(Array.from({ length: 40 }, () => check(kk, admin)));
    expect(results.filter((r) => r.check?.matches).length).toBe(ID_CHECKS_PER_HOUR);
    expect(results.filter((r) => r.userErrors[0]?.code === 'FAMILY_ID_CHECK_LIMIT').length).toBe(40 - ID_CHECKS_PER_HOUR);
    await expect(t.sql(`update ina_id_check_quota set used = used + 1 where user_id = (select id from app_user where email = 'admin@kupang.demo')`)).rejects.toThrow(/ina_id_check_quota_limit/);
  });
});
