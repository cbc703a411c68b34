/** The monitor's page context and language: Danish or English, whatever the interface language. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { staffPageContext } from '../../web/context.ts';
import type { PageContext } from '../../web/layout.tsx';
import type { MonitorLang } from './present.ts';

/** The monitor is offered in Danish and English; other interface languages get English. */
export function monitorContext(
  req: FastifyRequest,
  reply: FastifyReply,
): PageContext & { lang: MonitorLang } {
  return staffPageContext(req, reply);
}

/** The language of a download or chart file (no page context needed). */
export const monitorLang = (req: FastifyRequest): MonitorLang => (req.lang === 'da' ? 'da' : 'en');
