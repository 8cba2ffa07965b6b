import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

/** The third demo CSR partner; the first two come with the demo accounts. */
const THIRD_PARTNER = { name: 'PT Sinar Lontar Nusantara (demo)', sector: 'Telekomunikasi' };

type Line = [type: 'COMMITMENT' | 'DISBURSEMENT' | 'EXPENDITURE', program: 'INA_KASIH' | 'SABOAK_KOEPAN', purpose: string, amount: number, month: number, description: string];

/** Sources of each fiscal year and their ledger lines (whole rupiah), by month of the year. */
const SOURCES: { kind: string; name: string; partner?: string; marketCosts?: boolean; lines: Line[] }[] = [
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
    // The market is CSR-funded, not from the city budget (domain.md): its running costs are booked here.
    kind: 'CSR', name: 'CSR PT Sinar Lontar Nusantara', partner: THIRD_PARTNER.name, marketCosts: true,
    lines: [
      ['COMMITMENT', 'SABOAK_KOEPAN', 'MARKET_DAY', 350_000_000, 2, 'Tenda, listrik dan panggung Tamnos'],
      ['DISBURSEMENT', 'SABOAK_KOEPAN', 'MARKET_DAY', 175_000_000, 4, 'Pencairan 1'],
      ['DISBURSEMENT', 'SABOAK_KOEPAN', 'MARKET_DAY', 12_000_000, 4, 'Salah ketik (dibatalkan)'],
      ['DISBURSEMENT', 'SABOAK_KOEPAN', 'MARKET_DAY', 175_000_000, 8, 'Pencairan 2'],
    ],
  },
  {
    kind: 'APBD', name: 'APBD Kota Kupang – Dinas P3A',
    lines: [
      ['COMMITMENT', 'INA_KASIH', 'DISTRIBUTION', 1_200_000_000, 1, 'DPA Dinas P3A'],
      ['DISBURSEMENT', 'INA_KASIH', 'DISTRIBUTION', 600_000_000, 2, 'Triwulan I–II'],
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

/** Expenditure lines of the market, one per month it was held, for cost per stall-day. */
const MARKET_SPEND_PER_MONTH = 27_500_000;

/** The programs' first months (domain.md): the market since June 2025, Ina Kasih since September 2025. */
const FIRST_YEAR = 2025;
const PROGRAM_START: Record<Line[1], number> = { SABOAK_KOEPAN: 6, INA_KASIH: 9 };

/**
 * Funding demo data: a third CSR partner, three CSR sources, the APBD and DAK lines of each fiscal
 * year from 2025 to the current one (WITA), with commitments, disbursements, spending and one
 * reversal. In 2025 a program's lines start with the program (an earlier month moves to its first);
 * the current year stops at the current month, and no line is dated after today. The market's
 * running costs are booked to its CSR partner, as the city does. Safe to run twice: a source that
 * exists is left with its lines as they are.
 */
export async function seedFundingDemo(em: EntityManager, logger: Logger): Promise<void> {
  const sql = (query: string, params: unknown[] = []): Promise<any[]> => em.getConnection().execute(query, params as never[]);
  const [{ year: thisYear, month: nowMonth, today }] = await sql(
    `select extract(year from now() at time zone 'Asia/Makassar')::int as year, extract(month from now() at time zone 'Asia/Makassar')::int as month,
            to_char(now() at time zone 'Asia/Makassar', 'YYYY-MM-DD') as today`,
  );
  await sql(`insert into partner (id, created_at, updated_at, name, sector) values (gen_random_uuid(), now(), now(), ?, ?) on conflict (name) do nothing`, [
    THIRD_PARTNER.name,
    THIRD_PARTNER.sector,
  ]);
  let created = 0;
  for (let year = Math.min(FIRST_YEAR, thisYear); year <= thisYear; year++) {
    const lastMonth = year === thisYear ? nowMonth : 12;
    for (const s of SOURCES) {
      const [row] = await sql(
        `insert into funding_source (id, created_at, updated_at, kind, name, partner_id, fiscal_year)
         values (gen_random_uuid(), now(), now(), ?, ?, (select id from partner where name = ?), ?)
         on conflict (name, fiscal_year) do nothing returning id`,
        [s.kind, `${s.name} ${year}`, s.partner ?? null, year],
      );
      if (!row) continue;
      created++;
      const lines: Line[] = s.lines.map(([type, program, purpose, amount, month, description]) => [
        type, program, purpose, amount, year === FIRST_YEAR ? Math.max(month, PROGRAM_START[program]) : month, description,
      ]);
      if (s.marketCosts) {
        for (let m = year === FIRST_YEAR ? PROGRAM_START.SABOAK_KOEPAN : 1; m <= lastMonth; m++) lines.push(['EXPENDITURE', 'SABOAK_KOEPAN', 'MARKET_DAY', MARKET_SPEND_PER_MONTH, m, 'Operasional hari pasar']);
      }
      for (const [type, program, purpose, amount, month, description] of lines.filter((l) => l[4] <= lastMonth)) {
        await sql(
          `insert into funding_transaction (id, created_at, updated_at, source_id, type, program, purpose, amount, value_date, description)
           values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, least(make_date(?, ?, 15), ?::date), ?)`,
          [row.id, type, program, purpose, amount, year, month, today, description],
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
  }
  if (created) logger.info({ sources: created, years: `${Math.min(FIRST_YEAR, thisYear)}–${thisYear}` }, 'funding demo data seeded');
}
