/**
 * The outbox's channels, pure (decision 0020): what a message on each channel may hold, how a
 * recipient is shown to staff without giving it away, and the error a channel adapter throws so
 * the sender knows whether to try again.
 */
import { z } from 'zod';
import { LighedError } from '../errors.ts';
import { uuidSchema } from '../ids.ts';
import { headerText } from './mail.ts';

export const CHANNELS = ['email', 'sms', 'digital_post'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ABOUT_TYPES = ['signup', 'referral', 'outreach'] as const;

/** An SMS longer than this is refused: three concatenated GSM parts (3 x 160). */
export const SMS_MAX_LENGTH = 480;

/** E.164: a plus, a country code not starting with 0, at most 15 digits in all. */
const E164 = /^\+[1-9]\d{6,14}$/;

const body = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((v) => !v.includes('\0'), 'no NUL');

export const outboundSchema = z
  .object({
    kommune: z.string().regex(/^\d{4}$/, 'must be a 4-digit kommunekode'),
    channel: z.enum(CHANNELS),
    to: z.string().trim().min(1).max(254),
    kind: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'lower-case word, e.g. signup.confirmation'),
    subject: headerText(200),
    text: body(100_000),
    html: body(200_000).optional(),
    about: z.object({ type: z.enum(ABOUT_TYPES), id: uuidSchema }).optional(),
    dedupeKey: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'letters, digits and . : _ - only')
      .optional(),
  })
  .superRefine((m, ctx) => {
    const wrongTo = (message: string) => ctx.addIssue({ code: 'custom', path: ['to'], message });
    if (m.channel === 'email' && !z.email().safeParse(m.to).success)
      wrongTo('must be an e-mail address');
    if (m.channel === 'sms') {
      if (!E164.test(m.to)) wrongTo('must be an E.164 number such as +4512345678');
      if (m.text.length > SMS_MAX_LENGTH)
        ctx.addIssue({
          code: 'custom',
          path: ['text'],
          message: `at most ${SMS_MAX_LENGTH} characters by SMS`,
        });
      if (m.html !== undefined)
        ctx.addIssue({ code: 'custom', path: ['html'], message: 'not sent by SMS' });
    }
    if (m.channel === 'digital_post' && !uuidSchema.safeParse(m.to).success)
      wrongTo("must be the citizen's id (a uuid)");
  });

export type OutboundMessage = z.infer<typeof outboundSchema>;

/** The message as checked, or a LighedError naming the fields (never their values). */
export function checkMessage(m: unknown): OutboundMessage {
  const parsed = outboundSchema.safeParse(m);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => ({
    path: i.path.join('.'),
    message: i.message,
  }));
  throw new LighedError(
    'LIGHED_ERR_VALIDATION',
    `Invalid message: ${[...new Set(problems.map((p) => p.path))].join(', ')}`,
    problems,
  );
}

/**
 * A recipient as an admin sees it in the list of failed messages: enough to tell two apart
 * and to recognise one a citizen asks about, not enough to read it off the screen.
 */
export function maskRecipient(channel: Channel, to: string): string {
  if (channel === 'email') {
    const at = to.lastIndexOf('@');
    if (at < 1) return '•••';
    return `${to[0]}•••@${to.slice(at + 1)}`;
  }
  if (channel === 'sms') return to.length > 6 ? `${to.slice(0, 3)}•••••${to.slice(-2)}` : '•••';
  // A citizen id is no secret by itself, but the admin needs no more than its start.
  return `${to.slice(0, 8)}…`;
}

/**
 * What a channel adapter throws: a short code without the gateway's words (which may quote the
 * number or name the citizen), and whether trying again could help.
 */
export class ChannelError extends Error {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
  ) {
    super(code);
    this.name = 'ChannelError';
  }
}

export type MessageStatus = 'queued' | 'sent' | 'delivered' | 'failed';

/** One message as staff see it: what, how and when, never to whom or what it said. */
export interface MessageRecord {
  id: string;
  channel: Channel;
  kind: string;
  status: MessageStatus;
  createdAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  attempts: number;
  lastError: string | null;
}
