import { error } from '@sveltejs/kit';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { act, formKey, formText } from '$lib/server/market';
import type { Actions, PageServerLoad } from './$types';

const DETAIL = graphql(`
  query StaffTraining($id: ID!) {
    training(id: $id) {
      id title topic description startsAt endsAt place trainer capacity status cancelReason sponsor { name }
      seats { enrolled waitlisted left attended }
      enrolments(first: 100) { totalCount nodes { id status waitlistPosition selfEnrolled attended certificateNumber vendor { id code businessName ownerName } } }
    }
    trainingOutcome(trainingIds: [$id]) {
      attendees
      attended { changePercent before { vendorMarketDays averagePerMarketDay } after { vendorMarketDays averagePerMarketDay } }
      didNotAttend { changePercent before { vendorMarketDays averagePerMarketDay } after { vendorMarketDays averagePerMarketDay } }
    }
    vendors(first: 100, status: APPROVED) { nodes { id code businessName } }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const data = await gql(event, DETAIL, { id: event.params.id });
  if (!data.training) error(404, 'NOT_FOUND');
  return { ...data, training: data.training, key: formKey() };
};

const ENROL = graphql(`mutation EnrolVendor($input: EnrolVendorInput!) { enrolVendor(input: $input) { enrolment { status waitlistPosition vendor { businessName } } userErrors { code field message } } }`);
const REMOVE = graphql(`mutation CancelEnrolment($input: EnrolmentRefInput!) { cancelEnrolment(input: $input) { enrolment { id } userErrors { code field message } } }`);
const ATTEND = graphql(`mutation RecordAttendance($input: RecordAttendanceInput!) { recordAttendance(input: $input) { enrolment { id attended } userErrors { code field message } } }`);
const CANCEL = graphql(`mutation CancelTraining($input: CancelTrainingInput!) { cancelTraining(input: $input) { training { id } userErrors { code field message } } }`);

export const actions: Actions = {
  enrol: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'pasar', ENROL, {
      trainingId: event.params.id,
      vendorId: formText(form, 'vendorId'),
      idempotencyKey: formText(form, 'idempotencyKey') || null,
    });
    return r.ok ? { enrolled: r.data.enrolVendor.enrolment } : r.failure;
  },
  remove: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'pasar', REMOVE, { enrolmentId: formText(form, 'enrolmentId') });
    return r.ok ? { removed: true } : r.failure;
  },
  attend: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'pasar', ATTEND, {
      enrolmentId: formText(form, 'enrolmentId'),
      present: formText(form, 'present') === 'true',
      idempotencyKey: formText(form, 'idempotencyKey') || null,
    });
    return r.ok ? { attendance: true } : r.failure;
  },
  cancel: async (event) => {
    const form = await event.request.formData();
    const r = await act(event, 'pasar', CANCEL, { trainingId: event.params.id, reason: formText(form, 'reason') });
    return r.ok ? { cancelled: true } : r.failure;
  },
};
