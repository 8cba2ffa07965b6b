import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from './import-file.util';

/** Example rows of the template: one family of four in Naimata (the NIK/KK are made up but valid in form). */
const EXAMPLE = [
  ['5371021004230012', 'Yohanis Tefa', 'Jl. Timor Raya No. 12, RT 003/RW 001', 'Naimata', '1', 'DTSEN', '15-08-2025', '188.45/KEP/212/2025', '1', 'Yohanis Tefa', '5371021006800003', '10-06-1980', 'L', 'Kepala Keluarga', 'Tidak', 'Tidak'],
  ['5371021004230012', 'Yohanis Tefa', 'Jl. Timor Raya No. 12, RT 003/RW 001', 'Naimata', '1', 'DTSEN', '15-08-2025', '188.45/KEP/212/2025', '1', 'Maria Tefa', '5371024203840002', '02-03-1984', 'P', 'Istri', 'Tidak', 'Tidak'],
  ['5371021004230012', '', '', '', '', '', '', '', '', 'Agustina Tefa', '5371025509120001', '15-09-2012', 'P', 'Anak', 'Ya', 'Tidak'],
  ['5371021004230012', '', '', '', '', '', '', '', '', 'Yosua Tefa', '', '20-01-2019', 'L', 'Anak', 'Ya', 'Tidak'],
];

const NOTES: Record<string, string> = {
  no_kk: 'Nomor KK 16 digit (format kolom: Teks)',
  kepala_keluarga: 'Nama kepala keluarga',
  kelurahan: 'Nama atau kode kelurahan, mis. Naimata / 53.71.02.1004',
  desil: '1–10 (kosong untuk usulan tanpa desil)',
  sumber_data: 'DTSEN atau USULAN',
  tanggal_verval: 'HH-BB-TTTT',
  tahap: 'Tahap penerimaan, mis. 1',
  nik: 'NIK 16 digit (format kolom: Teks); boleh kosong untuk bayi',
  tanggal_lahir: 'HH-BB-TTTT',
  jenis_kelamin: 'L atau P',
  hubungan: 'Kepala Keluarga / Istri / Anak / Lainnya',
  sekolah: 'Ya / Tidak',
  disabilitas: 'Ya / Tidak',
};

const csvField = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The CSV template (semicolons, as Excel in Indonesia opens it, with a BOM for the characters). */
export function templateCsv(): string {
  const header = IMPORT_COLUMNS.map((c) => c.header);
  return `\ufeff${[header, ...EXAMPLE].map((r) => r.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/** The XLSX template: ID columns formatted as text so Excel keeps all 16 digits, a notes sheet. */
export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Keluarga');
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length + 4), style: c.key === 'kk' || c.key === 'nik' ? { numFmt: '@' } : {} }));
  for (const row of EXAMPLE) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = wb.addWorksheet('Petunjuk');
  notes.columns = [
    { header: 'Kolom', key: 'col', width: 20 },
    { header: 'Isi', key: 'note', width: 70 },
  ];
  notes.addRow({ col: 'Satu baris', note: 'Satu baris untuk setiap anggota keluarga; kolom keluarga boleh kosong setelah baris pertama KK yang sama.' });
  for (const c of IMPORT_COLUMNS) notes.addRow({ col: c.header + (c.required ? ' *' : ''), note: NOTES[c.header] ?? '' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
