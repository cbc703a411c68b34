/**
 * The equity impact assessment's pages (staff, Danish and English): the list, the proposal,
 * the overview (state, comments, history, review), the screening, the scope, the matrix with
 * the monitor's figures, actions and monitoring, the report, and the municipality's template.
 */
import type { ComponentChildren } from 'preact';
import type { FieldProblem } from '../../platform/errors.ts';
import {
  Checkbox,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  Field,
  FormPage,
  Select,
  SubmitButton,
  TextField,
  fieldId,
} from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { DataTable } from '../../web/table.tsx';
import { dateText } from '../../web/present.ts';
import type { UiLanguage } from '../../web/languages.ts';
import type { DocBlock } from '../../platform/docx.ts';
import { SUPPRESSED_TEXT } from '../../monitor/index.ts';
import { DEPARTMENTS, INTERVENTIONS_PATH, departmentLabel } from '../../planning/index.ts';
import { cellField, movesFrom, type CellForm, type ProposalForm } from '../assessment.ts';
import type {
  AreaChoice,
  AssessmentView,
  Figures,
  GroupFigures,
  ListEntry,
} from '../assessment.service.ts';
import {
  ANSWERS,
  CONFIDENCES,
  IMPACTS,
  LAYERS,
  PROPOSAL_TYPES,
  textIn,
  type TemplateForm,
  type TemplateRowForm,
} from '../template.ts';
import {
  cellText,
  groupLabel,
  numberText,
  percentText,
  reportTitle,
  screeningReasons,
  screeningSentence,
} from '../report.ts';
import { ReportBlocks } from './report-page.tsx';
import { ASSESSMENTS_PATH, TEMPLATE_PATH, assessmentHref } from '../paths.ts';

const LANGS = ['da', 'en'] as const satisfies readonly UiLanguage[];
type Ctx = PageContext & { lang: 'da' | 'en' };
type Problems = readonly FieldProblem[];

const NOTICES: Record<string, { key: string; warn?: boolean }> = {
  gemt: { key: 'saved' },
  oprettet: { key: 'created' },
  indsats: { key: 'intervention' },
  kommentar: { key: 'comment' },
  status: { key: 'state' },
  opfoelgning: { key: 'reviewed' },
  forældet: { key: 'stale', warn: true },
};

function Notice({ ctx, notice }: { ctx: Ctx; notice: string | undefined }) {
  const n = notice ? NOTICES[notice] : undefined;
  if (!n) return null;
  return (
    <div class={`alert ${n.warn ? 'alert-warning' : 'alert-success'}`} role="status">
      <div class="alert-body">
        <p class="alert-text">{ctx.t(`assessment.notice.${n.key}`)}</p>
      </div>
    </div>
  );
}

function VersionField({ version }: { version: number | string }) {
  return <input type="hidden" name="version" value={String(version)} />;
}

/** A form that changes the assessment: the CSRF token and the version it was read at. */
function VersionedForm(props: {
  ctx: Ctx;
  action: string;
  version: number | string;
  novalidate?: boolean;
  children: ComponentChildren;
}) {
  return (
    <form method="post" action={props.action} novalidate={props.novalidate}>
      <CsrfField token={props.ctx.csrfToken} />
      <VersionField version={props.version} />
      {props.children}
    </form>
  );
}

const isoDate = (iso: string, lang: 'da' | 'en') => dateText(new Date(`${iso}T12:00:00Z`), lang);

/** An assessment's sub-page: back to the overview, heading, notice, problems, then the body. */
/** A page under the list (an overview, the template): title, back to the list, heading. */
function UnderList(props: {
  ctx: Ctx;
  title: string;
  problems: Problems;
  children: ComponentChildren;
}) {
  const { ctx, problems, title } = props;
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={`${problems.length ? `${t('form.errorTitlePrefix')} ` : ''}${title}`}
      area="staff"
      languages={LANGS}
    >
      <p>
        <a href={ASSESSMENTS_PATH} class="lighed-back">
          {t('assessment.list.title')}
        </a>
      </p>
      <h1>{title}</h1>
      {props.children}
    </Layout>
  );
}

function Frame(props: {
  ctx: Ctx;
  view: AssessmentView;
  title: string;
  problems: Problems;
  notice?: string | undefined;
  children: ComponentChildren;
}) {
  const { ctx, view, problems } = props;
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={`${problems.length ? `${t('form.errorTitlePrefix')} ` : ''}${props.title}: ${view.title}`}
      area="staff"
      languages={LANGS}
    >
      <p>
        <a href={assessmentHref(view.id)} class="lighed-back">
          {t('assessment.back', { title: view.title })}
        </a>
      </p>
      <h1>
        {props.title}
        <span class="sr-only">: </span>
        <span class="d-block font-lead">{view.title}</span>
      </h1>
      <Notice ctx={ctx} notice={props.notice} />
      <ErrorSummary problems={problems} t={t} />
      {props.children}
    </Layout>
  );
}

// ---- the list ----------------------------------------------------------------------------------

export function ListPage(props: { ctx: Ctx; rows: readonly ListEntry[]; canSettings: boolean }) {
  const { ctx, rows } = props;
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('assessment.list.title')} area="staff" languages={LANGS}>
      <h1>{t('assessment.list.title')}</h1>
      <p class="font-lead">{t('assessment.list.lead')}</p>
      <p>
        <a class="button button-primary" href={`${ASSESSMENTS_PATH}/ny`}>
          {t('assessment.list.new')}
        </a>
      </p>
      {props.canSettings && (
        <p>
          <a href={TEMPLATE_PATH}>{t('assessment.template.title')}</a>
        </p>
      )}
      {rows.length === 0 ? (
        <p>{t('assessment.list.empty')}</p>
      ) : (
        <DataTable
          caption={t('assessment.list.caption', { count: rows.length })}
          columns={[
            t('assessment.field.title'),
            t('assessment.field.proposalType'),
            t('assessment.field.department'),
            t('assessment.field.decisionDate'),
            t('assessment.list.state'),
            t('assessment.list.owner'),
          ]}
          rows={rows}
          cells={(r) => [
            <a href={assessmentHref(r.id)}>{r.title}</a>,
            t(`assessment.type.${r.proposalType}`),
            deptName(r.department, t),
            isoDate(r.decisionDate, lang),
            t(`assessment.state.${r.state}`),
            r.ownerName ?? '',
          ]}
        />
      )}
    </Layout>
  );
}

/** The department's label from planning's messages; its code if planning has no label for it. */
export function deptName(d: string, t: Ctx['t']): string {
  if (!(DEPARTMENTS as readonly string[]).includes(d)) return d;
  try {
    return departmentLabel(d as (typeof DEPARTMENTS)[number], t);
  } catch {
    return d;
  }
}

// ---- the proposal ------------------------------------------------------------------------------

export const emptyProposal = (area: string): ProposalForm => ({
  title: '',
  proposalType: '',
  department: '',
  description: '',
  decision: '',
  decisionDate: '',
  objective: '',
  area,
});

export function ProposalPage(props: {
  ctx: Ctx;
  form: ProposalForm;
  problems: Problems;
  areas: readonly AreaChoice[];
  /** Editing an existing assessment: its id and version. */
  edit?: { id: string; title: string; version: number };
  notice?: string | undefined;
}) {
  const { ctx, form, problems, edit } = props;
  const { t } = ctx;
  const title = edit ? t('assessment.proposal.editTitle') : t('assessment.proposal.newTitle');
  return (
    <FormPage
      ctx={ctx}
      title={title}
      back={
        edit
          ? { href: assessmentHref(edit.id), label: t('assessment.back', { title: edit.title }) }
          : { href: ASSESSMENTS_PATH, label: t('assessment.list.title') }
      }
      lead={
        <>
          <p class="font-lead">{t('assessment.proposal.lead')}</p>
          <Notice ctx={ctx} notice={props.notice} />
        </>
      }
      problems={problems}
      action={edit ? `${assessmentHref(edit.id)}/forslag` : `${ASSESSMENTS_PATH}/ny`}
      area="staff"
      languages={LANGS}
    >
      {edit && <VersionField version={edit.version} />}
      <TextField
        name="title"
        label={t('assessment.field.title')}
        hint={t('assessment.field.titleHint')}
        value={form.title}
        problems={problems}
        t={t}
        width="l"
      />
      <Select
        name="proposalType"
        label={t('assessment.field.proposalType')}
        value={form.proposalType}
        options={[
          { value: '', label: t('assessment.choose') },
          ...PROPOSAL_TYPES.map((p) => ({ value: p, label: t(`assessment.type.${p}`) })),
        ]}
        problems={problems}
        t={t}
      />
      <Select
        name="department"
        label={t('assessment.field.department')}
        value={form.department}
        options={[
          { value: '', label: t('assessment.choose') },
          ...DEPARTMENTS.map((d) => ({ value: d, label: deptName(d, t) })),
        ]}
        problems={problems}
        t={t}
      />
      <TextField
        name="description"
        label={t('assessment.field.description')}
        hint={t('assessment.field.descriptionHint')}
        value={form.description}
        problems={problems}
        t={t}
        multiline
      />
      <TextField
        name="decision"
        label={t('assessment.field.decision')}
        hint={t('assessment.field.decisionHint')}
        value={form.decision}
        problems={problems}
        t={t}
        width="l"
      />
      <TextField
        name="decisionDate"
        label={t('assessment.field.decisionDate')}
        hint={t('assessment.field.dateHint')}
        value={form.decisionDate}
        problems={problems}
        t={t}
        width="s"
      />
      <TextField
        name="objective"
        label={t('assessment.field.objective')}
        hint={t('assessment.field.objectiveHint')}
        value={form.objective}
        problems={problems}
        t={t}
        multiline
      />
      <Select
        name="area"
        label={t('assessment.field.area')}
        hint={t('assessment.field.areaHint')}
        value={form.area}
        options={props.areas.map((a) => ({ value: a.code, label: a.name }))}
        problems={problems}
        t={t}
      />
      <SubmitButton>{edit ? t('assessment.save') : t('assessment.proposal.create')}</SubmitButton>
    </FormPage>
  );
}

// ---- the overview ------------------------------------------------------------------------------

export function OverviewPage(props: {
  ctx: Ctx;
  view: AssessmentView;
  problems: Problems;
  notice?: string | undefined;
  comment?: string;
  reviewNote?: string;
}) {
  const { ctx, view, problems } = props;
  const { t, lang } = ctx;
  const href = assessmentHref(view.id);
  const full = view.screening.status !== 'not_needed';
  const steps: [string, string, boolean][] = [
    [`${href}/forslag`, t('assessment.step.proposal'), true],
    [`${href}/screening`, t('assessment.step.screening'), view.screening.status !== 'incomplete'],
    ...(full
      ? ([
          [`${href}/afgraensning`, t('assessment.step.scope'), view.groups.length > 0],
          [`${href}/vurdering`, t('assessment.step.matrix'), view.cells.length > 0],
        ] as [string, string, boolean][])
      : []),
    [
      `${href}/handlinger`,
      t('assessment.step.actions'),
      view.actions.length > 0 || view.indicators.length > 0 || view.conclusion !== '',
    ],
    [`${href}/rapport`, t('assessment.step.report'), view.state === 'final'],
  ];
  const title = view.title;
  return (
    <UnderList ctx={ctx} title={title} problems={problems}>
      <p class="font-lead">
        {t('assessment.overview.lead', {
          type: t(`assessment.type.${view.proposalType}`),
          department: deptName(view.department, t),
          state: t(`assessment.state.${view.state}`),
        })}
      </p>
      <Notice ctx={ctx} notice={props.notice} />
      <ErrorSummary problems={problems} t={t} />
      {view.reviewDue && (
        <div class="alert alert-warning" role="status">
          <div class="alert-body">
            <p class="alert-text">
              {t('assessment.review.due', { date: isoDate(view.reviewDate!, lang) })}
            </p>
          </div>
        </div>
      )}

      <h2>{t('assessment.overview.steps')}</h2>
      <ol>
        {steps.map(([h, label, done]) => (
          <li>
            <a href={h}>{label}</a> ({done ? t('assessment.step.done') : t('assessment.step.todo')})
          </li>
        ))}
      </ol>

      <h2>{t('assessment.overview.proposal')}</h2>
      <dl class="lighed-summary">
        <dt>{t('assessment.field.decision')}</dt>
        <dd>{view.decision}</dd>
        <dt>{t('assessment.field.decisionDate')}</dt>
        <dd>{isoDate(view.decisionDate, lang)}</dd>
        <dt>{t('assessment.list.owner')}</dt>
        <dd>{view.ownerName ?? '–'}</dd>
        {view.description && (
          <>
            <dt>{t('assessment.field.description')}</dt>
            <dd>{view.description}</dd>
          </>
        )}
      </dl>

      <ScreeningResult ctx={ctx} view={view} heading={t('assessment.step.screening')} />

      {full && view.groups.length > 0 && view.layers.length > 0 && (
        <>
          <h2>{t('assessment.step.matrix')}</h2>
          <MatrixTable ctx={ctx} view={view} />
          {view.unmitigated.length > 0 && (
            <p>
              {t('assessment.overview.unmitigated', {
                groups: view.unmitigated.map((g) => groupLabel(view, g, lang)).join(', '),
              })}
            </p>
          )}
        </>
      )}

      <h2 id="state">{t('assessment.state.heading')}</h2>
      <p>{t('assessment.state.current', { state: t(`assessment.state.${view.state}`) })}</p>
      {view.notReady.length > 0 && (
        <>
          <p>{t('assessment.state.notReadyLead')}</p>
          <ul>
            {view.notReady.map((n) => (
              <li>{t(`assessment.notReady.${n}`)}</li>
            ))}
          </ul>
        </>
      )}
      <VersionedForm ctx={ctx} action={`${href}/status`} version={view.version} novalidate>
        <Select
          name="state"
          label={t('assessment.state.change')}
          value=""
          options={movesFrom(view.state).map((s) => ({
            value: s,
            label: t(`assessment.state.to.${s}`),
          }))}
          problems={problems}
          t={t}
        />
        <button type="submit" class="button button-secondary">
          {t('assessment.state.submit')}
        </button>
      </VersionedForm>

      {view.state === 'final' && view.reviewDate && (
        <>
          <h2>{t('assessment.review.heading')}</h2>
          {view.reviewedAt ? (
            <p>
              {t('assessment.review.done', { date: dateText(view.reviewedAt, lang) })}{' '}
              {view.reviewNote}
            </p>
          ) : (
            <VersionedForm
              ctx={ctx}
              action={`${href}/opfoelgning`}
              version={view.version}
              novalidate
            >
              <p>{t('assessment.review.planned', { date: isoDate(view.reviewDate, lang) })}</p>
              <TextField
                name="reviewNote"
                label={t('assessment.review.note')}
                hint={t('assessment.review.noteHint')}
                value={props.reviewNote ?? ''}
                problems={problems}
                t={t}
                multiline
              />
              <button type="submit" class="button button-secondary">
                {t('assessment.review.submit')}
              </button>
            </VersionedForm>
          )}
        </>
      )}

      <h2 id="comments">{t('assessment.comments.heading')}</h2>
      {view.comments.length === 0 ? (
        <p>{t('assessment.comments.none')}</p>
      ) : (
        <ul class="nobullet-list">
          {view.comments.map((c) => (
            <li>
              <p>
                <strong>{c.authorName}</strong>, {dateText(c.at, lang)}
              </p>
              <blockquote>{c.body}</blockquote>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${href}/kommentar`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="comment"
          label={t('assessment.comments.new')}
          value={props.comment ?? ''}
          problems={problems}
          t={t}
          multiline
        />
        <button type="submit" class="button button-secondary">
          {t('assessment.comments.submit')}
        </button>
      </form>

      <h2>{t('assessment.history.heading')}</h2>
      <DataTable
        caption={t('assessment.history.caption')}
        hiddenCaption
        columns={[
          t('assessment.history.when'),
          t('assessment.history.who'),
          t('assessment.history.what'),
        ]}
        rows={view.history}
        cells={(h) => [
          `${dateText(h.at, lang)} ${h.at.toLocaleTimeString(lang === 'da' ? 'da-DK' : 'en-GB', {
            hour: '2-digit',
            minute: '2-digit',
            timeZone: 'Europe/Copenhagen',
          })}`,
          h.actorName,
          historyText(h.what, h.detail, ctx),
        ]}
      />
    </UnderList>
  );
}

const HISTORY_WITH_DETAIL = new Set([
  'state',
  'screening',
  'action_mitigate',
  'action_amplify',
  'intervention',
]);

function historyText(what: string, detail: string, ctx: Ctx): string {
  const { t } = ctx;
  const known = [
    'created',
    'proposal',
    'screening',
    'scope',
    'matrix',
    'action_mitigate',
    'action_amplify',
    'action_removed',
    'intervention',
    'indicator_added',
    'indicator_removed',
    'goal',
    'conclusion',
    'comment',
    'state',
    'review',
  ];
  if (!known.includes(what)) return what;
  const label = t(`assessment.history.${what}`);
  if (!HISTORY_WITH_DETAIL.has(what) || !detail) return label;
  if (what === 'state') return `${label}: ${t(`assessment.state.${detail}`)}`;
  if (what === 'screening')
    return `${label}: ${t(detail === 'full' ? 'assessment.screening.full' : 'assessment.screening.notNeeded')}`;
  return `${label}: ${detail}`;
}

function MatrixTable({ ctx, view }: { ctx: Ctx; view: AssessmentView }) {
  const { t, lang } = ctx;
  return (
    <div class="lighed-table-scroll" tabIndex={0} role="region" aria-labelledby="matrix-caption">
      <table class="table table--zebra">
        <caption id="matrix-caption">{t('assessment.report.matrixCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessment.matrix.group')}</th>
            {view.layers.map((l) => (
              <th scope="col">{t(`assessment.layer.${l}`)}</th>
            ))}
            <th scope="col">{t('assessment.matrix.overall')}</th>
          </tr>
        </thead>
        <tbody>
          {view.summary.map((s) => (
            <tr>
              <th scope="row">{groupLabel(view, s.group, lang)}</th>
              {view.layers.map((l) => (
                <td>{cellText(view, s.group, l, t)}</td>
              ))}
              <td>{t(`assessment.impact.${s.overall}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---- screening ---------------------------------------------------------------------------------

/** What the screening concluded and why: on the overview and below the screening's form. */
function ScreeningResult({
  ctx,
  view,
  heading,
}: {
  ctx: Ctx;
  view: AssessmentView;
  heading: string;
}) {
  return (
    <>
      <h2>{heading}</h2>
      <p>{screeningSentence(view, ctx.t)}</p>
      <ul>
        {screeningReasons(view, ctx.t, ctx.lang).map((r) => (
          <li>{r}</li>
        ))}
      </ul>
    </>
  );
}

export function ScreeningPage(props: {
  ctx: Ctx;
  view: AssessmentView;
  answers: Record<string, string>;
  problems: Problems;
  notice?: string | undefined;
}) {
  const { ctx, view, problems } = props;
  const { t, lang } = ctx;
  return (
    <Frame
      ctx={ctx}
      view={view}
      title={t('assessment.step.screening')}
      problems={problems}
      notice={props.notice}
    >
      <p>{t('assessment.screening.lead')}</p>
      <VersionedForm
        ctx={ctx}
        action={`${assessmentHref(view.id)}/screening`}
        version={view.version}
        novalidate
      >
        {view.template.questions.map((q) => {
          const name = `s_${q.key}`;
          const id = fieldId(name);
          const problem = problems.find((p) => p.path === name);
          return (
            <Field id={id} label={textIn(q.text, lang)} problem={problem} t={t} fieldset>
              <ul class="nobullet-list lighed-inline-options" id={id}>
                {ANSWERS.map((a) => (
                  <li class="form-group-radio">
                    <input
                      class="form-radio"
                      type="radio"
                      id={`${id}-${a}`}
                      name={name}
                      value={a}
                      checked={props.answers[q.key] === a}
                    />
                    <label for={`${id}-${a}`}>{t(`assessment.answer.${a}`)}</label>
                  </li>
                ))}
              </ul>
            </Field>
          );
        })}
        <SubmitButton>{t('assessment.screening.submit')}</SubmitButton>
      </VersionedForm>
      {view.screening.status !== 'incomplete' && (
        <ScreeningResult ctx={ctx} view={view} heading={t('assessment.screening.result')} />
      )}
    </Frame>
  );
}

// ---- scope -------------------------------------------------------------------------------------

export function ScopePage(props: {
  ctx: Ctx;
  view: AssessmentView;
  groups: readonly string[];
  layers: readonly string[];
  problems: Problems;
  notice?: string | undefined;
}) {
  const { ctx, view, problems } = props;
  const { t, lang } = ctx;
  return (
    <Frame
      ctx={ctx}
      view={view}
      title={t('assessment.step.scope')}
      problems={problems}
      notice={props.notice}
    >
      <p>{t('assessment.scope.lead')}</p>
      <VersionedForm
        ctx={ctx}
        action={`${assessmentHref(view.id)}/afgraensning`}
        version={view.version}
        novalidate
      >
        <Checkboxes
          name="groups"
          label={t('assessment.scope.groups')}
          hint={t('assessment.scope.groupsHint')}
          values={props.groups}
          options={view.template.groups.map((g) => ({
            value: g.key,
            label: textIn(g.label, lang),
          }))}
          problems={problems}
          t={t}
        />
        <Checkboxes
          name="layers"
          label={t('assessment.scope.layers')}
          hint={t('assessment.scope.layersHint')}
          values={props.layers}
          options={LAYERS.map((l) => ({
            value: l,
            label: `${t(`assessment.layer.${l}`)}: ${t(`assessment.layerHint.${l}`)}`,
          }))}
          problems={problems}
          t={t}
        />
        <SubmitButton>{t('assessment.save')}</SubmitButton>
      </VersionedForm>
    </Frame>
  );
}

// ---- the matrix --------------------------------------------------------------------------------

export function cellFormsOf(view: AssessmentView): CellForm[] {
  return view.groups.flatMap((group) =>
    view.layers.map((layer) => {
      const c = view.cells.find((x) => x.group === group && x.layer === layer);
      return {
        group,
        layer,
        impact: c?.impact ?? '',
        evidence: c?.evidence ?? '',
        confidence: c?.confidence ?? '',
      };
    }),
  );
}

/** Figures hidden by the small-cell rule: the finder's skipped ones and hidden series cells. */
export const hiddenOf = (g: GroupFigures) =>
  g.hidden + g.series.reduce((n, sf) => n + sf.rows.filter((r) => r.suppressed).length, 0);

export function GroupFiguresTable({
  ctx,
  g,
  view,
}: {
  ctx: Ctx;
  g: GroupFigures;
  view: AssessmentView;
}) {
  const { t, lang } = ctx;
  const label = groupLabel(view, g.group, lang);
  return (
    <>
      {g.gaps.length === 0 ? (
        <p>{t('assessment.figures.noGaps')}</p>
      ) : (
        <DataTable
          caption={t('assessment.figures.caption', { group: label, year: g.year ?? 0 })}
          columns={[
            t('assessment.figures.indicator'),
            t('assessment.figures.group'),
            t('assessment.figures.groupValue'),
            t('assessment.figures.best'),
            t('assessment.figures.gap'),
          ]}
          rows={g.gaps}
          cells={(p) => [
            textIn(p.indicatorLabel, lang),
            textIn(p.groupLabel, lang),
            percentText(p.groupEstimate, p.groupLower, p.groupUpper, lang, t),
            `${textIn(p.bestGroupLabel, lang)}: ${percentText(p.bestEstimate, p.bestLower, p.bestUpper, lang, t)}`,
            t('assessment.figures.points', { gap: numberText(p.gap, lang) }),
          ]}
        />
      )}
      {g.series.map((sf) => (
        <DataTable
          caption={t('assessment.figures.seriesCaption', {
            indicator: textIn(sf.indicator.label, lang),
            dimension: textIn(g.dimension.label, lang),
            year: sf.year ?? 0,
          })}
          columns={[t('assessment.figures.group'), t('assessment.figures.groupValue')]}
          rows={sf.rows}
          cells={(r) => [
            r.labels ? textIn(r.labels, lang) : t('assessment.figures.everyone'),
            r.suppressed ? SUPPRESSED_TEXT[lang] : percentText(r.value, r.lo, r.hi, lang, t),
          ]}
        />
      ))}
      {hiddenOf(g) > 0 && <p>{t('assessment.figures.hiddenCount', { count: hiddenOf(g) })}</p>}
      {g.crude && <p class="lighed-muted">{t('assessment.figures.crude')}</p>}
    </>
  );
}

export function MatrixPage(props: {
  ctx: Ctx;
  view: AssessmentView;
  figures: Figures;
  cells: readonly CellForm[];
  problems: Problems;
  notice?: string | undefined;
}) {
  const { ctx, view, figures, problems } = props;
  const { t, lang } = ctx;
  const href = assessmentHref(view.id);
  return (
    <Frame
      ctx={ctx}
      view={view}
      title={t('assessment.step.matrix')}
      problems={problems}
      notice={props.notice}
    >
      {view.groups.length === 0 || view.layers.length === 0 ? (
        <p>
          <a href={`${href}/afgraensning`}>{t('assessment.matrix.scopeFirst')}</a>
        </p>
      ) : (
        <>
          <p>{t('assessment.matrix.lead')}</p>
          {figures.hasData ? (
            <p>{t('assessment.figures.lead', { area: figures.areaName })}</p>
          ) : (
            <p>{t('assessment.figures.noData')}</p>
          )}
          <VersionedForm ctx={ctx} action={`${href}/vurdering`} version={view.version} novalidate>
            {view.groups.map((group) => {
              const g = figures.groups.find((x) => x.group === group);
              return (
                <section aria-labelledby={`grp-${group}`}>
                  <h2 id={`grp-${group}`}>{groupLabel(view, group, lang)}</h2>
                  {g ? (
                    <>
                      <h3>
                        {t('assessment.figures.heading', {
                          dimension: textIn(g.dimension.label, lang),
                        })}
                      </h3>
                      <GroupFiguresTable ctx={ctx} g={g} view={view} />
                    </>
                  ) : (
                    <p class="lighed-muted">{t('assessment.figures.notInMonitor')}</p>
                  )}
                  {view.layers.map((layer) => {
                    const f = props.cells.find((c) => c.group === group && c.layer === layer) ?? {
                      group,
                      layer,
                      impact: '',
                      evidence: '',
                      confidence: '',
                    };
                    return (
                      <fieldset class="lighed-cell">
                        <legend class="h4">
                          {t(`assessment.layer.${layer}`)}
                          <span class="sr-only">, {groupLabel(view, group, lang)}</span>
                        </legend>
                        <Select
                          name={cellField(group, layer, 'impact')}
                          label={t('assessment.matrix.impact')}
                          value={f.impact}
                          options={[
                            { value: '', label: t('assessment.impact.none') },
                            ...IMPACTS.map((i) => ({
                              value: i,
                              label: t(`assessment.impact.${i}`),
                            })),
                          ]}
                          problems={problems}
                          t={t}
                        />
                        <Select
                          name={cellField(group, layer, 'confidence')}
                          label={t('assessment.matrix.confidence')}
                          value={f.confidence}
                          options={[
                            { value: '', label: t('assessment.choose') },
                            ...CONFIDENCES.map((c) => ({
                              value: c,
                              label: t(`assessment.confidence.${c}`),
                            })),
                          ]}
                          problems={problems}
                          t={t}
                        />
                        <TextField
                          name={cellField(group, layer, 'evidence')}
                          label={t('assessment.matrix.evidence')}
                          hint={t('assessment.matrix.evidenceHint')}
                          value={f.evidence}
                          problems={problems}
                          t={t}
                          multiline
                        />
                      </fieldset>
                    );
                  })}
                </section>
              );
            })}
            <SubmitButton>{t('assessment.save')}</SubmitButton>
          </VersionedForm>
        </>
      )}
    </Frame>
  );
}

// ---- actions, monitoring, conclusion -----------------------------------------------------------

export interface ActionForms {
  action: { kind: string; text: string; group: string };
  indicator: { indicator: string; dimension: string; description: string };
  conclusion: { conclusion: string; reviewDate: string };
  /** The goal form of one indicator, as typed. */
  goal?: { id: string; targetValue: string; targetYear: string };
}

export const emptyActionForms = (view: AssessmentView): ActionForms => ({
  action: { kind: 'mitigate', text: '', group: '' },
  indicator: { indicator: '', dimension: '', description: '' },
  conclusion: { conclusion: view.conclusion, reviewDate: view.reviewDate ?? '' },
});

export function ActionsPage(props: {
  ctx: Ctx;
  view: AssessmentView;
  figures: Figures;
  forms: ActionForms;
  problems: Problems;
  notice?: string | undefined;
  canMakeIntervention: boolean;
  canMakeGoal: boolean;
}) {
  const { ctx, view, figures, forms, problems } = props;
  const { t, lang } = ctx;
  const href = assessmentHref(view.id);
  const groupOptions = [
    { value: '', label: t('assessment.actions.everyone') },
    ...view.groups.map((g) => ({ value: g, label: groupLabel(view, g, lang) })),
  ];
  return (
    <Frame
      ctx={ctx}
      view={view}
      title={t('assessment.step.actions')}
      problems={problems}
      notice={props.notice}
    >
      <p>{t('assessment.actions.lead')}</p>
      {view.unmitigated.length > 0 && (
        <div class="alert alert-info">
          <div class="alert-body">
            <p class="alert-text">
              {t('assessment.overview.unmitigated', {
                groups: view.unmitigated.map((g) => groupLabel(view, g, lang)).join(', '),
              })}
            </p>
          </div>
        </div>
      )}
      <h2>{t('assessment.actions.heading')}</h2>
      {view.actions.length === 0 ? (
        <p>{t('assessment.actions.none')}</p>
      ) : (
        <DataTable
          caption={t('assessment.actions.caption')}
          hiddenCaption
          columns={[
            t('assessment.actions.kind'),
            t('assessment.actions.group'),
            t('assessment.actions.text'),
            t('assessment.actions.intervention'),
            t('assessment.actions.remove'),
          ]}
          rows={view.actions}
          cells={(a) => [
            t(`assessment.actions.${a.kind}`),
            a.group ? groupLabel(view, a.group, lang) : t('assessment.actions.everyone'),
            a.text,
            a.interventionId ? (
              <a href={`${INTERVENTIONS_PATH}/${a.interventionId}`}>
                {t('assessment.actions.isIntervention')}
              </a>
            ) : props.canMakeIntervention ? (
              <VersionedForm
                ctx={ctx}
                action={`${href}/handlinger/${a.id}/indsats`}
                version={view.version}
              >
                <button
                  type="submit"
                  class="button button-secondary"
                  aria-label={`${t('assessment.actions.makeIntervention')}: ${a.text.slice(0, 60)}`}
                >
                  {t('assessment.actions.makeIntervention')}
                </button>
              </VersionedForm>
            ) : (
              '–'
            ),
            <VersionedForm
              ctx={ctx}
              action={`${href}/handlinger/${a.id}/slet`}
              version={view.version}
            >
              <button
                type="submit"
                class="button button-tertiary"
                aria-label={`${t('assessment.actions.remove')}: ${a.text.slice(0, 60)}`}
              >
                {t('assessment.actions.remove')}
              </button>
            </VersionedForm>,
          ]}
        />
      )}
      <VersionedForm ctx={ctx} action={`${href}/handlinger`} version={view.version} novalidate>
        <h3>{t('assessment.actions.new')}</h3>
        <Select
          name="actionKind"
          label={t('assessment.actions.kind')}
          value={forms.action.kind}
          options={[
            { value: 'mitigate', label: t('assessment.actions.mitigate') },
            { value: 'amplify', label: t('assessment.actions.amplify') },
          ]}
          problems={problems}
          t={t}
        />
        <Select
          name="actionGroup"
          label={t('assessment.actions.group')}
          value={forms.action.group}
          options={groupOptions}
          problems={problems}
          t={t}
        />
        <TextField
          name="actionText"
          label={t('assessment.actions.text')}
          hint={t('assessment.actions.textHint')}
          value={forms.action.text}
          problems={problems}
          t={t}
          multiline
        />
        <button type="submit" class="button button-secondary">
          {t('assessment.actions.add')}
        </button>
      </VersionedForm>

      <h2>{t('assessment.indicators.heading')}</h2>
      <p>{t('assessment.indicators.lead')}</p>
      {view.indicators.length === 0 ? (
        <p>{t('assessment.indicators.none')}</p>
      ) : (
        <ul>
          {view.indicators.map((i) => {
            const f = figures.indicators.find((x) => x.id === i.id);
            const info = figures.indicatorChoices.find((x) => x.key === i.indicator);
            return (
              <li>
                <p>
                  <strong>{info ? textIn(info.label, lang) : i.description}</strong>
                  {info && i.description && `: ${i.description}`}
                  {i.goalId && ` (${t('assessment.indicators.isGoal')})`}
                </p>
                {f && f.rows.length > 0 && (
                  <DataTable
                    caption={t('assessment.indicators.caption', {
                      indicator: textIn(f.indicator.label, lang),
                      year: f.year ?? 0,
                    })}
                    columns={[t('assessment.figures.group'), t('assessment.figures.groupValue')]}
                    rows={f.rows}
                    cells={(r) => [
                      r.labels ? textIn(r.labels, lang) : t('assessment.figures.everyone'),
                      r.suppressed
                        ? SUPPRESSED_TEXT[lang]
                        : percentText(r.value, r.lo, r.hi, lang, t),
                    ]}
                  />
                )}
                {!i.goalId && i.indicator && props.canMakeGoal && (
                  <VersionedForm
                    ctx={ctx}
                    action={`${href}/indikatorer/${i.id}/maal`}
                    version={view.version}
                    novalidate
                  >
                    <TextField
                      name={`goal_${i.id}_value`}
                      label={t(
                        i.dimension ? 'assessment.goal.gapValue' : 'assessment.goal.levelValue',
                      )}
                      hint={t('assessment.goal.valueHint')}
                      value={forms.goal?.id === i.id ? forms.goal.targetValue : ''}
                      problems={problems}
                      t={t}
                      width="xs"
                    />
                    <TextField
                      name={`goal_${i.id}_year`}
                      label={t('assessment.goal.year')}
                      value={forms.goal?.id === i.id ? forms.goal.targetYear : ''}
                      problems={problems}
                      t={t}
                      width="xs"
                      inputmode="numeric"
                    />
                    <button type="submit" class="button button-secondary">
                      {t('assessment.goal.make')}
                      <span class="sr-only">: {info ? textIn(info.label, lang) : ''}</span>
                    </button>
                  </VersionedForm>
                )}
                <VersionedForm
                  ctx={ctx}
                  action={`${href}/indikatorer/${i.id}/slet`}
                  version={view.version}
                >
                  <button type="submit" class="button button-tertiary">
                    {t('assessment.indicators.remove')}
                    <span class="sr-only">: {info ? textIn(info.label, lang) : i.description}</span>
                  </button>
                </VersionedForm>
              </li>
            );
          })}
        </ul>
      )}
      <VersionedForm ctx={ctx} action={`${href}/indikatorer`} version={view.version} novalidate>
        <h3>{t('assessment.indicators.new')}</h3>
        <Select
          name="indicator"
          label={t('assessment.indicators.indicator')}
          value={forms.indicator.indicator}
          options={[
            { value: '', label: t('assessment.indicators.ownWords') },
            ...figures.indicatorChoices.map((i) => ({
              value: i.key,
              label: textIn(i.label, lang),
            })),
          ]}
          problems={problems}
          t={t}
        />
        <Select
          name="indicatorDimension"
          label={t('assessment.indicators.dimension')}
          value={forms.indicator.dimension}
          options={[
            { value: '', label: t('assessment.indicators.noDimension') },
            ...figures.dimensionChoices.map((d) => ({
              value: d.key,
              label: textIn(d.label, lang),
            })),
          ]}
          problems={problems}
          t={t}
        />
        <TextField
          name="indicatorDescription"
          label={t('assessment.indicators.description')}
          hint={t('assessment.indicators.descriptionHint')}
          value={forms.indicator.description}
          problems={problems}
          t={t}
          width="l"
        />
        <button type="submit" class="button button-secondary">
          {t('assessment.indicators.add')}
        </button>
      </VersionedForm>

      <h2>{t('assessment.conclusion.heading')}</h2>
      <VersionedForm ctx={ctx} action={`${href}/konklusion`} version={view.version} novalidate>
        <TextField
          name="conclusion"
          label={t('assessment.conclusion.text')}
          hint={t('assessment.conclusion.hint')}
          value={forms.conclusion.conclusion}
          problems={problems}
          t={t}
          multiline
        />
        <TextField
          name="reviewDate"
          label={t('assessment.conclusion.reviewDate')}
          hint={t('assessment.conclusion.reviewHint', {
            from: isoDate(view.reviewWindow.from, lang),
            to: isoDate(view.reviewWindow.to, lang),
          })}
          value={forms.conclusion.reviewDate}
          problems={problems}
          t={t}
          width="s"
        />
        <SubmitButton>{t('assessment.save')}</SubmitButton>
      </VersionedForm>
    </Frame>
  );
}

// ---- the report --------------------------------------------------------------------------------

export function ReportPage(props: {
  ctx: Ctx;
  view: AssessmentView;
  blocks: readonly DocBlock[];
  pdf: boolean;
}) {
  const { ctx, view } = props;
  const { t } = ctx;
  const href = assessmentHref(view.id);
  return (
    <Frame ctx={ctx} view={view} title={reportTitle(t)} problems={[]}>
      <ul class="nobullet-list">
        {props.pdf && (
          <li>
            <a href={`${href}/rapport.pdf`}>{t('assessment.report.pdf')}</a>
          </li>
        )}
        <li>
          <a href={`${href}/rapport.docx`}>{t('assessment.report.docx')}</a>
        </li>
      </ul>
      <ReportBlocks blocks={props.blocks} />
    </Frame>
  );
}

// ---- the template ------------------------------------------------------------------------------

function TemplateRows(props: {
  ctx: Ctx;
  prefix: 'q' | 'g';
  rows: readonly TemplateRowForm[];
  problems: Problems;
  extra: (r: TemplateRowForm, i: number) => ComponentChildren;
}) {
  const { ctx, prefix, rows, problems } = props;
  const { t } = ctx;
  return (
    <>
      {rows.map((r, i) => (
        <fieldset class="lighed-cell">
          <legend class="h4">
            {r.key
              ? t(prefix === 'q' ? 'assessment.template.question' : 'assessment.template.group', {
                  n: i + 1,
                })
              : t(
                  prefix === 'q'
                    ? 'assessment.template.newQuestion'
                    : 'assessment.template.newGroup',
                )}
          </legend>
          <input type="hidden" name={`${prefix}${i}_key`} value={r.key} />
          <TextField
            name={`${prefix}${i}_da`}
            label={t('assessment.template.da')}
            value={r.da}
            problems={problems}
            t={t}
            width="l"
          />
          <TextField
            name={`${prefix}${i}_en`}
            label={t('assessment.template.en')}
            value={r.en}
            problems={problems}
            t={t}
            width="l"
          />
          {props.extra(r, i)}
          {r.key && (
            <Checkbox
              name={`${prefix}${i}_remove`}
              label={t('assessment.template.remove')}
              checked={r.remove}
              problems={problems}
              t={t}
            />
          )}
        </fieldset>
      ))}
    </>
  );
}

export function TemplatePage(props: {
  ctx: Ctx;
  form: TemplateForm;
  custom: boolean;
  dimensions: readonly { key: string; label: string }[];
  problems: Problems;
  notice?: string | undefined;
}) {
  const { ctx, form, problems } = props;
  const { t } = ctx;
  const blank = (): TemplateRowForm => ({ key: '', da: '', en: '', extra: '', remove: false });
  const questions = [...form.questions];
  const groups = [...form.groups];
  // Two empty rows for new questions and groups, unless the form brought them back already.
  if (!questions.some((r) => !r.key)) questions.push(blank(), blank());
  if (!groups.some((r) => !r.key)) groups.push(blank(), blank());
  const title = t('assessment.template.title');
  return (
    <UnderList ctx={ctx} title={title} problems={problems}>
      <p class="font-lead">
        {props.custom ? t('assessment.template.leadCustom') : t('assessment.template.leadDefault')}
      </p>
      <Notice ctx={ctx} notice={props.notice} />
      <ErrorSummary problems={problems} t={t} />
      <VersionedForm ctx={ctx} action={TEMPLATE_PATH} version={form.version} novalidate>
        <input type="hidden" name="questionRows" value={String(questions.length)} />
        <input type="hidden" name="groupRows" value={String(groups.length)} />
        <h2>{t('assessment.template.questions')}</h2>
        <TemplateRows
          ctx={ctx}
          prefix="q"
          rows={questions}
          problems={problems}
          extra={(r, i) => (
            <Checkbox
              name={`q${i}_extra`}
              label={t('assessment.template.decisive')}
              checked={r.extra === 'ja'}
              problems={problems}
              t={t}
            />
          )}
        />
        <h2>{t('assessment.template.groups')}</h2>
        <TemplateRows
          ctx={ctx}
          prefix="g"
          rows={groups}
          problems={problems}
          extra={(r, i) => (
            <Select
              name={`g${i}_extra`}
              label={t('assessment.template.dimension')}
              value={r.extra}
              options={[
                { value: '', label: t('assessment.template.noDimension') },
                ...props.dimensions.map((d) => ({ value: d.key, label: d.label })),
                ...(r.extra && !props.dimensions.some((d) => d.key === r.extra)
                  ? [{ value: r.extra, label: r.extra }]
                  : []),
              ]}
              problems={problems}
              t={t}
            />
          )}
        />
        <SubmitButton>{t('assessment.save')}</SubmitButton>
      </VersionedForm>
      {props.custom && (
        <VersionedForm ctx={ctx} action={`${TEMPLATE_PATH}/standard`} version={form.version}>
          <button type="submit" class="button button-tertiary">
            {t('assessment.template.reset')}
          </button>
        </VersionedForm>
      )}
    </UnderList>
  );
}
