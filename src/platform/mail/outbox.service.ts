/**
 * The outbox's use cases for people and gateways: the admin's overview of what was sent and
 * what failed (recipients masked), putting a failed message back in the queue, and applying a
 * gateway's delivery report. Each runs in the municipality's transaction; what an admin sees
 * and does is audited there.
 */
import { inTenant, type Db } from '../../db/db.ts';
import { audit, type AuditActor } from '../audit.store.ts';
import { notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { listTenants } from '../tenant.store.ts';
import { maskRecipient, type Channel, type MessageRecord, type MessageStatus } from './channels.ts';
import {
  countByChannel,
  findByProviderRef,
  recordDelivery,
  requeueFailed,
  selectFailed,
} from './outbox.store.ts';
import { parseDeliveryReport, verifyJwtHs256, type DeliveryReport } from './sms.ts';

export interface FailedMessage extends MessageRecord {
  /** The recipient, masked (maskRecipient). */
  to: string;
  finishedAt: Date | null;
}

export interface OutboxOverview {
  counts: { channel: Channel; status: MessageStatus; n: number }[];
  failed: FailedMessage[];
}

/** The admin's page shows at most this many failed messages, newest first. */
const FAILED_LIMIT = 200;

export async function outboxOverview(db: Db, actor: AuditActor): Promise<OutboxOverview> {
  return inTenant(db, actor.kommune, async (tx) => {
    const counts = await countByChannel(tx);
    const failed = (await selectFailed(tx, FAILED_LIMIT)).map((f) => ({
      ...f,
      to: maskRecipient(f.channel, f.to),
    }));
    await audit(tx, actor, {
      action: 'read',
      entity: 'outbox',
      entityId: 'failed',
      summary: `viewed ${failed.length} failed message(s), recipients masked`,
    });
    return { counts, failed };
  });
}

/** Queues a failed message again, as new (attempts from zero). 404 when it is not failed. */
export async function retryMessage(db: Db, actor: AuditActor, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound('Message');
  await inTenant(db, actor.kommune, async (tx) => {
    const row = await requeueFailed(tx, id);
    if (!row) throw notFound('Message');
    await audit(tx, actor, {
      action: 'update',
      entity: 'outbox',
      entityId: id,
      summary: `queued a failed ${row.channel} message (${row.kind}) again`,
    });
  });
}

/**
 * Applies a delivery report to its message. Our reference names the municipality; a report
 * without one is looked up by the gateway's id in each municipality. A report in a state
 * that is not final (ENROUTE, BUFFERED) changes nothing. True when a message changed.
 */
export async function applyDeliveryReport(
  db: Db,
  channel: Channel,
  report: DeliveryReport,
): Promise<boolean> {
  const outcome = report.outcome;
  if (!outcome) return false;
  const apply = (kommune: string, id: string | null) =>
    inTenant(db, kommune, async (tx) => {
      const rowId = id ?? (await findByProviderRef(tx, channel, report.providerRef));
      if (!rowId) return false;
      return recordDelivery(tx, {
        id: rowId,
        channel,
        providerRef: report.providerRef,
        outcome,
        code: report.code,
        at: report.at,
      });
    });
  if (report.ref) return apply(report.ref.kommune, report.ref.id);
  for (const { kommune } of await listTenants(db)) if (await apply(kommune, null)) return true;
  return false;
}

export type ReportResult = 'applied' | 'ignored' | 'unsigned' | 'invalid';

/**
 * A delivery report from GatewayAPI. With a secret, only the claims of a JWT signed with it
 * count (the body is not trusted); without one, the body is taken outside production and
 * everything is refused in production (anyone could mark messages delivered).
 */
export async function receiveSmsReport(
  db: Db,
  r: {
    secret: string | undefined;
    production: boolean;
    signature: string | undefined;
    body: unknown;
    now: Date;
  },
): Promise<ReportResult> {
  let claims: Record<string, unknown> | null = null;
  if (r.secret) claims = r.signature ? verifyJwtHs256(r.signature, r.secret, r.now) : null;
  else if (!r.production && typeof r.body === 'object' && r.body !== null && !Array.isArray(r.body))
    claims = r.body as Record<string, unknown>;
  if (!claims) return 'unsigned';
  const report = parseDeliveryReport(claims, r.now);
  if (!report) return 'invalid';
  return (await applyDeliveryReport(db, 'sms', report)) ? 'applied' : 'ignored';
}
