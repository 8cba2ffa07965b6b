import { gql } from '$lib/server/graphql';
import type { Region } from '$lib/server/graphql-types';
import type { PageServerLoad } from './$types';

const WORK_AREA = /* GraphQL */ `
  query ProgramWorkArea {
    me { kelurahanScope { code name } }
  }
`;

export const load: PageServerLoad = async (event) => {
  await event.parent(); // the role check runs before the API is asked
  const { me } = await gql<{ me: { kelurahanScope: Pick<Region, 'code' | 'name'>[] } }>(event, WORK_AREA);
  return { kelurahanScope: me.kelurahanScope };
};
