import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { DEMO_PASSWORD, newPhonePage, queryDatabase, signInWithForm, usePortalAndBrowser } from './harness';

// The market's clock starts on Friday 11 December 2026, 09.00 WITA: Saturday's window closed last
// night and the stalls were shared out, so free stalls go first come, first served until the day;
// tomorrow is a market day, so a vendor with a stall gets her reminder.
const FRIDAY_9_WITA = '2026-12-11T01:00:00Z';
const SATURDAY = '2026-12-12';

const app = usePortalAndBrowser({ marketClock: FRIDAY_9_WITA });

const TEXT = {
  id: {
    login: 'Nomor HP atau e-mail',
    password: 'Kata sandi',
    signIn: 'Masuk',
    request: 'Minta lapak',
    saveConsent: 'Simpan persetujuan',
    confirmed: /Anda dapat lapak [A-E]-\d\d\./,
    reminder: /^Besok, Sabtu, 12 Desember 2026, Anda berjualan di lapak [A-E]-\d\d, Taman Nostalgia\. Datang dan check-in di meja staf sebelum 16\.00 WITA\.$/,
    turnover: /^Omzet bulan ini\s*(Rp\s[\d.]+ dari \d+ hari pasar|Belum ada omzet tercatat bulan ini\.)/,
    mentoring: 'Pendampingan',
    mentor: 'pendamping Agustina Lay',
    temporaryNotice: 'Anda masuk dengan kata sandi sementara.',
    current: 'Kata sandi sementara (atau yang sekarang)',
    newPassword: 'Kata sandi baru',
    repeat: 'Ulangi kata sandi baru',
    save: 'Simpan kata sandi baru',
    saved: 'Kata sandi baru Anda tersimpan.',
    forgot: 'Lupa kata sandi?',
    forgotText: /minta staf pasar SABOAK KOEPAN/,
    wrong: 'Nomor HP/e-mail atau kata sandi salah.',
  },
  en: {
    login: 'Mobile number or e-mail',
    password: 'Password',
    signIn: 'Sign in',
    request: 'Request a stall',
    saveConsent: 'Save consent',
    confirmed: /You have stall [A-E]-\d\d\./,
    reminder: /^Tomorrow, Saturday, 12 December 2026, you sell at stall [A-E]-\d\d, Taman Nostalgia\. Come and check in at the staff desk before 16\.00 WITA\.$/,
    turnover: /^Turnover this month\s*(Rp\s[\d.]+ from \d+ market days|No turnover recorded this month yet\.)/,
    mentoring: 'Mentoring',
    mentor: 'mentor Agustina Lay',
    temporaryNotice: 'You signed in with a temporary password.',
    current: 'Temporary (or current) password',
    newPassword: 'New password',
    repeat: 'Repeat the new password',
    save: 'Save the new password',
    saved: 'Your new password is saved.',
    forgot: 'Forgot your password?',
    forgotText: /ask the SABOAK KOEPAN market staff/,
    wrong: 'Wrong phone number/e-mail or password.',
  },
} as const;

type Lang = keyof typeof TEXT;

/** A phone in the given language (the choice made before signing in, as on a shared phone). */
async function phone(lang: Lang): Promise<Page> {
  const page = await newPhonePage(app.browser, app.portal);
  await page.context().addCookies([{ name: 'kp_lang', value: lang, url: app.portal.url }]);
  return page;
}

async function signIn(page: Page, lang: Lang, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel(TEXT[lang].login).fill(login);
  await page.getByLabel(TEXT[lang].password, { exact: true }).fill(password);
  await page.getByRole('button', { name: TEXT[lang].signIn, exact: true }).click();
  if (lang === 'id') return;
  // Signing in brings the account's own language (Bahasa Indonesia for the demo vendors): a
  // shared phone's choice does not carry over. She picks English again, as with the switch.
  const signedIn = await page.waitForURL((url) => url.pathname !== '/masuk', { timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (!signedIn) return;
  await page.context().addCookies([{ name: 'kp_lang', value: lang, url: app.portal.url }]);
  await page.reload();
}

const vendorOf = async (login: string) =>
  (await queryDatabase<{ id: string; business: string; userId: string }>(app.portal, `select id, business_name as business, user_id as "userId" from market_vendor where phone = $1`, [login.replace(/^0/, '+62')]))[0];

/**
 * Fails when the page scrolls sideways on the 360 px phone, shows an ISO date, an enum code or a
 * bare message key, or has a serious or critical axe violation.
 */
async function readsWellOnAPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\b(vendorHome|market|account|signIn)\.[a-z]|CONFIRMED|REQUESTED|WAITLISTED|APPROVED/);
  await expect(seriousViolations(page)).resolves.toEqual([]);
}

describe.each([
  ['id', '081234560001'],
  ['en', '081234560002'],
] as const)('vendor home (%s) at 360 × 740', (lang, login) => {
  const T = TEXT[lang];

  it('requests a stall for the coming weekend in one tap after sign-in; the home then shows her stall and tomorrow’s reminder', async () => {
    const page = await phone(lang);
    await signIn(page, lang, login);
    await page.waitForURL('**/usaha');
    let taps = 0;

    const saturday = page.locator(`li[data-date="${SATURDAY}"]`);
    const request = saturday.getByRole('button', { name: T.request });
    // Above the fold: the whole button within the first 740 px, without scrolling.
    const box = (await request.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(740);
    await request.click();
    taps++;
    await expect.poll(() => saturday.textContent()).toMatch(T.confirmed);
    expect(taps).toBeLessThanOrEqual(3);

    const vendor = await vendorOf(login);
    const [booking] = await queryDatabase<{ status: string }>(
      app.portal,
      `select b.status from market_booking b join market_day d on d.id = b.market_day_id where b.vendor_id = $1 and d.date = $2 and b.status <> 'CANCELLED'`,
      [vendor.id, SATURDAY],
    );
    expect(booking.status).toBe('CONFIRMED');

    // The day before her market day: the reminder heads her home.
    await page.reload();
    const reminder = page.locator('.reminder p').first();
    await expect(reminder.textContent()).resolves.toMatch(T.reminder);
    await readsWellOnAPhone(page);
    await page.context().close();
  });

  it('shows this month’s turnover and her mentoring visits', async () => {
    const page = await phone(lang);
    await signIn(page, lang, login);
    await page.waitForURL('**/usaha');
    const turnover = page.locator('section[aria-labelledby="turnover-title"]');
    await expect(turnover.textContent()).resolves.toMatch(T.turnover);

    const vendor = await vendorOf(login);
    const [{ visits }] = await queryDatabase<{ visits: number }>(app.portal, `select count(*)::int as visits from mentoring_visit where vendor_id = $1`, [vendor.id]);
    const mentoring = page.locator('section[aria-labelledby="mentoring-title"]');
    await expect(mentoring.getByRole('heading').textContent()).resolves.toBe(T.mentoring);
    if (visits) await expect(mentoring.textContent()).resolves.toContain(T.mentor);
    // The whole log, with its follow-ups, one tap away.
    if (visits) {
      await mentoring.getByRole('link').click();
      await page.waitForURL('**/usaha/pelatihan#pendampingan');
      await expect(page.locator('section[aria-labelledby="pendampingan"] li.card').count()).resolves.toBe(visits);
    }
    await readsWellOnAPhone(page);
    await page.context().close();
  });
});

describe.each([
  ['id', '081234560005'],
  ['en', '081234560008'],
] as const)('stall page (%s) at 360 × 740', (lang, login) => {
  const T = TEXT[lang];

  it('has the first request button above the fold, and the consent button apart from it and quiet', async () => {
    const page = await phone(lang);
    await signIn(page, lang, login);
    await page.waitForURL('**/usaha');
    await page.goto('/usaha/pasar');
    const request = page.getByRole('button', { name: T.request }).first();
    const box = (await request.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(740);
    const consent = page.getByRole('button', { name: T.saveConsent });
    expect((await consent.boundingBox())!.y).toBeGreaterThan(box.y + box.height);
    // Not drawn like the booking action: no filled brand-coloured button.
    const look = (el: Element) => getComputedStyle(el).backgroundColor;
    expect(await consent.evaluate(look)).not.toBe(await request.evaluate(look));
    await readsWellOnAPhone(page);
    await page.context().close();
  });
});

describe.each([
  ['id', '081234560003'],
  ['en', '081234560004'],
] as const)('forgotten password (%s): staff reset it, she signs in with the temporary one and must change it', (lang, login) => {
  const T = TEXT[lang];

  it('works end to end', async () => {
    // She finds out at sign-in whom to ask.
    const mama = await phone(lang);
    await mama.goto('/masuk');
    await mama.getByText(T.forgot).click();
    await mama.getByText(T.forgotText).waitFor();
    await readsWellOnAPhone(mama);

    // Market staff reset it from her card in the vendor list.
    const vendor = await vendorOf(login);
    const staff = await newPhonePage(app.browser, app.portal);
    await staff.goto('/masuk');
    await signInWithForm(staff, 'pasar@kupang.demo');
    await staff.waitForURL('**/pasar');
    await staff.goto('/pasar/pedagang?status=APPROVED');
    await staff.getByRole('link', { name: `Atur ulang kata sandi ${vendor.business}` }).click();
    await staff.getByRole('button', { name: 'Buat kata sandi sementara' }).waitFor();
    await readsWellOnAPhone(staff);
    await staff.getByRole('button', { name: 'Buat kata sandi sementara' }).click();
    const temporary = ((await staff.locator('[data-temporary-password]').textContent()) ?? '').trim();
    expect(temporary).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
    await readsWellOnAPhone(staff);
    // Shown once: opening the page again does not show it.
    await staff.reload();
    await expect(staff.locator('[data-temporary-password]').count()).resolves.toBe(0);
    await staff.context().close();

    // The old password no longer works; the temporary one leads straight to choosing her own.
    await signIn(mama, lang, login);
    await mama.getByText(T.wrong).waitFor();
    await signIn(mama, lang, login, temporary);
    await mama.waitForURL('**/akun/kata-sandi');
    await mama.getByText(T.temporaryNotice).waitFor();
    await mama.goto('/usaha/pasar');
    expect(new URL(mama.url()).pathname).toBe('/akun/kata-sandi');
    await readsWellOnAPhone(mama);

    await mama.getByLabel(T.current).fill(temporary);
    await mama.getByLabel(T.newPassword, { exact: true }).fill('sandi-baru-mama');
    await mama.getByLabel(T.repeat).fill('sandi-baru-mama');
    await mama.getByRole('button', { name: T.save }).click();
    await mama.waitForURL('**/usaha?sandi=baru');
    await mama.getByText(T.saved).waitFor();

    const [account] = await queryDatabase<{ must: boolean }>(app.portal, `select must_change_password as must from app_user where id = $1`, [vendor.userId]);
    expect(account.must).toBe(false);
    const audit = await queryDatabase<{ action: string }>(
      app.portal,
      `select action from audit_entry where entity_id = $1 and action in ('user.reset_password', 'user.change_password') order by id`,
      [vendor.userId],
    );
    expect(audit.map((a) => a.action)).toEqual(['user.reset_password', 'user.change_password']);
    await mama.context().close();

    // The temporary password worked once; her own works from now on.
    const again = await phone(lang);
    await signIn(again, lang, login, temporary);
    await again.getByText(T.wrong).waitFor();
    await signIn(again, lang, login, 'sandi-baru-mama');
    await again.waitForURL('**/usaha');
    await again.context().close();
  });
});
