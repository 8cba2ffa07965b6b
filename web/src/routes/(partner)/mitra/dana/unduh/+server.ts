import { AREA_ROLES } from '$lib/roles';
import { loadPartnerReport, reportSheets } from '$lib/server/funding';
import { requireRole } from '$lib/server/guard';
import { sheetsResponse } from '$lib/server/sheets';
import type { RequestHandler } from './$types';

/** The partner's report as XLSX (one sheet per table) or CSV (the tables one after another). */
export const GET: RequestHandler = async (event) => {
  requireRole(event.locals, event.url, AREA_ROLES.mitra); // an endpoint does not run the layout's check
  const report = await loadPartnerReport(event);
  const base = `dampak-${report.period.year}-${String(report.period.from).padStart(2, '0')}-${String(report.period.to).padStart(2, '0')}`;
  return sheetsResponse(reportSheets(report, event.locals.locale), base, event.url.searchParams.get('format'));
};
