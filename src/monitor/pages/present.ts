/** Numbers and labels of the monitor in the planner's language (Danish or English). */
import type { Label } from '../microdata/codebook.ts';
import type { Prevalence } from '../estimates/estimate.ts';
import { HIGH_RSE } from '../estimates/estimate.ts';

export type MonitorLang = 'da' | 'en';

const formats = new Map<string, Intl.NumberFormat>();
function nf(lang: MonitorLang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, f);
  }
  return f;
}

export const fmt = (v: number, lang: MonitorLang, digits = 1) => nf(lang, digits).format(v);
export const fmtInt = (v: number, lang: MonitorLang) => nf(lang, 0).format(Math.round(v));

export const label = (l: Label, lang: MonitorLang) => l[lang];

/** "23,4 % (21,0–25,9)", or null when there is no estimate. */
export function pctWithInterval(p: Prevalence, lang: MonitorLang): string | null {
  if (p.value === null) return null;
  const ci =
    p.lower !== null && p.upper !== null ? ` (${fmt(p.lower, lang)}–${fmt(p.upper, lang)})` : '';
  return `${fmt(p.value, lang)} %${ci}`;
}

export const uncertain = (p: Prevalence) => p.rse !== null && p.rse > HIGH_RSE;
