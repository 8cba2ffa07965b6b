import { gql } from '$lib/server/graphql';
import { act, formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const TRAININGS = /* GraphQL */ `
  query VendorTrainings {
    openTrainings(first: 30) { nodes { id title topic startsAt endsAt place trainer capacity sponsor { name } seats { left waitlisted } myEnrolment { id status waitlistPosition } } }
    myTrainings(first: 30) { nodes { id status waitlistPosition attended certificateNumber training { id title startsAt } } }
    myCertificates { number trainingTitle startsAt }
  }
`;

export interface OpenTraining {
  id: string;
  title: string;
  topic: string;
  startsAt: string;
  endsAt: string;
  place: string;
  trainer: string;
  capacity: number;
  sponsor: { name: string } | null;
  seats: { left: number; waitlisted: number };
  myEnrolment: { id: string; status: string; waitlistPosition: number | null } | null;
}

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const data = await gql<{
    openTrainings: { nodes: OpenTraining[] };
    myTrainings: { nodes: { id: string; status: string; waitlistPosition: number | null; attended: boolean | null; certificateNumber: string | null; training: { id: string; title: string; startsAt: string } }[] };
    myCertificates: { number: string; trainingTitle: string; startsAt: string }[];
  }>(event, TRAININGS);
  return { ...data, key: formKey() };
};

const JOIN = /* GraphQL */ `mutation($input: JoinTrainingInput!) { joinTraining(input: $input) { enrolment { status waitlistPosition } userErrors { code field message } } }`;
const LEAVE = /* GraphQL */ `mutation($input: EnrolmentRefInput!) { leaveTraining(input: $input) { enrolment { id } userErrors { code field message } } }`;

export const actions: Actions = {
  join: async (event) => {
    const form = await event.request.formData();
    const r = await act<{ joinTraining: { enrolment: { status: string; waitlistPosition: number | null }; userErrors: [] } }>(event, 'usaha', JOIN, {
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
