import { randomUUID } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import { AREA_ROLES } from '$lib/roles';
import { fieldErrors, gql } from '$lib/server/graphql';
import { requireRole } from '$lib/server/guard';
import { act, formText } from '$lib/server/market';
import { ROUND_HEAD, type Coverage, type RoundHead } from '$lib/server/round';
import { isCityWide, type CityWide } from '$lib/server/round';
import type { Actions, PageServerLoad } from './$types';

const ROUND = /* GraphQL */ `
  query RoundPage($id: ID!) {
    distributionRound(id: $id) { ...RoundHead }
    roundCoverage(roundId: $id) { kelurahanCode kelurahanName kecamatanCode kecamatanName families eligibleWomen eligibleGirls plannedPacks deliveredFamilies womenReached deliveredPacks }
    me { role kelurahanScope { code } }
  }
  ${ROUND_HEAD}
`;
const PLAN = /* GraphQL */ `
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
`;

export interface PlanRow {
  eligibleWomen: number;
  eligibleGirls: number;
  plannedPacks: number;
  family: { id: string; registryNumber: string; headName: string; address: string; consentWithdrawnAt: string | null; members: { id: string; name: string; leftAt: string | null; eligible: boolean }[] };
  delivery: { id: string; packs: number; place: string; deliveredAt: string; proxyName: string | null; receivedBy: { name: string } | null; recordedByName: string | null } | null;
}

interface PlanPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: PlanRow[];
}

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { distributionRound: round, roundCoverage: coverage, me } = await gql<{ distributionRound: RoundHead | null; roundCoverage: Coverage[]; me: CityWide }>(event, ROUND, { id: event.params.id });
  const kelurahan = event.url.searchParams.get('kelurahan') ?? (coverage.length === 1 ? coverage[0].kelurahanCode : null);
  const status = event.url.searchParams.get('status') === 'ALL' ? null : event.url.searchParams.get('status') === 'DELIVERED' ? 'DELIVERED' : 'PENDING';
  let plan: PlanPage | null = null;
  if (round && kelurahan && coverage.some((c) => c.kelurahanCode === kelurahan)) {
    plan = (await gql<{ roundPlan: PlanPage }>(event, PLAN, { id: round.id, kelurahan, status, after: event.url.searchParams.get('after'), month: round.month })).roundPlan;
  }
  // One idempotency key per delivery form: a resubmission (or an offline replay) is the same delivery.
  const keys = Object.fromEntries((plan?.nodes ?? []).map((n) => [n.family.id, randomUUID()]));
  return { round, coverage, kelurahan, status: status ?? 'ALL', plan, keys, cityWide: isCityWide(me) };
};

const RECORD = /* GraphQL */ `mutation($input: RecordDistributionInput!) { recordDistribution(input: $input) { distribution { id family { headName } } userErrors { code field message } } }`;
const REVERSE = /* GraphQL */ `mutation($input: ReverseDistributionInput!) { reverseDistribution(input: $input) { distribution { id } userErrors { code field message } } }`;

export const actions: Actions = {
  record: async (event) => {
    requireRole(event.locals, event.url, AREA_ROLES.program);
    const form = await event.request.formData();
    const receiver = formText(form, 'receiver');
    const packs = formText(form, 'packs');
    const familyId = formText(form, 'familyId');
    const data = await gql<{ recordDistribution: { distribution: { family: { headName: string } } | null; userErrors: { field: string[] | null; message: string; code: string }[] } }>(
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
          place: formText(form, 'place') || 'DOOR_TO_DOOR',
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
    const r = await act(event, 'program', `mutation($input: RoundRefInput!) { closeRound(input: $input) { userErrors { code field message } } }`, { roundId: event.params.id });
    return r.ok ? { closed: true } : r.failure;
  },
};
