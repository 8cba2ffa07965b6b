/**
 * A family's own data, as handed to the family when it asks (hak akses, UU 27/2022): the record,
 * its members, every KK it held and every delivery, with the KK and NIK numbers in full (it is
 * their own data). Built from plain rows so the JSON and the CSV always say the same.
 */
export interface FamilyExportDocument {
  exportedAt: string;
  family: Record<string, unknown>;
  members: Record<string, unknown>[];
  kkHistory: Record<string, unknown>[];
  deliveries: Record<string, unknown>[];
}

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString() : String(v);
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The same document as CSV in the "long" shape a spreadsheet reads at once: one line per value,
 * `bagian,nomor,kolom,nilai` (section, item number within it, field, value).
 */
export function familyExportCsv(doc: FamilyExportDocument): string {
  const lines = ['bagian,nomor,kolom,nilai'];
  const add = (section: string, n: number, row: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(row)) lines.push([section, n, k, v].map(cell).join(','));
  };
  add('ekspor', 1, { exportedAt: doc.exportedAt });
  add('keluarga', 1, doc.family);
  doc.members.forEach((m, i) => add('anggota', i + 1, m));
  doc.kkHistory.forEach((h, i) => add('riwayat_kk', i + 1, h));
  doc.deliveries.forEach((d, i) => add('penyaluran', i + 1, d));
  return `${lines.join('\r\n')}\r\n`;
}
