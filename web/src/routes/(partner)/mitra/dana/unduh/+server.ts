import ExcelJS from 'exceljs';
import { AREA_ROLES } from '$lib/roles';
import { loadPartnerReport, reportSheets } from '$lib/server/funding';
import { requireRole } from '$lib/server/guard';
import type { RequestHandler } from './$types';

const csvCell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The partner's report as XLSX (one sheet per table) or CSV (the tables one after another). */
export const GET: RequestHandler = async (event) => {
  requireRole(event.locals, event.url, AREA_ROLES.mitra); // an endpoint does not run the layout's check
  const report = await loadPartnerReport(event);
  const sheets = reportSheets(report, event.locals.locale);
  const base = `dampak-${report.period.year}-${String(report.period.from).padStart(2, '0')}-${String(report.period.to).padStart(2, '0')}`;
  if (event.url.searchParams.get('format') === 'csv') {
    const text = sheets.map((s) => [[s.name], ...s.rows].map((row) => row.map(csvCell).join(',')).join('\r\n')).join('\r\n\r\n');
    const body = new TextEncoder().encode('\ufeff' + text);
    return new Response(body, {
      // content-length lets the page show how far the download is.
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${base}.csv"`, 'content-length': String(body.byteLength) },
    });
  }
  const book = new ExcelJS.Workbook();
  book.creator = 'Kupang platform';
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    s.rows.forEach((row) => ws.addRow(row));
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 16));
  }
  const buffer = await book.xlsx.writeBuffer();
  return new Response(buffer as ArrayBuffer, {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${base}.xlsx"`,
      'content-length': String((buffer as ArrayBuffer).byteLength),
    },
  });
};
