/**
 * The profile to take home, in the citizen's language: a printable page, and the same page as
 * a PDF when Chromium is installed. The use case is in conversation.service.ts.
 */
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { LighedError } from '../platform/errors.ts';
import { chromiumPdf, findChromium } from '../platform/pdf.ts';
import { workerOf, workers } from './access.ts';
import { printableProfile } from './conversation.service.ts';
import { renderPrint } from './pages/print-page.tsx';
import { conversationHref } from './pages/present.ts';

type PrintReq = { Params: { id: string }; Querystring: { sprog?: string } };
const PRINT_CSS = readFileSync(new URL('../web/assets/print.css', import.meta.url), 'utf8');

export const conversationPrintRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  const chromium = await findChromium();
  const pdf = chromium ? chromiumPdf(chromium) : null;

  app.get<PrintReq>(
    '/personale/samtaler/:id/udskrift',
    { preHandler: workers },
    async (req, reply) => {
      const p = await printableProfile(db, workerOf(req), req.params.id, req.query.sprog, 'read');
      const base = conversationHref(p.conversation.id);
      const html = renderPrint({
        ...p,
        municipality: req.tenant.name,
        pdfHref: pdf ? `${base}/udskrift.pdf?sprog=${p.lang}` : null,
        backHref: base,
      });
      return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
    },
  );

  app.get<PrintReq>(
    '/personale/samtaler/:id/udskrift.pdf',
    { preHandler: workers },
    async (req, reply) => {
      if (!pdf) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No PDF renderer: install chromium');
      const p = await printableProfile(db, workerOf(req), req.params.id, req.query.sprog, 'export');
      const html = renderPrint({ ...p, municipality: req.tenant.name, inlineCss: PRINT_CSS });
      const file = await pdf.render(html);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="sundhedsprofil-${p.lang}.pdf"`)
        .type('application/pdf')
        .send(file);
    },
  );
};
