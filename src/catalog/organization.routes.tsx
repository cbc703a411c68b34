/**
 * Staff pages for organisations (providers) and their places. Admins manage all of the
 * municipality's; a provider only its own organisation and its places.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { requireRole } from '../web/access.ts';
import { pageContext, sendPage } from '../web/context.ts';
import { editorOf } from './editor.ts';
import {
  readLocationForm,
  readOrganizationForm,
  type OrganizationFormState,
  type PlaceFormState,
} from './organization-form.ts';
import {
  organizationForm,
  organizationsOverview,
  placeForm,
  saveOrganization,
  savePlace,
} from './organization.service.ts';
import {
  OrganizationFormPage,
  OrganizationsPage,
  PlaceFormPage,
} from './pages/organization-pages.tsx';

type IdParams = { Params: { id: string } };
type Body = Record<string, unknown>;
const managers = requireRole('admin', 'provider');
const admins = requireRole('admin');
const LIST = '/personale/organisationer';

const formOptions = (state: { problems: unknown[] }) => ({
  status: state.problems.length ? 400 : 200,
  personal: true,
});
const orgPage = (req: FastifyRequest, reply: FastifyReply, state: OrganizationFormState) =>
  sendPage(
    reply,
    <OrganizationFormPage ctx={pageContext(req, reply)} {...state} />,
    formOptions(state),
  );
const placePage = (req: FastifyRequest, reply: FastifyReply, state: PlaceFormState) =>
  sendPage(reply, <PlaceFormPage ctx={pageContext(req, reply)} {...state} />, formOptions(state));

export const organizationRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, geocoder }) => {
  app.get(LIST, { preHandler: managers }, async (req, reply) => {
    const editor = editorOf(req);
    const overview = await organizationsOverview(db, editor);
    return sendPage(
      reply,
      <OrganizationsPage ctx={pageContext(req, reply)} {...overview} canCreate={!editor.scope} />,
      { personal: true },
    );
  });

  app.get(`${LIST}/ny`, { preHandler: admins }, async (req, reply) =>
    orgPage(req, reply, await organizationForm(db, editorOf(req), null)),
  );

  app.post<{ Body: Body }>(`${LIST}/ny`, { preHandler: admins }, async (req, reply) => {
    const saved = await saveOrganization(db, editorOf(req), null, readOrganizationForm(req.body));
    if (!saved.ok) return orgPage(req, reply, saved);
    return reply.redirect(`${LIST}/${saved.id}`, 303);
  });

  app.get<IdParams>(`${LIST}/:id`, { preHandler: managers }, async (req, reply) =>
    orgPage(req, reply, await organizationForm(db, editorOf(req), req.params.id)),
  );

  app.post<IdParams & { Body: Body }>(
    `${LIST}/:id`,
    { preHandler: managers },
    async (req, reply) => {
      const form = readOrganizationForm(req.body);
      const saved = await saveOrganization(db, editorOf(req), req.params.id, form);
      if (!saved.ok) return orgPage(req, reply, saved);
      return reply.redirect(LIST, 303);
    },
  );

  app.get('/personale/steder/ny', { preHandler: managers }, async (req, reply) =>
    placePage(req, reply, await placeForm(db, editorOf(req), null)),
  );

  app.get<IdParams>('/personale/steder/:id', { preHandler: managers }, async (req, reply) =>
    placePage(req, reply, await placeForm(db, editorOf(req), req.params.id)),
  );

  async function postPlace(req: FastifyRequest, reply: FastifyReply, id: string | null) {
    const form = readLocationForm(req.body as Body);
    const saved = await savePlace(db, geocoder, editorOf(req), id, form);
    if (!saved.ok) return placePage(req, reply, saved);
    return reply.redirect(LIST, 303);
  }

  app.post('/personale/steder/ny', { preHandler: managers }, (req, reply) =>
    postPlace(req, reply, null),
  );
  app.post<IdParams>('/personale/steder/:id', { preHandler: managers }, (req, reply) =>
    postPlace(req, reply, req.params.id),
  );
};
