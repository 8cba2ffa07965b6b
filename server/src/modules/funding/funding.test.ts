import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app';
import type { GraphqlClient } from '../../../test/graphql-client';
import { createLogger } from '../../platform/logger';
import { seedFundingDemo } from './funding.seed';
import { CREATE_SOURCE, LEVERAGE, RECORD, REVERSE, TRANSACTIONS } from './funding.fixtures';

const YEAR = 2031;
const IN_YEAR = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };

describe('funding ledger: sources, append-only transactions, reversal, leverage (real HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let partner: GraphqlClient;
  let bankId: string;
  let otherId: string;
  const src: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin@kupang.demo');
    partner = await t.as('mitra@kupang.demo'); // Bank Flobamora (demo)
    const partners = await admin.ok<any>('{ partners { id name } }');
    bankId = partners.partners.find((p: any) => p.name.startsWith('Bank Flobamora')).id;
    otherId = partners.partners.find((p: any) => p.name.startsWith('PT Sahabat')).id;
  });
  afterAll(() => t?.close());

  it.each([
    [{ kind: 'CSR', name: 'CSR tanpa mitra', fiscalYear: YEAR }, 'FUNDING_PARTNER_REQUIRED', 'partnerId'],
    [{ kind: 'APBD', name: 'APBD dengan mitra', fiscalYear: YEAR, partnerId: '00000000-0000-4000-8000-000000000001' }, 'FUNDING_PARTNER_ONLY_FOR_CSR', 'partnerId'],
    [{ kind: 'CSR', name: 'Mitra fiktif', fiscalYear: YEAR, partnerId: '00000000-0000-4000-8000-000000000001' }, 'FUNDING_UNKNOWN_PARTNER', 'partnerId'],
    [{ kind: 'DAK', name: '  ', fiscalYear: YEAR }, 'REQUIRED', 'name'],
    [{ kind: 'DAK', name: 'DAK 1999', fiscalYear: 1999 }, 'FUNDING_INVALID_YEAR', 'fiscalYear'],
  ])('refuses source %j with %s and changes nothing', async (input, code, field) => {
    const before = await t.fingerprint();
    const r = await admin.ok<any>(CREATE_SOURCE, { i: input });
    expect(r.createFundingSource.fundingSource).toBeNull();
    expect(r.createFundingSource.userErrors).toContainEqual(expect.objectContaining({ code, field: ['input', field] }));
    expect(await t.fingerprint()).toEqual(before);
  });

  it('creates CSR, APBD and DAK sources idempotently and audits them', async () => {
    const make = async (name: string, kind: string, partnerId?: string) => {
      const i = { kind, name, fiscalYear: YEAR, partnerId, idempotencyKey: `src-${name.replace(/\W/g, '')}` };
      const first = await admin.ok<any>(CREATE_SOURCE, { i });
      const again = await admin.ok<any>(CREATE_SOURCE, { i });
      expect(again.createFundingSource.fundingSource.id).toBe(first.createFundingSource.fundingSource.id);
      return first.createFundingSource.fundingSource.id as string;
    };
    src.bank = await make('CSR Bank Flobamora 2031', 'CSR', bankId);
    src.other = await make('CSR Sahabat 2031', 'CSR', otherId);
    src.apbd = await make('APBD Kota Kupang 2031', 'APBD');
    src.dak = await make('DAK Kesehatan 2031', 'DAK');
    const dup = await admin.ok<any>(CREATE_SOURCE, { i: { kind: 'APBD', name: 'APBD Kota Kupang 2031', fiscalYear: YEAR } });
    expect(dup.createFundingSource.userErrors[0].code).toBe('FUNDING_SOURCE_EXISTS');
    const [{ n }] = await t.sql(`select count(*)::int n from audit_entry where action = 'funding.source.create'`);
    expect(n).toBe(4);
  });

  it('records transactions once per idempotency key and refuses bad amounts and dates', async () => {
    const rec = async (source: string, type: string, program: string, amount: number, valueDate: string, purpose = 'OTHER', key?: string) => {
      const r = await admin.ok<any>(RECORD, { i: { sourceId: src[source], type, program, purpose, amount, valueDate, idempotencyKey: key } });
      expect(r.recordFundingTransaction.userErrors).toEqual([]);
      return r.recordFundingTransaction.fundingTransaction.id as string;
    };
    const a = await rec('bank', 'DISBURSEMENT', 'INA_KASIH', 100_000_000, '2031-02-01', 'PAD_STOCK', 'tx-bank-1');
    expect(await rec('bank', 'DISBURSEMENT', 'INA_KASIH', 100_000_000, '2031-02-01', 'PAD_STOCK', 'tx-bank-1')).toBe(a);
    src.bankTx = a;
    await rec('bank', 'COMMITMENT', 'INA_KASIH', 250_000_000, '2031-01-10');
    await rec('other', 'DISBURSEMENT', 'INA_KASIH', 50_000_000, '2031-03-01', 'PAD_STOCK');
    await rec('apbd', 'DISBURSEMENT', 'INA_KASIH', 150_000_000, '2031-01-15');
    await rec('dak', 'DISBURSEMENT', 'INA_KASIH', 100_000_000, '2031-04-15');
    await rec('bank', 'DISBURSEMENT', 'SABOAK_KOEPAN', 40_000_000, '2031-05-01', 'TRAINING');
    await rec('apbd', 'DISBURSEMENT', 'SABOAK_KOEPAN', 60_000_000, '2031-05-02', 'MARKET_DAY');
    // 12 billion rupiah, beyond a 32-bit integer, survives the round trip.
    src.big = await rec('dak', 'EXPENDITURE', 'INA_KASIH', 12_000_000_000, '2031-06-01', 'PAD_STOCK');
    const [{ amount }] = await t.sql(`select amount::text from funding_transaction where id = ?`, [src.big]);
    expect(amount).toBe('12000000000');

    const before = await t.fingerprint();
    for (const [patch, code] of [
      [{ amount: 0 }, 'FUNDING_INVALID_AMOUNT'],
      [{ amount: -5 }, 'FUNDING_INVALID_AMOUNT'],
      [{ valueDate: '2030-12-31' }, 'FUNDING_DATE_OUTSIDE_YEAR'],
      [{ sourceId: '00000000-0000-4000-8000-000000000009' }, 'FUNDING_UNKNOWN_SOURCE'],
    ] as const) {
      const base = { sourceId: src.bank, type: 'DISBURSEMENT', program: 'INA_KASIH', purpose: 'OTHER', amount: 1, valueDate: '2031-01-01' };
      const r = await admin.ok<any>(RECORD, { i: { ...base, ...patch } });
      expect(r.recordFundingTransaction.userErrors[0].code).toBe(code);
    }
    expect(await t.fingerprint()).toEqual(before);
  });

  it('reverses a line at most once, never a reversal, and the table refuses UPDATE and DELETE', async () => {
    const extra = await admin.ok<any>(RECORD, { i: { sourceId: src.bank, type: 'DISBURSEMENT', program: 'INA_KASIH', purpose: 'OTHER', amount: 7_000_000, valueDate: '2031-07-01' } });
    const id = extra.recordFundingTransaction.fundingTransaction.id;
    const r1 = await admin.ok<any>(REVERSE, { i: { transactionId: id, reason: 'Salah input' } });
    expect(r1.reverseFundingTransaction.fundingTransaction).toMatchObject({ amount: -7_000_000, reversesId: id, reason: 'Salah input' });
    const r2 = await admin.ok<any>(REVERSE, { i: { transactionId: id, reason: 'Lagi' } });
    expect(r2.reverseFundingTransaction.userErrors[0].code).toBe('FUNDING_ALREADY_REVERSED');
    const r3 = await admin.ok<any>(REVERSE, { i: { transactionId: r1.reverseFundingTransaction.fundingTransaction.id, reason: 'Balik' } });
    expect(r3.reverseFundingTransaction.userErrors[0].code).toBe('FUNDING_REVERSAL_NOT_REVERSIBLE');
    await expect(t.sql(`update funding_transaction set amount = 1 where id = ?`, [id])).rejects.toThrow(/append-only/);
    await expect(t.sql(`delete from funding_transaction where id = ?`, [id])).rejects.toThrow(/append-only/);
    // A hand-made "reversal" that does not mirror its original is refused by the database too.
    await expect(
      t.sql(`insert into funding_transaction (id, created_at, updated_at, source_id, type, program, purpose, amount, value_date, reverses_id, reason)
             values (gen_random_uuid(), now(), now(), ?, 'DISBURSEMENT', 'INA_KASIH', 'OTHER', -1, '2031-07-01', ?, 'x')`, [src.bank, src.bankTx]),
    ).rejects.toThrow(/mirror/);
    const [{ n }] = await t.sql(`select count(*)::int n from audit_entry where action = 'funding.transaction.reverse'`);
    expect(n).toBe(1);
  });

  it('computes leverage net of reversals in at most 3 SQL statements; a partner sees only its own line', async () => {
    const all = await admin.ok<any>(LEVERAGE, IN_YEAR);
    expect(all.sqlStatements).toBeLessThanOrEqual(3);
    const ina = all.fundingLeverage.partners.filter((p: any) => p.program === 'INA_KASIH');
    // INA_KASIH disbursed: bank 100M (+7M reversed = 0), other 50M, APBD 150M, DAK 100M = 400M
    expect(ina.find((p: any) => p.partner.name.startsWith('Bank'))).toMatchObject({ partnerAmount: 100_000_000, programTotal: 400_000_000, matchedAmount: 300_000_000, leverageRatio: 3, share: 0.25 });
    expect(ina.find((p: any) => p.partner.name.startsWith('PT Sahabat'))).toMatchObject({ partnerAmount: 50_000_000, leverageRatio: 7 });
    expect(all.fundingLeverage.totals).toContainEqual({ program: 'INA_KASIH', kind: 'CSR', amount: 150_000_000 });
    expect(all.fundingLeverage.totals).toContainEqual({ program: 'SABOAK_KOEPAN', kind: 'APBD', amount: 60_000_000 });

    const mine = await partner.ok<any>(LEVERAGE, IN_YEAR);
    expect(mine.fundingLeverage.partners.map((p: any) => p.partner.name)).toEqual(['Bank Flobamora (demo)', 'Bank Flobamora (demo)']);
    expect(mine.fundingLeverage.partners.find((p: any) => p.program === 'SABOAK_KOEPAN')).toMatchObject({ partnerAmount: 40_000_000, programTotal: 100_000_000, leverageRatio: 1.5 });
  });

  it('shows a partner only its own sources and transactions, never contact details; the admin sees everything', async () => {
    const sources = await partner.ok<any>('{ fundingSources { name kind partner { name } } }');
    expect(sources.fundingSources.length).toBeGreaterThan(0);
    expect(sources.fundingSources.every((s: any) => s.partner?.name === 'Bank Flobamora (demo)')).toBe(true);
    const txs = await partner.ok<any>(TRANSACTIONS, { ...IN_YEAR, first: 100 });
    expect(txs.fundingTransactions.nodes.every((n: any) => n.source.partner?.name === 'Bank Flobamora (demo)')).toBe(true);
    expect(txs.fundingTransactions.totalCount).toBe(5); // INA disbursement, commitment, the 7M line, its reversal, SABOAK
    const adminTxs = await admin.ok<any>(TRANSACTIONS, { ...IN_YEAR, first: 100 });
    expect(adminTxs.fundingTransactions.totalCount).toBe(10);
    const contact = await partner.request('{ fundingSources { partner { contactName contactPhone } } }');
    expect(contact.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asAdmin = await admin.ok<any>('{ partners { name contactName contactEmail contactPhone } }');
    expect(asAdmin.partners.length).toBeGreaterThan(1);
  });

  it('lists transactions without N+1: the same statements for 2 lines as for 10', async () => {
    const small = await admin.ok<any>(TRANSACTIONS, { ...IN_YEAR, first: 2 });
    const big = await admin.ok<any>(TRANSACTIONS, { ...IN_YEAR, first: 100 });
    expect(big.fundingTransactions.nodes.length).toBe(10);
    expect(big.sqlStatements).toBe(small.sqlStatements);
  });

  it('demo data: three CSR partners, APBD and DAK with lines and a reversal for every year since 2025; seeding again changes nothing', async () => {
    const count = () => t.sql(`select (select count(*) from funding_source)::int s, (select count(*) from funding_transaction)::int t, (select count(*) from partner)::int p`);
    const before = await count();
    await seedFundingDemo(t.em(), createLogger('silent'));
    expect(await count()).toEqual(before);
    const years = new Date().getUTCFullYear() - 2025 + 1; // at most a few hours off at New Year, in WITA's favour
    const kinds = await t.sql(`select kind, count(*)::int n from funding_source where fiscal_year between 2025 and 2030 and name not like '%race%' group by kind order by kind`);
    expect(kinds).toEqual([{ kind: 'APBD', n: years }, { kind: 'CSR', n: 3 * years }, { kind: 'DAK', n: years }]);
    const [{ n }] = await t.sql(`select count(*)::int n from funding_transaction where reverses_id is not null and reason = 'Salah ketik jumlah'`);
    expect(n).toBe(kinds[0].n);
    // The market is CSR-funded, Ina Kasih started in September 2025, and nothing is booked ahead of today.
    const [facts] = await t.sql(
      `select count(*) filter (where t.program = 'SABOAK_KOEPAN' and s.kind <> 'CSR')::int as market_off_csr,
              count(*) filter (where t.program = 'INA_KASIH' and t.value_date < date '2025-09-01')::int as ina_before_launch,
              count(*) filter (where t.program = 'SABOAK_KOEPAN' and t.value_date < date '2025-06-01')::int as market_before_opening,
              count(*) filter (where t.value_date > (now() at time zone 'Asia/Makassar')::date)::int as future
         from funding_transaction t join funding_source s on s.id = t.source_id where s.name not like '%2031' and s.name not like '%race%'`,
    );
    expect(facts).toEqual({ market_off_csr: 0, ina_before_launch: 0, market_before_opening: 0, future: 0 });
    const mine = await partner.ok<any>('{ fundingLeverage { partners { program partner { name } leverageRatio } } }');
    expect(mine.fundingLeverage.partners.length).toBeGreaterThan(0);
  });
});
