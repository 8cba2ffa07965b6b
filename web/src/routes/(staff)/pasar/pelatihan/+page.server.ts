import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { TrainingTopic } from '$lib/server/gql/graphql';
import { act, formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const LIST = graphql(`
  query StaffTrainings($after: String) {
    trainings(first: 30, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id title topic startsAt endsAt place trainer capacity status sponsor { name } seats { enrolled waitlisted attended } }
    }
    trainingSponsorOptions { id name }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const data = await gql(event, LIST, { after: event.url.searchParams.get('after') });
  return { ...data, key: formKey() };
};

/** A date and a wall-clock time typed in Kupang as an instant. */
const wita = (date: string, time: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time) ? new Date(`${date}T${time}:00+08:00`).toISOString() : null);

const CREATE = graphql(`mutation CreateTraining($input: CreateTrainingInput!) { createTraining(input: $input) { training { id title } userErrors { code field message } } }`);

export const actions: Actions = {
  create: async (event) => {
    const form = await event.request.formData();
    const date = formText(form, 'date');
    const startsAt = wita(date, formText(form, 'from'));
    const endsAt = wita(date, formText(form, 'to'));
    if (!startsAt || !endsAt) return fail(400, { errors: { date: translate(event.locals.locale, 'form.required') } as Record<string, string> });
    const r = await act(event, 'pasar', CREATE, {
      title: formText(form, 'title'),
      topic: formText(form, 'topic') as TrainingTopic,
      description: formText(form, 'description') || null,
      startsAt,
      endsAt,
      place: formText(form, 'place'),
      trainer: formText(form, 'trainer'),
      capacity: Number(formText(form, 'capacity')),
      partnerId: formText(form, 'partnerId') || null,
      idempotencyKey: formText(form, 'key') || null,
    });
    return r.ok ? { created: r.data.createTraining.training } : r.failure;
  },
};
