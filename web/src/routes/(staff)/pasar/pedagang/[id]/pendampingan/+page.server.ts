import { error } from '@sveltejs/kit';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { TrainingTopic } from '$lib/server/gql/graphql';
import { act, formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const LOG = graphql(`
  query MentoringLog($id: ID!, $after: String) {
    mentoredVendor(vendorId: $id) { id code businessName ownerName }
    mentoringVisits(vendorId: $id, first: 30, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id visitDate topic notes staffNotes mentorName followUps { id description done doneOn } }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const data = await gql(event, LOG, { id: event.params.id, after: event.url.searchParams.get('after') });
  if (!data.mentoredVendor) error(404, 'NOT_FOUND');
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return { vendor: data.mentoredVendor, visits: data.mentoringVisits, key: formKey(), today };
};

const RECORD = graphql(`mutation RecordMentoringVisit($input: RecordMentoringVisitInput!) { recordMentoringVisit(input: $input) { visit { id } userErrors { code field message } } }`);
const DONE = graphql(`mutation SetFollowUpDone($input: SetFollowUpDoneInput!) { setFollowUpDone(input: $input) { followUp { id } userErrors { code field message } } }`);

export const actions: Actions = {
  record: async (event) => {
    const form = await event.request.formData();
    const followUps = formText(form, 'followUps').split('\n').map((l) => l.trim()).filter(Boolean);
    const r = await act(event, 'pasar', RECORD, {
      vendorId: event.params.id,
      visitDate: formText(form, 'visitDate'),
      topic: formText(form, 'topic') as TrainingTopic,
      notes: formText(form, 'notes') || null,
      staffNotes: formText(form, 'staffNotes') || null,
      followUps,
      idempotencyKey: formText(form, 'idempotencyKey') || null,
    });
    return r.ok ? { saved: true } : r.failure;
  },
  done: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'pasar', DONE, { followUpId: formText(form, 'followUpId'), done: formText(form, 'done') === 'true' });
    return r.ok ? { marked: true } : r.failure;
  },
};
