/**
 * Normalises an Indonesian mobile number to E.164 (+628…). Accepts 08…, 628…, +62 8…,
 * with spaces, dots or dashes. Returns undefined when it is not a plausible mobile number.
 */
export function normalizeMobilePhone(input: string): string | undefined {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else return undefined;
  // 8 followed by 8–11 digits: 08 + 8–11 digits in national form.
  if (!/^8\d{8,11}$/.test(national)) return undefined;
  return `+62${national}`;
}

/** Shows +6281234567890 as 0812-3456-7890 for people who dial locally. */
export function formatLocalPhone(e164: string): string {
  const national = `0${e164.replace(/^\+62/, '')}`;
  return national.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
}
