/**
 * The committee report (planners and admins): the page per committee and year, its print HTML,
 * the PDF of that HTML (system Chromium) and the Word file; publishing a snapshot and reading it.
 */
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { LighedError, type FieldProblem } from '../platform/errors.ts';
import { chromiumPdf, findChromium } from '../platform/pdf.ts';
import { actorOf, requireRole } from '../web/access.ts';
import { sendPage, staffPageContext } from '../web/context.ts';
import { isDepartment, type Department } from './intervention.ts';
import { readYear, type CommitteeReport } from './report.ts';
import {
  committeeReport,
  publishReport,
  publishedReport,
  publishedReports,
} from './report.service.ts';
import { reportDocx } from './report-docx.ts';
import {
  PublishedReportPage,
  REPORT_PATH,
  ReportPage,
  publishedPath,
  renderReportPrint,
} from './pages/report-page.tsx';

const planners = requireRole('planner', 'admin');
const CSS = readFileSync(new URL('../web/assets/committee-report.css', import.meta.url), 'utf8');
type Q = { Querystring: { udvalg?: string; aar?: string } };
type P = { Params: { id: string } };

export const reportRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db, clock }) => {
  const chromium = await findChromium();
  const pdf = chromium ? chromiumPdf(chromium) : null;

  /** The committee and year asked for; a bad year is named at its field, the current one shown. */
  const choice = (req: FastifyRequest<Q>) => {
    const now = clock.now();
    const department: Department = isDepartment(req.query.udvalg) ? req.query.udvalg : 'health';
    const year = readYear(req.query.aar, now.getUTCFullYear());
    const problems: FieldProblem[] =
      year === null ? [{ path: 'aar', message: 'report.committee.error.year' }] : [];
    return { department, year: year ?? now.getUTCFullYear(), problems, now };
  };
  const build = (req: FastifyRequest<Q>) => {
    const c = choice(req);
    if (c.problems.length) throw new LighedError('LIGHED_ERR_VALIDATION', 'Invalid year');
    return committeeReport(db, req.tenant.kommune, c.department, { year: c.year }, c.now);
  };
  const file = (reply: FastifyReply, r: CommitteeReport, ext: 'pdf' | 'docx', body: Buffer) =>
    reply
      .header('cache-control', 'no-store')
      .header(
        'content-disposition',
        `attachment; filename="udvalgsrapport-${r.department}-${r.year}.${ext}"`,
      )
      .type(
        ext === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      )
      .send(body);
  const sendPdf = async (req: FastifyRequest, reply: FastifyReply, r: CommitteeReport) => {
    if (!pdf) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No PDF renderer: install chromium');
    const ctx = staffPageContext(req, reply);
    const html = renderReportPrint({ report: r, t: ctx.t, lang: ctx.lang, inlineCss: CSS });
    return file(reply, r, 'pdf', await pdf.render(html));
  };
  const sendDocx = async (req: FastifyRequest, reply: FastifyReply, r: CommitteeReport) => {
    const ctx = staffPageContext(req, reply);
    return file(reply, r, 'docx', await reportDocx(r, ctx.t, ctx.lang));
  };

  app.get<Q>(REPORT_PATH, { preHandler: planners }, async (req, reply) => {
    const c = choice(req);
    const [report, published] = await Promise.all([
      committeeReport(db, req.tenant.kommune, c.department, { year: c.year }, c.now),
      publishedReports(db, req.tenant.kommune),
    ]);
    return sendPage(
      reply,
      <ReportPage
        ctx={staffPageContext(req, reply)}
        report={report}
        published={published.filter((p) => p.department === c.department)}
        pdf={pdf !== null}
        problems={c.problems}
      />,
      { status: c.problems.length ? 400 : 200 },
    );
  });

  app.get<Q>(`${REPORT_PATH}/udskrift`, { preHandler: planners }, async (req, reply) => {
    const ctx = staffPageContext(req, reply);
    const html = renderReportPrint({ report: await build(req), t: ctx.t, lang: ctx.lang });
    return reply.type('text/html; charset=utf-8').send(html);
  });
  app.get<Q>(`${REPORT_PATH}.pdf`, { preHandler: planners }, async (req, reply) =>
    sendPdf(req, reply, await build(req)),
  );
  app.get<Q>(`${REPORT_PATH}.docx`, { preHandler: planners }, async (req, reply) =>
    sendDocx(req, reply, await build(req)),
  );

  app.post<Q>(`${REPORT_PATH}/udgiv`, { preHandler: planners }, async (req, reply) => {
    const c = choice(req);
    if (c.problems.length) throw new LighedError('LIGHED_ERR_VALIDATION', 'Invalid year');
    const id = await publishReport(db, actorOf(req), c.department, { year: c.year }, c.now);
    return reply.redirect(publishedPath(id), 303);
  });

  app.get<P>(`${REPORT_PATH}/udgivet/:id`, { preHandler: planners }, async (req, reply) => {
    const p = await publishedReport(db, req.tenant.kommune, req.params.id);
    return sendPage(
      reply,
      <PublishedReportPage
        ctx={staffPageContext(req, reply)}
        id={p.id}
        publishedOn={p.publishedOn}
        report={p.report}
        pdf={pdf !== null}
      />,
    );
  });
  app.get<P>(`${REPORT_PATH}/udgivet/:id/pdf`, { preHandler: planners }, async (req, reply) =>
    sendPdf(req, reply, (await publishedReport(db, req.tenant.kommune, req.params.id)).report),
  );
  app.get<P>(`${REPORT_PATH}/udgivet/:id/docx`, { preHandler: planners }, async (req, reply) =>
    sendDocx(req, reply, (await publishedReport(db, req.tenant.kommune, req.params.id)).report),
  );
};
