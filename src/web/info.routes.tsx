/** Fixed information pages: the accessibility statement (required by Danish law) and privacy. */
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { pageContext, sendPage } from './context.ts';
import { Layout } from './layout.tsx';

export const infoRoutes: FastifyPluginAsync<RouteDeps> = async (app) => {
  app.get('/tilgaengelighed', async (req, reply) => {
    const ctx = pageContext(req, reply);
    const { t } = ctx;
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('a11y.title')}>
        <h1>{t('a11y.title')}</h1>
        <p class="font-lead">{t('a11y.lead', { kommune: ctx.tenantName })}</p>
        <h2>{t('a11y.statusHeading')}</h2>
        <p>{t('a11y.status')}</p>
        <h2>{t('a11y.howHeading')}</h2>
        <p>{t('a11y.how')}</p>
        <h2>{t('a11y.knownHeading')}</h2>
        <p>{t('a11y.known')}</p>
        <h2>{t('a11y.feedbackHeading')}</h2>
        <p>{t('a11y.feedback')}</p>
        <h2>{t('a11y.complaintHeading')}</h2>
        <p>{t('a11y.complaint')}</p>
      </Layout>,
    );
  });

  app.get('/privatliv', async (req, reply) => {
    const ctx = pageContext(req, reply);
    const { t } = ctx;
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('privacy.title')}>
        <h1>{t('privacy.title')}</h1>
        <p class="font-lead">{t('privacy.lead')}</p>
        <h2>{t('privacy.signupHeading')}</h2>
        <p>{t('privacy.signup')}</p>
        <h2>{t('privacy.cookiesHeading')}</h2>
        <p>{t('privacy.cookies')}</p>
        <h2>{t('privacy.rightsHeading')}</h2>
        <p>{t('privacy.rights')}</p>
      </Layout>,
    );
  });
};
