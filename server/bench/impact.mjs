/**
 * `npm run bench:impact -- --factor N` (after `npm run seed:scale -- --factor N`): the impact
 * and ledger queries through real HTTP against a real server process on the scale database.
 * Each query runs 20 times to warm up, then 200 times one after another (the staff round view,
 * which reads raw rows, 50 times); prints p50/p95 and the
 * SQL statements per request (x-sql-statements), and as its LAST line one JSON object.
 */
import pg from 'pg';
import { databaseUrl, factorArg, startServer } from './scale-common.mjs';

const factor = factorArg();
const server = await startServer(databaseUrl(factor), 'never');

async function signIn(login) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($i: SignInInput!) { signIn(input: $i) { userErrors { code } } }', variables: { i: { login, password: 'kupang2026' } } }),
  });
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

const FIG = 'value suppressed';
const TABLE = `months rows { key label cells { ${FIG} } total { ${FIG} } } monthTotals { ${FIG} } total { ${FIG} }`;
const IMPACT = `query { saboakKoepanImpact(year: 2025) { suppressionApplied vendorsServedInYear { ${FIG} } expenditure costPerStallDay
  months { month marketDaysHeld stallDays { ${FIG} } vendorsServed { ${FIG} } expenditure turnover } stallDaysByCategory { ${TABLE} } stallDaysByKelurahan { year rows { key label value { ${FIG} } } total { ${FIG} } }
  turnover previousPeriodTurnover turnoverGrowth } }`;
const COV = `key label familyMonthsPlanned { ${FIG} } familyMonthsReached { ${FIG} } womanMonthsPlanned { ${FIG} } womanMonthsReached { ${FIG} } coverage`;
const INA = (from, to) => `query { inaKasihImpact(year: 2025, fromMonth: ${from}, toMonth: ${to}) { suppressionApplied familiesReached { ${FIG} } familyMonths { ${FIG} }
  girlMonths { ${FIG} } womanMonths { ${FIG} } packsDelivered { ${FIG} } monthsWithDeliveries monthsOfCoverage cost costPerWomanPerMonth
  months { month familiesReached { ${FIG} } girlsReached { ${FIG} } womenReached { ${FIG} } packsDelivered { ${FIG} } cost }
  ownFunding { label packs cost womanMonths costPerWomanPerMonth } byFundingSource { label packs cost womanMonths costPerWomanPerMonth }
  coverageByKecamatan { ${COV} } coverageByKelurahan { ${COV} } } }`;
const LEVERAGE = `query { fundingLeverage(from: "2025-01-01", to: "2025-12-31") { totals { program kind amount } partners { program partner { name } partnerAmount leverageRatio } } }`;
const LEDGER = `query { fundingTransactions(first: 50, from: "2025-01-01", to: "2025-12-31") { totalCount nodes { id amount type source { name partner { name } } reversedBy { id } } } }`;

const partner = await signIn('mitra@kupang.demo');
const staff = await signIn('program@kupang.demo');
const adminCookie = await signIn('admin@kupang.demo');
const db = new pg.Client({ connectionString: databaseUrl(factor) });
await db.connect();
// The busiest staff view of a round (it reads the plan and the deliveries themselves, not a rollup).
const round = (await db.query(`select r.id from ina_distribution_round r join ina_program p on p.id = r.program_id where p.name = 'Ina Kasih skala' and r.month = '2025-06-01'`)).rows[0]?.id;
await db.end();
const COVERAGE = `query($r: ID!) { roundCoverage(roundId: $r) { kelurahanCode families eligibleWomen deliveredFamilies womenReached deliveredPacks } }`;
/** name: [cookie, query, variables, runs] */
const cases = {
  baseline_me_partner: [partner, 'query { me { id role } }'],
  saboakKoepanImpact_partner: [partner, IMPACT],
  saboakKoepanImpact_staff: [staff, IMPACT],
  inaKasihImpact_partner: [partner, INA(1, 12)],
  inaKasihImpact_partner_quarter: [partner, INA(4, 6)],
  inaKasihImpact_staff: [staff, INA(1, 12)],
  inaKasihImpact_staff_quarter: [staff, INA(4, 6)],
  fundingLeverage_partner: [partner, LEVERAGE],
  fundingTransactions_admin: [adminCookie, LEDGER],
  ...(round ? { roundCoverage_staff: [staff, COVERAGE, { r: round }, 50] } : {}),
};

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const out = { factor, queries: {} };
for (const [name, [cookie, query, variables, runs = 200]] of Object.entries(cases)) {
  const times = [];
  let statements = -1;
  for (let i = 0; i < runs + 20; i++) {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
    const body = await res.json();
    const ms = performance.now() - t0;
    if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
    statements = Number(res.headers.get('x-sql-statements') ?? -1);
    if (i >= 20) times.push(ms);
  }
  times.sort((a, b) => a - b);
  out.queries[name] = { p50_ms: +pct(times, 50).toFixed(1), p95_ms: +pct(times, 95).toFixed(1), sql_statements: statements };
  console.log(`${name.padEnd(32)} p50 ${out.queries[name].p50_ms} ms  p95 ${out.queries[name].p95_ms} ms  ${statements} SQL statements`);
}
await server.stop();
console.log(JSON.stringify(out));
