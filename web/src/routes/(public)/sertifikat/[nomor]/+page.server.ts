import { gql } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

const VERIFY = /* GraphQL */ `query VerifyCertificate($n: String!) { verifyCertificate(number: $n) { number valid businessName trainingTitle date } }`;

export interface Verification {
  number: string;
  valid: boolean;
  businessName: string | null;
  trainingTitle: string;
  date: string;
}

/** Public: anyone holding a printed certificate can check its number. */
export const load: PageServerLoad = async (event) => {
  const number = event.params.nomor.slice(0, 40);
  const { verifyCertificate } = await gql<{ verifyCertificate: Verification | null }>(event, VERIFY, { n: number });
  return { number, verification: verifyCertificate };
};
