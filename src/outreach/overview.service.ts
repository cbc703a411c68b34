/**
 * The outreach overview's use cases: read the period's facts in one transaction, audit the
 * read as an aggregate (no citizen named), and build the suppressed tables; the same tables as
 * CSV.
 */
import { inTenant, type Db } from '../db/db.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import { writeCsv } from '../platform/csv.ts';
import type { Translate } from '../web/i18n.ts';
import {
  buildOverview,
  FUNNEL_STEPS,
  groupLabel,
  periodBounds,
  shownText,
  type Overview,
  type Period,
  type Shown,
  type ShownCases,
} from './overview.ts';
import { caseFacts, readAsSystem, referralFacts } from './overview.store.ts';

/** The audit row's record type; its id is the period (`2024-04/2025-03`). */
export const OVERVIEW_ENTITY = 'outreach_overview';

export async function outreachOverview(
  db: Db,
  actor: AuditActor,
  period: Period,
  use: 'read' | 'export' = 'read',
): Promise<Overview> {
  const { start, end } = periodBounds(period);
  const [referrals, cases] = await inTenant(db, actor.kommune, async (tx) => {
    await readAsSystem(tx);
    const r = await referralFacts(tx, actor.kommune, start, end);
    const c = await caseFacts(tx, actor.kommune, start, end);
    await audit(tx, actor, {
      action: use,
      entity: OVERVIEW_ENTITY,
      entityId: `${period.from}/${period.to}`,
      summary: 'aggregate counts',
    });
    return [r, c] as const;
  });
  return buildOverview(referrals, cases);
}

/**
 * The overview as one long CSV (period, table, group, measure, value, note), in the page's
 * language, with the same suppression: a hidden figure has no value, only the note's words.
 */
export function overviewCsv(o: Overview, period: Period, t: Translate, lang: string): string {
  const rows: Record<string, unknown>[] = [];
  const put = (table: string, group: string, measure: string, value: Shown) =>
    rows.push({
      table,
      group,
      measure,
      value: value.kind === 'count' ? value.value : '',
      note: value.kind === 'count' ? '' : shownText(value, t, lang),
    });
  // A share of nothing (base 0) is left empty with no note: nothing is hidden there.
  const share = (table: string, group: string, measure: string, v: number | null, base: Shown) =>
    rows.push({
      table,
      group,
      measure,
      value: v === null ? '' : Math.round(v * 1000) / 10,
      note:
        v === null && !(base.kind === 'count' && base.value === 0)
          ? t('outreach.overview.noShare')
          : '',
    });
  const funnel = t('outreach.overview.funnel.heading');
  for (const f of o.funnel) {
    put(
      funnel,
      t(`outreach.overview.step.${f.step}`),
      t('outreach.overview.col.referrals'),
      f.count,
    );
    if (f.step !== FUNNEL_STEPS[0])
      share(
        funnel,
        t(`outreach.overview.step.${f.step}`),
        t('outreach.overview.col.sharePct'),
        f.share,
        o.funnel[0]!.count,
      );
  }
  const cases = (table: string, group: string, c: ShownCases) => {
    put(table, group, t('outreach.overview.col.cases'), c.cases);
    put(table, group, t('outreach.overview.col.reengaged'), c.reengaged);
    put(table, group, t('outreach.overview.col.declined'), c.declined);
    put(table, group, t('outreach.overview.col.unreachable'), c.unreachable);
    put(table, group, t('outreach.overview.col.open'), c.open);
    share(table, group, t('outreach.overview.col.reengagedPct'), c.reengagedShare, c.cases);
  };
  const fallout = t('outreach.overview.fallout.heading');
  for (const f of o.fallout) cases(fallout, t(`outreach.overview.fallout.${f.step}`), f.cases);
  cases(fallout, t('outreach.overview.total'), o.total);
  for (const g of o.groups) {
    const table = t(`outreach.overview.by.${g.dimension}`);
    for (const r of g.rows) {
      const label = groupLabel(t, g.dimension, r);
      put(table, label, t('outreach.overview.col.referrals'), r.referrals);
      cases(table, label, r);
    }
  }
  const head = [
    t('outreach.overview.csv.period'),
    t('outreach.overview.csv.table'),
    t('outreach.overview.csv.group'),
    t('outreach.overview.csv.measure'),
    t('outreach.overview.csv.value'),
    t('outreach.overview.csv.note'),
  ] as const;
  const when = `${period.from}/${period.to}`;
  return writeCsv(
    head,
    rows.map((r) => ({
      [head[0]]: when,
      [head[1]]: r.table,
      [head[2]]: r.group,
      [head[3]]: r.measure,
      [head[4]]: r.value,
      [head[5]]: r.note,
    })),
  );
}
