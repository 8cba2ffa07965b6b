import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newPhonePage, queryDatabase, signInWithForm, unlabelledControls, usePortalAndBrowser } from './harness';

const OEBOBO = '53.71.04.1001';
const app = usePortalAndBrowser();

beforeAll(async () => {
  // Five families of Oebobo, each with a mother and a daughter of 10–45 and a son.
  const families = await queryDatabase<{ id: string }>(
    app.portal,
    `insert into ina_family (id, created_at, updated_at, kk_enc, kk_hash, kk_masked, head_name, address, kelurahan_code, data_source, enrolled_at)
     select gen_random_uuid(), now(), now(), 'uji', encode(sha256(gen_random_uuid()::text::bytea), 'hex'), '••••••••••••••••',
            'Keluarga Uji ' || g, 'Jl. Uji ' || g || ', RT 01/RW 02', $1, 'DTSEN', date '2025-09-01'
       from generate_series(1, 5) g returning id`,
    [OEBOBO],
  );
  await queryDatabase(
    app.portal,
    `insert into ina_family_member (id, created_at, updated_at, family_id, name, birth_date, sex, relation)
     select gen_random_uuid(), now(), now(), f, x.name || ' ' || left(f::text, 4), x.born::date, x.sex, x.relation
       from unnest($1::uuid[]) f,
            (values ('Mama', '1987-02-11', 'F', 'SPOUSE'), ('Nona', '2011-08-30', 'F', 'CHILD'), ('Nyong', '2013-01-05', 'M', 'CHILD')) as x(name, born, sex, relation)`,
    [families.map((f) => f.id)],
  );
});

const badge = (page: Page) => page.locator('.outbox-badge');
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
const deliveriesOf = async (head: string) =>
  Number(
    (
      await queryDatabase<{ n: string }>(
        app.portal,
        `select count(*) as n from ina_distribution d join ina_family f on f.id = d.family_id where f.head_name = $1 and d.kind = 'DELIVERY'`,
        [head],
      )
    )[0].n,
  );

describe('Ina Kasih rounds and deliveries in the portal', () => {
  let roundPath: string;

  it('staff open this month’s round and see its plan per kelurahan', async () => {
    const staff = await app.signedIn('program@kupang.demo');
    await staff.goto('/program/putaran');
    expect(await unlabelledControls(staff)).toEqual([]);
    await staff.getByRole('button', { name: 'Buka putaran' }).click();
    await staff.waitForURL(/\/program\/putaran\/[0-9a-f-]{36}$/);
    roundPath = new URL(staff.url()).pathname;
    const row = staff.locator(`tr[data-kelurahan="${OEBOBO}"]`);
    await expect(row.textContent()).resolves.toMatch(/Oebobo.*5.*10.*0.*0%/s);
    await staff.context().close();
  });

  it('marks a family delivered on a phone and the coverage moves', async () => {
    const staff = await app.signedIn('program@kupang.demo');
    await staff.goto(`${roundPath}?kelurahan=${OEBOBO}`);
    expect(await unlabelledControls(staff)).toEqual([]);
    await staff.getByRole('button', { name: 'Tandai sudah menerima: keluarga Keluarga Uji 1' }).click();
    await staff.getByText('Penyaluran ke keluarga Keluarga Uji 1 tercatat.').waitFor();
    await expect(staff.locator(`tr[data-kelurahan="${OEBOBO}"]`).textContent()).resolves.toMatch(/Oebobo.*5.*10.*1.*20%/s);
    expect(await deliveriesOf('Keluarga Uji 1')).toBe(1);
    await staff.context().close();
  });

  it('records a delivery made without signal once the phone is back online, exactly once, even when the entry is sent twice', async () => {
    const staff = await app.signedIn('oebobo@kupang.demo');
    await staff.goto(`${roundPath}?kelurahan=${OEBOBO}`);
    await staff.locator('form[data-outbox="ready"]').first().waitFor(); // hydrated: before this the form posts as a plain form
    await staff.context().setOffline(true);
    await staff.getByLabel('Nama kuasa (bila bukan anggota keluarga)').first().fill('Ibu RT Yuliana');
    await staff.getByRole('button', { name: 'Tandai sudah menerima: keluarga Keluarga Uji 2' }).click();
    await staff.getByText(/Tidak ada sinyal: .*Keluarga Uji 2.* disimpan di HP ini/).waitFor();
    await expect.poll(async () => (await outboxEntries(staff)).length).toBe(1);
    const [queued] = await outboxEntries(staff);
    expect(await deliveriesOf('Keluarga Uji 2')).toBe(0);

    await staff.context().setOffline(false);
    await badge(staff).waitFor({ state: 'detached' });
    expect(await deliveriesOf('Keluarga Uji 2')).toBe(1);

    // The answer was lost: the same entry goes again, is answered from the idempotency record, and stays one delivery.
    await putEntry(staff, queued);
    await staff.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(async () => (await outboxEntries(staff)).length, { timeout: 10_000 }).toBe(0);
    await expect(staff.getByText('Tidak tersimpan').count()).resolves.toBe(0);
    expect(await deliveriesOf('Keluarga Uji 2')).toBe(1);
    await staff.context().close();
  });

  it('tells the second staff member in plain words that the family was already served, and stores one delivery', async () => {
    const first = await app.signedIn('program@kupang.demo');
    const second = await app.signedIn('oebobo@kupang.demo');
    for (const p of [first, second]) await p.goto(`${roundPath}?kelurahan=${OEBOBO}`);
    await first.getByRole('button', { name: 'Tandai sudah menerima: keluarga Keluarga Uji 3' }).click();
    await first.getByText('Penyaluran ke keluarga Keluarga Uji 3 tercatat.').waitFor();
    await second.getByRole('button', { name: 'Tandai sudah menerima: keluarga Keluarga Uji 3' }).click();
    await second.getByText(/Keluarga ini sudah menerima pembalut pada putaran ini/).first().waitFor();
    expect(await deliveriesOf('Keluarga Uji 3')).toBe(1);
    await first.context().close();
    await second.context().close();
  });

  it('prints the delivery sheet and downloads it as CSV and XLSX', async () => {
    const staff = await app.signedIn('program@kupang.demo');
    await staff.goto(`${roundPath}/lembar/${OEBOBO}`);
    await staff.getByRole('heading', { name: /Lembar penyaluran Oebobo/ }).waitFor();
    await expect(staff.locator('tbody tr').count()).resolves.toBe(5);
    const csv = await staff.request.get(`${roundPath}/lembar/${OEBOBO}/unduh?format=csv`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('Kepala keluarga');
    expect(text).toContain('Keluarga Uji 5');
    expect(text).toMatch(/Keluarga Uji 1.*Sudah \(4 paket\)/);
    const xlsx = await staff.request.get(`${roundPath}/lembar/${OEBOBO}/unduh?format=xlsx`);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
    await staff.context().close();
  });

  it('shows the stock drawn by the deliveries and records stock received', async () => {
    const staff = await app.signedIn('program@kupang.demo');
    await staff.goto('/program/stok');
    expect(await unlabelledControls(staff)).toEqual([]);
    await expect(staff.locator('.counts').textContent()).resolves.toMatch(/12 paket sudah disalurkan/);
    await staff.getByLabel('Jumlah paket').fill('250');
    await staff.getByLabel('Harga per paket (Rp)').fill('26000');
    await staff.getByRole('button', { name: 'Simpan stok' }).click();
    await staff.getByText('250 paket dicatat masuk stok.').waitFor();
    await staff.context().close();
  });
});
