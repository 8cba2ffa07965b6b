import { isValidLocalDate } from '../../graphql/scalars/local-date.scalar';
import { CommonErrors } from '../../platform/app-error';
import { FamilyErrors } from './family.errors';
import { checkKk, checkNik } from './identity.util';

/**
 * Field checks shared by the API and the import, so a spreadsheet row is held to exactly the
 * rules of the form. Each returns codes (with the field they belong to), never throws.
 */
export interface FieldProblem {
  code: string;
  field: string;
  params?: Record<string, unknown>;
}

const KK_CODES = { FORMAT: FamilyErrors.FAMILY_KK_FORMAT, AREA: FamilyErrors.FAMILY_KK_AREA, SERIAL: FamilyErrors.FAMILY_KK_SERIAL, BIRTH_DATE: FamilyErrors.FAMILY_KK_FORMAT };
const NIK_CODES = { FORMAT: FamilyErrors.MEMBER_NIK_FORMAT, AREA: FamilyErrors.MEMBER_NIK_AREA, SERIAL: FamilyErrors.MEMBER_NIK_SERIAL, BIRTH_DATE: FamilyErrors.MEMBER_NIK_BIRTH_DATE };

/** The KK digits, or the problem. */
export function validateKk(raw: string | undefined, field = 'kk'): { value?: string; problem?: FieldProblem } {
  if (!raw?.trim()) return { problem: { code: CommonErrors.REQUIRED, field } };
  const r = checkKk(raw);
  return r.ok ? { value: r.value } : { problem: { code: KK_CODES[r.problem!], field } };
}

export function validateText(raw: string | undefined, field: string, max: number, required: boolean, problems: FieldProblem[]): string | undefined {
  const value = raw?.trim().replace(/\s+/g, ' ') || undefined;
  if (!value) {
    if (required) problems.push({ code: CommonErrors.REQUIRED, field });
    return undefined;
  }
  if (value.length > max) problems.push({ code: CommonErrors.TOO_LONG, field, params: { max } });
  return value;
}

/** A past or present local date (YYYY-MM-DD), or a problem. */
export function validatePastDate(raw: string | undefined, field: string, today: string, problems: FieldProblem[], code: string = FamilyErrors.FAMILY_INVALID_DATE): string | undefined {
  if (!raw) return undefined;
  if (!isValidLocalDate(raw) || raw < '1900-01-01') problems.push({ code, field });
  else if (raw > today) problems.push({ code: code === FamilyErrors.FAMILY_INVALID_DATE ? FamilyErrors.FAMILY_DATE_IN_FUTURE : code, field });
  else return raw;
  return undefined;
}

export interface MemberFields {
  name?: string;
  nik?: string | null;
  birthDate?: string;
  sex?: string;
}

export interface CheckedMember {
  name?: string;
  /** 16 digits, or undefined when none was given. */
  nik?: string;
  birthDate?: string;
  nikMismatch: boolean;
  problems: FieldProblem[];
  warnings: FieldProblem[];
}

/** Name, NIK and birth date of one member; a NIK that disagrees with sex or birth date is a warning. */
export function validateMember(input: MemberFields, today: string, prefix = ''): CheckedMember {
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const name = validateText(input.name, `${prefix}name`, 120, true, problems);
  let birthDate: string | undefined;
  if (!input.birthDate) problems.push({ code: CommonErrors.REQUIRED, field: `${prefix}birthDate` });
  else birthDate = validatePastDate(input.birthDate, `${prefix}birthDate`, today, problems, FamilyErrors.MEMBER_INVALID_BIRTH_DATE);
  let nik: string | undefined;
  let nikMismatch = false;
  if (input.nik?.trim()) {
    const r = checkNik(input.nik, { sex: input.sex, birthDate });
    if (!r.ok) problems.push({ code: NIK_CODES[r.problem!], field: `${prefix}nik` });
    else {
      nik = r.value;
      if (r.warnings.includes('SEX_MISMATCH')) warnings.push({ code: FamilyErrors.MEMBER_NIK_SEX_MISMATCH, field: `${prefix}nik` });
      if (r.warnings.includes('BIRTH_DATE_MISMATCH')) warnings.push({ code: FamilyErrors.MEMBER_NIK_BIRTH_DATE_MISMATCH, field: `${prefix}nik` });
      nikMismatch = r.warnings.length > 0;
    }
  }
  return { name, nik, birthDate, nikMismatch, problems, warnings };
}
