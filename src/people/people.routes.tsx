/**
 * The admin's citizen pages. Searches are POSTs (a CPR number never goes into an address or a
 * log line); "vis CPR" is a POST too, and audited. The insight export and erasure take the
 * other domains' sections from `citizenData`, which src/app.ts passes in.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { LighedError, notFound } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import { actorOf, requireRole } from '../web/access.ts';
import { sendPage, staffPageContext as pageContext } from '../web/context.ts';
import {
  changeContactChannels,
  citizenDetail,
  eraseCitizen,
  erasureCheck,
  exportCitizen,
  searchCitizens,
  withdrawConsent,
  type PeopleScope,
} from './citizen.service.ts';
import type { CitizenDataSource } from './insight.ts';
import {
  CitizenPage,
  ErasePage,
  InsightPage,
  PEOPLE_PATH,
  SearchPage,
  citizenHref,
} from './pages/people-pages.tsx';
import { readSearch, searchForm, type SearchValues } from './search-form.ts';

export type PeopleRouteDeps = RouteDeps & { citizenData?: readonly CitizenDataSource[] };
type IdReq = { Params: { id: string } };

const admin = requireRole('admin');

function scopeOf(req: FastifyRequest): PeopleScope {
  const s = req.staff!;
  return {
    kommune: req.tenant.kommune,
    role: s.role,
    organization_id: s.organization_id,
    team_id: s.team_id,
  };
}

function idOf(req: FastifyRequest<IdReq>): string {
  if (!isUuid(req.params.id)) throw notFound('Citizen');
  return req.params.id;
}

export const peopleRoutes: FastifyPluginAsync<PeopleRouteDeps> = async (app, deps) => {
  const { db } = deps;
  const sources = deps.citizenData ?? [];
  const empty: SearchValues = { cpr: '', navn: '', foedselsdato: '' };

  app.get<{ Querystring: { slettet?: string } }>(
    PEOPLE_PATH,
    { preHandler: admin },
    async (req, reply) => {
      const ctx = pageContext(req, reply);
      const notice = req.query.slettet === '1' ? ctx.t('people.erase.done') : undefined;
      return sendPage(
        reply,
        <SearchPage
          ctx={ctx}
          values={empty}
          problems={[]}
          results={null}
          {...(notice ? { notice } : {})}
        />,
        { personal: true },
      );
    },
  );

  app.post(PEOPLE_PATH, { preHandler: admin }, async (req, reply) => {
    const values = searchForm.parse(req.body ?? {});
    const read = readSearch(values);
    const search = read.search;
    let problems = read.problems;
    let results = null;
    if (search) {
      try {
        results = await searchCitizens(db, scopeOf(req), actorOf(req), search);
      } catch (err) {
        if (!(err instanceof LighedError) || err.code !== 'LIGHED_ERR_VALIDATION') throw err;
        problems = [...err.problems];
      }
    }
    // The CPR number is not echoed back into the form.
    const shown = { ...values, cpr: '' };
    return sendPage(
      reply,
      <SearchPage
        ctx={pageContext(req, reply)}
        values={shown}
        problems={problems}
        results={results}
      />,
      { personal: true, status: problems.length ? 400 : 200 },
    );
  });

  app.post<IdReq>(`${PEOPLE_PATH}/:id/kanaler`, { preHandler: admin }, async (req, reply) => {
    const id = idOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const raw = body.contactChannels;
    const channels = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
    const r = await changeContactChannels(db, scopeOf(req), actorOf(req), id, channels);
    if (r.ok) return reply.redirect(`${citizenHref(id)}?kanaler=gemt`, 303);
    const detail = await citizenDetail(db, scopeOf(req), actorOf(req), id);
    return sendPage(
      reply,
      <CitizenPage
        ctx={pageContext(req, reply)}
        detail={detail}
        problems={r.problems}
        channels={channels}
      />,
      { personal: true, status: 400 },
    );
  });

  app.get<IdReq & { Querystring: { samtykke?: string; kanaler?: string } }>(
    `${PEOPLE_PATH}/:id`,
    { preHandler: admin },
    async (req, reply) => {
      const detail = await citizenDetail(db, scopeOf(req), actorOf(req), idOf(req));
      const ctx = pageContext(req, reply);
      const notice =
        req.query.samtykke === 'trukket'
          ? ctx.t('people.consents.withdrawnNotice')
          : req.query.kanaler === 'gemt'
            ? ctx.t('people.channels.saved')
            : undefined;
      return sendPage(
        reply,
        <CitizenPage ctx={ctx} detail={detail} {...(notice ? { notice } : {})} />,
        { personal: true },
      );
    },
  );

  app.post<{ Params: { id: string; consentId: string } }>(
    `${PEOPLE_PATH}/:id/samtykke/:consentId/traek-tilbage`,
    { preHandler: admin },
    async (req, reply) => {
      const id = idOf(req);
      await withdrawConsent(db, scopeOf(req), actorOf(req), id, req.params.consentId);
      return reply.redirect(`${citizenHref(id)}?samtykke=trukket`, 303);
    },
  );

  app.post<IdReq>(`${PEOPLE_PATH}/:id/vis-cpr`, { preHandler: admin }, async (req, reply) => {
    const detail = await citizenDetail(db, scopeOf(req), actorOf(req), idOf(req), true);
    return sendPage(reply, <CitizenPage ctx={pageContext(req, reply)} detail={detail} />, {
      personal: true,
    });
  });

  app.get<IdReq>(`${PEOPLE_PATH}/:id/indsigt`, { preHandler: admin }, async (req, reply) => {
    const data = await exportCitizen(db, scopeOf(req), actorOf(req), idOf(req), sources, 'print');
    return sendPage(reply, <InsightPage ctx={pageContext(req, reply)} data={data} />, {
      personal: true,
    });
  });

  app.get<IdReq>(`${PEOPLE_PATH}/:id/indsigt.json`, { preHandler: admin }, async (req, reply) => {
    const data = await exportCitizen(db, scopeOf(req), actorOf(req), idOf(req), sources, 'json');
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="indsigt-${data.citizen.id}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  app.get<IdReq>(`${PEOPLE_PATH}/:id/slet`, { preHandler: admin }, async (req, reply) => {
    const check = await erasureCheck(db, scopeOf(req), actorOf(req), idOf(req), sources);
    return sendPage(
      reply,
      <ErasePage ctx={pageContext(req, reply)} card={check.card} holds={check.holds} />,
      { personal: true },
    );
  });

  app.post<IdReq>(`${PEOPLE_PATH}/:id/slet`, { preHandler: admin }, async (req, reply) => {
    const result = await eraseCitizen(db, scopeOf(req), actorOf(req), idOf(req), sources);
    if (result.erased) return reply.redirect(`${PEOPLE_PATH}?slettet=1`, 303);
    return sendPage(
      reply,
      <ErasePage ctx={pageContext(req, reply)} card={result.card} holds={result.holds} />,
      { personal: true, status: 409 },
    );
  });
};
