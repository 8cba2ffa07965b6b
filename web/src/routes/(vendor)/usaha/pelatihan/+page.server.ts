import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { act, formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const TRAININGS = graphql(`
  query VendorTrainings {
    openTrainings(first: 30) { nodes { id title topic startsAt endsAt place trainer capacity sponsor { name } seats { left waitlisted } myEnrolment { id status waitlistPosition } } }
    myTrainings(first: 30) { nodes { id status waitlistPosition attended certificateNumber training { id title startsAt } } }
    myCertificates { number code trainingTitle startsAt }
    myMentoringVisits(first: 20) { totalCount nodes { id visitDate topic mentorName notes followUps { id description done doneOn } } }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const data = await gql(event, TRAININGS);
  return { ...data, key: formKey() };
};

const JOIN = graphql(`mutation JoinTraining($input: JoinTrainingInput!) { joinTraining(input: $input) { enrolment { status waitlistPosition } userErrors { code field message } } }`);
const LEAVE = graphql(`mutation LeaveTraining($input: EnrolmentRefInput!) { leaveTraining(input: $input) { enrolment { id } userErrors { code field message } } }`);

export const actions: Actions = {
  join: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'usaha', JOIN, {
      trainingId: formText(form, 'trainingId'),
      idempotencyKey: formText(form, 'idempotencyKey') || null,
    });
    return r.ok ? { joined: r.data.joinTraining.enrolment } : r.failure;
  },
  leave: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'usaha', LEAVE, { enrolmentId: formText(form, 'enrolmentId') });
    return r.ok ? { left: true } : r.failure;
  },
};
