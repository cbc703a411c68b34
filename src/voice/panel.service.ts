/**
 * Panels (user panels and focus groups): planners create them, citizens join with consent on
 * the panel's page, planners see the members and the panel's make-up against the population
 * (the monitor), invite them in their language through the outbox, and remove a member on
 * request. Members are personal data: every read and write is audited in its transaction, and
 * retention deletes them (voice.ts retainUntil; purgeVoice, the daily job).
 */
import { randomUUID } from 'node:crypto';
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import { LighedError } from '../platform/errors.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { isUuid } from '../platform/ids.ts';
import { enqueueMessage } from '../platform/mail/index.ts';
import { listTenants } from '../platform/tenant.store.ts';
import { renderInvitation } from './invitation.ts';
import { panelMakeup, type MakeupDimension } from './makeup.ts';
import { panelPopulation } from './population.service.ts';
import {
  CONSENT_TEXT,
  KEEP_RESPONSES_MONTHS,
  addMonths,
  receivedMonth,
  retainUntil,
  RETAIN_MONTHS_AFTER_CLOSE,
  type MemberValues,
  type PanelForm,
  type PanelKind,
  type PanelStatus,
} from './voice.ts';
import {
  bindRole,
  deleteExpiredMembers,
  deleteMember,
  deleteOldResponses,
  getPanel,
  insertInvitation,
  insertMember,
  insertPanel,
  listInvitations,
  listMembers,
  listPanels,
  setInvitationSent,
  setPanelStatus,
  shortenRetention,
  type MemberRecord,
  type PanelRecord,
} from './voice.store.ts';

export type { MemberRecord, PanelRecord };

/** A transaction in the actor's municipality with the actor's role bound (panel RLS). */
function asStaff<T>(db: Db, actor: AuditActor, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return inTenant(db, actor.kommune, async (tx) => {
    await bindRole(tx, actor.actorRole);
    return fn(tx);
  });
}

const today = (now: Date) => now.toISOString().slice(0, 10);

export async function createPanel(db: Db, actor: AuditActor, form: PanelForm): Promise<string> {
  return asStaff(db, actor, async (tx) => {
    const id = await insertPanel(tx, {
      kommune: actor.kommune,
      name: form.name,
      kind: form.kind as PanelKind,
      purpose: form.purpose,
      createdBy: actor.actorId,
    });
    await audit(tx, actor, { action: 'create', entity: 'voice_panel', entityId: id });
    return id;
  });
}

export async function panelsForStaff(db: Db, actor: AuditActor): Promise<PanelRecord[]> {
  return asStaff(db, actor, (tx) => listPanels(tx));
}

export interface PanelDetail {
  panel: PanelRecord;
  members: MemberRecord[];
  makeup: MakeupDimension[];
  /** False when the monitor has no population figures for the municipality. */
  hasPopulation: boolean;
  invitations: { id: string; starts_at: Date; place: string; sent: number }[];
}

/** The panel with its members (each read audited) and its make-up against the population. */
export async function panelDetail(db: Db, actor: AuditActor, id: string): Promise<PanelDetail> {
  const found = await asStaff(db, actor, async (tx) => {
    const panel = isUuid(id) ? await getPanel(tx, id) : null;
    if (!panel) return null;
    const members = await listMembers(tx, id);
    await audit(
      tx,
      actor,
      members.map((m) => ({
        action: 'read' as const,
        entity: 'panel_member',
        entityId: m.id,
        summary: 'viewed the panel’s members',
      })),
    );
    return { panel, members, invitations: await listInvitations(tx, id) };
  });
  if (!found) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such panel');
  const population = await panelPopulation(db, actor.kommune);
  return {
    ...found,
    makeup: panelMakeup(found.members, population),
    hasPopulation: Object.values(population).some((p) => p !== null),
  };
}

/** A panel a citizen may join: it exists here and is recruiting. */
export async function panelForJoin(db: Db, kommune: string, id: string): Promise<PanelRecord> {
  const panel = isUuid(id) ? await inTenant(db, kommune, (tx) => getPanel(tx, id)) : null;
  if (!panel || panel.status === 'closed')
    throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such panel');
  return panel;
}

/** The citizen joins with consent: stored with the consent's time and text, audited as hers. */
export async function joinPanel(
  db: Db,
  actor: AuditActor,
  panel: PanelRecord,
  values: MemberValues,
  now: Date,
): Promise<void> {
  const id = randomUUID();
  await inTenant(db, actor.kommune, async (tx) => {
    await insertMember(tx, {
      id,
      kommune: actor.kommune,
      panelId: panel.id,
      name: values.name,
      email: values.email,
      phone: values.phone,
      channels: values.channels,
      language: values.language,
      categories: values.categories,
      consentAt: now,
      consentText: CONSENT_TEXT,
      retainUntil: retainUntil(now, panel.closed_at),
    });
    await audit(tx, actor, {
      action: 'create',
      entity: 'panel_member',
      entityId: id,
      summary: 'joined a panel with consent',
    });
  });
}

/** Removes a member (on request): her row goes; the audit keeps only that it happened. */
export async function removeMember(
  db: Db,
  actor: AuditActor,
  panelId: string,
  memberId: string,
): Promise<void> {
  const done = await asStaff(db, actor, async (tx) => {
    const ok = isUuid(memberId) && isUuid(panelId) && (await deleteMember(tx, panelId, memberId));
    if (ok)
      await audit(tx, actor, {
        action: 'delete',
        entity: 'panel_member',
        entityId: memberId,
        summary: 'removed from a panel on request',
      });
    return ok;
  });
  if (!done) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such member');
}

export async function changePanelStatus(
  db: Db,
  actor: AuditActor,
  panelId: string,
  status: PanelStatus,
  version: number,
  now: Date,
): Promise<'saved' | 'conflict'> {
  return asStaff(db, actor, async (tx) => {
    if (!isUuid(panelId) || !(await setPanelStatus(tx, panelId, status, version, today(now))))
      return 'conflict';
    if (status === 'closed') {
      const until = `${addMonths(receivedMonth(now).slice(0, 7), RETAIN_MONTHS_AFTER_CLOSE + 1)}-01`;
      await shortenRetention(tx, panelId, until);
    }
    await audit(tx, actor, {
      action: 'update',
      entity: 'voice_panel',
      entityId: panelId,
      summary: `status ${status}`,
    });
    return 'saved';
  });
}

/**
 * Invites every member on the channels she chose, in her language, through the outbox in one
 * transaction with the invitation's record; returns how many messages were queued.
 */
export async function invitePanel(
  db: Db,
  actor: AuditActor,
  panelId: string,
  invite: { startsAt: Date; place: string; address: string; contact: string },
): Promise<number> {
  return asStaff(db, actor, async (tx) => {
    const panel = isUuid(panelId) ? await getPanel(tx, panelId) : null;
    if (!panel) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such panel');
    const invitationId = await insertInvitation(tx, {
      kommune: actor.kommune,
      panelId,
      ...invite,
      sent: 0,
      createdBy: actor.actorId,
    });
    const members = await listMembers(tx, panelId);
    let sent = 0;
    for (const m of members) {
      const r = renderInvitation({
        lang: m.language,
        panelName: panel.name,
        kind: panel.kind,
        ...invite,
      });
      for (const channel of m.channels) {
        const to = channel === 'email' ? m.email : m.phone;
        if (!to) continue;
        const made = await enqueueMessage(tx, {
          kommune: actor.kommune,
          channel,
          to,
          kind: 'voice.panel-invitation',
          subject: r.subject,
          text: channel === 'sms' ? r.sms : r.text,
          dedupeKey: `voice.invite:${invitationId}:${m.id}:${channel}`,
        });
        if (made) sent += 1;
      }
    }
    await setInvitationSent(tx, invitationId, sent);
    await audit(
      tx,
      actor,
      members.map((m) => ({
        action: 'read' as const,
        entity: 'panel_member',
        entityId: m.id,
        summary: 'invited to a panel meeting',
      })),
    );
    return sent;
  });
}

const system = (kommune: string): AuditActor => ({
  kommune,
  actorId: null,
  actorRole: 'system',
  requestId: 'retention',
});

/**
 * The daily retention, every municipality: members past their date, feedback and suggestions
 * older than KEEP_RESPONSES_MONTHS. Returns how many rows went.
 */
export async function purgeVoice(db: Db, at: Date): Promise<number> {
  let n = 0;
  const cutoff = `${addMonths(receivedMonth(at).slice(0, 7), -KEEP_RESPONSES_MONTHS)}-01`;
  for (const { kommune } of await listTenants(db)) {
    n += await inTenant(db, kommune, async (tx) => {
      await bindRole(tx, 'system');
      const gone = await deleteExpiredMembers(tx, today(at));
      await audit(
        tx,
        system(kommune),
        gone.map((id) => ({
          action: 'delete' as const,
          entity: 'panel_member',
          entityId: id,
          summary: 'retention',
        })),
      );
      return gone.length + (await deleteOldResponses(tx, cutoff));
    });
  }
  return n;
}
