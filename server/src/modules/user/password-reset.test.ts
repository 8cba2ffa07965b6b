import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import type { GraphqlClient } from '../../../test/graphql-client';
import { temporaryPassword } from './password-reset.service';

const RESET = 'mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { temporaryPassword user { id mustChangePassword } userErrors { code field message } } }';
const CHANGE = 'mutation($i: ChangeMyPasswordInput!) { changeMyPassword(input: $i) { user { mustChangePassword } userErrors { code field message } } }';
const VENDOR_LOGIN = '081234560001';

describe('forgotten password: reset by staff to a temporary one, changed at the next sign-in', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let market: GraphqlClient;
  const idOf = async (login: string) => (await t.sql<{ id: string }>(`select id from app_user where phone = ? or email = ?`, [login.replace(/^0/, '+62'), login]))[0].id;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin@kupang.demo');
    market = await t.as('pasar@kupang.demo');
  });
  afterAll(() => t?.close());

  it('makes temporary passwords that read aloud: two groups of four, no 0/o/1/l', () => {
    const many = Array.from({ length: 200 }, temporaryPassword);
    for (const p of many) expect(p).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
    expect(new Set(many).size).toBe(200);
  });

  it('market staff reset a vendor: her sessions end, the temporary password signs in only to choose a new one', async () => {
    const vendor = await t.as(VENDOR_LOGIN);
    const vendorId = await idOf(VENDOR_LOGIN);
    const r = await market.ok<any>(RESET, { i: { userId: vendorId } });
    expect(r.resetPassword.userErrors).toEqual([]);
    expect(r.resetPassword.user).toEqual({ id: vendorId, mustChangePassword: true });
    const temporary: string = r.resetPassword.temporaryPassword;
    expect(temporary).toMatch(/^\w{4}-\w{4}$/);

    expect((await vendor.request('{ me { id } }')).errors?.[0].extensions?.code).toBe('SESSION_EXPIRED');
    await expect(t.client().signIn(VENDOR_LOGIN, 'kupang2026')).rejects.toThrow(/INVALID_CREDENTIALS/);
    // Neither the password nor its hash is in the audit trail.
    const [entry] = await t.sql<any>(`select action, actor_role, after::text as after from audit_entry where entity_id = ? and action = 'user.reset_password'`, [vendorId]);
    expect(entry).toMatchObject({ action: 'user.reset_password', actor_role: 'MARKET_STAFF' });
    expect(entry.after).not.toContain(temporary);
    const [{ hash }] = await t.sql<any>(`select password_hash as hash from app_user where id = ?`, [vendorId]);
    expect(hash).toMatch(/^\$argon2id\$/);

    const mama = t.client();
    await mama.signIn(VENDOR_LOGIN, temporary);
    expect((await mama.ok<any>('{ me { mustChangePassword } }')).me.mustChangePassword).toBe(true);
    const blocked = await mama.request('{ myVendor { businessName } }');
    expect(blocked.errors?.[0].extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(blocked.errors?.[0].message).toMatch(/kata sandi sementara/);

    const wrong = await mama.ok<any>(CHANGE, { i: { currentPassword: 'salah-sekali', newPassword: 'sandi-baru-mama' } });
    expect(wrong.changeMyPassword.userErrors).toEqual([expect.objectContaining({ code: 'PASSWORD_WRONG', field: ['input', 'currentPassword'] })]);
    const short = await mama.ok<any>(CHANGE, { i: { currentPassword: temporary, newPassword: 'pendek' } });
    expect(short.changeMyPassword.userErrors).toEqual([expect.objectContaining({ code: 'PASSWORD_TOO_SHORT', field: ['input', 'newPassword'] })]);
    const same = await mama.ok<any>(CHANGE, { i: { currentPassword: temporary, newPassword: temporary } });
    expect(same.changeMyPassword.userErrors).toEqual([expect.objectContaining({ code: 'PASSWORD_UNCHANGED' })]);

    const done = await mama.ok<any>(CHANGE, { i: { currentPassword: temporary, newPassword: 'sandi-baru-mama' } });
    expect(done.changeMyPassword).toEqual({ user: { mustChangePassword: false }, userErrors: [] });
    // The session she changed it in carries on, with everything open again.
    expect((await mama.ok<any>('{ myVendor { businessName } }')).myVendor.businessName).toBe("Se'i Mama Yuli");
    await expect(t.client().signIn(VENDOR_LOGIN, temporary)).rejects.toThrow(/INVALID_CREDENTIALS/);
    await t.client().signIn(VENDOR_LOGIN, 'sandi-baru-mama');
    const actions = await t.sql<any>(`select action from audit_entry where entity_id = ? and action like 'user.%password' order by id`, [vendorId]);
    expect(actions.map((a: any) => a.action)).toEqual(['user.reset_password', 'user.change_password']);
  });

  it.each([
    ['MARKET_STAFF', 'program@kupang.demo', 'FORBIDDEN'],
    ['MARKET_STAFF', 'admin@kupang.demo', 'FORBIDDEN'],
    ['MARKET_STAFF', 'mitra@kupang.demo', 'FORBIDDEN'],
    ['VENDOR', 'pasar@kupang.demo', 'FORBIDDEN'],
    ['PROGRAM_STAFF', VENDOR_LOGIN, 'FORBIDDEN'],
    ['PARTNER', VENDOR_LOGIN, 'FORBIDDEN'],
  ])('as %s, resetting %s is refused with %s and changes nothing', async (_role, target, code) => {
    const caller = _role === 'MARKET_STAFF' ? market : t.client();
    // The vendor chose her own password in the test above.
    if (_role === 'VENDOR') await caller.signIn(VENDOR_LOGIN, 'sandi-baru-mama');
    if (_role === 'PROGRAM_STAFF') await caller.signIn('oebobo@kupang.demo', 'kupang2026');
    if (_role === 'PARTNER') await caller.signIn('mitra@kupang.demo', 'kupang2026');
    const targetId = await idOf(target);
    const [before] = await t.sql<any>(`select password_hash, must_change_password from app_user where id = ?`, [targetId]);
    const r = await caller.request(RESET, { i: { userId: targetId } });
    expect(r.errors?.[0].extensions?.code).toBe(code);
    expect(await t.sql<any>(`select password_hash, must_change_password from app_user where id = ?`, [targetId])).toEqual([before]);
  });

  it('an administrator resets any other account (staff too), but not her own', async () => {
    const staffId = await idOf('program@kupang.demo');
    const r = await admin.ok<any>(RESET, { i: { userId: staffId } });
    expect(r.resetPassword.userErrors).toEqual([]);
    const staff = t.client();
    await staff.signIn('program@kupang.demo', r.resetPassword.temporaryPassword);
    expect((await staff.request('{ families(first: 1) { totalCount } }')).errors?.[0].extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const own = await admin.ok<any>(RESET, { i: { userId: await idOf('admin@kupang.demo') } });
    expect(own.resetPassword).toMatchObject({ temporaryPassword: null, user: null });
    expect(own.resetPassword.userErrors).toEqual([expect.objectContaining({ code: 'CANNOT_RESET_OWN_PASSWORD', field: ['input', 'userId'] })]);
    // And an unknown account is not found.
    expect((await admin.request(RESET, { i: { userId: '00000000-0000-4000-8000-000000000000' } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
