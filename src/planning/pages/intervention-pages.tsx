/** Interventions' pages (staff, Danish and English): list, form, detail, shared ones. */
import type { FieldProblem } from '../../platform/errors.ts';
import {
  Checkboxes,
  CsrfField,
  ErrorSummary,
  FormPage,
  Select,
  SubmitButton,
  TextField,
} from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { DataTable } from '../../web/table.tsx';
import { ARENAS, TOPICS } from '../../catalog/index.ts';
import {
  DEPARTMENTS,
  EVIDENCE_LEVELS,
  HEALTH_ROLES,
  INTERVENTION_STATUSES,
  INTERVENTION_TYPES,
  type Department,
  type InterventionDetail,
  type InterventionForm,
  type InterventionSummary,
  type TargetGroup,
} from '../intervention.ts';
import type { PublishedIntervention } from '../intervention.store.ts';
import type { RecommendationRow } from '../recommendation.store.ts';
import { INTERVENTIONS_PATH, PLANNING_PATH, RECOMMENDATIONS_PATH } from '../paths.ts';
import { DepartmentFilter, LANGS, Notice, canEdit } from './shared.tsx';

export const SHARED_PATH = '/personale/planlaegning/delte-indsatser';

export interface GroupChoice {
  value: string;
  label: string;
}

const back = (ctx: PageContext, href: string, key: string) => (
  <p>
    <a href={href} class="lighed-back">
      {ctx.t(key)}
    </a>
  </p>
);

export function InterventionListPage(props: {
  ctx: PageContext;
  rows: readonly InterventionSummary[];
  department: Department | undefined;
  notice?: string | undefined;
}) {
  const { ctx, rows } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('planning.interventions.title')} area="staff" languages={LANGS}>
      {back(ctx, PLANNING_PATH, 'planning.backToPlanning')}
      <h1>{t('planning.interventions.title')}</h1>
      <p class="font-lead">{t('planning.interventions.lead')}</p>
      <Notice ctx={ctx} notice={props.notice} />
      {canEdit(ctx) && (
        <>
          <p>
            <a class="button button-primary" href={`${INTERVENTIONS_PATH}/ny`}>
              {t('planning.interventions.new')}
            </a>
          </p>
          <p>
            <a href={SHARED_PATH}>{t('planning.shared.title')}</a>
          </p>
        </>
      )}
      <DepartmentFilter ctx={ctx} action={INTERVENTIONS_PATH} value={props.department} />
      {rows.length === 0 ? (
        <p>{t('planning.interventions.empty')}</p>
      ) : (
        <DataTable
          caption={t('planning.interventions.caption', { count: rows.length })}
          columns={[
            t('planning.field.name'),
            t('planning.field.department'),
            t('planning.field.type'),
            t('planning.field.status'),
            t('planning.field.evidenceLevel'),
            t('planning.interventions.col.recommendations'),
            t('planning.interventions.col.published'),
          ]}
          rows={rows}
          cells={(r) => [
            <a href={`${INTERVENTIONS_PATH}/${r.id}`}>{r.name}</a>,
            t(`planning.department.${r.department}`),
            t(`planning.type.${r.type}`),
            t(`planning.status.${r.status}`),
            t(`planning.evidence.${r.evidenceLevel}`),
            String(r.recommendationIds.length),
            r.published ? t('planning.yes') : t('planning.no'),
          ]}
        />
      )}
    </Layout>
  );
}

export function InterventionFormPage(props: {
  ctx: PageContext;
  id: string | null;
  form: InterventionForm;
  problems: readonly FieldProblem[];
  offers: readonly { id: string; title: string; status: string }[];
  groups: readonly GroupChoice[];
  notice?: string | undefined;
}) {
  const { ctx, form, problems, id } = props;
  const { t } = ctx;
  const f = { problems, t };
  const title = id ? t('planning.interventions.editTitle') : t('planning.interventions.new');
  // A saved group the current dataset no longer has still shows, so an edit keeps it.
  const groupOptions = [
    ...props.groups,
    ...form.groups
      .filter((g) => !props.groups.some((c) => c.value === g))
      .map((g) => ({ value: g, label: g })),
  ];
  return (
    <FormPage
      ctx={ctx}
      title={title}
      back={{
        href: id ? `${INTERVENTIONS_PATH}/${id}` : INTERVENTIONS_PATH,
        label: t('planning.back'),
      }}
      problems={problems}
      action={id ? `${INTERVENTIONS_PATH}/${id}/rediger` : `${INTERVENTIONS_PATH}/ny`}
      area="staff"
      languages={LANGS}
      lead={<Notice ctx={ctx} notice={props.notice} />}
    >
      <input type="hidden" name="version" value={form.version} />
      <TextField name="name" label={t('planning.field.name')} value={form.name} {...f} width="l" />
      <TextField
        name="purpose"
        label={t('planning.field.purpose')}
        value={form.purpose}
        multiline
        {...f}
      />
      <Select
        name="department"
        label={t('planning.field.department')}
        value={form.department}
        options={[
          { value: '', label: t('planning.choose') },
          ...DEPARTMENTS.map((d) => ({ value: d, label: t(`planning.department.${d}`) })),
        ]}
        {...f}
      />
      <Select
        name="type"
        label={t('planning.field.type')}
        hint={t('planning.field.typeHint')}
        value={form.type}
        options={[
          { value: '', label: t('planning.choose') },
          ...INTERVENTION_TYPES.map((v) => ({ value: v, label: t(`planning.type.${v}`) })),
        ]}
        {...f}
      />
      <Select
        name="status"
        label={t('planning.field.status')}
        value={form.status}
        options={INTERVENTION_STATUSES.map((v) => ({ value: v, label: t(`planning.status.${v}`) }))}
        {...f}
      />
      <TextField
        name="startDate"
        label={t('planning.field.startDate')}
        hint={t('planning.field.dateHint')}
        value={form.startDate}
        width="s"
        {...f}
      />
      <TextField
        name="endDate"
        label={t('planning.field.endDate')}
        hint={t('planning.field.dateHint')}
        value={form.endDate}
        width="s"
        {...f}
      />
      {/* Long lists of choices (groups, 150 offers) in columns on a wide screen. */}
      <div class="lighed-option-columns">
        <Checkboxes
          name="arenas"
          label={t('planning.field.arenas')}
          values={form.arenas}
          options={ARENAS.map((a) => ({ value: a, label: t(`arena.${a}`) }))}
          {...f}
        />
        <Checkboxes
          name="groups"
          label={t('planning.field.groups')}
          hint={groupOptions.length ? t('planning.field.groupsHint') : t('planning.field.noGroups')}
          values={form.groups}
          options={groupOptions}
          {...f}
        />
        <Checkboxes
          name="riskFactors"
          label={t('planning.field.riskFactors')}
          values={form.riskFactors}
          options={TOPICS.map((r) => ({ value: r, label: t(`topic.${r}`) }))}
          {...f}
        />
        <Checkboxes
          name="offerIds"
          label={t('planning.field.offers')}
          hint={t('planning.field.offersHint')}
          values={form.offerIds}
          options={props.offers.map((o) => ({
            value: o.id,
            label:
              o.status === 'published'
                ? o.title
                : `${o.title} (${t(`planning.offerStatus.${o.status}`)})`,
          }))}
          {...f}
        />
        <Checkboxes
          name="healthRoles"
          label={t('planning.field.healthRoles')}
          hint={t('planning.field.healthRolesHint')}
          values={form.healthRoles}
          options={HEALTH_ROLES.map((r) => ({ value: r, label: t(`planning.healthRole.${r}`) }))}
          {...f}
        />
      </div>
      <Select
        name="evidenceLevel"
        label={t('planning.field.evidenceLevel')}
        value={form.evidenceLevel}
        options={EVIDENCE_LEVELS.map((v) => ({ value: v, label: t(`planning.evidence.${v}`) }))}
        {...f}
      />
      <TextField
        name="evidenceSources"
        label={t('planning.field.evidenceSources')}
        value={form.evidenceSources}
        multiline
        {...f}
      />
      <TextField
        name="evaluation"
        label={t('planning.field.evaluation')}
        hint={t('planning.field.evaluationHint')}
        value={form.evaluation}
        multiline
        {...f}
      />
      <SubmitButton>{t('planning.save')}</SubmitButton>
    </FormPage>
  );
}

export function targetGroupText(
  ctx: PageContext,
  g: TargetGroup,
  groupLabel: (code: string) => string,
): string {
  const parts: string[] = [];
  if (g.riskFactor) parts.push(ctx.t(`topic.${g.riskFactor}`));
  if (g.dimension && g.group) parts.push(groupLabel(`${g.dimension}:${g.group}`));
  return parts.join(' – ');
}

function Facts(props: {
  ctx: PageContext;
  i: InterventionDetail;
  groupLabel: (code: string) => string;
}) {
  const { ctx, i } = props;
  const { t } = ctx;
  const row = (label: string, value: string) => (
    <>
      <dt>{label}</dt>
      <dd>{value || '–'}</dd>
    </>
  );
  return (
    <dl class="lighed-facts">
      {row(t('planning.field.purpose'), i.purpose)}
      {row(t('planning.field.department'), t(`planning.department.${i.department}`))}
      {row(t('planning.field.type'), t(`planning.type.${i.type}`))}
      {row(t('planning.field.status'), t(`planning.status.${i.status}`))}
      {row(t('planning.field.period'), [i.startDate, i.endDate].filter(Boolean).join(' – '))}
      {row(t('planning.field.arenas'), i.arenas.map((a) => t(`arena.${a}`)).join(', '))}
      {row(
        t('planning.field.targetGroups'),
        i.targetGroups.map((g) => targetGroupText(ctx, g, props.groupLabel)).join('; '),
      )}
      {row(
        t('planning.field.healthRoles'),
        i.healthRoles.map((r) => t(`planning.healthRole.${r}`)).join(', '),
      )}
      {row(t('planning.field.evidenceLevel'), t(`planning.evidence.${i.evidenceLevel}`))}
      {row(t('planning.field.evidenceSources'), i.evidenceSources)}
      {row(t('planning.field.evaluation'), i.evaluation)}
    </dl>
  );
}

export function InterventionDetailPage(props: {
  ctx: PageContext;
  i: InterventionDetail;
  offers: readonly { id: string; title: string }[];
  recommendations: readonly RecommendationRow[];
  groupLabel: (code: string) => string;
  notice?: string | undefined;
  problems?: readonly FieldProblem[];
}) {
  const { ctx, i } = props;
  const { t } = ctx;
  const linked = props.recommendations.filter((r) => i.recommendationIds.includes(r.id));
  const linkable = props.recommendations.filter((r) => !i.recommendationIds.includes(r.id));
  const offers = props.offers.filter((o) => i.offerIds.includes(o.id));
  const edit = canEdit(ctx);
  const problems = props.problems ?? [];
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${i.name}` : i.name}
      area="staff"
      languages={LANGS}
    >
      {back(ctx, INTERVENTIONS_PATH, 'planning.interventions.back')}
      <h1>{i.name}</h1>
      <Notice ctx={ctx} notice={props.notice} />
      <ErrorSummary problems={problems} t={t} />
      {i.published && (
        <p>
          <strong class="badge badge-small">{t('planning.interventions.publishedBadge')}</strong>
        </p>
      )}
      {edit && (
        <p>
          <a class="button button-secondary" href={`${INTERVENTIONS_PATH}/${i.id}/rediger`}>
            {t('planning.interventions.edit')}
          </a>
        </p>
      )}
      <Facts ctx={ctx} i={i} groupLabel={props.groupLabel} />

      <h2>{t('planning.field.offers')}</h2>
      {i.type === 'structural' && <p>{t('planning.interventions.structuralNoSignup')}</p>}
      {offers.length === 0 ? (
        <p>{t('planning.interventions.noOffers')}</p>
      ) : (
        <ul>
          {offers.map((o) => (
            <li>
              <a href={`/personale/tilbud/${o.id}`}>{o.title}</a>
            </li>
          ))}
        </ul>
      )}

      <h2 id="anbefalinger">{t('planning.interventions.recommendations')}</h2>
      {linked.length === 0 ? (
        <p>{t('planning.interventions.noRecommendations')}</p>
      ) : (
        <ul>
          {linked.map((r) => (
            <li>
              <a href={`${RECOMMENDATIONS_PATH}/${r.id}`}>
                {r.code}. {r.title}
              </a>{' '}
              ({t(`planning.framework.${r.frameworkKey}`)})
              {edit && (
                <form
                  method="post"
                  action={`${INTERVENTIONS_PATH}/${i.id}/afkobl`}
                  class="lighed-inline-form"
                >
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="recommendationId" value={r.id} />
                  <button
                    type="submit"
                    class="button button-tertiary"
                    aria-label={`${t('planning.unlink')}: ${r.code}. ${r.title}`}
                  >
                    {t('planning.unlink')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {edit && linkable.length > 0 && (
        <form method="post" action={`${INTERVENTIONS_PATH}/${i.id}/kobl`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Select
            name="recommendationId"
            label={t('planning.interventions.linkLabel')}
            value=""
            options={[
              { value: '', label: t('planning.choose') },
              ...linkable.map((r) => ({
                value: r.id,
                label: `${t(`planning.framework.${r.frameworkKey}`)} ${r.code}. ${r.title}`.slice(
                  0,
                  160,
                ),
              })),
            ]}
            problems={problems}
            t={t}
          />
          <button type="submit" class="button button-secondary">
            {t('planning.link')}
          </button>
        </form>
      )}

      <h2>{t('planning.interventions.sharing')}</h2>
      <p>
        {i.published
          ? t('planning.interventions.sharedSince', { date: i.publishedAt?.slice(0, 10) ?? '' })
          : t('planning.interventions.notShared')}
      </p>
      {edit && (
        <form method="post" action={`${INTERVENTIONS_PATH}/${i.id}/del`}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="version" value={String(i.version)} />
          <input type="hidden" name="publish" value={i.published ? 'nej' : 'ja'} />
          <button type="submit" class="button button-secondary">
            {i.published
              ? t('planning.interventions.withdraw')
              : t('planning.interventions.publish')}
          </button>
        </form>
      )}
    </Layout>
  );
}

export function SharedListPage(props: {
  ctx: PageContext;
  rows: readonly PublishedIntervention[];
  ownKommune: string;
  department: Department | undefined;
}) {
  const { ctx, rows } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('planning.shared.title')} area="staff" languages={LANGS}>
      {back(ctx, INTERVENTIONS_PATH, 'planning.interventions.back')}
      <h1>{t('planning.shared.title')}</h1>
      <p class="font-lead">{t('planning.shared.lead')}</p>
      <DepartmentFilter ctx={ctx} action={SHARED_PATH} value={props.department} />
      {rows.length === 0 ? (
        <p>{t('planning.shared.empty')}</p>
      ) : (
        <DataTable
          caption={t('planning.shared.caption', { count: rows.length })}
          columns={[
            t('planning.field.name'),
            t('planning.shared.municipality'),
            t('planning.field.department'),
            t('planning.field.type'),
            t('planning.field.evidenceLevel'),
            t('planning.shared.evaluated'),
          ]}
          rows={rows}
          cells={(r) => [
            <a href={`${SHARED_PATH}/${r.id}`}>{r.name}</a>,
            r.kommune === props.ownKommune
              ? `${r.tenantName} (${t('planning.shared.own')})`
              : r.tenantName,
            t(`planning.department.${r.department}`),
            t(`planning.type.${r.type}`),
            t(`planning.evidence.${r.evidenceLevel}`),
            r.hasEvaluation ? t('planning.yes') : t('planning.no'),
          ]}
        />
      )}
    </Layout>
  );
}

export function SharedDetailPage(props: {
  ctx: PageContext;
  i: PublishedIntervention;
  ownKommune: string;
  groupLabel: (code: string) => string;
}) {
  const { ctx, i } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={i.name} area="staff" languages={LANGS}>
      {back(ctx, SHARED_PATH, 'planning.shared.back')}
      <h1>{i.name}</h1>
      <p class="font-lead">
        {t('planning.shared.from', {
          kommune: i.tenantName,
          date: i.publishedAt?.slice(0, 10) ?? '',
        })}
      </p>
      <Facts ctx={ctx} i={i} groupLabel={props.groupLabel} />
      {canEdit(ctx) && i.kommune !== props.ownKommune && (
        <form method="post" action={`${SHARED_PATH}/${i.id}/kopier`}>
          <CsrfField token={ctx.csrfToken} />
          <p>{t('planning.shared.copyHint')}</p>
          <SubmitButton>{t('planning.shared.copy')}</SubmitButton>
        </form>
      )}
    </Layout>
  );
}
