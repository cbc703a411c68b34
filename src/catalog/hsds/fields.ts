/** Small helpers for field values, shared by the export and the import. */
import type { OfferStatus } from '../offer.ts';
import type { HsdsScalars, HsdsServiceStatus } from './types.ts';

/** `{ [key]: value }` when value is present, else `{}`: keeps exactOptionalPropertyTypes happy. */
export function opt<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === undefined || value === null ? {} : { [key]: value }) as { [P in K]?: V };
}
export const nonEmpty = (s: string | null | undefined): string | undefined =>
  s && s.trim() !== '' ? s : undefined;
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// The email and URI rules of ajv-formats ("full" mode), so we never export what the schema refuses.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
export const validEmail = (v: string | null | undefined): string | undefined => {
  const s = v?.trim();
  return s && EMAIL.test(s) ? s : undefined;
};
export const validUri = (v: string | null | undefined): string | undefined => {
  const s = v?.trim();
  if (!s) return undefined;
  try {
    const u = new URL(s);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    // As written when it is already a clean URI (so 'https://x.dk' stays without a slash).
    return u.href === s || u.href === `${s}/` ? s : u.href;
  } catch {
    return undefined;
  }
};

export function scalars(o: object): HsdsScalars {
  const out: HsdsScalars = {};
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      out[k] = v;
  }
  return out;
}

const copenhagenDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
export const dateOnly = (d: Date | string | null | undefined): string | undefined => {
  if (!d) return undefined;
  const date = typeof d === 'string' ? new Date(d) : d;
  return Number.isNaN(date.getTime()) ? undefined : copenhagenDate.format(date);
};
export const iso = (d: Date | string): string =>
  (typeof d === 'string' ? new Date(d) : d).toISOString();

/** Danish regions by kommunekode: the address's required state_province. */
const REGIONS: Record<string, string> = {};
const regionCodes: [string, string][] = [
  [
    'Region Hovedstaden',
    '0101 0147 0151 0153 0155 0157 0159 0161 0163 0165 0167 0169 0173 0175 0183 0185 0187 0190 0201 0210 0217 0219 0223 0230 0240 0250 0260 0270 0400 0411',
  ],
  [
    'Region Sjælland',
    '0253 0259 0265 0269 0306 0316 0320 0326 0329 0330 0336 0340 0350 0360 0370 0376 0390',
  ],
  [
    'Region Syddanmark',
    '0410 0420 0430 0440 0450 0461 0479 0480 0482 0492 0510 0530 0540 0550 0561 0563 0573 0575 0580 0607 0621 0630',
  ],
  [
    'Region Midtjylland',
    '0615 0657 0661 0665 0671 0706 0707 0710 0727 0730 0740 0741 0746 0751 0756 0760 0766 0779 0791',
  ],
  ['Region Nordjylland', '0773 0787 0810 0813 0820 0825 0840 0846 0849 0851 0860'],
];
for (const [region, codes] of regionCodes) for (const c of codes.split(' ')) REGIONS[c] = region;
export const regionOf = (kommune: string): string => REGIONS[kommune] ?? '';

export const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const WEEKDAY_DA = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];

export const STATUS_TO_HSDS: Record<OfferStatus, HsdsServiceStatus> = {
  published: 'active',
  draft: 'inactive',
  retired: 'defunct',
};
export const STATUS_FROM_HSDS: Record<HsdsServiceStatus, OfferStatus> = {
  active: 'published',
  inactive: 'draft',
  // Closed for now: not shown to citizens, but not retired either.
  'temporarily closed': 'draft',
  defunct: 'retired',
};
