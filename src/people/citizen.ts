/**
 * The citizen record's rules, pure: what a new record may hold (zod, with message keys as
 * errors), the name normalised for the duplicate check, which existing record a new one
 * duplicates, and what the card shows.
 */
import { z } from 'zod';
import { validateCpr } from './cpr.ts';

export const CONSENT_PURPOSE = /^[a-z0-9_.-]{1,100}$/;

/** Channels a citizen may let us use for messages about times (issue 11), one consent each. */
export const CONTACT_CHANNELS = ['email', 'sms', 'digital_post'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
/** The consent purpose recorded for a channel: 'contact.email', 'contact.sms', … */
export const contactPurpose = (c: ContactChannel) => `contact.${c}`;
/** Bumped when the wording of "Må vi sende beskeder om tider?" (people.channels.*) changes. */
export const CONTACT_CONSENT_VERSION = '2026-12';

export const isContactChannel = (v: unknown): v is ContactChannel =>
  typeof v === 'string' && (CONTACT_CHANNELS as readonly string[]).includes(v);

/**
 * A channel needs its address: e-mail an e-mail address, SMS a phone number, Digital Post a
 * CPR number on the record (it is addressed by CPR). One problem per channel missing one.
 */
export function channelProblems(
  channels: readonly ContactChannel[],
  has: { email: boolean; phone: boolean; cpr: boolean },
): { path: string; message: string }[] {
  const missing = (c: ContactChannel) =>
    c === 'email' ? !has.email : c === 'sms' ? !has.phone : !has.cpr;
  return CONTACT_CHANNELS.filter((c) => channels.includes(c) && missing(c)).map((c) => ({
    path: 'contactChannels',
    message: `people.channels.error.${c}`,
  }));
}

/**
 * A number someone can call: 8 Danish digits (with or without +45/0045), or another country's
 * number with its code (E.164: + and 7 to 15 digits). Spaces, dashes and brackets are allowed.
 */
const PHONE = /^(?:(?:\+45|0045)?\d{8}|\+\d{7,15})$/;

/** The number in E.164 (what an SMS gateway takes): '+4512345678'; undefined when it is none. */
export function phoneE164(phone: string): string | undefined {
  const p = phone.replace(/[\s\-().]/g, '');
  if (!PHONE.test(p)) return undefined;
  if (/^\d{8}$/.test(p)) return `+45${p}`;
  if (p.startsWith('0045')) return `+${p.slice(2)}`;
  return p;
}

/** A citizen as another domain hands it over (a referral's Patient, a form). */
export const citizenInputSchema = z
  .object({
    name: z.string().trim().min(1, 'people.error.name').max(200, 'people.error.name'),
    cpr: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === '' ? undefined : v)),
    birthDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'people.error.birthDate')
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'people.error.birthDate')
      .optional(),
    sex: z.enum(['female', 'male']).optional(),
    phone: z
      .string()
      .trim()
      .refine((v) => v === '' || PHONE.test(v.replace(/[\s\-().]/g, '')), 'people.error.phone')
      .optional(),
    email: z
      .string()
      .trim()
      .max(254, 'people.error.email')
      .refine((v) => v === '' || z.email().safeParse(v).success, 'people.error.email')
      .optional(),
    postcode: z
      .string()
      .trim()
      .regex(/^\d{4}$/, 'people.error.postcode')
      .optional(),
    address: z.string().trim().max(300, 'people.error.address').optional(),
    preferredLanguage: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'people.error.language')
      .default('da'),
    interpreterNeeded: z.boolean().default(false),
    /** Channels the citizen lets us use for messages about times (each its own consent). */
    contactChannels: z.array(z.enum(CONTACT_CHANNELS)).optional(),
    consent: z
      .object({
        purpose: z.string().regex(CONSENT_PURPOSE, 'people.error.consent'),
        version: z.string().trim().min(1, 'people.error.consent').max(50, 'people.error.consent'),
      })
      .optional(),
  })
  .superRefine((c, ctx) => {
    for (const p of channelProblems(c.contactChannels ?? [], {
      email: Boolean(c.email),
      phone: Boolean(c.phone),
      cpr: c.cpr !== undefined,
    }))
      ctx.addIssue({ code: 'custom', path: ['contactChannels'], message: p.message });
    if (c.cpr === undefined) return;
    const r = validateCpr(c.cpr);
    if (!r.ok)
      ctx.addIssue({ code: 'custom', path: ['cpr'], message: `people.error.cpr.${r.error}` });
    else if (c.birthDate && c.birthDate !== r.birthDate)
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'people.error.cprBirthDate' });
  });

export type CitizenInput = z.input<typeof citizenInputSchema>;
export type ParsedCitizen = z.output<typeof citizenInputSchema>;

/** Case and spacing do not make two people: "Fatima  Ali" and "fatima ali" are one name. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** What the card shows: the CPR number masked, and nothing the viewer did not ask for. */
export interface CitizenCard {
  id: string;
  name: string;
  /** ddmmyy-xxxx, or null when no CPR number is held. */
  cprMasked: string | null;
  birthDate: string | null;
  sex: 'female' | 'male' | null;
  phone: string;
  email: string;
  postcode: string | null;
  address: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  /** Channels the citizen consented to for messages about times. */
  contactChannels: ContactChannel[];
  /** Whether a CPR number is held (Digital Post needs one). */
  hasCpr: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Consent {
  id: string;
  purpose: string;
  version: string;
  givenAt: Date;
  recordedBy: string | null;
  withdrawnAt: Date | null;
}

export const ACCESS_VIA = ['referral', 'conversation', 'signup', 'outreach'] as const;
export type AccessVia = (typeof ACCESS_VIA)[number];

export interface AccessLink {
  via: AccessVia;
  viaId: string;
  organizationId: string | null;
  organizationName: string | null;
  teamId: string | null;
  teamName: string | null;
  createdAt: Date;
}

/** The admin's search: by CPR number (blind index), or by name and birth date. */
export type CitizenSearch = { cpr: string } | { name: string; birthDate: string };
