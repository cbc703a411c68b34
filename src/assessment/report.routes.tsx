/**
 * An assessment's report as a page, a PDF (system Chromium, when there is one) and a Word file.
 * The downloads are recorded in the assessment's history and are never cached.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { LighedError } from '../platform/errors.ts';
import { chromiumPdf, findChromium } from '../platform/pdf.ts';
import { renderDocx } from '../platform/docx.ts';
import { staffPageContext } from '../web/context.ts';
import { assessmentView, figuresFor, recordExport } from './assessment.service.ts';
import { ReportPage, deptName } from './pages/assessment-pages.tsx';
import { reportDocument } from './pages/report-page.tsx';
import { reportBlocks, reportTitle } from './report.ts';
import { ASSESSMENTS_PATH } from './paths.ts';
import { actor, page, workers, type Id } from './request.ts';

const REPORT = `${ASSESSMENTS_PATH}/:id/rapport`;
const FILE_NAME = 'konsekvenser-for-lighed-i-sundhed';

/** A download with personal data: never cached, saved under the report's name. */
const download = (reply: FastifyReply, ext: string, type: string, file: Buffer | Uint8Array) =>
  reply
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${FILE_NAME}.${ext}"`)
    .type(type)
    .send(file);

export const assessmentReportRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  const chromium = await findChromium();
  const pdf = chromium ? chromiumPdf(chromium) : null;

  const report = async (req: FastifyRequest<Id>, reply: FastifyReply) => {
    const ctx = staffPageContext(req, reply);
    const v = await assessmentView(db, actor(req), req.params.id, clock.now());
    const figures = await figuresFor(db, req.tenant.kommune, v);
    const blocks = reportBlocks({
      view: v,
      figures,
      t: ctx.t,
      lang: ctx.lang,
      departmentName: deptName(v.department, ctx.t),
      municipality: req.tenant.name,
    });
    return { ctx, view: v, blocks };
  };

  app.get<Id>(REPORT, { preHandler: workers }, async (req, reply) => {
    const r = await report(req, reply);
    return page(
      reply,
      <ReportPage ctx={r.ctx} view={r.view} blocks={r.blocks} pdf={pdf !== null} />,
    );
  });

  app.get<Id>(`${REPORT}.pdf`, { preHandler: workers }, async (req, reply) => {
    if (!pdf) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No PDF renderer: install chromium');
    const r = await report(req, reply);
    const file = await pdf.render(
      reportDocument({
        lang: r.ctx.lang,
        title: reportTitle(r.ctx.t),
        subtitle: r.view.title,
        municipality: req.tenant.name,
        blocks: r.blocks,
      }),
    );
    await recordExport(db, actor(req), r.view.id, 'pdf');
    return download(reply, 'pdf', 'application/pdf', file);
  });

  app.get<Id>(`${REPORT}.docx`, { preHandler: workers }, async (req, reply) => {
    const r = await report(req, reply);
    const file = await renderDocx({
      title: reportTitle(r.ctx.t),
      subtitle: `${r.view.title} · ${req.tenant.name}`,
      lang: r.ctx.lang,
      blocks: r.blocks,
    });
    await recordExport(db, actor(req), r.view.id, 'docx');
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    return download(reply, 'docx', docx, file);
  });
};
