import { fail, redirect } from '@sveltejs/kit';
import { AREA_ROLES } from '$lib/roles';
import { LANG_COOKIE, SESSION_COOKIE } from '$lib/server/cookies';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const JOBS = graphql(`query ImportJobs { familyImportJobs { id fileName mode status createdAt familiesWritten errorRows } }`);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MODES = ['ALL_OR_NOTHING', 'VALID_ROWS'];

export const load: PageServerLoad = async (event) => {
  await event.parent();
  const { familyImportJobs } = await gql(event, JOBS);
  return { jobs: familyImportJobs.slice(0, 10) };
};

/** The API's upload endpoint, beside its /graphql (the portal runs inside the API server). */
const uploadUrl = (mode: string, name: string) =>
  `${process.env.INTERNAL_API_URL!.replace(/\/graphql$/, '')}/api/ina-kasih/imports?${new URLSearchParams({ mode, name })}`;

export const actions: Actions = {
  /** Without JavaScript: the file comes through the portal (its body limit applies); with it, the browser posts it to the API directly. */
  upload: async (event) => {
    requireRole(event.locals, event.url, AREA_ROLES.program);
    const form = await event.request.formData();
    const file = form.get('file');
    const mode = MODES.includes(String(form.get('mode'))) ? String(form.get('mode')) : 'ALL_OR_NOTHING';
    if (!(file instanceof File) || file.size === 0) return fail(400, { errors: { file: 'Pilih berkas CSV atau XLSX. (Choose a CSV or XLSX file.)' } as Record<string, string> });
    const cookies = [`${LANG_COOKIE}=${event.locals.locale}`];
    const session = event.cookies.get(SESSION_COOKIE);
    if (session) cookies.push(`${SESSION_COOKIE}=${encodeURIComponent(session)}`);
    let response: Response;
    try {
      response = await fetch(uploadUrl(mode, file.name), {
        method: 'POST',
        headers: { 'content-type': /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv', cookie: cookies.join('; '), 'x-forwarded-for': event.getClientAddress() },
        body: Buffer.from(await file.arrayBuffer()),
      });
    } catch {
      return fail(503, { errors: { file: 'Server tidak dapat dihubungi. Coba lagi. (The server cannot be reached. Try again.)' } as Record<string, string> });
    }
    const body = (await response.json().catch(() => ({}))) as { jobId?: string; message?: string };
    if (response.status !== 202 || !body.jobId) return fail(response.status >= 400 ? response.status : 400, { errors: { file: body.message ?? 'Berkas tidak dapat diimpor. (The file cannot be imported.)' } as Record<string, string> });
    redirect(303, `/program/impor/${body.jobId}`);
  },
};
