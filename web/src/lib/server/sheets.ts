import ExcelJS from 'exceljs';

/** A table of a report download: a name and rows (the first row is the header). */
export interface Sheet {
  name: string;
  rows: (string | number)[][];
}

const csvCell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * A report as a download: XLSX (one sheet per table) or CSV (the tables one after another, with a
 * BOM so spreadsheet programs read it as UTF-8). content-length lets the page show the progress.
 */
export async function sheetsResponse(sheets: Sheet[], baseName: string, format: string | null): Promise<Response> {
  if (format === 'csv') {
    const text = sheets.map((s) => [[s.name], ...s.rows].map((row) => row.map(csvCell).join(',')).join('\r\n')).join('\r\n\r\n');
    const body = new TextEncoder().encode('\ufeff' + text);
    return new Response(body, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${baseName}.csv"`, 'content-length': String(body.byteLength) },
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
  const buffer = (await book.xlsx.writeBuffer()) as ArrayBuffer;
  return new Response(buffer, {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${baseName}.xlsx"`,
      'content-length': String(buffer.byteLength),
    },
  });
}
