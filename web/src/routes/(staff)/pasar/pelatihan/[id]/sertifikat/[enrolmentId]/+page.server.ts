import { formatCertificateCode } from '$lib/format';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { PageServerLoad } from './$types';

const CERTIFICATE = graphql(`
  query PrintCertificate($id: ID!) {
    trainingCertificate(enrolmentId: $id) { number code businessName ownerName trainingTitle topic startsAt place trainer sponsorName }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { trainingCertificate } = await gql(event, CERTIFICATE, { id: event.params.enrolmentId });
  return { certificate: trainingCertificate, verifyUrl: trainingCertificate ? `${event.url.origin}/sertifikat/${formatCertificateCode(trainingCertificate.code)}` : null };
};
