import type { TestApp } from './test-app';

/** GraphQL documents and data of the Ina Kasih program, stock, round and delivery tests. */
export const CREATE_PROGRAM = `mutation($i: CreateProgramInput!) { createProgram(input: $i) {
  program { id name currentRule { effectiveMonth packsPerWoman padsPerPack } rules { effectiveMonth packsPerWoman } } userErrors { code field message } } }`;
export const SET_RULE = `mutation($i: SetEntitlementRuleInput!) { setEntitlementRule(input: $i) { rule { id effectiveMonth packsPerWoman padsPerPack note } userErrors { code field message } } }`;
export const RECEIVE = `mutation($i: ReceiveStockInput!) { receiveStock(input: $i) {
  stockLot { id receivedOn packsReceived packsRemaining padsPerPack unitCost fundingSource { name kind } } userErrors { code field message } } }`;
export const LEVELS = `query($p: ID!) { stockLevels(programId: $p) { packsReceived packsRemaining packsDistributed valueRemaining
  bySource { fundingSource { name kind } packsReceived packsRemaining valueReceived valueRemaining } openLots { receivedOn packsRemaining fundingSource { name } program { name } } } }`;


export const OPEN_ROUND = `mutation($i: OpenRoundInput!) { openRound(input: $i) { round { id month status packsPerWoman totals { families eligibleWomen plannedPacks deliveredFamilies deliveredPacks } } userErrors { code field message } } }`;
export const CLOSE_ROUND = `mutation($i: RoundRefInput!) { closeRound(input: $i) { round { id status } userErrors { code field message } } }`;
export const RECORD = `mutation($i: RecordDistributionInput!) { recordDistribution(input: $i) {
  distribution { id kind packs place proxyName deliveredAt recordedByName cost funding { fundingSource { kind } packs cost } family { id } receivedBy { id } }
  userErrors { code field message } } }`;
export const REVERSE = `mutation($i: ReverseDistributionInput!) { reverseDistribution(input: $i) { distribution { id kind packs reason reverses { id } } userErrors { code field message } } }`;
export const PLAN = `query($r: ID!, $k: String!, $first: Int, $after: String, $s: PlanStatus) { roundPlan(roundId: $r, kelurahanCode: $k, first: $first, after: $after, status: $s) {
  totalCount pageInfo { hasNextPage endCursor } nodes { kelurahanCode eligibleWomen eligibleGirls plannedPacks family { id registryNumber headName } delivery { id packs place } } } }`;
export const COVERAGE = `query($r: ID!) { roundCoverage(roundId: $r) { kelurahanCode kelurahanName kecamatanName families eligibleWomen eligibleGirls plannedPacks deliveredFamilies womenReached deliveredPacks } }`;

/**
 * Families straight into the registry tables (the registry's own import is tested there):
 * each has a mother (born `motherBorn`), a daughter (born `daughterBorn`) and a son.
 * Returns the family ids, in registry-number order.
 */
export async function insertFamilies(
  t: TestApp,
  count: number,
  kelurahanCode: string,
  options: { motherBorn?: string; daughterBorn?: string; enrolledAt?: string; status?: 'ACTIVE' | 'PAUSED' } = {},
): Promise<string[]> {
  const rows = await t.sql<{ id: string }>(
    `insert into ina_family (id, created_at, updated_at, kk_enc, kk_hash, kk_masked, head_name, address, kelurahan_code, data_source, enrolled_at, status, status_reason)
     select gen_random_uuid(), now(), now() , 'uji', encode(sha256(gen_random_uuid()::text::bytea), 'hex'), '••••••••••••••••',
            'Kepala Uji ' || g, 'RT 0' || (g % 9 + 1) || '/RW 01', ?, 'DTSEN', ?, ?, ?
       from generate_series(1, ?) g
     returning id`,
    [kelurahanCode, options.enrolledAt ?? '2026-01-01', options.status ?? 'ACTIVE', options.status === 'PAUSED' ? 'Pindah sementara' : null, count],
  );
  const ids = rows.map((r) => r.id);
  await t.sql(
    `insert into ina_family_member (id, created_at, updated_at, family_id, name, birth_date, sex, relation)
     select gen_random_uuid(), now(), now(), f, x.name, x.born::date, x.sex, x.relation
       from unnest(?::uuid[]) f,
            (values ('Mama', ?, 'F', 'SPOUSE'), ('Anak perempuan', ?, 'F', 'CHILD'), ('Anak laki-laki', '2012-05-05', 'M', 'CHILD')) as x(name, born, sex, relation)`,
    [`{${ids.join(',')}}`, options.motherBorn ?? '1988-03-14', options.daughterBorn ?? '2012-07-20'],
  );
  const ordered = await t.sql<{ id: string }>(`select id from ina_family where id = any(?::uuid[]) order by registry_number`, [`{${ids.join(',')}}`]);
  return ordered.map((r) => r.id);
}

export const memberOf = async (t: TestApp, familyId: string, name = 'Mama') =>
  (await t.sql<{ id: string }>(`select id from ina_family_member where family_id = ? and name = ?`, [familyId, name]))[0].id;
