/** The outreach lane's pages: the queue, a case (attempts, outcome) and the rules. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { requireRole } from '../web/access.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { readRulesForm, rulesFormOf, type AttemptForm, type OutcomeForm } from './rules.ts';
import {
  outreachCase,
  outreachQueue,
  outreachRules,
  OutreachStale,
  recordAttempt,
  recordOutcome,
  saveOutreachRules,
  takeCase,
  type OutreachActor,
} from './outreach.service.ts';
import { CasePage, QueuePage, RulesPage } from './pages/outreach-pages.tsx';

const lane = requireRole('outreach', 'coordinator', 'admin');
const ruleEditors = requireRole('coordinator', 'admin');
const QUEUE = '/personale/opsoegning';
const RULES = '/personale/opsoegning/regler';
type Id = { Params: { id: string }; Querystring: { besked?: string } };

const actor = (req: FastifyRequest): OutreachActor => ({ staff: req.staff!, requestId: req.id });
const str = (b: Record<string, unknown>, k: string) => (typeof b[k] === 'string' ? b[k] : '');

export const outreachRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  app.get<{ Querystring: { besked?: string } }>(QUEUE, { preHandler: lane }, async (req, reply) => {
    const rows = await outreachQueue(db, actor(req));
    const ctx = staffPageContext(req, reply);
    return sendPage(reply, <QueuePage ctx={ctx} rows={rows} notice={req.query.besked} />, {
      personal: true,
    });
  });

  app.post<Id>(`${QUEUE}/:id/tag`, { preHandler: lane }, async (req, reply) => {
    const b = req.body as Record<string, unknown>;
    try {
      await takeCase(db, actor(req), req.params.id, Number(str(b, 'version')), clock.now());
    } catch (e) {
      if (e instanceof OutreachStale) return reply.redirect(`${QUEUE}?besked=forældet`, 303);
      throw e;
    }
    return reply.redirect(`${QUEUE}/${req.params.id}?besked=taget`, 303);
  });

  app.get<Id>(`${QUEUE}/:id`, { preHandler: lane }, async (req, reply) => {
    const view = await outreachCase(db, actor(req), req.params.id);
    return sendPage(
      reply,
      <CasePage
        ctx={staffPageContext(req, reply)}
        view={view}
        role={req.staff!.role}
        problems={[]}
        notice={req.query.besked}
      />,
      { personal: true },
    );
  });

  app.post<Id>(`${QUEUE}/:id/forsoeg`, { preHandler: lane }, async (req, reply) => {
    const b = req.body as Record<string, unknown>;
    const form: AttemptForm = {
      method: str(b, 'method'),
      reached: str(b, 'reached'),
      note: str(b, 'note'),
      version: str(b, 'version'),
    };
    try {
      const r = await recordAttempt(db, actor(req), req.params.id, form, clock.now());
      if (r.ok) return reply.redirect(`${QUEUE}/${req.params.id}?besked=forsoeg`, 303);
      return rerender(req, reply, { attempt: form, problems: r.problems });
    } catch (e) {
      if (e instanceof OutreachStale)
        return rerender(req, reply, { attempt: form, notice: 'forældet' }, 409);
      throw e;
    }
  });

  app.post<Id>(`${QUEUE}/:id/udfald`, { preHandler: lane }, async (req, reply) => {
    const b = req.body as Record<string, unknown>;
    const form: OutcomeForm = {
      outcome: str(b, 'outcome'),
      newOffer: str(b, 'newOffer'),
      note: str(b, 'outcomeNote'),
      version: str(b, 'version'),
    };
    try {
      const r = await recordOutcome(db, actor(req), req.params.id, form, clock.now());
      if (r.ok) return reply.redirect(`${QUEUE}?besked=lukket`, 303);
      return rerender(req, reply, { outcome: form, problems: r.problems });
    } catch (e) {
      if (e instanceof OutreachStale)
        return rerender(req, reply, { outcome: form, notice: 'forældet' }, 409);
      throw e;
    }
  });

  async function rerender(
    req: FastifyRequest<Id>,
    reply: Parameters<typeof staffPageContext>[1],
    extra: {
      attempt?: AttemptForm;
      outcome?: OutcomeForm;
      problems?: { path: string; message: string }[];
      notice?: string;
    },
    status = 400,
  ) {
    const view = await outreachCase(db, actor(req), req.params.id);
    return sendPage(
      reply,
      <CasePage
        ctx={staffPageContext(req, reply)}
        view={view}
        role={req.staff!.role}
        problems={extra.problems ?? []}
        notice={extra.notice}
        {...(extra.attempt ? { attempt: extra.attempt } : {})}
        {...(extra.outcome ? { outcome: extra.outcome } : {})}
      />,
      { status, personal: true },
    );
  }

  app.get<{ Querystring: { besked?: string } }>(
    RULES,
    { preHandler: ruleEditors },
    async (req, reply) => {
      const rules = await outreachRules(db, actor(req));
      return sendPage(
        reply,
        <RulesPage
          ctx={staffPageContext(req, reply)}
          form={rulesFormOf(rules)}
          problems={[]}
          saved={req.query.besked === 'gemt'}
        />,
      );
    },
  );

  app.post(RULES, { preHandler: ruleEditors }, async (req, reply) => {
    const form = readRulesForm(req.body as Record<string, unknown>);
    const r = await saveOutreachRules(db, actor(req), form);
    if (r.ok) return reply.redirect(`${RULES}?besked=gemt`, 303);
    return sendPage(
      reply,
      <RulesPage
        ctx={staffPageContext(req, reply)}
        form={form}
        problems={r.problems}
        saved={false}
      />,
      { status: 400 },
    );
  });
};
