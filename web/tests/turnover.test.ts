import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newPhonePage, queryDatabase, signInWithForm, unlabelledControls, usePortalAndBrowser } from './harness';

// Saturday 5 December 2026, 15.00 WITA: the market is about to close; staff log each vendor's turnover.
const SATURDAY_15_WITA = '2026-12-05T07:00:00Z';
const TODAY = '2026-12-05';

const app = usePortalAndBrowser({ marketClock: SATURDAY_15_WITA });
/** Three vendors checked in today (by name and id), the demo vendor first. */
let vendors: { id: string; name: string }[];

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

const reportsOf = (vendorId: string) =>
  queryDatabase<{ amount: string; status: string; version: number }>(
    app.portal,
    `select t.amount::text as amount, t.status, t.version from turnover_report t join market_day d on d.id = t.market_day_id where t.vendor_id = $1 and d.date = $2 order by t.version`,
    [vendorId, TODAY],
  );

beforeAll(async () => {
  // The demo vendor (081234560001) has a stall today too; she and two others were checked in.
  const [demo] = await queryDatabase<{ id: string; name: string }>(app.portal, `select v.id, v.business_name as name from market_vendor v where v.phone = '+6281234560001'`);
  await queryDatabase(
    app.portal,
    `insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at, checked_in_at)
     select gen_random_uuid(), now(), now(), d.id, $1, s.id, 'CHECKED_IN', now(), now()
       from market_day d, market_stall s
      where d.date = $2 and s.id not in (select stall_id from market_booking where market_day_id = d.id and stall_id is not null)
      order by s.zone desc, s.position desc limit 1`,
    [demo.id, TODAY],
  );
  const others = await queryDatabase<{ id: string; name: string }>(
    app.portal,
    `update market_booking b set status = 'CHECKED_IN', checked_in_at = now() from market_vendor v, market_day d
      where v.id = b.vendor_id and d.id = b.market_day_id and d.date = $1 and b.status = 'CONFIRMED'
        and b.id in (select b2.id from market_booking b2 join market_day d2 on d2.id = b2.market_day_id where d2.date = $1 and b2.status = 'CONFIRMED' order by b2.requested_at limit 2)
      returning v.id, v.business_name as name`,
    [TODAY],
  );
  vendors = [demo, ...others];
});

describe('turnover (omzet) in the browser', () => {
  it('staff log the day grid on a phone; a figure far above the usual asks for confirmation first', async () => {
    const staff = await app.signedIn('pasar@kupang.demo');
    await staff.goto('/pasar/omzet');
    await expect(staff.locator('#turnover-day option:checked').textContent()).resolves.toBe('Sabtu, 5 Desember 2026');
    expect(await unlabelledControls(staff)).toEqual([]);

    const row = staff.locator(`li[data-vendor="${vendors[0].name}"]`);
    await row.getByLabel('Omzet (Rp)').fill('1.250.000');
    await row.getByLabel('Jumlah transaksi (boleh kosong)').fill('48');
    await row.getByRole('button', { name: `Simpan omzet ${vendors[0].name}` }).click();
    await staff.getByText(`Omzet ${vendors[0].name} tersimpan.`).waitFor();
    await expect(row.textContent()).resolves.toContain('Rp\u00a01.250.000');
    expect(await reportsOf(vendors[0].id)).toEqual([{ amount: '1250000', status: 'RECORDED', version: 1 }]);

    const big = staff.locator(`li[data-vendor="${vendors[1].name}"]`);
    await big.getByLabel('Omzet (Rp)').fill('75.000.000');
    await big.getByRole('button', { name: `Simpan omzet ${vendors[1].name}` }).click();
    await staff.getByRole('heading', { name: 'Periksa angka ini' }).waitFor();
    await expect(staff.getByRole('alert').first().textContent()).resolves.toContain('Rp 75.000.000');
    expect(await reportsOf(vendors[1].id)).toEqual([]);
    await staff.getByRole('button', { name: 'Angka ini benar, simpan' }).click();
    await staff.getByText(`Omzet ${vendors[1].name} tersimpan.`).waitFor();
    expect(await reportsOf(vendors[1].id)).toEqual([{ amount: '75000000', status: 'RECORDED', version: 1 }]);
    // The month's card says how many market days it holds; a change, if any, is per market day (like with like).
    const december = await staff.locator('li[data-month="2026-12"]').innerText();
    expect(december).toContain('1 hari pasar');
    expect(december).not.toMatch(/% dibanding bulan sebelumnya$/m);
    await staff.context().close();
  });

  it('a figure logged without signal waits on the phone and reaches the server exactly once, even when replayed twice', async () => {
    const staff = await app.signedIn('pasar@kupang.demo');
    await staff.goto('/pasar/omzet');
    const row = staff.locator(`li[data-vendor="${vendors[2].name}"]`);
    await row.locator('form[data-outbox="ready"]').waitFor(); // hydrated: before this the form posts as a plain form
    await staff.context().setOffline(true);
    await row.getByLabel('Omzet (Rp)').fill('640.000');
    await row.getByRole('button', { name: `Simpan omzet ${vendors[2].name}` }).click();
    await staff.getByText(/Tidak ada sinyal: .+ disimpan di HP ini/).waitFor();
    const [queued] = await outboxEntries(staff);
    expect(queued.status).toBe('pending');
    expect(await reportsOf(vendors[2].id)).toEqual([]);

    await staff.context().setOffline(false);
    await staff.locator('.outbox-badge').waitFor({ state: 'detached' });
    expect(await reportsOf(vendors[2].id)).toEqual([{ amount: '640000', status: 'RECORDED', version: 1 }]);

    // As if the answer had been lost twice: the same entry goes back into the outbox and is sent again, twice.
    for (let i = 0; i < 2; i++) {
      await staff.evaluate(
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
        queued,
      );
      await staff.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect.poll(async () => (await outboxEntries(staff)).length, { timeout: 10_000 }).toBe(0);
    }
    expect(await reportsOf(vendors[2].id)).toEqual([{ amount: '640000', status: 'RECORDED', version: 1 }]);
    await staff.context().close();
  });

  it('the vendor sees her figure with a chart and confirms it; another figure she disputes reaches the staff queue', async () => {
    const mama = await app.signedIn('081234560001');
    await mama.goto('/usaha/omzet');
    const today = mama.locator(`li[data-date="${TODAY}"]`);
    await expect(today.textContent()).resolves.toContain('Rp\u00a01.250.000');
    await mama.getByRole('figure', { name: 'Grafik omzet per bulan' }).waitFor();
    await today.getByRole('button', { name: 'Angka ini benar: omzet Sabtu, 5 Desember 2026' }).click();
    await mama.getByText('Terima kasih, omzet sudah dikonfirmasi.').waitFor();
    expect(await reportsOf(vendors[0].id)).toEqual([{ amount: '1250000', status: 'CONFIRMED', version: 1 }]);
    await expect(mama.locator(`li[data-date="${TODAY}"]`).textContent()).resolves.toContain('Dikonfirmasi');

    // She changes her mind: the figure missed the afternoon sales.
    await mama.locator(`li[data-date="${TODAY}"] summary`).click();
    await mama.locator(`li[data-date="${TODAY}"]`).getByLabel('Apa yang tidak sesuai?').fill('Belum termasuk jualan sore, seharusnya Rp 1.450.000');
    await mama.getByRole('button', { name: 'Sanggah omzet Sabtu, 5 Desember 2026' }).click();
    await mama.getByText('Sanggahan terkirim; petugas pasar akan menghubungi Anda.').waitFor();

    const staff = await app.signedIn('pasar@kupang.demo');
    await staff.goto('/pasar/omzet/sengketa');
    const card = staff.locator(`li[data-vendor="${vendors[0].name}"]`);
    await expect(card.textContent()).resolves.toContain('Belum termasuk jualan sore');
    await card.getByLabel('Penyelesaian (dibaca pedagang)').fill('Dicek dengan buku kas Mama: benar Rp 1.450.000.');
    await card.getByLabel('Omzet yang benar (kosongkan bila angka tetap)').fill('1.450.000');
    await card.getByRole('button', { name: `Selesaikan sanggahan ${vendors[0].name}` }).click();
    await staff.getByText(`Sanggahan ${vendors[0].name} diselesaikan.`).waitFor();
    expect(await reportsOf(vendors[0].id)).toEqual([
      { amount: '1250000', status: 'DISPUTED', version: 1 },
      { amount: '1450000', status: 'RESOLVED', version: 2 },
    ]);
    await mama.reload();
    await expect(mama.locator(`li[data-date="${TODAY}"]`).textContent()).resolves.toContain('Rp\u00a01.450.000');
    await mama.context().close();
    await staff.context().close();
  });
  it('her figures come 30 market days to a page, with a link to the earlier ones', async () => {
    // 32 more figures on Wednesdays this year (days the market demo never uses), beside her weekend ones.
    const days = await queryDatabase<{ id: string }>(
      app.portal,
      `insert into market_day (id, created_at, updated_at, date, status, booking_opens_at, booking_closes_at, cancel_deadline, check_in_cutoff, allocated_at)
       select gen_random_uuid(), now(), now(), d, 'ALLOCATED', d - 8, d - 2, d - 1, d + interval '8 hours', d - 2
         from generate_series(date '2026-01-07', date '2026-01-07' + 31 * 7, interval '7 days') g(x), lateral (select x::date as d) dd
       returning id`,
    );
    await queryDatabase(
      app.portal,
      `insert into market_booking (id, created_at, updated_at, market_day_id, vendor_id, stall_id, status, requested_at, checked_in_at)
       select gen_random_uuid(), now(), now(), d, $1, (select id from market_stall order by zone, position limit 1), 'CHECKED_IN', now(), now() from unnest($2::uuid[]) d`,
      [vendors[0].id, days.map((d) => d.id)],
    );
    await queryDatabase(
      app.portal,
      `insert into turnover_report (id, created_at, updated_at, booking_id, vendor_id, market_day_id, version, amount, status, recorded_at)
       select gen_random_uuid(), now(), now(), b.id, b.vendor_id, b.market_day_id, 1, 500000, 'RECORDED', now() from market_booking b where b.market_day_id = any($1::uuid[])`,
      [days.map((d) => d.id)],
    );
    const mama = await app.signedIn('081234560001');
    await mama.goto('/usaha/omzet');
    expect(await mama.locator('li[data-date]').count()).toBe(30);
    await expect(mama.locator(`li[data-date="${TODAY}"]`).count()).resolves.toBe(1);
    await mama.getByRole('link', { name: 'Hari pasar sebelumnya' }).click();
    await mama.waitForURL(/after=/);
    const [{ n }] = await queryDatabase<{ n: number }>(app.portal, `select count(*)::int as n from turnover_report where vendor_id = $1 and current`, [vendors[0].id]);
    const earlier = await mama.locator('li[data-date]').evaluateAll((els) => els.map((e) => e.getAttribute('data-date')));
    expect(earlier.length).toBe(n - 30);
    expect(earlier.slice(-3)).toEqual(['2026-01-21', '2026-01-14', '2026-01-07']);
    expect(await mama.getByRole('link', { name: 'Hari pasar sebelumnya' }).count()).toBe(0);
    await mama.context().close();
  });
});
