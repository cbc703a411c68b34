/**
 * An admin's settings for the health conversation in their municipality: which instruments are
 * asked (new conversations only; one started keeps its own list), and the matching weights.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../app.ts';
import { audit } from '../audit/audit.store.ts';
import { actorOf, requireRole } from '../staff/auth.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { CsrfField, ErrorSummary, SubmitButton, TextField } from '../web/form.tsx';
import { Layout, type PageContext } from '../web/layout.tsx';
import { disabledInstruments, inTeam, loadWeightsJson, saveWeightsJson, setInstrumentsEnabled } from './conversation.store.ts';
import { INSTRUMENTS } from './instruments/index.ts';
import { DEFAULT_MATCH_WEIGHTS, MatchWeights } from './matching.ts';
import { parseNumber } from './flow.ts';
import { STAFF_LANGUAGES } from './pages/present.ts';

type Body = Record<string, unknown>;
const admins = requireRole('admin');
const PATH = '/personale/samtaler/indstillinger';
const WEIGHT_KEYS = Object.keys(DEFAULT_MATCH_WEIGHTS) as (keyof MatchWeights)[];

export const conversationSettingsRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  const staffOf = (req: { staff: { id: string; role: string; team_id: string | null } | null; tenant: { kommune: string } }) => ({
    id: req.staff!.id, kommune: req.tenant.kommune, role: req.staff!.role, team_id: req.staff!.team_id,
  });

  async function current(req: Parameters<typeof staffOf>[0]) {
    return inTeam(db, staffOf(req), async (tx) => {
      const off = await disabledInstruments(tx);
      const stored = MatchWeights.safeParse((await loadWeightsJson(tx)) ?? {});
      return { off, weights: stored.success ? stored.data : DEFAULT_MATCH_WEIGHTS };
    });
  }

  app.get<{ Querystring: { gemt?: string } }>(PATH, { preHandler: admins }, async (req, reply) => {
    const { off, weights } = await current(req);
    const values = Object.fromEntries(WEIGHT_KEYS.map((k) => [k, String(weights[k]).replace('.', ',')]));
    return sendPage(reply, <SettingsPage ctx={pageContext(req, reply)} off={off} weights={values} problems={[]} saved={req.query.gemt === 'ja'} />);
  });

  app.post<{ Body: Body }>(`${PATH}/instrumenter`, { preHandler: admins }, async (req, reply) => {
    const raw = req.body.instrument;
    const on = new Set((Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string' && INSTRUMENTS.some((i) => i.id === x)));
    await inTeam(db, staffOf(req), async (tx) => {
      await setInstrumentsEnabled(tx, req.tenant.kommune, on, req.staff!.id);
      await audit(tx, actorOf(req), { action: 'update', entity: 'instrument_setting', entityId: req.tenant.kommune, summary: `${on.size} of ${INSTRUMENTS.length} instruments on` });
    });
    return reply.redirect(`${PATH}?gemt=ja`, 303);
  });

  app.post<{ Body: Body }>(`${PATH}/vaegte`, { preHandler: admins }, async (req, reply) => {
    const values = Object.fromEntries(WEIGHT_KEYS.map((k) => [k, typeof req.body[k] === 'string' ? req.body[k].trim() : '']));
    const problems: FieldProblem[] = [];
    const numbers: Record<string, number> = {};
    for (const k of WEIGHT_KEYS) {
      const n = parseNumber(values[k] ?? '');
      if (n === null || n < 0 || n > 10) problems.push({ path: k, message: 'conversationSettings.error.weight' });
      else numbers[k] = n;
    }
    const parsed = problems.length ? null : MatchWeights.safeParse(numbers);
    if (parsed && !parsed.success) problems.push({ path: 'priority', message: 'conversationSettings.error.priority' });
    if (!parsed?.success) {
      const { off } = await current(req);
      return sendPage(reply, <SettingsPage ctx={pageContext(req, reply)} off={off} weights={values} problems={problems} saved={false} />, { status: 400 });
    }
    await inTeam(db, staffOf(req), async (tx) => {
      await saveWeightsJson(tx, req.tenant.kommune, parsed.data, req.staff!.id);
      await audit(tx, actorOf(req), { action: 'update', entity: 'matching_setting', entityId: req.tenant.kommune, summary: 'matching weights saved' });
    });
    return reply.redirect(`${PATH}?gemt=ja`, 303);
  });
};

function SettingsPage({ ctx, off, weights, problems, saved }: { ctx: PageContext; off: Set<string>; weights: Record<string, string>; problems: FieldProblem[]; saved: boolean }) {
  const { t, lang } = ctx;
  const title = t('conversationSettings.title');
  return (
    <Layout ctx={ctx} title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title} area="staff" languages={STAFF_LANGUAGES}>
      <h1>{title}</h1>
      {saved && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{t('conversationSettings.saved')}</p>
          </div>
        </div>
      )}
      <ErrorSummary problems={problems} t={t} />
      <h2>{t('conversationSettings.instruments')}</h2>
      <p>{t('conversationSettings.instrumentsLead')}</p>
      <form method="post" action={`${PATH}/instrumenter`}>
        <CsrfField token={ctx.csrfToken} />
        <fieldset>
          <legend class="sr-only">{t('conversationSettings.instruments')}</legend>
          <ul class="nobullet-list">
            {INSTRUMENTS.map((i) => (
              <li class="form-group-checkbox">
                <input class="form-checkbox" type="checkbox" id={`i-${i.id}`} name="instrument" value={i.id} checked={!off.has(i.id)} aria-describedby={`i-${i.id}-hint`} />
                <label for={`i-${i.id}`}>{lang === 'da' ? i.title.da : i.title.en}</label>
                <span class="form-hint" id={`i-${i.id}-hint`}>
                  {t('conversationSettings.source', { source: i.source, version: i.version })}
                  {i.licence.checkBeforeShipping ? ` ${t('conversationSettings.checkLicence')}` : ''}
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
          <TextField name={k} label={t(`conversationSettings.weight.${k}`)} hint={t('conversationSettings.default', { value: String(DEFAULT_MATCH_WEIGHTS[k as keyof MatchWeights]) })} value={weights[k] ?? ''} inputmode="text" width="xs" problems={problems} t={t} />
        ))}
        <SubmitButton>{t('conversationSettings.saveWeights')}</SubmitButton>
      </form>
    </Layout>
  );
}
