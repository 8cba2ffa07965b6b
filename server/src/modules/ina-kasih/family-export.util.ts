import { longCsv } from '../../platform/data-export.util';

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

/** The same document as CSV in the long shape of every data export (platform/data-export.util.ts). */
export function familyExportCsv(doc: FamilyExportDocument): string {
  return longCsv([
    { label: 'ekspor', rows: [{ exportedAt: doc.exportedAt }] },
    { label: 'keluarga', rows: [doc.family] },
    { label: 'anggota', rows: doc.members },
    { label: 'riwayat_kk', rows: doc.kkHistory },
    { label: 'penyaluran', rows: doc.deliveries },
  ]);
}
