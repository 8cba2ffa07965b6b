import type { RequestEvent } from '@sveltejs/kit';
import { fail } from '@sveltejs/kit';
import { AREA_ROLES } from '$lib/roles';
import { fieldErrors, gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { DistributionPlace } from '$lib/server/gql/graphql';
import { requireRole } from '$lib/server/guard';
import { formText } from '$lib/server/market';

/** Recording a delivery from a form: the round page's "Tandai sudah menerima" and the family page's "Catat penyaluran". */
const RECORD = graphql(`mutation RecordDistribution($input: RecordDistributionInput!) { recordDistribution(input: $input) { distribution { id family { headName } } userErrors { code field message } } }`);

/**
 * The hand-over time the phone stamped at the tap (`handedOverAt`, set by the outbox), or null
 * (the API then takes the time it receives it). The API bounds it: from the round's opening, not
 * in the future.
 */
export function handedOverAt(form: FormData): string | null {
  const value = formText(form, 'handedOverAt');
  return value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;
}

/** Sends the form's delivery; the API's refusals come back as the form's field errors (and the outbox's message). */
export async function recordDelivery(event: RequestEvent, roundId: string, form: FormData) {
  requireRole(event.locals, event.url, AREA_ROLES.program);
  const receiver = formText(form, 'receiver');
  const packs = formText(form, 'packs');
  const familyId = formText(form, 'familyId');
  const data = await gql(event, RECORD, {
    input: {
      idempotencyKey: formText(form, 'idempotencyKey'),
      roundId,
      familyId,
      receivedByMemberId: receiver && receiver !== 'PROXY' ? receiver : null,
      proxyName: receiver === 'PROXY' || !receiver ? formText(form, 'proxyName') || null : null,
      packs: packs ? Number(packs) || 0 : null,
      place: (formText(form, 'place') || 'DOOR_TO_DOOR') as DistributionPlace,
      deliveredAt: handedOverAt(form),
    },
  });
  const payload = data.recordDistribution;
  if (payload.userErrors.length) return fail(400, { errors: fieldErrors(payload.userErrors), familyId, code: payload.userErrors[0].code });
  return { recorded: payload.distribution?.family.headName ?? '' };
}
