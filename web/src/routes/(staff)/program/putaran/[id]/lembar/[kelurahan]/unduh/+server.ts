import ExcelJS from 'exceljs';
import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { AREA_ROLES } from '$lib/roles';
import { requireRole } from '$lib/server/guard';
import { loadSheet } from '$lib/server/round';
import type { RequestHandler } from './$types';

const csvCell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A kelurahan's delivery sheet as XLSX (default) or CSV, in the columns staff keep on paper. */
export const GET: RequestHandler = async (event) => {
  requireRole(event.locals, event.url, AREA_ROLES.program); // an endpoint does not run the layout's check
  const { round, kelurahan, rows } = await loadSheet(event, event.params.id, event.params.kelurahan);
  if (!round || !kelurahan) error(404, { code: 'NOT_FOUND', message: 'Lembar tidak ditemukan.' });
  const tr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(event.locals.locale, key, params);
  const header = [tr('ina.sheet.no'), tr('ina.sheet.registry'), tr('ina.sheet.head'), tr('ina.sheet.address'), tr('ina.sheet.women'), tr('ina.sheet.girls'), tr('ina.sheet.packs'), tr('ina.sheet.status'), tr('ina.sheet.signature')];
  const body = rows.map((r, i) => [i + 1, r.family.registryNumber, r.family.headName, r.family.address, r.eligibleWomen, r.eligibleGirls, r.plannedPacks, r.delivery ? tr('ina.sheet.done', { packs: r.delivery.packs }) : '', '']);
  const name = `lembar-${round.month}-${kelurahan.kelurahanName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  if (event.url.searchParams.get('format') === 'csv') {
    const text = [header, ...body].map((row) => row.map(csvCell).join(',')).join('\r\n');
    return new Response('\ufeff' + text, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` } });
  }
  const book = new ExcelJS.Workbook();
  book.creator = 'Kupang platform';
  const ws = book.addWorksheet(kelurahan.kelurahanName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  ws.addRow([`${round.program.name} · ${kelurahan.kelurahanName} · ${round.month}`]);
  ws.getRow(1).font = { bold: true };
  ws.addRow(header).font = { bold: true };
  body.forEach((row) => ws.addRow(row));
  ws.columns.forEach((c, i) => (c.width = [5, 12, 28, 36, 10, 10, 8, 16, 24][i] ?? 12));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  const buffer = await book.xlsx.writeBuffer();
  return new Response(buffer as ArrayBuffer, {
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${name}.xlsx"` },
  });
};
