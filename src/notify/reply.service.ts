/**
 * The reply link's use cases: opening it (what the page shows) and answering it. A forged,
 * altered or expired link is refused from the token alone (link.ts), before any query. An
 * answer is one transaction: the link is marked used in the statement that checks it, then
 * the subject's ReplyHandler applies the choice as the citizen; if that fails, the link stays
 * unused. Audited as the citizen: opening reads the subject, answering changes it.
 */
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { checkToken } from './link.ts';
import type { ReplySubject } from './notice.ts';
import { readReplyForm, type ReplyFacts, type ReplyHandler, type ReplyView } from './reply.ts';
import { findReplyLink, useReplyLink, type ReplyLinkRow } from './reply-link.store.ts';
import { notifySettings } from './settings.ts';
import type { FieldProblem } from '../platform/errors.ts';

export type ReplyHandlers = ReadonlyMap<ReplySubject, ReplyHandler>;

export const handlerMap = (handlers: readonly ReplyHandler[]): ReplyHandlers =>
  new Map(handlers.map((h) => [h.subject, h]));

const citizen = (kommune: string, requestId: string): AuditActor => ({
  kommune,
  actorId: null,
  actorRole: 'citizen',
  requestId,
});

type Checked = { kind: 'view'; view: ReplyView } | { kind: 'ok'; hash: string; kommune: string };

/** The token's own verdict; an expired link still looks up its number to call. */
async function check(db: Db, token: string, now: Date): Promise<Checked> {
  const c = checkToken(notifySettings().linkSecret, token, now);
  if (c.ok) return { kind: 'ok', hash: c.hash, kommune: c.kommune };
  if (c.reason === 'invalid' || !c.kommune || !c.hash)
    return { kind: 'view', view: { state: 'unknown' } };
  const { kommune, hash } = c;
  const row = await inTenant(db, kommune, (tx) => findReplyLink(tx, hash));
  return {
    kind: 'view',
    view: {
      state: 'expired',
      contactPhone: row?.contact_phone ?? null,
      language: row?.language ?? null,
    },
  };
}

async function describe(
  tx: Queryable,
  handlers: ReplyHandlers,
  row: ReplyLinkRow,
): Promise<ReplyFacts | null> {
  const handler = handlers.get(row.subject);
  if (!handler) return null;
  const facts = await handler.describe(tx, row.kommune, row.subject_id);
  return facts?.open ? facts : null;
}

function openView(row: ReplyLinkRow, facts: ReplyFacts, handlers: ReplyHandlers): ReplyView {
  return {
    state: 'open',
    subject: row.subject,
    choices: row.choices,
    facts,
    contactPhone: row.contact_phone,
    acceptsNote: handlers.get(row.subject)?.acceptsNote === true,
    language: row.language,
  };
}

const usedView = (row: ReplyLinkRow): ReplyView => ({
  state: 'used',
  choice: row.used_choice ?? 'confirm',
  contactPhone: row.contact_phone,
  language: row.language,
});

/** GET /svar/:token — what the page shows. */
export async function openReply(
  db: Db,
  handlers: ReplyHandlers,
  token: string,
  now: Date,
  requestId: string,
): Promise<ReplyView> {
  const checked = await check(db, token, now);
  if (checked.kind === 'view') return checked.view;
  return inTenant(db, checked.kommune, async (tx) => {
    const row = await findReplyLink(tx, checked.hash);
    if (!row) return { state: 'unknown' };
    if (row.used_at) return usedView(row);
    const facts = await describe(tx, handlers, row);
    if (!facts) return { state: 'closed', contactPhone: row.contact_phone, language: row.language };
    await audit(tx, citizen(row.kommune, requestId), {
      action: 'read',
      entity: row.subject,
      entityId: row.subject_id,
      summary: 'reply link opened',
    });
    return openView(row, facts, handlers);
  });
}

/** POST /svar/:token — the answer, or the form again with what to correct. */
export async function answerReply(
  db: Db,
  handlers: ReplyHandlers,
  token: string,
  body: Record<string, unknown> | undefined,
  now: Date,
  requestId: string,
): Promise<{ view: ReplyView; problems: FieldProblem[]; values: Record<string, string> }> {
  const checked = await check(db, token, now);
  if (checked.kind === 'view') return { view: checked.view, problems: [], values: {} };
  return inTenant(db, checked.kommune, async (tx) => {
    const none = { problems: [], values: {} };
    const row = await findReplyLink(tx, checked.hash);
    if (!row) return { view: { state: 'unknown' }, ...none };
    if (row.used_at) return { view: usedView(row), ...none };
    const facts = await describe(tx, handlers, row);
    if (!facts) {
      const view: ReplyView = {
        state: 'closed',
        contactPhone: row.contact_phone,
        language: row.language,
      };
      return { view, ...none };
    }
    const handler = handlers.get(row.subject)!;
    const form = readReplyForm(body, row.choices, handler.acceptsNote === true);
    if (!form.ok) {
      const values = { choice: typeof body?.valg === 'string' ? body.valg : '', note: form.note };
      return { view: openView(row, facts, handlers), problems: form.problems, values };
    }
    const used = await useReplyLink(tx, checked.hash, form.choice, now);
    if (!used) {
      // Answered (or expired) between our read and the update: the other answer stands.
      const again = await findReplyLink(tx, checked.hash);
      return { view: again?.used_at ? usedView(again) : { state: 'unknown' }, ...none };
    }
    await handler.apply(tx, row.kommune, row.subject_id, form.choice, now, form.note);
    await audit(tx, citizen(row.kommune, requestId), {
      action: 'update',
      entity: row.subject,
      entityId: row.subject_id,
      summary: `reply link answered: ${form.choice}`,
    });
    const view: ReplyView = {
      state: 'done',
      choice: form.choice,
      contactPhone: row.contact_phone,
      language: row.language,
    };
    return { view, ...none };
  });
}
