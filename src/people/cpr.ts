/**
 * The Danish CPR number (personnummer), pure: format, the date part with its century from the
 * 7th digit (CPR-kontoret's table), the sex from the last digit, and the old modulus 11 check.
 *
 * Modulus 11 is reported, not required: since 2007 CPR numbers are issued that fail it (the
 * control digit ran out for some birth dates), so a failing number is a valid number
 * (docs/decisions/0013-cpr-and-audit-chain.md).
 */

export type CprError = 'format' | 'date' | 'future';

export type CprResult =
  | {
      ok: true;
      /** The ten digits, no hyphen. */
      digits: string;
      /** YYYY-MM-DD. */
      birthDate: string;
      sex: 'female' | 'male';
      /** Whether the number passes the pre-2007 modulus 11 check (informational only). */
      modulus11: boolean;
    }
  | { ok: false; error: CprError };

/** ddmmyy-ssss or ddmmyyssss, spaces around ignored; nothing else. */
const FORMAT = /^(\d{2})(\d{2})(\d{2})-?(\d)(\d{3})$/;

/**
 * The century of a CPR birth year from the 7th digit (the first of the serial number) and the
 * two-digit year, per CPR-kontoret: 0–3 → 1900s; 4 and 9 → 2000s for 00–36, else 1900s;
 * 5–8 → 2000s for 00–57, else 1800s.
 */
export function cprCentury(seventh: number, yy: number): number {
  if (seventh <= 3) return 1900;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

export function passesModulus11(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(digits[i]) * WEIGHTS[i]!;
  return sum % 11 === 0;
}

/**
 * Checks a CPR number. `today` (YYYY-MM-DD), when given, refuses a birth date after it (a
 * 7th digit of 5–8 with a year up to 57 reads as 20yy, which may not have come yet).
 */
export function validateCpr(input: string, today?: string): CprResult {
  const m = FORMAT.exec(input.trim());
  if (!m) return { ok: false, error: 'format' };
  const [, dd, mm, yy, seventh, rest] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const year = cprCentury(Number(seventh), Number(yy)) + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return { ok: false, error: 'date' };
  const birthDate = `${String(year).padStart(4, '0')}-${mm}-${dd}`;
  if (today && birthDate > today) return { ok: false, error: 'future' };
  const digits = `${dd}${mm}${yy}${seventh}${rest}`;
  return {
    ok: true,
    digits,
    birthDate,
    sex: Number(digits[9]) % 2 === 1 ? 'male' : 'female',
    modulus11: passesModulus11(digits),
  };
}

/** ddmmyy-xxxx: the date part only, which the birth date shows anyway. */
export function maskCpr(digits: string): string {
  return `${digits.slice(0, 6)}-xxxx`;
}

/** ddmmyy-ssss, for the explicit "vis" and the citizen's own insight export. */
export function formatCpr(digits: string): string {
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}
