import { error } from '@sveltejs/kit';
import { gql } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

const JOB = /* GraphQL */ `
  query ImportJob($id: ID!) {
    familyImportJob(id: $id) {
      id fileName format mode status stage stalled totalRows processedRows errorRows familiesWritten membersWritten familiesSkipped duplicateFlags reportLines durationMs createdAt
      report(first: 200) { row column code message warning }
    }
  }
`;

export interface ImportJob {
  id: string;
  fileName: string;
  format: string;
  mode: string;
  status: 'RUNNING' | 'DONE' | 'FAILED' | 'REJECTED';
  stage: string;
  stalled: boolean;
  totalRows: number;
  processedRows: number;
  errorRows: number;
  familiesWritten: number;
  membersWritten: number;
  familiesSkipped: number;
  duplicateFlags: number;
  reportLines: number;
  durationMs: number | null;
  createdAt: string;
  report: { row: number; column: string | null; code: string; message: string; warning: boolean }[];
}

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { familyImportJob } = await gql<{ familyImportJob: ImportJob | null }>(event, JOB, { id: event.params.id });
  if (!familyImportJob) error(404, { code: 'NOT_FOUND', message: 'Impor tidak ditemukan.' });
  return { job: familyImportJob };
};
