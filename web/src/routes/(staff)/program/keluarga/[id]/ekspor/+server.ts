import { error } from '@sveltejs/kit';
import { AREA_ROLES } from '$lib/roles';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import { requireRole } from '$lib/server/guard';
import type { RequestHandler } from './$types';

const EXPORT = graphql(`mutation ExportFamilyData($input: ExportFamilyDataInput!) { exportFamilyData(input: $input) { export { fileName json csv } userErrors { code message } } }`);

/**
 * A family's own data (hak akses, UU 27/2022) as a JSON or CSV download. A POST, because the API
 * decrypts the KK and NIK and writes an audit entry: a link a browser may prefetch must not do that.
 */
export const POST: RequestHandler = async (event) => {
  requireRole(event.locals, event.url, AREA_ROLES.program); // an endpoint does not run the layout's check
  const format = String((await event.request.formData()).get('format') ?? 'json') === 'csv' ? 'csv' : 'json';
  const data = await gql(event, EXPORT, {
    input: { familyId: event.params.id },
  });
  const file = data.exportFamilyData.export;
  if (!file) error(404, { code: 'NOT_FOUND', message: data.exportFamilyData.userErrors[0]?.message ?? 'Keluarga tidak ditemukan.' });
  const headers = { 'cache-control': 'no-store', 'content-disposition': `attachment; filename="${file.fileName}.${format}"` };
  return format === 'csv'
    ? new Response('\ufeff' + file.csv, { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } })
    : new Response(file.json, { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
};
