/** SQL for reply links (migration 0019); the caller's transaction is bound to the tenant. */
import type { Queryable } from '../db/db.ts';
import type { ReplyChoice, ReplySubject } from './notice.ts';

export interface ReplyLinkRow {
  id: string;
  kommune: string;
  subject: ReplySubject;
  subject_id: string;
  choices: ReplyChoice[];
  language: string;
  contact_phone: string | null;
  expires_at: Date;
  used_at: Date | null;
  used_choice: ReplyChoice | null;
}

const COLUMNS = `id, kommune, subject, subject_id, choices, language, contact_phone, expires_at,
  used_at, used_choice`;

export async function insertReplyLink(
  tx: Queryable,
  r: {
    kommune: string;
    subject: ReplySubject;
    subjectId: string;
    choices: readonly ReplyChoice[];
    language: string;
    tokenHash: string;
    contactPhone: string | null;
    expiresAt: Date;
    createdAt: Date;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into reply_link (kommune, subject, subject_id, choices, language, token_hash,
       contact_phone, expires_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      r.kommune,
      r.subject,
      r.subjectId,
      r.choices,
      r.language,
      r.tokenHash,
      r.contactPhone,
      r.expiresAt,
      r.createdAt,
    ],
  );
  return row!.id;
}

export async function findReplyLink(tx: Queryable, hash: string): Promise<ReplyLinkRow | null> {
  const [row] = await tx.query<ReplyLinkRow>(
    `select ${COLUMNS} from reply_link where token_hash = $1`,
    [hash],
  );
  return row ?? null;
}

/**
 * Marks the link used with `choice` if, in this very statement, it is unused, unexpired and
 * offers the choice: of two answers at once exactly one gets the row (the other waits for the
 * row lock, then finds `used_at` set). Null when it did not.
 */
export async function useReplyLink(
  tx: Queryable,
  hash: string,
  choice: ReplyChoice,
  at: Date,
): Promise<ReplyLinkRow | null> {
  const [row] = await tx.query<ReplyLinkRow>(
    `update reply_link set used_at = $3, used_choice = $2
      where token_hash = $1 and used_at is null and expires_at > $3 and $2 = any (choices)
      returning ${COLUMNS}`,
    [hash, choice, at],
  );
  return row ?? null;
}

/** Links that expired more than `keepDays` before `at`; returns how many were deleted. */
export async function deleteExpiredReplyLinks(
  tx: Queryable,
  at: Date,
  keepDays: number,
): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `delete from reply_link where expires_at < $1::timestamptz - make_interval(days => $2)
     returning id`,
    [at, keepDays],
  );
  return rows.length;
}

/** Deletes the reply links of these records (their erasure). */
export async function deleteReplyLinksOf(
  tx: Queryable,
  subject: ReplySubject,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx.query(
    `delete from reply_link where subject = $1 and subject_id = any($2::uuid[]) returning 1`,
    [subject, [...ids]],
  );
  return rows.length;
}
