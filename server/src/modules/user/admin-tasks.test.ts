import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import type { GraphqlClient } from '../../../test/graphql-client';

const SET_ACTIVE = 'mutation($i: SetUserActiveInput!) { setUserActive(input: $i) { user { active } userErrors { code } } }';
const TRAIL = `query($actions: [String!], $from: LocalDate, $to: LocalDate, $role: Role, $actor: ID, $after: String, $first: Int = 20) {
  auditEntries(first: $first, actions: $actions, from: $from, to: $to, actorRole: $role, actorId: $actor, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id at action entityType entityId actorRole actor { fullName } after }
  }
}`;
const UPDATE_PARTNER = 'mutation($i: UpdatePartnerContactInput!) { updatePartnerContact(input: $i) { partner { name sector contactName contactEmail contactPhone } userErrors { code field message } } }';

/** The administrator's everyday pages (issue #18): accounts, audit trail, partners; and the read-only leadership role. */
describe('administrator tasks and city leadership', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  const idOf = async (login: string) => (await t.sql(`select id from app_user where email = ? or phone = ?`, [login, login]))[0].id as string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin@kupang.demo');
  });
  afterAll(() => t?.close());

  it('deactivating an account ends its sessions at once; re-enabling does not revive them', async () => {
    const staff = await t.as('pasar@kupang.demo');
    const id = await idOf('pasar@kupang.demo');
    const off = await admin.ok<any>(SET_ACTIVE, { i: { userId: id, active: false } });
    expect(off.setUserActive).toEqual({ user: { active: false }, userErrors: [] });
    const [{ live }] = await t.sql(`select count(*)::int as live from session where user_id = ? and revoked_at is null`, [id]);
    expect(live).toBe(0);
    expect((await staff.request('{ me { id } }')).errors?.[0].extensions?.code).toBe('SESSION_EXPIRED');
    const on = await admin.ok<any>(SET_ACTIVE, { i: { userId: id, active: true } });
    expect(on.setUserActive.user.active).toBe(true);
    expect((await staff.request('{ me { id } }')).errors?.[0].extensions?.code).toBe('SESSION_EXPIRED');
    await t.as('pasar@kupang.demo'); // a new sign-in works again
    const own = await admin.ok<any>(SET_ACTIVE, { i: { userId: await idOf('admin@kupang.demo'), active: false } });
    expect(own.setUserActive.userErrors).toEqual([{ code: 'CANNOT_DISABLE_SELF' }]);
  });

  it('filters the trail by action (exact or kind), actor role, actor and WITA dates, pages it, and audits the read', async () => {
    const id = await idOf('pasar@kupang.demo');
    const disabled = (await admin.ok<any>(TRAIL, { actions: ['user.disable'] })).auditEntries;
    expect(disabled.totalCount).toBe(1);
    expect(disabled.nodes[0]).toMatchObject({ action: 'user.disable', entityType: 'User', entityId: id, actorRole: 'ADMIN', actor: { fullName: 'Admin Kota Kupang' }, after: { active: false, sessionsEnded: 1 } });
    const kind = (await admin.ok<any>(TRAIL, { actions: ['user.'] })).auditEntries;
    expect(kind.nodes.map((n: any) => n.action).sort()).toEqual(['user.disable', 'user.enable']);
    const both = (await admin.ok<any>(TRAIL, { actions: ['user.enable', 'auth.'] })).auditEntries;
    expect(new Set(both.nodes.map((n: any) => n.action))).toEqual(new Set(['user.enable', 'auth.sign_in']));
    const byMarketStaff = (await admin.ok<any>(TRAIL, { role: 'MARKET_STAFF' })).auditEntries;
    expect(byMarketStaff.nodes.length).toBeGreaterThan(0);
    expect(byMarketStaff.nodes.every((n: any) => n.actorRole === 'MARKET_STAFF')).toBe(true);
    const byHer = (await admin.ok<any>(TRAIL, { actor: id })).auditEntries.nodes;
    expect(byHer.map((n: any) => n.actor?.fullName)).toEqual(byHer.map(() => 'Agustina Lay'));

    // Dates are WITA days: 23.30 WITA on 1 March belongs to 1 March, though it is 15.30 UTC.
    await t.sql(`insert into audit_entry (at, action, entity_type, entity_id) values ('2026-03-01T23:30:00+08:00', 'uji.tanggal', 'Uji', 'a'), ('2026-03-02T00:10:00+08:00', 'uji.tanggal', 'Uji', 'b')`);
    const day = async (from: string, to: string) => (await admin.ok<any>(TRAIL, { actions: ['uji.'], from, to })).auditEntries.nodes.map((n: any) => n.entityId);
    expect(await day('2026-03-01', '2026-03-01')).toEqual(['a']);
    expect(await day('2026-03-02', '2026-03-02')).toEqual(['b']);
    expect(await day('2026-03-01', '2026-03-02')).toEqual(['b', 'a']);

    const first = (await admin.ok<any>(TRAIL, { first: 2 })).auditEntries;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await admin.ok<any>(TRAIL, { first: 2, after: first.pageInfo.endCursor })).auditEntries;
    expect(Number(next.nodes[0].id)).toBeLessThan(Number(first.nodes.at(-1).id));

    // Reading the trail shows names and before/after values: the read is itself in the trail.
    const [{ reads }] = await t.sql(`select count(*)::int as reads from audit_entry where action = 'personal_data.read' and (after->'via')::jsonb @> '["Query.auditEntries"]'::jsonb`);
    expect(reads).toBeGreaterThan(0);
  });

  it('reads a page of the trail in a number of statements that does not grow with its actors', async () => {
    const small = await admin.ok<any>(TRAIL, { actions: ['user.'] });
    for (const login of ['program@kupang.demo', 'oebobo@kupang.demo', 'mitra@kupang.demo']) await t.as(login);
    const big = await admin.ok<any>(TRAIL, { actions: ['user.', 'auth.'] });
    expect(big.auditEntries.nodes.length).toBeGreaterThan(small.auditEntries.nodes.length);
    // session, page, count, actors, the audit INSERT of the read
    expect(big.sqlStatements).toBeLessThanOrEqual(5);
  });

  it("changes a partner's contact, refuses bad values in both languages changing nothing, and audits it", async () => {
    const { partners } = await admin.ok<any>('{ partners { id name } }');
    const bank = partners.find((p: any) => p.name === 'Bank Flobamora (demo)');
    const partnerRow = `select sector, contact_name, contact_email, contact_phone, updated_at from partner where id = ?`;
    const before = await t.sql(partnerRow, [bank.id]);
    const trailBefore = await t.sql(`select count(*)::int as n from audit_entry where action like 'partner.%'`);
    const bad = await admin.ok<any>(UPDATE_PARTNER, { i: { partnerId: bank.id, contactEmail: 'bukan-email', contactPhone: '12345' } });
    expect(bad.updatePartnerContact.partner).toBeNull();
    expect(bad.updatePartnerContact.userErrors.map((e: any) => e.code)).toEqual(['INVALID_EMAIL', 'INVALID_PHONE']);
    expect(bad.updatePartnerContact.userErrors[0].message).toBe('Alamat e-mail tidak valid.');
    const english = await t.as('admin@kupang.demo');
    english.setCookie('kp_lang', 'en');
    const refused = await english.ok<any>(UPDATE_PARTNER, { i: { partnerId: bank.id, contactEmail: 'x' } });
    expect(refused.updatePartnerContact.userErrors[0].message).toBe('Invalid e-mail address.');
    expect(await t.sql(partnerRow, [bank.id])).toEqual(before);
    expect(await t.sql(`select count(*)::int as n from audit_entry where action like 'partner.%'`)).toEqual(trailBefore);

    const ok = await admin.ok<any>(UPDATE_PARTNER, { i: { partnerId: bank.id, contactName: ' Yohana Sine ', contactEmail: 'CSR@Flobamora.demo', contactPhone: '0811-0000-1111', sector: 'Perbankan daerah' } });
    expect(ok.updatePartnerContact).toEqual({
      partner: { name: 'Bank Flobamora (demo)', sector: 'Perbankan daerah', contactName: 'Yohana Sine', contactEmail: 'csr@flobamora.demo', contactPhone: '+6281100001111' },
      userErrors: [],
    });
    const cleared = await admin.ok<any>(UPDATE_PARTNER, { i: { partnerId: bank.id, contactPhone: '' } });
    expect(cleared.updatePartnerContact.partner).toMatchObject({ contactName: 'Yohana Sine', contactPhone: null });
    const trail = (await admin.ok<any>(TRAIL, { actions: ['partner.update_contact'] })).auditEntries.nodes;
    expect(trail[0].after).toMatchObject({ contactPhone: null, contactName: 'Yohana Sine' });
    expect(trail).toHaveLength(2);
  });

  it('gives city leadership the exact impact figures and nothing else', async () => {
    const leader = await t.as('leadership@kupang.demo');
    const me = await leader.ok<any>('{ me { role fullName } }');
    expect(me.me).toEqual({ role: 'LEADERSHIP', fullName: 'Kantor Wali Kota (demo)' });
    const year = Number(new Date().toISOString().slice(0, 4));
    const market = await leader.ok<any>(`{ saboakKoepanImpact(year: ${year}) { suppressionApplied } inaKasihImpact(year: ${year}) { suppressionApplied } }`);
    expect(market.saboakKoepanImpact.suppressionApplied).toBe(false);
    expect(market.inaKasihImpact.suppressionApplied).toBe(false);
    for (const q of ['{ users(first: 1) { totalCount } }', '{ families(first: 1) { totalCount } }', '{ vendors(first: 1) { totalCount } }', '{ auditEntries(first: 1) { totalCount } }']) {
      expect((await leader.request(q)).errors?.[0].extensions?.code, q).toBe('FORBIDDEN');
    }
  });
});
