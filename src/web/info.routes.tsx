/**
 * Fixed information pages: the accessibility statement (required by Danish law) and privacy;
 * and /favicon.ico, which browsers ask for whatever the page links.
 */
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import type { RouteDeps } from '../platform/deps.ts';
import { pageContext, sendPage } from './context.ts';
import { Layout } from './layout.tsx';
import { dateText } from './present.ts';

const FAVICON = readFileSync(new URL('./assets/favicon.svg', import.meta.url));

/** When the statement was last reviewed; change it with the statement's text. */
export const STATEMENT_DATE = '2026-12-06';

/** Digitaliseringsstyrelsen's complaint form, linked from every Danish statement. */
export const COMPLAINT_URL = 'https://www.was.digst.dk/';

export const infoRoutes: FastifyPluginAsync<RouteDeps> = async (app, { config }) => {
  app.get('/favicon.ico', async (_req, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON),
  );

  app.get('/tilgaengelighed', async (req, reply) => {
    const ctx = pageContext(req, reply);
    const { t, lang } = ctx;
    const email = config.accessibilityEmail;
    const wasUrl = config.wasStatementUrl;
    return sendPage(
      reply,
      // The heading may hold a soft hyphen (a long Danish compound on a phone); not the title.
      <Layout ctx={ctx} title={t('a11y.title').replace(/\u00ad/g, '')}>
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
        <p>
          {email ? (
            <>
              {t('a11y.contactEmail')}{' '}
              <a href={`mailto:${email}`} dir="ltr">
                {email}
              </a>
            </>
          ) : (
            t('a11y.contactMissing', { kommune: ctx.tenantName })
          )}
        </p>
        <h2>{t('a11y.complaintHeading')}</h2>
        <p>{t('a11y.complaint')}</p>
        <p>
          <a href={COMPLAINT_URL}>{t('a11y.complaintLink')}</a>
        </p>
        <h2>{t('a11y.aboutHeading')}</h2>
        <p>
          {t('a11y.updated')}{' '}
          <time dateTime={STATEMENT_DATE}>
            {dateText(new Date(`${STATEMENT_DATE}T12:00:00Z`), lang)}
          </time>
        </p>
        <p>
          {t('a11y.wasTool')}
          {wasUrl && (
            <>
              {' '}
              <a href={wasUrl}>{t('a11y.wasToolLink')}</a>
            </>
          )}
        </p>
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
