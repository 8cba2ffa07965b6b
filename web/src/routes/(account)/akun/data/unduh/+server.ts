import { ROLES } from '$lib/roles';
import { gql, throwApiError } from '$lib/server/graphql';
import { requireRole } from '$lib/server/guard';
import { graphql } from '$lib/server/gql';
import type { RequestHandler } from './$types';

const EXPORT = graphql(`
  mutation ExportMyData {
    exportMyData {
      export {
        fileName
        json
        csv
      }
      userErrors {
        code
        message
      }
    }
  }
`);

/**
 * The signed-in person's copy of her own data (hak akses, UU 27/2022) as a JSON or CSV download.
 * A POST, because the API writes an audit entry: a link a browser may prefetch must not do that.
 */
export const POST: RequestHandler = async (event) => {
  requireRole(event.locals, event.url, ROLES); // an endpoint does not run the layout's check
  const format = String((await event.request.formData()).get('format') ?? 'json') === 'csv' ? 'csv' : 'json';
  const { exportMyData } = await gql(event, EXPORT);
  const file = exportMyData.export;
  if (!file) throwApiError({ code: exportMyData.userErrors[0]?.code ?? 'INTERNAL_SERVER_ERROR', message: exportMyData.userErrors[0]?.message ?? '' });
  const headers = { 'cache-control': 'no-store', 'content-disposition': `attachment; filename="${file.fileName}.${format}"` };
  return format === 'csv'
    ? new Response('\ufeff' + file.csv, { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } })
    : new Response(file.json, { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
};
