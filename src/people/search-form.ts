/** The admin's search form, pure: a CPR number, or a name and a birth date in Danish or ISO form. */
import { z } from 'zod';
import type { FieldProblem } from '../platform/errors.ts';
import type { CitizenSearch } from './citizen.ts';

export interface SearchValues {
  cpr: string;
  navn: string;
  foedselsdato: string;
}

const field = z
  .string()
  .catch('')
  .transform((s) => s.trim().slice(0, 200));
export const searchForm = z.object({ cpr: field, navn: field, foedselsdato: field });

/** dd-mm-åååå, dd.mm.åååå or åååå-mm-dd → åååå-mm-dd; null when it is no date. */
export function readBirthDate(s: string): string | null {
  const dmy = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export function readSearch(v: SearchValues): { search?: CitizenSearch; problems: FieldProblem[] } {
  if (v.cpr) return { search: { cpr: v.cpr }, problems: [] };
  const problems: FieldProblem[] = [];
  const birthDate = readBirthDate(v.foedselsdato);
  if (!v.navn && !v.foedselsdato)
    problems.push({ path: 'cpr', message: 'people.error.searchEmpty' });
  else {
    if (!v.navn) problems.push({ path: 'navn', message: 'people.error.name' });
    if (!v.foedselsdato)
      problems.push({ path: 'foedselsdato', message: 'people.error.birthDateMissing' });
    else if (!birthDate) problems.push({ path: 'foedselsdato', message: 'people.error.birthDate' });
  }
  return problems.length || !birthDate
    ? { problems }
    : { search: { name: v.navn, birthDate }, problems };
}
