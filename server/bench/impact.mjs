/**
 * `npm run bench:impact -- --factor N` (after `npm run seed:scale -- --factor N`): the impact
 * and ledger queries through real HTTP against a real server process on the scale database.
 * Each query runs 20 times to warm up, then 200 times one after another; prints p50/p95 and the
 * SQL statements per request (x-sql-statements), and as its LAST line one JSON object.
 */
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
  months { month marketDaysHeld stallDays { ${FIG} } vendorsServed { ${FIG} } expenditure } stallDaysByCategory { ${TABLE} } stallDaysByKelurahan { year rows { key label value { ${FIG} } } total { ${FIG} } } } }`;
const LEVERAGE = `query { fundingLeverage(from: "2025-01-01", to: "2025-12-31") { totals { program kind amount } partners { program partner { name } partnerAmount leverageRatio } } }`;
const LEDGER = `query { fundingTransactions(first: 50, from: "2025-01-01", to: "2025-12-31") { totalCount nodes { id amount type source { name partner { name } } reversedBy { id } } } }`;

const partner = await signIn('mitra@kupang.demo');
const staff = await signIn('program@kupang.demo');
const adminCookie = await signIn('admin@kupang.demo');
const cases = {
  baseline_me_partner: [partner, 'query { me { id role } }'],
  saboakKoepanImpact_partner: [partner, IMPACT],
  saboakKoepanImpact_staff: [staff, IMPACT],
  fundingLeverage_partner: [partner, LEVERAGE],
  fundingTransactions_admin: [adminCookie, LEDGER],
};

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const out = { factor, queries: {} };
for (const [name, [cookie, query]] of Object.entries(cases)) {
  const times = [];
  let statements = -1;
  for (let i = 0; i < 220; i++) {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query }) });
    const body = await res.json();
    const ms = performance.now() - t0;
    if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
    statements = Number(res.headers.get('x-sql-statements') ?? -1);
    if (i >= 20) times.push(ms);
  }
  times.sort((a, b) => a - b);
  out.queries[name] = { p50_ms: +pct(times, 50).toFixed(1), p95_ms: +pct(times, 95).toFixed(1), sql_statements: statements };
  console.log(`${name.padEnd(28)} p50 ${out.queries[name].p50_ms} ms  p95 ${out.queries[name].p95_ms} ms  ${statements} SQL statements`);
}
await server.stop();
console.log(JSON.stringify(out));
