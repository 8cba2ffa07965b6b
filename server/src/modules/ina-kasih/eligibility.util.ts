/**
 * Who receives pads: women and girls aged 10–45, derived from birth date and sex for a given
 * month, so a girl turning 10 becomes eligible in the month of her birthday without anyone
 * editing her record, and a woman stays eligible through the month she turns 46.
 *
 * Precisely, for the month M (first day S, last day E):
 *   eligible ⇔ sex = F ∧ birthDate ≤ E − 10 years ∧ birthDate > S − 46 years
 * where "− N years" keeps the month and day, clamped to the month's end (29 Feb → 28 Feb),
 * exactly as PostgreSQL's `date - interval 'N years'`. The SQL twin is the function
 * `ina_is_eligible(birth_date date, sex text, month date)` made by
 * Migration20261129100000Families; the test suite checks both agree.
 */
export const MIN_ELIGIBLE_AGE = 10;
export const MAX_ELIGIBLE_AGE = 45;

export interface EligibilityMember {
  /** YYYY-MM-DD */
  birthDate: string;
  /** 'F' or 'M' (the Sex enum values). */
  sex: string;
  /** YYYY-MM-DD the member left the family (moved, died); she still counts in the month she left. */
  leftAt?: string | null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function parse(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** YYYY-MM-DD minus whole years, clamping 29 February like PostgreSQL. */
export function minusYears(date: string, years: number): string {
  const [y, m, d] = parse(date);
  const ny = y - years;
  return `${pad(ny, 4)}-${pad(m)}-${pad(Math.min(d, daysIn(ny, m)))}`;
}

/** First and last day (YYYY-MM-DD) of the month holding `date`. */
export function monthBounds(date: string): { start: string; end: string } {
  const [y, m] = parse(date);
  return { start: `${pad(y, 4)}-${pad(m)}-01`, end: `${pad(y, 4)}-${pad(m)}-${pad(daysIn(y, m))}` };
}

/** Is this member an eligible woman or girl in the month holding `month`? */
export function isEligibleOn(member: EligibilityMember, month: string): boolean {
  if (member.sex !== 'F') return false;
  const { start, end } = monthBounds(month);
  if (member.leftAt && member.leftAt < start) return false;
  return member.birthDate <= minusYears(end, MIN_ELIGIBLE_AGE) && member.birthDate > minusYears(start, MAX_ELIGIBLE_AGE + 1);
}

/** The eligible women and girls among `members` in the month holding `monthStart`. */
export function eligibleWomenOn<T extends EligibilityMember>(members: readonly T[], monthStart: string): T[] {
  return members.filter((m) => isEligibleOn(m, monthStart));
}

/** Age in whole years on a date (for display). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = parse(birthDate);
  const [y, m, d] = parse(date);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
