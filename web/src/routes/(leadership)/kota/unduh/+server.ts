import { AREA_ROLES } from '$lib/roles';
import { citySheets, loadCityReport } from '$lib/server/city';
import { requireRole } from '$lib/server/guard';
import { sheetsResponse } from '$lib/server/sheets';
import type { RequestHandler } from './$types';

/** The city report as XLSX (a sheet per table) or CSV, with the same rows as the dashboard. */
export const GET: RequestHandler = async (event) => {
  requireRole(event.locals, event.url, AREA_ROLES.kota); // an endpoint does not run the layout's check
  const report = await loadCityReport(event);
  const { year, from, to } = report.period;
  const base = `laporan-kota-${year}-${String(from).padStart(2, '0')}-${String(to).padStart(2, '0')}`;
  return sheetsResponse(citySheets(report, event.locals.locale), base, event.url.searchParams.get('format'));
};
