import type { GraphqlClient } from './graphql-client';

/** Test helpers for trainings, through the real API. */
export const CREATE_TRAINING = `mutation($i: CreateTrainingInput!) { createTraining(input: $i) { training { id title capacity status sponsor { name } } userErrors { code field message } } }`;
export const JOIN = `mutation($i: JoinTrainingInput!) { joinTraining(input: $i) { enrolment { id status waitlistPosition seated selfEnrolled } userErrors { code field message } } }`;
export const ENROL = `mutation($i: EnrolVendorInput!) { enrolVendor(input: $i) { enrolment { id status waitlistPosition selfEnrolled } userErrors { code field message } } }`;
export const LEAVE = `mutation($i: EnrolmentRefInput!) { leaveTraining(input: $i) { enrolment { id status } userErrors { code field message } } }`;
export const CANCEL_ENROLMENT = `mutation($i: EnrolmentRefInput!) { cancelEnrolment(input: $i) { enrolment { id status } userErrors { code field message } } }`;
export const ATTEND = `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { enrolment { id attended certificateNumber } userErrors { code field message } } }`;

let n = 0;
/** Creates a training starting at `startsAt` (ISO) for two hours; returns its id. */
export async function createTraining(staff: GraphqlClient, startsAt: string, capacity: number, extra: Record<string, unknown> = {}): Promise<string> {
  n++;
  const start = new Date(startsAt);
  const r = await staff.ok<any>(CREATE_TRAINING, {
    i: {
      title: `Pembukuan sederhana ${n}`,
      topic: 'BOOKKEEPING',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      place: 'Aula Dinas Koperasi dan UKM Kota Kupang',
      trainer: 'Ibu Merry Nalle',
      capacity,
      ...extra,
    },
  });
  if (r.createTraining.userErrors.length) throw new Error(JSON.stringify(r.createTraining.userErrors));
  return r.createTraining.training.id;
}
