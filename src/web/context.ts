/** What every request carries once the context hook has run (src/app.ts). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Tenant } from '../platform/tenant.ts';
import type { VNode } from 'preact';
import type { UiLanguage } from './languages.ts';
import { translator, type Translate } from './i18n.ts';
import type { PageContext } from './layout.tsx';
import { renderPage } from './layout.tsx';
import type { StaffUser } from '../platform/principal.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: UiLanguage;
    t: Translate;
    tenant: Tenant;
    staff: StaffUser | null;
  }
}

/**
 * The page's context. The CSRF token is minted when a form first reads it: a page without a
 * form (the finder, for one) sets no cookie, so an anonymous page carries none (issue 16).
 */
export function pageContext(req: FastifyRequest, reply: FastifyReply): PageContext {
  let token: string | undefined;
  return {
    lang: req.lang,
    t: req.t,
    url: req.url,
    tenantName: req.tenant.name,
    demo: req.tenant.demo,
    staff: req.staff ? { name: req.staff.name, role: req.staff.role } : null,
    get csrfToken() {
      return (token ??= reply.generateCsrf());
    },
  };
}

export type StaffLanguage = 'da' | 'en';

/**
 * Context for staff pages offered in Danish and English only (monitor, health conversation):
 * any other interface language (a citizen page's Arabic, say) reads them in English, so the
 * page never claims lang="ar" over Danish or English text.
 */
export function staffPageContext(
  req: FastifyRequest,
  reply: FastifyReply,
): PageContext & { lang: StaffLanguage } {
  const ctx = pageContext(req, reply);
  const lang: StaffLanguage = req.lang === 'da' ? 'da' : 'en';
  // Assigned, not spread: a spread would read (and so mint) the lazy CSRF token.
  return Object.assign(ctx, { lang, t: lang === req.lang ? ctx.t : translator(lang) });
}

/** Sends a server-rendered page. Pages with personal data also get `no-store`. */
export function sendPage(
  reply: FastifyReply,
  node: VNode,
  opts: { status?: number; personal?: boolean } = {},
) {
  if (opts.personal) reply.header('cache-control', 'no-store');
  return reply
    .status(opts.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(renderPage(node));
}
