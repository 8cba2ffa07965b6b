import ExcelJS from 'exceljs';

/**
 * Reading the spreadsheets staff keep: CSV (comma or semicolon, as Excel in Indonesia saves it,
 * optional BOM, quoted fields) and XLSX (first worksheet). One row per family member; the family
 * columns repeat on every row of the same KK (or are left blank after the first).
 */

/** The columns, in template order, with the header names accepted for each. */
export const IMPORT_COLUMNS = [
  { key: 'kk', header: 'no_kk', aliases: ['nomor_kk', 'kk', 'no_kartu_keluarga'], required: true },
  { key: 'headName', header: 'kepala_keluarga', aliases: ['nama_kepala_keluarga', 'head_name'], required: true },
  { key: 'address', header: 'alamat', aliases: ['address'], required: true },
  { key: 'kelurahan', header: 'kelurahan', aliases: ['kode_kelurahan', 'desa_kelurahan'], required: true },
  { key: 'desil', header: 'desil', aliases: [], required: false },
  { key: 'dataSource', header: 'sumber_data', aliases: ['sumber', 'data_source'], required: true },
  { key: 'verifiedAt', header: 'tanggal_verval', aliases: ['tgl_verval', 'verified_at'], required: false },
  { key: 'skNumber', header: 'nomor_sk', aliases: ['no_sk', 'sk_number'], required: false },
  { key: 'phase', header: 'tahap', aliases: ['phase'], required: false },
  { key: 'name', header: 'nama', aliases: ['nama_anggota', 'name'], required: true },
  { key: 'nik', header: 'nik', aliases: [], required: false },
  { key: 'birthDate', header: 'tanggal_lahir', aliases: ['tgl_lahir', 'birth_date'], required: true },
  { key: 'sex', header: 'jenis_kelamin', aliases: ['jk', 'l_p', 'sex'], required: true },
  { key: 'relation', header: 'hubungan', aliases: ['hubungan_keluarga', 'shdk', 'relation'], required: false },
  { key: 'inSchool', header: 'sekolah', aliases: ['masih_sekolah', 'in_school'], required: false },
  { key: 'disability', header: 'disabilitas', aliases: ['penyandang_disabilitas', 'disability'], required: false },
] as const;

export type ColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];
export type Cell = string | number | Date | null;

export interface SheetRow {
  /** Row number as the spreadsheet shows it (header = 1). */
  row: number;
  cells: Partial<Record<ColumnKey, Cell>>;
}

export interface Sheet {
  rows: SheetRow[];
  /** Required columns the header lacks (template header names). */
  missingColumns: string[];
}

const normHeader = (h: string) => h.trim().toLowerCase().replace(/[\s./-]+/g, '_').replace(/^_+|_+$/g, '');

function mapHeader(header: Cell[]): { index: Map<number, ColumnKey>; missing: string[] } {
  const index = new Map<number, ColumnKey>();
  const names = header.map((h) => normHeader(String(h ?? '')));
  for (const col of IMPORT_COLUMNS) {
    const i = names.findIndex((n) => n === col.header || (col.aliases as readonly string[]).includes(n));
    if (i >= 0) index.set(i, col.key);
  }
  const found = new Set(index.values());
  return { index, missing: IMPORT_COLUMNS.filter((c) => c.required && !found.has(c.key)).map((c) => c.header) };
}

function toSheet(table: Cell[][], firstRowNumber = 1): Sheet {
  const [header = [], ...body] = table;
  const { index, missing } = mapHeader(header);
  const rows: SheetRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c === null || c === '' || (typeof c === 'string' && !c.trim()))) return;
    const row: SheetRow = { row: firstRowNumber + 1 + i, cells: {} };
    for (const [col, key] of index) row.cells[key] = cells[col] ?? null;
    rows.push(row);
  });
  return { rows, missingColumns: missing };
}

/** RFC 4180 CSV with the delimiter (`,` or `;`) guessed from the header line. */
export function parseCsv(text: string): Cell[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  // Most exports quote nothing: split lines and fields directly (ten times faster on 100,000 rows).
  if (!text.includes('"')) {
    const lines = text.split(/\r?\n/);
    if (lines.at(-1) === '') lines.pop();
    return lines.map((line) => line.split(delimiter));
  }
  const out: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    out.push(row);
  }
  return out;
}

export function readCsv(buffer: Buffer): Sheet {
  return toSheet(parseCsv(buffer.toString('utf8')));
}

/** The first worksheet; date cells arrive as Date, numbers as numbers (a 16-digit ID typed as a number is caught later). */
export async function readXlsx(buffer: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], missingColumns: IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.header) };
  const table: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      let value: Cell = null;
      if (v instanceof Date || typeof v === 'number' || typeof v === 'string') value = v;
      else if (typeof v === 'boolean') value = v ? 'ya' : 'tidak';
      else if (v && typeof v === 'object') value = 'result' in v ? ((v.result as Cell) ?? null) : 'richText' in v ? v.richText.map((r) => r.text).join('') : 'text' in v ? String(v.text) : null;
      cells[col - 1] = value;
    });
    table[n - 1] = cells;
  });
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return toSheet(table);
}

/** Looks at the first bytes: XLSX files are ZIP archives. */
export const isXlsx = (buffer: Buffer) => buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
