import { gql } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

const CERTIFICATE = /* GraphQL */ `
  query PrintCertificate($id: ID!) {
    trainingCertificate(enrolmentId: $id) { number businessName ownerName trainingTitle topic startsAt place trainer sponsorName }
  }
`;

export interface CertificateView {
  number: string;
  businessName: string;
  ownerName: string;
  trainingTitle: string;
  topic: string;
  startsAt: string;
  place: string;
  trainer: string;
  sponsorName: string | null;
}

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { trainingCertificate } = await gql<{ trainingCertificate: CertificateView | null }>(event, CERTIFICATE, { id: event.params.enrolmentId });
  return { certificate: trainingCertificate, verifyUrl: trainingCertificate ? `${event.url.origin}/sertifikat/${trainingCertificate.number}` : null };
};
