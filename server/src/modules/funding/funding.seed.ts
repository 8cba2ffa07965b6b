import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

/** The third demo CSR partner; the first two come with the demo accounts. */
const THIRD_PARTNER = { name: 'PT Sinar Lontar Nusantara (demo)', sector: 'Telekomunikasi' };

type Line = [type: 'COMMITMENT' | 'DISBURSEMENT' | 'EXPENDITURE', program: 'INA_KASIH' | 'SABOAK_KOEPAN', purpose: string, amount: number, month: number, description: string];

/** Sources of the current fiscal year and their ledger lines (whole rupiah). */
const SOURCES: { kind: string; name: string; partner?: string; lines: Line[] }[] = [
  {
    kind: 'CSR', name: 'CSR Bank Flobamora', partner: 'Bank Flobamora (demo)',
    lines: [
      ['COMMITMENT', 'INA_KASIH', 'PAD_STOCK', 500_000_000, 1, 'Perjanjian kerja sama Ina Kasih'],
      ['COMMITMENT', 'SABOAK_KOEPAN', 'TRAINING', 300_000_000, 1, 'Pelatihan dan pendampingan UMKM'],
      ['DISBURSEMENT', 'INA_KASIH', 'PAD_STOCK', 250_000_000, 2, 'Pencairan tahap 1'],
      ['DISBURSEMENT', 'SABOAK_KOEPAN', 'TRAINING', 150_000_000, 3, 'Pencairan pelatihan'],
      ['DISBURSEMENT', 'INA_KASIH', 'PAD_STOCK', 150_000_000, 7, 'Pencairan tahap 2'],
    ],
  },
  {
    kind: 'CSR', name: 'CSR PT Sahabat Perempuan Nusantara', partner: 'PT Sahabat Perempuan Nusantara (demo)',
    lines: [
      ['COMMITMENT', 'INA_KASIH', 'PAD_STOCK', 750_000_000, 1, 'Pembalut untuk 12 bulan (natura)'],
      ['DISBURSEMENT', 'INA_KASIH', 'PAD_STOCK', 375_000_000, 2, 'Penyerahan stok semester 1'],
      ['DISBURSEMENT', 'INA_KASIH', 'PAD_STOCK', 375_000_000, 8, 'Penyerahan stok semester 2'],
    ],
  },
  {
    kind: 'CSR', name: 'CSR PT Sinar Lontar Nusantara', partner: THIRD_PARTNER.name,
    lines: [
      ['COMMITMENT', 'SABOAK_KOEPAN', 'MARKET_DAY', 200_000_000, 2, 'Tenda, listrik dan panggung Tamnos'],
      ['DISBURSEMENT', 'SABOAK_KOEPAN', 'MARKET_DAY', 120_000_000, 4, 'Pencairan 1'],
      ['DISBURSEMENT', 'SABOAK_KOEPAN', 'MARKET_DAY', 12_000_000, 4, 'Salah ketik (dibatalkan)'],
    ],
  },
  {
    kind: 'APBD', name: 'APBD Kota Kupang – Dinas P3A',
    lines: [
      ['COMMITMENT', 'INA_KASIH', 'DISTRIBUTION', 1_200_000_000, 1, 'DPA Dinas P3A'],
      ['DISBURSEMENT', 'INA_KASIH', 'DISTRIBUTION', 600_000_000, 2, 'Triwulan I–II'],
      ['DISBURSEMENT', 'SABOAK_KOEPAN', 'MARKET_DAY', 180_000_000, 3, 'Operasional pasar mingguan'],
      ['EXPENDITURE', 'INA_KASIH', 'PAD_STOCK', 420_000_000, 3, 'Pengadaan pembalut'],
      ['EXPENDITURE', 'INA_KASIH', 'DISTRIBUTION', 95_000_000, 4, 'Penyaluran door to door'],
    ],
  },
  {
    kind: 'DAK', name: 'DAK Non-Fisik Kesehatan',
    lines: [
      ['COMMITMENT', 'INA_KASIH', 'PAD_STOCK', 800_000_000, 1, 'Alokasi DAK'],
      ['DISBURSEMENT', 'INA_KASIH', 'PAD_STOCK', 400_000_000, 4, 'Pencairan tahap 1'],
      ['EXPENDITURE', 'INA_KASIH', 'PAD_STOCK', 310_000_000, 5, 'Pengadaan pembalut'],
    ],
  },
];

/** Expenditure lines of the market, one per month so far, for cost per stall-day. */
const MARKET_SPEND_PER_MONTH = 27_500_000;

/**
 * Funding demo data: a third CSR partner, three CSR sources, the APBD and DAK lines of the
 * current fiscal year (WITA) with commitments, disbursements, spending and one reversal.
 * Safe to run twice: a source that exists is left with its lines as they are.
 */
export async function seedFundingDemo(em: EntityManager, logger: Logger): Promise<void> {
  const sql = (query: string, params: unknown[] = []): Promise<any[]> => em.getConnection().execute(query, params as never[]);
  const [{ year, month: nowMonth }] = await sql(
    `select extract(year from now() at time zone 'Asia/Makassar')::int as year, extract(month from now() at time zone 'Asia/Makassar')::int as month`,
  );
  await sql(`insert into partner (id, created_at, updated_at, name, sector) values (gen_random_uuid(), now(), now(), ?, ?) on conflict (name) do nothing`, [
    THIRD_PARTNER.name,
    THIRD_PARTNER.sector,
  ]);
  let created = 0;
  for (const s of SOURCES) {
    const [row] = await sql(
      `insert into funding_source (id, created_at, updated_at, kind, name, partner_id, fiscal_year)
       values (gen_random_uuid(), now(), now(), ?, ?, (select id from partner where name = ?), ?)
       on conflict (name, fiscal_year) do nothing returning id`,
      [s.kind, `${s.name} ${year}`, s.partner ?? null, year],
    );
    if (!row) continue;
    created++;
    const lines = [...s.lines];
    if (s.kind === 'APBD') for (let m = 1; m <= nowMonth; m++) lines.push(['EXPENDITURE', 'SABOAK_KOEPAN', 'MARKET_DAY', MARKET_SPEND_PER_MONTH, m, 'Operasional hari pasar']);
    for (const [type, program, purpose, amount, month, description] of lines) {
      await sql(
        `insert into funding_transaction (id, created_at, updated_at, source_id, type, program, purpose, amount, value_date, description)
         values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, make_date(?, ?, 15), ?)`,
        [row.id, type, program, purpose, amount, year, Math.min(month, 12), description],
      );
    }
    // The typing mistake is corrected the only way the ledger allows: a reversal line.
    await sql(
      `insert into funding_transaction (id, created_at, updated_at, source_id, type, program, purpose, amount, value_date, description, reverses_id, reason)
       select gen_random_uuid(), now(), now(), source_id, type, program, purpose, -amount, value_date, description, id, 'Salah ketik jumlah'
         from funding_transaction where source_id = ? and description = 'Salah ketik (dibatalkan)'`,
      [row.id],
    );
  }
  if (created) logger.info({ sources: created, year }, 'funding demo data seeded');
}
