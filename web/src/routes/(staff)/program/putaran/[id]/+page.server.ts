import { randomUUID } from 'node:crypto';
import { gql } from '$lib/server/graphql';
import { recordDelivery } from '$lib/server/delivery';
import { graphql } from '$lib/server/gql';
import type { RoundPlanPageQuery } from '$lib/server/gql/graphql';
import { act, formText } from '$lib/server/market';
import { isCityWide } from '$lib/server/round';
import type { Actions, PageServerLoad } from './$types';

const ROUND = graphql(`
  query RoundPage($id: ID!) {
    distributionRound(id: $id) { ...RoundHead }
    roundCoverage(roundId: $id) { kelurahanCode kelurahanName kecamatanCode kecamatanName families eligibleWomen eligibleGirls plannedPacks deliveredFamilies womenReached deliveredPacks }
    me { ...CityWide }
  }
`);
const PLAN = graphql(`
  query RoundPlanPage($id: ID!, $kelurahan: String!, $status: PlanStatus, $after: String, $month: String) {
    roundPlan(roundId: $id, kelurahanCode: $kelurahan, status: $status, first: 30, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes {
        eligibleWomen eligibleGirls plannedPacks
        family { id registryNumber headName address consentWithdrawnAt members { id name leftAt eligible(month: $month) } }
        delivery { id packs place deliveredAt proxyName receivedBy { name } recordedByName }
      }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { distributionRound: round, roundCoverage: coverage, me } = await gql(event, ROUND, { id: event.params.id });
  const kelurahan = event.url.searchParams.get('kelurahan') ?? (coverage.length === 1 ? coverage[0].kelurahanCode : null);
  const status = event.url.searchParams.get('status') === 'ALL' ? null : event.url.searchParams.get('status') === 'DELIVERED' ? 'DELIVERED' : 'PENDING';
  let plan: RoundPlanPageQuery['roundPlan'] | null = null;
  if (round && kelurahan && coverage.some((c) => c.kelurahanCode === kelurahan)) {
    plan = (await gql(event, PLAN, { id: round.id, kelurahan, status, after: event.url.searchParams.get('after'), month: round.month })).roundPlan;
  }
  // One idempotency key per delivery form: a resubmission (or an offline replay) is the same delivery.
  const keys = Object.fromEntries((plan?.nodes ?? []).map((n) => [n.family.id, randomUUID()]));
  return { round, coverage, kelurahan, status: status ?? 'ALL', plan, keys, cityWide: isCityWide(me) };
};

const REVERSE = graphql(`mutation ReverseDistribution($input: ReverseDistributionInput!) { reverseDistribution(input: $input) { distribution { id } userErrors { code field message } } }`);

export const actions: Actions = {
  record: async (event) => recordDelivery(event, event.params.id, await event.request.formData()),
  reverse: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'program', REVERSE, {
      distributionId: formText(form, 'distributionId'),
      reason: formText(form, 'reason'),
      idempotencyKey: formText(form, 'idempotencyKey') || null,
    });
    return r.ok ? { reversed: true } : r.failure;
  },
  close: async (event) => {
    const r = await act(event, 'program', graphql(`mutation CloseRound($input: RoundRefInput!) { closeRound(input: $input) { userErrors { code field message } } }`), { roundId: event.params.id });
    return r.ok ? { closed: true } : r.failure;
  },
};
