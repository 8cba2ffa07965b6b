import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

export const DEMO_PROGRAM = 'Ina Kasih';

/** Stock lots: funding source (demo name prefix), months before now, packs, price per pack, supplier. */
const LOTS: [source: string, monthsAgo: number, packs: number, unitCost: number, supplier: string, reference: string][] = [
  ['CSR PT Sahabat Perempuan Nusantara', 4, 1_500, 24_000, 'PT Sahabat Perempuan Nusantara (natura)', 'BAST/P3A/001'],
  ['APBD Kota Kupang – Dinas P3A', 3, 1_200, 26_000, 'CV Flobamora Medika', 'BAST/P3A/002'],
  ['CSR Bank Flobamora', 2, 1_000, 26_000, 'CV Flobamora Medika', 'BAST/P3A/003'],
  ['DAK Non-Fisik Kesehatan', 1, 1_000, 25_500, 'PT Timor Husada', 'BAST/P3A/004'],
];

/**
 * The demo program "Ina Kasih" (launched September 2025; 2 packs of 10 pads per eligible woman
 * or girl per month) and four stock lots paid by the demo funding sources (CSR partners, APBD,
 * DAK), received over the last months. Safe to run twice: an existing program is left as it is.
 */
export async function seedProgramDemo(em: EntityManager, logger: Logger): Promise<string> {
  const sql = (query: string, params: unknown[] = []): Promise<any[]> => em.getConnection().execute(query, params as never[]);
  const [created] = await sql(
    `insert into ina_program (id, created_at, updated_at, name, description) values (gen_random_uuid(), now(), now(), ?, ?)
     on conflict (name) do nothing returning id`,
    [DEMO_PROGRAM, 'Intervensi Peduli Akses Pembalut Gratis bagi Perempuan Pra-Sejahtera (Dinas P3A, Dinas Kesehatan, Dinas Sosial)'],
  );
  const [{ id }] = await sql(`select id from ina_program where name = ?`, [DEMO_PROGRAM]);
  if (!created) return id;
  await sql(
    `insert into ina_entitlement_rule (id, created_at, program_id, effective_month, packs_per_woman, pads_per_pack, note)
     values (gen_random_uuid(), now(), ?, '2025-09-01', 2, 10, 'Peluncuran program, September 2025')`,
    [id],
  );
  let lots = 0;
  for (const [source, monthsAgo, packs, unitCost, supplier, reference] of LOTS) {
    const rows = await sql(
      `insert into ina_stock_lot (id, created_at, updated_at, program_id, funding_source_id, received_on, packs_received, pads_per_pack, unit_cost, supplier, reference, packs_remaining)
       select gen_random_uuid(), now(), now(), ?, s.id,
              (date_trunc('month', (now() at time zone 'Asia/Makassar')::date) - make_interval(months => ?) + interval '2 days')::date,
              ?, 10, ?, ?, ?, ?
         from funding_source s where s.name like ? || '%' order by s.fiscal_year desc limit 1
       returning id`,
      [id, monthsAgo, packs, unitCost, supplier, reference, packs, source],
    );
    lots += rows.length;
  }
  logger.info({ program: DEMO_PROGRAM, lots }, 'Ina Kasih program and stock demo data seeded');
  return id;
}
