import { error } from '@sveltejs/kit';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { PageServerLoad } from './$types';

const JOB = graphql(`
  query ImportJob($id: ID!) {
    familyImportJob(id: $id) {
      id fileName format mode status stage stalled totalRows processedRows errorRows familiesWritten membersWritten familiesSkipped duplicateFlags reportLines durationMs createdAt
      report(first: 200) { row column code message warning }
    }
  }
`);

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { familyImportJob } = await gql(event, JOB, { id: event.params.id });
  if (!familyImportJob) error(404, { code: 'NOT_FOUND', message: 'Impor tidak ditemukan.' });
  return { job: familyImportJob };
};
