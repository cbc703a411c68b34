/** Recommendations' pages (staff, Danish and English): frameworks, one recommendation, own ones. */
import type { FieldProblem } from '../../platform/errors.ts';
import {
  Checkboxes,
  CsrfField,
  FormPage,
  Select,
  SubmitButton,
  TextField,
} from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { DataTable } from '../../web/table.tsx';
import { OWN_FRAMEWORK } from '../frameworks/index.ts';
import { DEPARTMENTS, type Department, type InterventionSummary } from '../intervention.ts';
import { INTERVENTIONS_PATH, PLANNING_PATH, RECOMMENDATIONS_PATH } from '../paths.ts';
import {
  RECOMMENDATION_STATES,
  type OwnRecommendationForm,
  type RecommendationForm,
} from '../recommendation.ts';
import type { RecommendationRow } from '../recommendation.store.ts';
import type { FrameworkChoice } from '../recommendation.service.ts';
import { DepartmentFilter, LANGS, Notice, canEdit, departmentsText } from './shared.tsx';

export const COMMITTEE_PATH = '/personale/planlaegning/udvalg';

/** Recommendations of one framework as a table (title links to the recommendation). */
export function RecommendationTable(props: {
  ctx: PageContext;
  caption: string;
  rows: readonly RecommendationRow[];
}) {
  const { t } = props.ctx;
  return (
    <DataTable
      caption={props.caption}
      columns={[
        t('planning.rec.code'),
        t('planning.rec.title'),
        t('planning.rec.state'),
        t('planning.rec.departments'),
        t('planning.rec.interventions'),
        t('planning.rec.note'),
      ]}
      rows={props.rows}
      cells={(r) => [
        r.code,
        <a href={`${RECOMMENDATIONS_PATH}/${r.id}`}>{r.title}</a>,
        t(`planning.state.${r.state}`),
        departmentsText(props.ctx, r.departments),
        String(r.interventionIds.length),
        r.note ? `${r.noteDate ?? ''}: ${r.note}` : '–',
      ]}
    />
  );
}

const frameworkName = (ctx: PageContext, key: string) => ctx.t(`planning.framework.${key}`);

export function RecommendationsPage(props: {
  ctx: PageContext;
  frameworks: readonly FrameworkChoice[];
  rows: readonly RecommendationRow[];
  department: Department | undefined;
  notice?: string | undefined;
}) {
  const { ctx, rows } = props;
  const { t } = ctx;
  const keys = [...new Set(rows.map((r) => r.frameworkKey))];
  const notAdopted = props.frameworks.filter((f) => !f.adoptedAt);
  return (
    <Layout ctx={ctx} title={t('planning.rec.pageTitle')} area="staff" languages={LANGS}>
      <p>
        <a href={PLANNING_PATH} class="lighed-back">
          {t('planning.backToPlanning')}
        </a>
      </p>
      <h1>{t('planning.rec.pageTitle')}</h1>
      <p class="font-lead">{t('planning.rec.lead')}</p>
      <Notice ctx={ctx} notice={props.notice} />
      <DepartmentFilter ctx={ctx} action={RECOMMENDATIONS_PATH} value={props.department} />
      {keys.length === 0 && <p>{t('planning.rec.none')}</p>}
      {keys.map((k) => (
        <section>
          <h2>{frameworkName(ctx, k)}</h2>
          <RecommendationTable
            ctx={ctx}
            caption={t('planning.rec.caption', { framework: frameworkName(ctx, k) })}
            rows={rows.filter((r) => r.frameworkKey === k)}
          />
        </section>
      ))}
      {canEdit(ctx) && (
        <>
          <p>
            <a href={`${RECOMMENDATIONS_PATH}/egen`}>{t('planning.rec.addOwn')}</a>
          </p>
          <h2>{t('planning.rec.frameworks')}</h2>
          {notAdopted.length === 0 ? (
            <p>{t('planning.rec.allAdopted')}</p>
          ) : (
            <ul class="nobullet-list">
              {notAdopted.map((f) => (
                <li>
                  <h3>{f.framework.name}</h3>
                  <p>
                    {f.framework.publisher}, {f.framework.year}.{' '}
                    {t('planning.rec.itemCount', {
                      count: f.framework.items.filter((i) => !i.code.includes('.')).length,
                    })}
                  </p>
                  <form method="post" action={`${RECOMMENDATIONS_PATH}/vedtag`}>
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="framework" value={f.framework.key} />
                    <button
                      type="submit"
                      class="button button-secondary"
                      aria-label={`${t('planning.rec.adopt')}: ${f.framework.name}`}
                    >
                      {t('planning.rec.adopt')}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Layout>
  );
}

export function RecommendationPage(props: {
  ctx: PageContext;
  r: RecommendationRow;
  form: RecommendationForm;
  interventions: readonly InterventionSummary[];
  problems: readonly FieldProblem[];
  notice?: string | undefined;
}) {
  const { ctx, r, form, problems } = props;
  const { t } = ctx;
  const f = { problems, t };
  const linked = props.interventions.filter((i) => r.interventionIds.includes(i.id));
  const linkable = props.interventions.filter((i) => !r.interventionIds.includes(i.id));
  const title = `${r.code}. ${r.title}`;
  const edit = canEdit(ctx);
  return (
    <FormPage
      ctx={ctx}
      title={title}
      back={{ href: RECOMMENDATIONS_PATH, label: t('planning.rec.back') }}
      problems={problems}
      action={`${RECOMMENDATIONS_PATH}/${r.id}`}
      area="staff"
      languages={LANGS}
      lead={
        <>
          <p class="font-lead">{frameworkName(ctx, r.frameworkKey)}</p>
          <Notice ctx={ctx} notice={props.notice} />
          {r.text && <p lang="da">{r.text}</p>}
          <h2>{t('planning.rec.interventions')}</h2>
          {linked.length === 0 ? (
            <p>{t('planning.rec.noInterventions')}</p>
          ) : (
            <ul>
              {linked.map((i) => (
                <li>
                  <a href={`${INTERVENTIONS_PATH}/${i.id}`}>{i.name}</a> (
                  {t(`planning.department.${i.department}`)}, {t(`planning.status.${i.status}`)})
                </li>
              ))}
            </ul>
          )}
          {edit && linkable.length > 0 && (
            <p>
              <a href={`${RECOMMENDATIONS_PATH}/${r.id}/kobl`}>
                {t('planning.rec.linkIntervention')}
              </a>
            </p>
          )}
          <h2>{t('planning.rec.progress')}</h2>
        </>
      }
    >
      <input type="hidden" name="version" value={form.version} />
      <Select
        name="state"
        label={t('planning.rec.state')}
        value={form.state}
        options={RECOMMENDATION_STATES.map((s) => ({ value: s, label: t(`planning.state.${s}`) }))}
        {...f}
      />
      <Checkboxes
        name="departments"
        label={t('planning.rec.departments')}
        values={form.departments}
        options={DEPARTMENTS.map((d) => ({ value: d, label: t(`planning.department.${d}`) }))}
        {...f}
      />
      <TextField name="note" label={t('planning.rec.note')} value={form.note} multiline {...f} />
      <TextField
        name="noteDate"
        label={t('planning.rec.noteDate')}
        hint={t('planning.rec.noteDateHint')}
        value={form.noteDate}
        width="s"
        {...f}
      />
      {edit ? <SubmitButton>{t('planning.save')}</SubmitButton> : null}
    </FormPage>
  );
}

/** Choosing an intervention to link to a recommendation (its own small form page). */
export function LinkInterventionPage(props: {
  ctx: PageContext;
  r: RecommendationRow;
  interventions: readonly InterventionSummary[];
  problems: readonly FieldProblem[];
}) {
  const { ctx, r } = props;
  const { t } = ctx;
  const linkable = props.interventions.filter((i) => !r.interventionIds.includes(i.id));
  return (
    <FormPage
      ctx={ctx}
      title={t('planning.rec.linkIntervention')}
      lead={
        <p class="font-lead">
          {r.code}. {r.title}
        </p>
      }
      back={{ href: `${RECOMMENDATIONS_PATH}/${r.id}`, label: t('planning.back') }}
      problems={props.problems}
      action={`${RECOMMENDATIONS_PATH}/${r.id}/kobl`}
      area="staff"
      languages={LANGS}
    >
      <Select
        name="interventionId"
        label={t('planning.rec.intervention')}
        value=""
        options={[
          { value: '', label: t('planning.choose') },
          ...linkable.map((i) => ({
            value: i.id,
            label: `${i.name} (${t(`planning.department.${i.department}`)})`,
          })),
        ]}
        problems={props.problems}
        t={t}
      />
      <SubmitButton>{t('planning.link')}</SubmitButton>
    </FormPage>
  );
}

export function OwnRecommendationPage(props: {
  ctx: PageContext;
  form: OwnRecommendationForm;
  problems: readonly FieldProblem[];
}) {
  const { ctx, form, problems } = props;
  const { t } = ctx;
  const f = { problems, t };
  return (
    <FormPage
      ctx={ctx}
      title={t('planning.rec.addOwn')}
      back={{ href: RECOMMENDATIONS_PATH, label: t('planning.rec.back') }}
      problems={problems}
      action={`${RECOMMENDATIONS_PATH}/egen`}
      area="staff"
      languages={LANGS}
      lead={<p class="font-lead">{t('planning.rec.ownLead')}</p>}
    >
      <TextField name="title" label={t('planning.rec.title')} value={form.title} width="l" {...f} />
      <TextField name="text" label={t('planning.rec.text')} value={form.text} multiline {...f} />
      <Checkboxes
        name="departments"
        label={t('planning.rec.departments')}
        values={form.departments}
        options={DEPARTMENTS.map((d) => ({ value: d, label: t(`planning.department.${d}`) }))}
        {...f}
      />
      <SubmitButton>{t('planning.save')}</SubmitButton>
    </FormPage>
  );
}

/** What one committee (department) owns: its recommendations and its interventions. */
export function CommitteePage(props: {
  ctx: PageContext;
  department: Department;
  recommendations: readonly RecommendationRow[];
  interventions: readonly InterventionSummary[];
}) {
  const { ctx, department } = props;
  const { t } = ctx;
  const dept = t(`planning.department.${department}`);
  const keys = [...new Set(props.recommendations.map((r) => r.frameworkKey))];
  return (
    <Layout
      ctx={ctx}
      title={t('planning.committee.title', { department: dept })}
      area="staff"
      languages={LANGS}
    >
      <p>
        <a href={PLANNING_PATH} class="lighed-back">
          {t('planning.backToPlanning')}
        </a>
      </p>
      <h1>{t('planning.committee.title', { department: dept })}</h1>
      <p class="font-lead">{t('planning.committee.lead')}</p>
      <DepartmentFilter ctx={ctx} action={COMMITTEE_PATH} value={department} allowAll={false} />
      <h2>{t('planning.committee.recommendations')}</h2>
      {keys.length === 0 && <p>{t('planning.committee.noRecommendations')}</p>}
      {keys.map((k) => (
        <RecommendationTable
          ctx={ctx}
          caption={frameworkName(ctx, k)}
          rows={props.recommendations.filter((r) => r.frameworkKey === k)}
        />
      ))}
      <h2>{t('planning.committee.interventions')}</h2>
      {props.interventions.length === 0 ? (
        <p>{t('planning.committee.noInterventions')}</p>
      ) : (
        <DataTable
          caption={t('planning.committee.interventionsCaption', { department: dept })}
          hiddenCaption
          columns={[
            t('planning.field.name'),
            t('planning.field.type'),
            t('planning.field.status'),
            t('planning.field.evidenceLevel'),
            t('planning.interventions.col.evaluated'),
          ]}
          rows={props.interventions}
          cells={(i) => [
            <a href={`${INTERVENTIONS_PATH}/${i.id}`}>{i.name}</a>,
            t(`planning.type.${i.type}`),
            t(`planning.status.${i.status}`),
            t(`planning.evidence.${i.evidenceLevel}`),
            i.hasEvaluation ? t('planning.yes') : t('planning.no'),
          ]}
        />
      )}
    </Layout>
  );
}

export { OWN_FRAMEWORK };
