import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';

const SET = 'mutation($i: SetMyLocaleInput!) { setMyLocale(input: $i) { user { locale } userErrors { code field message } } }';
const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { user { locale } userErrors { code } } }';

describe('language remembered per account (setMyLocale)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('keeps the chosen language on the account: the next sign-in, on another phone, starts in it', async () => {
    const vendor = await t.as('081234560001');
    const r = await vendor.ok<any>(SET, { i: { locale: 'en' } });
    expect(r.setMyLocale).toEqual({ user: { locale: 'en' }, userErrors: [] });
    expect((await vendor.ok<any>('{ me { locale } }')).me.locale).toBe('en');

    const otherPhone = t.client();
    const signedIn = await otherPhone.ok<any>(SIGN_IN, { i: { login: '081234560001', password: 'kupang2026' } });
    expect(signedIn.signIn.user.locale).toBe('en');
    const rows = await t.sql<{ locale: string }>("select locale from app_user where phone = '+6281234560001'");
    expect(rows).toEqual([{ locale: 'en' }]);

    // Back to Bahasa Indonesia; a repeat changes nothing and writes one audit entry per real change.
    await vendor.ok(SET, { i: { locale: 'id' } });
    await vendor.ok(SET, { i: { locale: 'id' } });
    const audit = await t.sql<{ n: number }>("select count(*)::int as n from audit_entry where action = 'user.set_locale'");
    expect(audit).toEqual([{ n: 2 }]);
  });

  it.each([
    ['id', 'Bahasa tidak dikenal'],
    ['en', 'Unknown language'],
  ])('refuses an unknown language with LOCALE_UNKNOWN in the caller’s language (%s) and changes nothing', async (lang, text) => {
    const staff = await t.as('pasar@kupang.demo');
    staff.setCookie('kp_lang', lang);
    const before = await t.sql("select locale from app_user where email = 'pasar@kupang.demo'");
    const r = await staff.ok<any>(SET, { i: { locale: 'fr' } });
    expect(r.setMyLocale.user).toBeNull();
    expect(r.setMyLocale.userErrors).toEqual([{ code: 'LOCALE_UNKNOWN', field: ['input', 'locale'], message: expect.stringContaining(text) }]);
    expect(await t.sql("select locale from app_user where email = 'pasar@kupang.demo'")).toEqual(before);
  });

  it('needs a signed-in account', async () => {
    const r = await t.client().request(SET, { i: { locale: 'en' } });
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
