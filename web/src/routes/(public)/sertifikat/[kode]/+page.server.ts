import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { PageServerLoad } from './$types';

const VERIFY = graphql(`query VerifyCertificate($c: String!) { verifyCertificate(code: $c) { code valid businessName trainingTitle date } }`);

/** Public: anyone holding a printed certificate checks it by its verification code (never by its number). */
export const load: PageServerLoad = async (event) => {
  const typed = event.params.kode.slice(0, 40);
  const { verifyCertificate } = await gql(event, VERIFY, { c: typed });
  return { typed, verification: verifyCertificate };
};
