import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser, newPhonePage, signInWithForm, startPortal, unlabelledControls, type RunningPortal } from './harness';

let portal: RunningPortal;
let browser: Browser;
const KK = '5371041004230777';

/** Registers a family through the API as program staff (the registration page is not built yet). */
async function registerFamily(): Promise<void> {
  const post = async (query: string, variables: Record<string, unknown>, cookie = '') => {
    const res = await fetch(`${portal.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
    return { body: (await res.json()) as any, cookie: res.headers.getSetCookie()[0]?.split(';')[0] ?? '' };
  };
  const { cookie } = await post('mutation($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }', { i: { login: 'program@kupang.demo', password: DEMO_PASSWORD } });
  const r = await post(
    'mutation($i: RegisterFamilyInput!) { registerFamily(input: $i) { family { id } userErrors { code } } }',
    {
      i: {
        kk: KK,
        headName: 'Markus Benu',
        address: 'Jl. Frans Seda No. 7, RT 02/RW 01',
        kelurahanCode: '53.71.04.1009',
        desil: 1,
        dataSource: 'DTSEN',
        consentGiven: true,
        members: [
          { name: 'Markus Benu', nik: '5371041006800011', birthDate: '1980-06-10', sex: 'MALE', relation: 'HEAD' },
          { name: 'Ribka Benu', nik: '5371044203840012', birthDate: '1984-03-02', sex: 'FEMALE', relation: 'SPOUSE' },
        ],
      },
    },
    cookie,
  );
  expect(r.body.data.registerFamily.userErrors).toEqual([]);
}

beforeAll(async () => {
  portal = await startPortal();
  browser = await launchBrowser();
  await registerFamily();
});

afterAll(async () => {
  await browser?.close();
  await portal?.stop();
});

describe('Ina Kasih registry in the browser', () => {
  it('staff find a family by its KK, see it masked, and reveal the full numbers', async () => {
    const page = await newPhonePage(browser, portal);
    await page.goto('/masuk');
    await signInWithForm(page, 'program@kupang.demo');
    await page.waitForURL('**/program');
    await page.goto('/program/keluarga');
    await expect(unlabelledControls(page)).resolves.toEqual([]);
    await page.getByLabel('Cari').fill(KK);
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByText('5371••••••••0777').waitFor();
    expect(await page.content()).not.toContain(KK);
    await page.getByRole('link', { name: 'Markus Benu' }).click();
    await page.getByText('Anggota keluarga (1 berhak bulan ini)').waitFor();
    expect(await page.content()).not.toContain(KK);
    await page.getByRole('button', { name: 'Tampilkan KK dan NIK lengkap' }).click();
    await page.locator('[data-kk]', { hasText: KK }).waitFor();
    await page.getByText('5371044203840012').waitFor();
  });
});
