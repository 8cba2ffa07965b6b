/**
 * The shape of every copy of personal data handed to the person it is about (hak akses,
 * UU 27/2022): named sections of plain rows, as a JSON document and as a "long" CSV that a
 * spreadsheet reads at once — one line per value, `bagian,nomor,kolom,nilai` (section, item
 * number within it, field, value). Built from the same rows, so both files always say the same.
 */
export interface DataSection {
  /** Key of the section in the JSON document, e.g. `bookings`. */
  key: string;
  /** Name of the section in the CSV, in Bahasa Indonesia, e.g. `pemesanan`. */
  label: string;
  rows: Record<string, unknown>[];
}

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The sections as CSV, one value a line. */
export function longCsv(sections: Pick<DataSection, 'label' | 'rows'>[]): string {
  const lines = ['bagian,nomor,kolom,nilai'];
  for (const section of sections) {
    section.rows.forEach((row, i) => {
      for (const [k, v] of Object.entries(row)) lines.push([section.label, i + 1, k, v].map(cell).join(','));
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The sections as one JSON document (`exportedAt` first) and as CSV. */
export function dataExportFiles(sections: DataSection[], exportedAt = new Date()): { json: string; csv: string } {
  const doc: Record<string, unknown> = { exportedAt: exportedAt.toISOString() };
  for (const s of sections) doc[s.key] = s.rows;
  return { json: JSON.stringify(doc, null, 2), csv: longCsv([{ label: 'ekspor', rows: [{ exportedAt: exportedAt.toISOString() }] }, ...sections]) };
}
