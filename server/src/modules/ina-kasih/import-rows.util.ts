import { CommonErrors } from '../../platform/app-error';
import { translate } from '../../platform/i18n';
import { FamilyDataSource, FamilyRelation, Sex } from './family.enums';
import { FamilyErrors } from './family.errors';
import { validateKk, validateMember, validatePastDate, validateText, type CheckedMember, type FieldProblem } from './family-validation.util';
import { IMPORT_COLUMNS, type Cell, type ColumnKey, type SheetRow } from './import-file.util';
import { ImportErrors } from './import.errors';
import type { ImportProblem } from './import-job.entity';

/** One family read from the file, with the rows it came from; written only when `valid`. */
export interface ImportFamily {
  kk: string;
  firstRow: number;
  rows: number[];
  valid: boolean;
  headName: string;
  address: string;
  kelurahanCode: string;
  desil?: number;
  dataSource: FamilyDataSource;
  verifiedAt?: string;
  skNumber?: string;
  phase?: number;
  members: (CheckedMember & { sex: Sex; relation: FamilyRelation; inSchool: boolean; disability: boolean })[];
}

export interface RowCheckContext {
  today: string;
  /** Kelurahan code by normalised code, name or alias. */
  kelurahan: Map<string, string>;
  /** Kelurahan the importing officer may write to; undefined = whole city. */
  scope?: string[];
}

const headerOf = (key: ColumnKey) => IMPORT_COLUMNS.find((c) => c.key === key)!.header;
export const normalizeName = (s: string) => s.trim().toLowerCase().replace(/[^a-z0-9.]+/g, '');

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

const pad = (n: string) => n.padStart(2, '0');

/** A date cell: an Excel date, an Excel serial number, YYYY-MM-DD, or DD-MM-YYYY / DD/MM/YYYY. */
export function dateCell(cell: Cell | undefined): string | undefined | null {
  if (cell === null || cell === undefined || cell === '') return undefined;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return cell > 0 && cell < 100000 ? new Date(Math.round((cell - 25569) * 86400000)).toISOString().slice(0, 10) : null;
  const s = cell.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
  return s ? null : undefined;
}

const SEX: Record<string, Sex> = { l: Sex.MALE, lakilaki: Sex.MALE, laki: Sex.MALE, m: Sex.MALE, male: Sex.MALE, p: Sex.FEMALE, perempuan: Sex.FEMALE, wanita: Sex.FEMALE, w: Sex.FEMALE, f: Sex.FEMALE, female: Sex.FEMALE };
const YES = new Set(['ya', 'y', 'yes', '1', 'true', 'benar']);
const NO = new Set(['tidak', 't', 'no', 'n', '0', 'false', 'salah', '']);

function relationOf(raw: string): FamilyRelation {
  const s = raw.toLowerCase();
  if (s.includes('kepala') || s === 'head') return FamilyRelation.HEAD;
  if (/istri|isteri|suami|spouse/.test(s)) return FamilyRelation.SPOUSE;
  if (/anak|child/.test(s)) return FamilyRelation.CHILD;
  return FamilyRelation.OTHER;
}

const FAMILY_KEYS = ['headName', 'address', 'kelurahanCode', 'desil', 'dataSource', 'verifiedAt', 'skNumber', 'phase'] as const;
const FAMILY_COLUMN: Record<(typeof FAMILY_KEYS)[number], ColumnKey> = {
  headName: 'headName',
  address: 'address',
  kelurahanCode: 'kelurahan',
  desil: 'desil',
  dataSource: 'dataSource',
  verifiedAt: 'verifiedAt',
  skNumber: 'skNumber',
  phase: 'phase',
};

/**
 * Checks every row and groups the rows into families by KK. Returns the families (each marked
 * valid or not) and the per-row report in both languages. Pure: the caller looks up what
 * needs the database (kelurahan list, KKs already registered).
 */
export function checkRows(rows: SheetRow[], ctx: RowCheckContext): { families: ImportFamily[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const report = (row: number, p: FieldProblem & { warning?: boolean }, column?: ColumnKey) =>
    problems.push({ row, column: column ? headerOf(column) : undefined, code: p.code, id: translate('id', p.code, p.params), en: translate('en', p.code, p.params), ...(p.warning ? { warning: true } : {}) });
  const byKk = new Map<string, ImportFamily>();
  const families: ImportFamily[] = [];

  for (const r of rows) {
    const c = r.cells;
    const rowProblems: [FieldProblem, ColumnKey][] = [];
    const fail = (code: string, column: ColumnKey, params?: Record<string, unknown>) => rowProblems.push([{ code, field: column, params }, column]);
    const idText = (key: 'kk' | 'nik') => {
      if (typeof c[key] === 'number') {
        fail(ImportErrors.IMPORT_ID_AS_NUMBER, key);
        return undefined;
      }
      return text(c[key]);
    };

    // Family columns
    const kkRaw = idText('kk');
    const kk = kkRaw === undefined ? undefined : validateKk(kkRaw);
    if (kk?.problem) fail(kk.problem.code, 'kk');
    const fp: FieldProblem[] = [];
    const headName = validateText(text(c.headName), 'headName', 120, false, fp);
    const address = validateText(text(c.address), 'address', 300, false, fp);
    const skNumber = validateText(text(c.skNumber), 'skNumber', 100, false, fp);
    for (const p of fp) fail(p.code, p.field as ColumnKey, p.params);
    const kelRaw = text(c.kelurahan);
    let kelurahanCode: string | undefined;
    if (kelRaw) {
      kelurahanCode = ctx.kelurahan.get(normalizeName(kelRaw));
      if (!kelurahanCode) fail(FamilyErrors.FAMILY_UNKNOWN_KELURAHAN, 'kelurahan');
      else if (ctx.scope && !ctx.scope.includes(kelurahanCode)) fail(FamilyErrors.FAMILY_OUT_OF_SCOPE, 'kelurahan');
    }
    const int = (key: 'desil' | 'phase', min: number, max: number, code: string) => {
      const s = text(c[key]);
      if (!s) return undefined;
      const n = Number(s);
      if (!Number.isInteger(n)) fail(ImportErrors.IMPORT_INVALID_NUMBER, key);
      else if (n < min || n > max) fail(code, key);
      else return n;
      return undefined;
    };
    const desil = int('desil', 1, 10, FamilyErrors.FAMILY_INVALID_DESIL);
    const phase = int('phase', 1, 99, FamilyErrors.FAMILY_INVALID_PHASE);
    const sourceRaw = text(c.dataSource).toUpperCase();
    const dataSource = sourceRaw === 'DTSEN' || sourceRaw === 'USULAN' ? (sourceRaw as FamilyDataSource) : undefined;
    if (sourceRaw && !dataSource) fail(ImportErrors.IMPORT_INVALID_SOURCE, 'dataSource');
    const verifiedRaw = dateCell(c.verifiedAt);
    let verifiedAt: string | undefined;
    if (verifiedRaw === null) fail(ImportErrors.IMPORT_INVALID_DATE, 'verifiedAt');
    else if (verifiedRaw) {
      const dp: FieldProblem[] = [];
      verifiedAt = validatePastDate(verifiedRaw, 'verifiedAt', ctx.today, dp);
      for (const p of dp) fail(p.code, 'verifiedAt');
    }

    // Member columns
    const nikRaw = idText('nik');
    const sexRaw = normalizeName(text(c.sex));
    const sex = SEX[sexRaw];
    if (!sexRaw) fail(CommonErrors.REQUIRED, 'sex');
    else if (!sex) fail(ImportErrors.IMPORT_INVALID_SEX, 'sex');
    const birthRaw = dateCell(c.birthDate);
    if (birthRaw === null) fail(ImportErrors.IMPORT_INVALID_DATE, 'birthDate');
    const member = validateMember({ name: text(c.name), nik: nikRaw, birthDate: birthRaw ?? undefined, sex }, ctx.today);
    for (const p of member.problems) if (!(p.field === 'birthDate' && birthRaw === null)) fail(p.code, p.field as ColumnKey, p.params);
    for (const w of member.warnings) report(r.row, { ...w, warning: true }, 'nik');
    const yesNo = (key: 'inSchool' | 'disability') => {
      const s = text(c[key]).toLowerCase();
      if (YES.has(s)) return true;
      if (!NO.has(s)) fail(ImportErrors.IMPORT_INVALID_YES_NO, key);
      return false;
    };
    const inSchool = yesNo('inSchool');
    const disability = yesNo('disability');

    // Group by KK; the first row of a KK carries the family, later rows must agree or be blank.
    let family = kk?.value ? byKk.get(kk.value) : undefined;
    const given = { headName, address, kelurahanCode, desil, dataSource, verifiedAt, skNumber, phase };
    if (kk?.value && !family) {
      if (!headName) fail(CommonErrors.REQUIRED, 'headName');
      if (!address) fail(CommonErrors.REQUIRED, 'address');
      if (!kelRaw) fail(CommonErrors.REQUIRED, 'kelurahan');
      if (!sourceRaw) fail(CommonErrors.REQUIRED, 'dataSource');
      family = { kk: kk.value, firstRow: r.row, rows: [], valid: true, headName: headName ?? '', address: address ?? '', kelurahanCode: kelurahanCode ?? '', desil, dataSource: dataSource ?? FamilyDataSource.DTSEN, verifiedAt, skNumber, phase, members: [] };
      byKk.set(kk.value, family);
      families.push(family);
    } else if (family) {
      for (const key of FAMILY_KEYS) {
        const v = given[key];
        if (v !== undefined && v !== family[key]) fail(ImportErrors.IMPORT_FAMILY_FIELDS_DIFFER, FAMILY_COLUMN[key], { first: family.firstRow });
      }
      if (member.nik && family.members.some((m) => m.nik === member.nik)) fail(FamilyErrors.MEMBER_NIK_TWICE, 'nik');
    }

    for (const [p, column] of rowProblems) report(r.row, p, column);
    if (family) {
      family.rows.push(r.row);
      if (rowProblems.length) family.valid = false;
      else family.members.push({ ...member, sex: sex!, relation: relationOf(text(c.relation)), inSchool, disability });
    }
  }
  return { families, problems };
}

/** Report lines for the good rows of families left out because of a bad row (VALID_ROWS mode). */
export function skippedRowProblems(families: ImportFamily[], problems: ImportProblem[]): ImportProblem[] {
  const withErrors = new Set(problems.filter((p) => !p.warning).map((p) => p.row));
  return families
    .filter((f) => !f.valid)
    .flatMap((f) => f.rows.filter((row) => !withErrors.has(row)))
    .map((row) => ({ row, code: ImportErrors.IMPORT_FAMILY_SKIPPED, id: translate('id', ImportErrors.IMPORT_FAMILY_SKIPPED), en: translate('en', ImportErrors.IMPORT_FAMILY_SKIPPED) }));
}
