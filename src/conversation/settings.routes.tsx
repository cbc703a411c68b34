/**
 * An admin's settings for the health conversation in their municipality: which instruments are
 * asked (new conversations only; one started keeps its own list), and the matching weights.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { audit } from '../platform/audit.store.ts';
import { actorOf, requireRole } from '../web/access.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { sendPage, staffPageContext as pageContext } from '../web/context.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextField } from '../web/form.tsx';
import { Layout, type PageContext } from '../web/layout.tsx';
import {
  disabledInstruments,
  inTeam,
  loadWeightsJson,
  saveWeightsJson,
  setInstrumentsEnabled,
} from './conversation.store.ts';
import { INSTRUMENTS } from './instruments/index.ts';
import { DEFAULT_MATCH_WEIGHTS, MatchWeights } from './matching.ts';
import { parseNumber } from './flow.ts';
import { inTenant } from '../db/db.ts';
import { ARENAS, type Arena } from '../catalog/offer.ts';
import { isUuid } from '../platform/ids.ts';
import {
  assignTeam,
  createTeam,
  frontlineWorkers,
  listTeams,
  type Team,
} from '../staff/team.store.ts';
import { Select } from '../web/form.tsx';
import { STAFF_LANGUAGES } from './pages/present.ts';
import { teamOf } from './access.ts';

type Body = Record<string, unknown>;
const admins = requireRole('admin');
const PATH = '/personale/samtaler/indstillinger';
const TEAMS = '/personale/samtaler/teams';
const WEIGHT_KEYS = Object.keys(DEFAULT_MATCH_WEIGHTS) as (keyof MatchWeights)[];

export const conversationSettingsRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  async function current(req: FastifyRequest) {
    return inTeam(db, teamOf(req), async (tx) => {
      const off = await disabledInstruments(tx);
      const stored = MatchWeights.safeParse((await loadWeightsJson(tx)) ?? {});
      return { off, weights: stored.success ? stored.data : DEFAULT_MATCH_WEIGHTS };
    });
  }

  app.get<{ Querystring: { gemt?: string } }>(PATH, { preHandler: admins }, async (req, reply) => {
    const { off, weights } = await current(req);
    const values = Object.fromEntries(
      WEIGHT_KEYS.map((k) => [k, String(weights[k]).replace('.', ',')]),
    );
    return sendPage(
      reply,
      <SettingsPage
        ctx={pageContext(req, reply)}
        off={off}
        weights={values}
        problems={[]}
        saved={req.query.gemt === 'ja'}
      />,
    );
  });

  app.post<{ Body: Body }>(`${PATH}/instrumenter`, { preHandler: admins }, async (req, reply) => {
    const raw = req.body.instrument;
    const on = new Set(
      (Array.isArray(raw) ? raw : [raw]).filter(
        (x): x is string => typeof x === 'string' && INSTRUMENTS.some((i) => i.id === x),
      ),
    );
    await inTeam(db, teamOf(req), async (tx) => {
      await setInstrumentsEnabled(tx, req.tenant.kommune, on, req.staff!.id);
      await audit(tx, actorOf(req), {
        action: 'update',
        entity: 'instrument_setting',
        entityId: req.tenant.kommune,
        summary: `${on.size} of ${INSTRUMENTS.length} instruments on`,
      });
    });
    return reply.redirect(`${PATH}?gemt=ja`, 303);
  });

  app.post<{ Body: Body }>(`${PATH}/vaegte`, { preHandler: admins }, async (req, reply) => {
    const values = Object.fromEntries(
      WEIGHT_KEYS.map((k) => [k, typeof req.body[k] === 'string' ? req.body[k].trim() : '']),
    );
    const problems: FieldProblem[] = [];
    const numbers: Record<string, number> = {};
    for (const k of WEIGHT_KEYS) {
      const n = parseNumber(values[k] ?? '');
      if (n === null || n < 0 || n > 10)
        problems.push({ path: k, message: 'conversationSettings.error.weight' });
      else numbers[k] = n;
    }
    const parsed = problems.length ? null : MatchWeights.safeParse(numbers);
    if (parsed && !parsed.success)
      problems.push({ path: 'priority', message: 'conversationSettings.error.priority' });
    if (!parsed?.success) {
      const { off } = await current(req);
      return sendPage(
        reply,
        <SettingsPage
          ctx={pageContext(req, reply)}
          off={off}
          weights={values}
          problems={problems}
          saved={false}
        />,
        { status: 400 },
      );
    }
    await inTeam(db, teamOf(req), async (tx) => {
      await saveWeightsJson(tx, req.tenant.kommune, parsed.data, req.staff!.id);
      await audit(tx, actorOf(req), {
        action: 'update',
        entity: 'matching_setting',
        entityId: req.tenant.kommune,
        summary: 'matching weights saved',
      });
    });
    return reply.redirect(`${PATH}?gemt=ja`, 303);
  });

  // ---- teams ----------------------------------------------------------------------------------

  async function teamPage(
    req: FastifyRequest,
    reply: FastifyReply,
    problems: FieldProblem[],
    values: Record<string, string>,
    status = 200,
  ) {
    const { teams, workers } = await inTenant(db, req.tenant.kommune, async (tx) => ({
      teams: await listTeams(tx),
      workers: await frontlineWorkers(tx),
    }));
    const saved = (req.query as { gemt?: string }).gemt === 'ja';
    return sendPage(
      reply,
      <TeamsPage
        ctx={pageContext(req, reply)}
        teams={teams}
        workers={workers}
        problems={problems}
        values={values}
        saved={saved}
      />,
      { status },
    );
  }

  app.get(TEAMS, { preHandler: admins }, async (req, reply) => teamPage(req, reply, [], {}));

  app.post<{ Body: Body }>(TEAMS, { preHandler: admins }, async (req, reply) => {
    const name = typeof req.body.name === 'string' ? req.body.name.trim().slice(0, 200) : '';
    const arena = typeof req.body.arena === 'string' ? req.body.arena : '';
    const problems: FieldProblem[] = [];
    if (name.length < 2)
      problems.push({ path: 'name', message: 'conversationSettings.error.teamName' });
    if (!(ARENAS as readonly string[]).includes(arena))
      problems.push({ path: 'arena', message: 'conversation.error.option' });
    if (problems.length === 0) {
      const id = await inTenant(db, req.tenant.kommune, async (tx) => {
        const id = await createTeam(tx, req.tenant.kommune, name, arena as Arena);
        if (id)
          await audit(tx, actorOf(req), {
            action: 'create',
            entity: 'team',
            entityId: id,
            summary: 'team created',
          });
        return id;
      });
      if (id) return reply.redirect(`${TEAMS}?gemt=ja`, 303);
      problems.push({ path: 'name', message: 'conversationSettings.error.teamExists' });
    }
    return teamPage(req, reply, problems, { name, arena }, 400);
  });

  app.post<{ Body: Body }>(`${TEAMS}/medarbejder`, { preHandler: admins }, async (req, reply) => {
    const worker = typeof req.body.worker === 'string' ? req.body.worker : '';
    const team = typeof req.body.team === 'string' ? req.body.team : '';
    const ok =
      isUuid(worker) &&
      (team === '' || isUuid(team)) &&
      (await inTenant(db, req.tenant.kommune, async (tx) => {
        if (team && (await tx.query('select 1 from team where id = $1', [team])).length === 0)
          return false;
        const done = await assignTeam(tx, worker, team || null);
        if (done)
          await audit(tx, actorOf(req), {
            action: 'update',
            entity: 'staff_user',
            entityId: worker,
            summary: team ? `moved to team ${team}` : 'taken out of its team',
          });
        return done;
      }));
    if (ok) return reply.redirect(`${TEAMS}?gemt=ja`, 303);
    return teamPage(
      req,
      reply,
      [{ path: 'worker', message: 'conversation.error.option' }],
      { worker, team },
      400,
    );
  });
};

function SavedNotice({ text }: { text: string }) {
  return (
    <div class="alert alert-success" role="status">
      <div class="alert-body">
        <p class="alert-text">{text}</p>
      </div>
    </div>
  );
}

function TeamsPage({
  ctx,
  teams,
  workers,
  problems,
  values,
  saved,
}: {
  ctx: PageContext;
  teams: Team[];
  workers: { id: string; name: string; email: string; team_id: string | null }[];
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
        <a href={PATH} class="lighed-back">
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
      <form method="post" action={`${TEAMS}/medarbejder`} novalidate>
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
      <form method="post" action={TEAMS} novalidate>
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

function SettingsPage({
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
        <a href={TEAMS}>{t('conversationSettings.teamsLink')}</a>
      </p>
      <h2>{t('conversationSettings.instruments')}</h2>
      <p>{t('conversationSettings.instrumentsLead')}</p>
      <form method="post" action={`${PATH}/instrumenter`}>
        <CsrfField token={ctx.csrfToken} />
        <fieldset>
          <legend class="sr-only">{t('conversationSettings.instruments')}</legend>
          <ul class="nobullet-list">
            {INSTRUMENTS.map((i) => (
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
                  {i.licence.checkBeforeShipping
                    ? ` ${t('conversationSettings.checkLicence')}`
                    : ''}
                </span>
              </li>
            ))}
          </ul>
        </fieldset>
        <SubmitButton>{t('conversationSettings.saveInstruments')}</SubmitButton>
      </form>
      <h2>{t('conversationSettings.weights')}</h2>
      <p>{t('conversationSettings.weightsLead')}</p>
      <form method="post" action={`${PATH}/vaegte`} novalidate>
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
