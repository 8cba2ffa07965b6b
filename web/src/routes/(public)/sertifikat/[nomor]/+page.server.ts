import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { PageServerLoad } from './$types';

const VERIFY = graphql(`query VerifyCertificate($n: String!) { verifyCertificate(number: $n) { number valid businessName trainingTitle date } }`);

/** Public: anyone holding a printed certificate can check its number. */
export const load: PageServerLoad = async (event) => {
  const number = event.params.nomor.slice(0, 40);
  const { verifyCertificate } = await gql(event, VERIFY, { n: number });
  return { number, verification: verifyCertificate };
};
