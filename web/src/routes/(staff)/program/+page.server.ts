import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { PageServerLoad } from './$types';

const WORK_AREA = graphql(`
  query ProgramWorkArea {
    me { kelurahanScope { code name } }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent(); // the role check runs before the API is asked
  const { me } = await gql(event, WORK_AREA);
  return { kelurahanScope: me.kelurahanScope };
};
