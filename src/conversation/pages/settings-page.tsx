/**
 * The admin's settings pages for the health conversation: instruments and matching weights,
 * and the frontline teams.
 */
import type { FieldProblem } from '../../platform/errors.ts';
import { ARENAS } from '../../catalog/index.ts';
import type { Team } from '../../staff/index.ts';
import { CsrfField, ErrorSummary, Select, SubmitButton, TextField } from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import type { Instrument } from '../instrument.ts';
import { INSTRUMENTS } from '../instruments/index.ts';
import { INSTRUMENT_SETS, optInInstruments } from '../instruments/sets.ts';
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from '../matching.ts';
import { STAFF_LANGUAGES } from './present.ts';

export const SETTINGS_PATH = '/personale/samtaler/indstillinger';
export const TEAMS_PATH = '/personale/samtaler/teams';

/** A frontline worker as the team form lists them. */
export interface WorkerOption {
  id: string;
  name: string;
  email: string;
  team_id: string | null;
}

function SavedNotice({ text }: { text: string }) {
  return (
    <div class="alert alert-success" role="status">
      <div class="alert-body">
        <p class="alert-text">{text}</p>
      </div>
    </div>
  );
}

export function TeamsPage({
  ctx,
  teams,
  workers,
  problems,
  values,
  saved,
}: {
  ctx: PageContext;
  teams: Team[];
  workers: WorkerOption[];
  problems: FieldProblem[];
  values: Record<string, string>;
  saved: boolean;
}) {
  const { t } = ctx;
  const title = t('conversationSettings.teams');
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
      languages={STAFF_LANGUAGES}
    >
      <p>
        <a href={SETTINGS_PATH} class="lighed-back">
          {t('conversationSettings.title')}
        </a>
      </p>
      <h1>{title}</h1>
      <p class="font-lead">{t('conversationSettings.teamsLead')}</p>
      {saved && <SavedNotice text={t('conversationSettings.saved')} />}
      <ErrorSummary problems={problems} t={t} />
      {teams.length === 0 ? (
        <p>{t('conversationSettings.noTeams')}</p>
      ) : (
        <table class="table table--zebra">
          <thead>
            <tr>
              <th scope="col">{t('conversationSettings.teamName')}</th>
              <th scope="col">{t('conversationSettings.teamArena')}</th>
              <th scope="col">{t('conversationSettings.teamMembers')}</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((team) => (
              <tr>
                <td>{team.name}</td>
                <td>{t(`arena.${team.arena}`)}</td>
                <td>{team.members.map((m) => m.name).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('conversationSettings.assign')}</h2>
      <form method="post" action={`${TEAMS_PATH}/medarbejder`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Select
          name="worker"
          label={t('conversationSettings.worker')}
          value={values.worker ?? ''}
          options={[
            { value: '', label: t('conversationSettings.chooseWorker') },
            ...workers.map((w) => ({ value: w.id, label: `${w.name} (${w.email})` })),
          ]}
          problems={problems}
          t={t}
        />
        <Select
          name="team"
          label={t('conversationSettings.team')}
          value={values.team ?? ''}
          options={[
            { value: '', label: t('conversationSettings.noTeam') },
            ...teams.map((x) => ({ value: x.id, label: x.name })),
          ]}
          problems={problems}
          t={t}
        />
        <SubmitButton>{t('conversationSettings.assignSubmit')}</SubmitButton>
      </form>
      <h2>{t('conversationSettings.newTeam')}</h2>
      <form method="post" action={TEAMS_PATH} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="name"
          label={t('conversationSettings.teamName')}
          value={values.name ?? ''}
          problems={problems}
          t={t}
        />
        <Select
          name="arena"
          label={t('conversationSettings.teamArena')}
          value={values.arena ?? 'job_centre'}
          options={ARENAS.map((a) => ({ value: a, label: t(`arena.${a}`) }))}
          problems={problems}
          t={t}
        />
        <SubmitButton>{t('conversationSettings.createTeam')}</SubmitButton>
      </form>
    </Layout>
  );
}

export function SettingsPage({
  ctx,
  off,
  weights,
  problems,
  saved,
}: {
  ctx: PageContext;
  off: Set<string>;
  weights: Record<string, string>;
  problems: FieldProblem[];
  saved: boolean;
}) {
  const { t, lang } = ctx;
  const title = t('conversationSettings.title');
  // The general set's instruments first; each other set's own (opt-in) ones under its name.
  const optIn = optInInstruments();
  const shared = INSTRUMENTS.filter((i) => !optIn.has(i.id));
  const InstrumentSwitch = ({ i }: { i: Instrument }) => (
    <li class="form-group-checkbox">
      <input
        class="form-checkbox"
        type="checkbox"
        id={`i-${i.id}`}
        name="instrument"
        value={i.id}
        checked={!off.has(i.id)}
        aria-describedby={`i-${i.id}-hint`}
      />
      <label for={`i-${i.id}`}>{lang === 'da' ? i.title.da : i.title.en}</label>
      <span class="form-hint" id={`i-${i.id}-hint`}>
        {t('conversationSettings.source', { source: i.source, version: i.version })}
        {i.licence.checkBeforeShipping ? ` ${t('conversationSettings.checkLicence')}` : ''}
      </span>
    </li>
  );
  return (
    <Layout
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}
      area="staff"
      languages={STAFF_LANGUAGES}
    >
      <h1>{title}</h1>
      {saved && <SavedNotice text={t('conversationSettings.saved')} />}
      <ErrorSummary problems={problems} t={t} />
      <p>
        <a href={TEAMS_PATH}>{t('conversationSettings.teamsLink')}</a>
      </p>
      <h2>{t('conversationSettings.instruments')}</h2>
      <p>{t('conversationSettings.instrumentsLead')}</p>
      <form method="post" action={`${SETTINGS_PATH}/instrumenter`}>
        <CsrfField token={ctx.csrfToken} />
        <fieldset>
          <legend class="sr-only">{t('conversationSettings.instruments')}</legend>
          <ul class="nobullet-list">
            {shared.map((i) => (
              <InstrumentSwitch i={i} />
            ))}
          </ul>
        </fieldset>
        {INSTRUMENT_SETS.slice(1).map((set) => (
          <fieldset>
            <legend class="h3">{lang === 'da' ? set.title.da : set.title.en}</legend>
            <p>{lang === 'da' ? set.purpose.da : set.purpose.en}</p>
            <p>{t('conversationSettings.setLead')}</p>
            <ul class="nobullet-list">
              {INSTRUMENTS.filter((i) => optIn.has(i.id) && set.instruments.includes(i.id)).map(
                (i) => (
                  <InstrumentSwitch i={i} />
                ),
              )}
            </ul>
          </fieldset>
        ))}
        <SubmitButton>{t('conversationSettings.saveInstruments')}</SubmitButton>
      </form>
      <h2>{t('conversationSettings.weights')}</h2>
      <p>{t('conversationSettings.weightsLead')}</p>
      <form method="post" action={`${SETTINGS_PATH}/vaegte`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {Object.keys(DEFAULT_MATCH_WEIGHTS).map((k) => (
          <TextField
            name={k}
            label={t(`conversationSettings.weight.${k}`)}
            hint={t('conversationSettings.default', {
              value: String(DEFAULT_MATCH_WEIGHTS[k as keyof MatchWeights]),
            })}
            value={weights[k] ?? ''}
            inputmode="text"
            width="xs"
            problems={problems}
            t={t}
          />
        ))}
        <SubmitButton>{t('conversationSettings.saveWeights')}</SubmitButton>
      </form>
    </Layout>
  );
}
