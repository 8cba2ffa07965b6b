import { randomUUID } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import { AREA_ROLES } from '$lib/roles';
import { fieldErrors, gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { DistributionPlace, RoundPlanPageQuery } from '$lib/server/gql/graphql';
import { requireRole } from '$lib/server/guard';
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

const RECORD = graphql(`mutation RecordDistribution($input: RecordDistributionInput!) { recordDistribution(input: $input) { distribution { id family { headName } } userErrors { code field message } } }`);
const REVERSE = graphql(`mutation ReverseDistribution($input: ReverseDistributionInput!) { reverseDistribution(input: $input) { distribution { id } userErrors { code field message } } }`);

export const actions: Actions = {
  record: async (event) => {
    requireRole(event.locals, event.url, AREA_ROLES.program);
    const form = await event.request.formData();
    const receiver = formText(form, 'receiver');
    const packs = formText(form, 'packs');
    const familyId = formText(form, 'familyId');
    const data = await gql(
      event,
      RECORD,
      {
        input: {
          idempotencyKey: formText(form, 'idempotencyKey'),
          roundId: event.params.id,
          familyId,
          receivedByMemberId: receiver && receiver !== 'PROXY' ? receiver : null,
          proxyName: receiver === 'PROXY' || !receiver ? formText(form, 'proxyName') || null : null,
          packs: packs ? Number(packs) || 0 : null,
          place: (formText(form, 'place') || 'DOOR_TO_DOOR') as DistributionPlace,
        },
      },
    );
    const payload = data.recordDistribution;
    if (payload.userErrors.length) return fail(400, { errors: fieldErrors(payload.userErrors), familyId, code: payload.userErrors[0].code });
    return { recorded: payload.distribution?.family.headName ?? '' };
  },
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
