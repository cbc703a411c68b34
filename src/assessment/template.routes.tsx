/**
 * The municipality's assessment template (planners and admins): its questions and groups, and
 * back to the standard. Thin handlers over assessment.service.ts.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { staffPageContext } from '../web/context.ts';
import { submitForm, type Again } from '../web/form-post.ts';
import { listDimensions } from '../monitor/index.ts';
import {
  AssessmentStale,
  loadTemplate,
  resetTemplate,
  saveTemplateSettings,
} from './assessment.service.ts';
import { TemplatePage } from './pages/assessment-pages.tsx';
import { readTemplateForm, templateFormOf, textIn, type TemplateForm } from './template.ts';
import { TEMPLATE_PATH } from './paths.ts';
import { actor, noticeOf, page, templateEditors, versionOf, type Body } from './request.ts';

export const assessmentTemplateRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  const templatePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<Again> & { form?: TemplateForm },
    status = 200,
  ) => {
    const [t, dims] = await Promise.all([
      loadTemplate(db, actor(req)),
      listDimensions(db, req.tenant.kommune),
    ]);
    const ctx = staffPageContext(req, reply);
    return page(
      reply,
      <TemplatePage
        ctx={ctx}
        form={extra.form ?? templateFormOf(t.template, t.version)}
        custom={t.custom}
        dimensions={dims.map((d) => ({ key: d.key, label: textIn(d.label, ctx.lang) }))}
        problems={extra.problems ?? []}
        notice={extra.notice}
      />,
      status,
    );
  };

  app.get<{ Querystring: { besked?: string } }>(
    TEMPLATE_PATH,
    { preHandler: templateEditors },
    async (req, reply) => templatePage(req, reply, noticeOf(req.query)),
  );

  app.post(TEMPLATE_PATH, { preHandler: templateEditors }, async (req, reply) => {
    const form = readTemplateForm(req.body as Body);
    return submitForm(reply, {
      run: () => saveTemplateSettings(db, actor(req), form),
      stale: AssessmentStale,
      redirect: `${TEMPLATE_PATH}?besked=gemt`,
      again: (status, shown) => templatePage(req, reply, { ...shown, form }, status),
    });
  });

  app.post(`${TEMPLATE_PATH}/standard`, { preHandler: templateEditors }, async (req, reply) =>
    submitForm(reply, {
      run: () => resetTemplate(db, actor(req), versionOf(req.body as Body)),
      stale: AssessmentStale,
      redirect: `${TEMPLATE_PATH}?besked=gemt`,
      again: (status, shown) => templatePage(req, reply, shown, status),
    }),
  );
};
