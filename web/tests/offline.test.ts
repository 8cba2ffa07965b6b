import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPhonePage, queryDatabase, signInWithForm, usePortalAndBrowser } from './harness';

// Saturday 5 December 2026, 09.00 WITA: today's market has confirmed bookings to check in,
// and next weekend's booking window is open.
const SATURDAY_9_WITA = '2026-12-05T01:00:00Z';

// Through a proxy the test can cut, as a database restart cuts the server's connections.
const app = usePortalAndBrowser({ marketClock: SATURDAY_9_WITA, databaseProxy: true });

const badge = (page: Page) => page.locator('.outbox-badge');
/** What the device's outbox holds, read straight from IndexedDB. */
const outboxEntries = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ key: string; status: string }[]>((resolve, reject) => {
        const open = indexedDB.open('kupang-outbox', 1);
        open.onsuccess = () => {
          const req = open.result.transaction('entries').objectStore('entries').getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );

/** Puts an entry back into the device's outbox, as if its answer had never arrived. */
const putEntry = (page: Page, entry: unknown) =>
  page.evaluate(
    (entry) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kupang-outbox', 1);
        open.onsuccess = () => {
          const tx = open.result.transaction('entries', 'readwrite');
          tx.objectStore('entries').put(entry);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    entry,
  );

describe('offline recording', () => {
  it('a check-in made without signal waits on the phone and reaches the server exactly once', async () => {
    const staff = await app.signedIn('pasar@kupang.demo');
    await staff.goto('/pasar/hari');
    await staff.getByRole('link', { name: 'Sabtu, 5 Desember 2026' }).click();
    const button = staff.getByRole('button', { name: /^Catat .+ hadir$/ }).first();
    const name = (await button.getAttribute('aria-label'))!.replace(/^Catat (.+) hadir$/, '$1');
    const bookingId = await button.locator('xpath=..').locator('input[name=bookingId]').inputValue();

    await staff.locator('form[data-outbox="ready"]').first().waitFor(); // hydrated: before this the form posts as a plain form
    await staff.context().setOffline(true);
    await button.click();
    await staff.getByText(`Tidak ada sinyal: “Catat ${name} hadir” disimpan di HP ini`).waitFor();
    await expect(badge(staff).textContent()).resolves.toContain('1 menunggu dikirim');
    // A second tap on the same button while offline is the same entry, not a second one.
    await button.click();
    await expect.poll(async () => (await outboxEntries(staff)).length).toBe(1);
    const [queued] = await outboxEntries(staff);
    const [{ status }] = await queryDatabase<{ status: string }>(app.portal, 'select status from market_booking where id = $1', [bookingId]);
    expect(status).toBe('CONFIRMED');

    await staff.context().setOffline(false);
    await badge(staff).waitFor({ state: 'detached' });
    expect(await outboxEntries(staff)).toEqual([]);
    const rows = await queryDatabase<{ status: string }>(app.portal, 'select status from market_booking where id = $1', [bookingId]);
    expect(rows).toEqual([{ status: 'CHECKED_IN' }]);
    const audits = await queryDatabase(app.portal, `select 1 from audit_entry where action = 'market.booking.check_in' and entity_id = $1`, [bookingId]);
    expect(audits).toHaveLength(1);
    // The board shows her checked in once the entry went through.
    await staff.getByRole('button', { name: `Catat ${name} hadir` }).waitFor({ state: 'detached' });

    // As if the answer had been lost: the same entry goes again and counts as sent, not refused.
    await putEntry(staff, queued);
    await staff.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(async () => (await outboxEntries(staff)).length, { timeout: 10_000 }).toBe(0);
    await expect(staff.getByText('Tidak tersimpan').count()).resolves.toBe(0);
    expect(await queryDatabase(app.portal, `select 1 from audit_entry where action = 'market.booking.check_in' and entity_id = $1`, [bookingId])).toHaveLength(1);
    await staff.context().close();
  });

  it('the same queued stall request replayed twice (answer lost, sent again) is stored once', async () => {
    const vendor = await app.signedIn('081234560001');
    await vendor.goto('/usaha/pasar');
    const day = vendor.locator('li[data-date="2026-12-12"]');
    const vendorId = (await queryDatabase<{ id: string }>(app.portal, `select v.id from market_vendor v join app_user u on u.id = v.user_id where u.phone = '+6281234560001'`))[0]?.id;
    const count = async () =>
      Number(
        (
          await queryDatabase<{ n: string }>(
            app.portal,
            `select count(*) as n from market_booking b join market_day d on d.id = b.market_day_id where d.date = '2026-12-12' and b.vendor_id = $1 and b.status <> 'CANCELLED'`,
            [vendorId],
          )
        )[0].n,
      );
    expect(await count()).toBe(0);

    await vendor.locator('form[data-outbox="ready"]').first().waitFor();
    await vendor.context().setOffline(true);
    await day.getByRole('button', { name: 'Minta lapak' }).click();
    await vendor.getByText(/Tidak ada sinyal: .+ disimpan di HP ini/).waitFor();
    const [queued] = await outboxEntries(vendor);
    expect(queued.status).toBe('pending');

    await vendor.context().setOffline(false);
    await badge(vendor).waitFor({ state: 'detached' });
    expect(await count()).toBe(1);

    // As if the server's answer had been lost: the same entry is back in the outbox and goes again.
    await putEntry(vendor, queued);
    await vendor.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(async () => (await outboxEntries(vendor)).length, { timeout: 10_000 }).toBe(0);
    expect(await count()).toBe(1);
    await expect(day.textContent()).resolves.toContain('Menunggu pembagian');
    await vendor.context().close();
  });

  // While PostgreSQL restarts the API answers 503 with Retry-After; the portal passes both on and
  // the outbox keeps the entry, waits that long and sends it again by itself.
  it.runIf(process.env.TEST_DATABASE_URL)('a check-in sent while the database is away waits (503, Retry-After) and goes through once it is back', async () => {
    const staff = await app.signedIn('pasar@kupang.demo');
    await staff.goto('/pasar/hari');
    await staff.getByRole('link', { name: 'Sabtu, 5 Desember 2026' }).click();
    const button = staff.getByRole('button', { name: /^Catat .+ hadir$/ }).first();
    const bookingId = await button.locator('xpath=..').locator('input[name=bookingId]').inputValue();
    await staff.locator('form[data-outbox="ready"]').first().waitFor();
    await staff.context().setOffline(true);
    await button.click();
    await staff.getByText(/Tidak ada sinyal: .+ disimpan di HP ini/).waitFor();

    const posts: { status: number; retryAfter?: string; at: number }[] = [];
    staff.on('response', (r) => {
      if (r.request().method() === 'POST') posts.push({ status: r.status(), retryAfter: r.headers()['retry-after'], at: Date.now() });
    });
    const logFrom = app.portal.output().length;
    app.portal.database!.down();
    await staff.context().setOffline(false);
    await expect.poll(() => posts.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(posts[0]).toMatchObject({ status: 503, retryAfter: '5' });
    await staff.locator('.outbox', { hasText: 'Server belum bisa menerima' }).waitFor();
    expect(await outboxEntries(staff)).toEqual([expect.objectContaining({ status: 'pending' })]);
    await staff.evaluate(() => window.dispatchEvent(new Event('online'))); // too early: the pause holds
    await new Promise((r) => setTimeout(r, 2_000));
    expect(posts).toHaveLength(1);

    app.portal.database!.up();
    await badge(staff).waitFor({ state: 'detached', timeout: 20_000 });
    expect(posts.at(-1)!.status).toBe(200);
    expect(posts.at(-1)!.at - posts[0].at).toBeGreaterThanOrEqual(5_000);
    expect(await queryDatabase(app.portal, 'select status from market_booking where id = $1', [bookingId])).toEqual([{ status: 'CHECKED_IN' }]);
    // Every line the server wrote about the outage is a JSON log entry.
    const lines = app.portal.output().slice(logFrom).split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => !/^\{.*\}$/.test(line))).toEqual([]);
    await staff.context().close();
  });
});
