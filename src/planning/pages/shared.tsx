/** Pieces the planning pages share: the department filter, notices, labels, table scrolling. */
import type { ComponentChildren } from 'preact';
import { Select } from '../../web/form.tsx';
import type { PageContext } from '../../web/layout.tsx';
import type { UiLanguage } from '../../web/languages.ts';
import { DEPARTMENTS, type Department } from '../intervention.ts';

export const LANGS = ['da', 'en'] as const satisfies readonly UiLanguage[];

export const canEdit = (ctx: PageContext) =>
  ctx.staff?.role === 'planner' || ctx.staff?.role === 'admin';

/** A GET form choosing one department (or all): works without JavaScript. */
export function DepartmentFilter(props: {
  ctx: PageContext;
  action: string;
  value: Department | undefined;
  allowAll?: boolean;
}) {
  const { t } = props.ctx;
  return (
    <form method="get" action={props.action} novalidate class="lighed-planning-filter">
      <Select
        name="afdeling"
        label={t('planning.filter.department')}
        value={props.value ?? ''}
        options={[
          ...(props.allowAll === false ? [] : [{ value: '', label: t('planning.filter.all') }]),
          ...DEPARTMENTS.map((d) => ({ value: d, label: t(`planning.department.${d}`) })),
        ]}
        problems={[]}
        t={t}
      />
      <button type="submit" class="button button-secondary">
        {t('planning.filter.show')}
      </button>
    </form>
  );
}

const NOTICES: Record<string, [string, 'success' | 'warning']> = {
  gemt: ['saved', 'success'],
  oprettet: ['created', 'success'],
  offentliggjort: ['published', 'success'],
  tilbagetrukket: ['withdrawn', 'success'],
  kopieret: ['copied', 'success'],
  vedtaget: ['adopted', 'success'],
  koblet: ['linked', 'success'],
  afkoblet: ['unlinked', 'success'],
  forældet: ['stale', 'warning'],
};

export function Notice({ ctx, notice }: { ctx: PageContext; notice: string | undefined }) {
  const n = notice ? NOTICES[notice] : undefined;
  if (!n) return null;
  return (
    <div class={`alert alert-${n[1]}`} role="status">
      <div class="alert-body">
        <p class="alert-text">{ctx.t(`planning.notice.${n[0]}`)}</p>
      </div>
    </div>
  );
}

export const departmentsText = (ctx: PageContext, ds: readonly Department[]) =>
  ds.length ? ds.map((d) => ctx.t(`planning.department.${d}`)).join(', ') : '–';

/**
 * A table the page writes by hand (DataTable has this built in): on a phone it scrolls in its
 * own focusable region instead of widening the page (WCAG 1.4.10 and 2.1.1), named by the
 * table's caption.
 */
export function TableScroll(props: { labelledBy: string; children: ComponentChildren }) {
  return (
    <div class="lighed-table-scroll" tabIndex={0} role="region" aria-labelledby={props.labelledBy}>
      {props.children}
    </div>
  );
}
