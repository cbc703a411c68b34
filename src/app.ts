/**
 * buildApp(deps): the Fastify app, used by the server (src/cli.ts) and by tests (app.inject).
 * Plugins, security headers, request context and the error handler live here, once.
 */
import { randomUUID } from 'node:crypto';
import { constants as zlibConstants } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import compress from '@fastify/compress';
import staticFiles from '@fastify/static';
import csrf from '@fastify/csrf-protection';
import { fastifyTrustProxy, type Config } from './platform/config.ts';
import type { Db } from './db/db.ts';
import type { RouteDeps } from './platform/deps.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { translator } from './web/i18n.ts';
import { isUiLanguage } from './web/languages.ts';
import { tenantResolver } from './platform/tenant.ts';
import { registerErrorHandlers } from './web/error-handler.tsx';
import { nulGuard } from './web/nul-guard.ts';
import { securityHeaders } from './web/security-headers.ts';
import { loadStaff } from './staff/auth.ts';
import { staffRoutes } from './staff/staff.routes.tsx';
import { firstAdminRoutes } from './staff/first-admin.routes.tsx';
import { catalogRoutes } from './catalog/catalog.routes.tsx';
import { staffCatalogRoutes } from './catalog/staff-catalog.routes.tsx';
import { signupRoutes } from './catalog/signups.routes.tsx';
import { receiptRoutes } from './catalog/receipt.routes.tsx';
import { organizationRoutes } from './catalog/organization.routes.tsx';
import { hsdsRoutes } from './catalog/hsds/hsds.routes.ts';
import { fhirRoutes } from './fhir/fhir.routes.ts';
import { apiClientRoutes } from './fhir/api-clients.routes.tsx';
import { jobsRoutes } from './web/jobs.routes.tsx';
import { auditRoutes } from './audit/audit.routes.tsx';
import { monitorRoutes } from './monitor/monitor.routes.tsx';
import { monitorDataRoutes } from './monitor/monitor-data.routes.tsx';
import { monitorFilesRoutes } from './monitor/monitor-files.routes.ts';
import { heatPlusRoutes } from './monitor/heatplus.routes.tsx';
import { conversationRoutes } from './conversation/conversation.routes.tsx';
import { conversationSettingsRoutes } from './conversation/settings.routes.tsx';
import { conversationStepRoutes } from './conversation/steps.routes.tsx';
import { conversationProfileRoutes } from './conversation/profile.routes.tsx';
import { conversationOfferRoutes } from './conversation/offers.routes.tsx';
import { conversationPrintRoutes } from './conversation/print.routes.tsx';
import { referralRoutes } from './referrals/referrals.routes.tsx';
import { referralSettingsRoutes } from './referrals/referral-settings.routes.tsx';
import { outreachRoutes } from './outreach/outreach.routes.tsx';
import { outreachOverviewRoutes } from './outreach/overview.routes.tsx';
import { planningRoutes } from './planning/planning.routes.tsx';
import { interventionRoutes } from './planning/interventions.routes.tsx';
import { sharedInterventionRoutes } from './planning/shared.routes.tsx';
import { recommendationRoutes } from './planning/recommendations.routes.tsx';
import { reachRoutes } from './planning/reach.routes.tsx';
import { portfolioRoutes } from './planning/portfolio.routes.tsx';
import { goalsRoutes } from './planning/goals.routes.tsx';
import { reportRoutes } from './planning/report.routes.tsx';
import { apiRoutes } from './api/api.routes.tsx';
import { assessmentListRoutes } from './assessment/assessments.routes.tsx';
import { assessmentTemplateRoutes } from './assessment/template.routes.tsx';
import { assessmentStepRoutes } from './assessment/steps.routes.tsx';
import { assessmentActionRoutes } from './assessment/actions.routes.tsx';
import { assessmentReportRoutes } from './assessment/report.routes.tsx';
import { voiceCitizenRoutes } from './voice/citizen.routes.tsx';
import { voiceStaffRoutes } from './voice/staff.routes.tsx';
import { voicePanelRoutes } from './voice/panel.routes.tsx';
import { assessmentHomeNotices } from './assessment/index.ts';
import { replyRoutes } from './notify/reply.routes.tsx';
import { outboxRoutes } from './web/outbox.routes.tsx';
import { infoRoutes } from './web/info.routes.tsx';
import { galleryRoutes } from './web/gallery.routes.tsx';
import { formExamples } from './web/form.examples.tsx';
import { chartExamples } from './monitor/charts/charts.examples.tsx';
import { healthRoutes } from './platform/health.routes.ts';
import { peopleRoutes } from './people/people.routes.tsx';
import { referralCitizenData, referralReplyHandler } from './referrals/index.ts';
import { conversationCitizenData } from './conversation/index.ts';
import { signupCitizenData, signupReplyHandler } from './catalog/index.ts';
import type { Geocoder } from './platform/geo/geocoder.ts';
import { offlineGeocoder } from './platform/geo/geocoder.ts';
import './web/context.ts';

export interface AppDeps {
  db: Db;
  config: Config;
  /** Secret for signed cookies (CSRF secret, language is unsigned). */
  cookieSecret: string;
  geocoder?: Geocoder;
  /** The time; the system clock unless a test stands still. */
  clock?: Clock;
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read them to prove no personal data is logged). */
  logStream?: { write(line: string): void };
}

const require = createRequire(import.meta.url);
// dkfds exports only its main script (dist/js/…); its CSS and fonts sit beside it in dist/.
const dkfdsMain = require.resolve('dkfds');
const dkfdsDist = dkfdsMain.slice(0, dkfdsMain.lastIndexOf(`${sep}dist${sep}`) + 5);
const ownAssets = join(dirname(fileURLToPath(import.meta.url)), 'web', 'assets');
const LANG_COOKIE = 'lighed_lang';

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { db, config } = deps;
  const app = Fastify({
    genReqId: () => randomUUID(),
    // Only as configured (LIGHED_TRUST_PROXY): believing any X-Forwarded-For would let a client
    // pick its own address, and with it a fresh rate-limit budget per request.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    logger:
      deps.logger === false
        ? false
        : {
            level: config.logLevel,
            // No personal data in logs: no query strings, bodies, cookies or addresses.
            serializers: {
              req: (req: { method: string; url: string; id: string }) => ({
                id: req.id,
                method: req.method,
                // A reply link's token is a key: the path keeps only its place.
                path: req.url.split('?')[0]?.replace(/^\/svar\/[^/]+/, '/svar/:token'),
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            ...(deps.logStream ? { stream: deps.logStream } : {}),
          },
  });

  // Helmet's headers, computed once for these fixed options (src/web/security-headers.ts).
  await securityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: { maxAge: 31536000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie, { secret: deps.cookieSecret });
  await app.register(formbody);
  // Pages (about 20 KB) are gzipped in one synchronous call, not through a zlib stream per
  // response; the plugin's default ceiling on 2 cores is 8 KB (issue 16). gzip level 4 and
  // brotli quality 3: on finder pages 45 % less CPU than 6 and 4 for 3-6 % more bytes
  // (decision 0033).
  await app.register(compress, {
    global: true,
    threshold: 1024,
    syncThreshold: 128 * 1024,
    zlibOptions: { level: 4 },
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 3 } },
  });
  await app.register(csrf, {
    cookieKey: 'lighed_csrf',
    cookieOpts: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      signed: true,
    },
    // Multipart forms (attachFieldsToBody) carry fields as { value }.
    getToken: (req) => {
      const v = (req.body as Record<string, unknown> | undefined)?._csrf;
      if (typeof v === 'string') return v;
      return typeof v === 'object' && v !== null && 'value' in v && typeof v.value === 'string'
        ? v.value
        : undefined;
    },
  });
  await app.register(staticFiles, {
    root: dkfdsDist,
    prefix: '/assets/dkfds/',
    maxAge: '7d',
    immutable: false,
  });
  await app.register(staticFiles, {
    root: ownAssets,
    prefix: '/assets/',
    decorateReply: false,
    maxAge: '1h',
  });

  const clock = deps.clock ?? systemClock;
  const tenants = tenantResolver(db, config.defaultKommune, clock);
  app.decorateRequest('lang', 'da');
  app.decorateRequest('t', translator('da'));
  app.decorateRequest('tenant', null as never);
  app.decorateRequest('staff', null);

  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/assets/') || req.url === '/healthz') return;
    const query = req.query as Record<string, unknown>;
    let lang = req.cookies[LANG_COOKIE];
    if (isUiLanguage(query.lang)) {
      lang = query.lang;
      reply.setCookie(LANG_COOKIE, lang, {
        path: '/',
        maxAge: 365 * 24 * 3600,
        sameSite: 'lax',
        secure: config.secureCookies,
        httpOnly: true,
      });
    }
    req.lang = isUiLanguage(lang) ? lang : 'da';
    req.t = translator(req.lang);
    if (req.url === '/readyz') return;
    req.tenant = await tenants.resolve(req.headers.host);
    req.staff = await loadStaff(db, req);
  });

  // A NUL byte in the query, path or body: 400 here, not a 500 from PostgreSQL later. A
  // preHandler, so multipart fields (attached in the plugin's preValidation) are checked too.
  app.addHook('preHandler', nulGuard);

  // Every form post carries a CSRF token; the JSON APIs (/api/, and the FHIR API with its OAuth
  // token endpoint, which authenticate by header, never by cookie) have no forms; nor have the
  // gateways' webhooks (/webhooks/, signed by header: src/web/outbox.routes.tsx).
  app.addHook('preHandler', async (req, reply) => {
    if (req.method === 'POST' && !/^\/(api|fhir|oauth|webhooks)(\/|\?|$)/.test(req.url)) {
      await new Promise<void>((resolve, reject) =>
        app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve())),
      );
    }
  });

  registerErrorHandlers(app);
  const ctx: RouteDeps = {
    db,
    config,
    geocoder: deps.geocoder ?? offlineGeocoder(db),
    tenants,
    clock,
  };
  await app.register(healthRoutes, ctx);
  await app.register(infoRoutes, ctx);
  if (!config.production) {
    await app.register(galleryRoutes, {
      examples: (t) => [
        ...formExamples(t).map((e) => ({ ...e, inForm: true })),
        ...chartExamples(),
      ],
    });
  }
  await app.register(catalogRoutes, ctx);
  // The staff home shows other domains' notices (an assessment's review that is due).
  await app.register(staffRoutes, { ...ctx, homeNotices: [assessmentHomeNotices] });
  await app.register(firstAdminRoutes, ctx);
  await app.register(staffCatalogRoutes, ctx);
  await app.register(signupRoutes, ctx);
  await app.register(receiptRoutes, ctx);
  await app.register(organizationRoutes, ctx);
  await app.register(auditRoutes, ctx);
  await app.register(hsdsRoutes, ctx);
  await app.register(fhirRoutes, ctx);
  await app.register(apiClientRoutes, ctx);
  await app.register(jobsRoutes, ctx);
  await app.register(outboxRoutes, ctx);
  await app.register(monitorRoutes, ctx);
  await app.register(monitorFilesRoutes, ctx);
  await app.register(monitorDataRoutes, ctx);
  await app.register(heatPlusRoutes, ctx);
  await app.register(conversationSettingsRoutes, ctx);
  await app.register(conversationRoutes, ctx);
  await app.register(conversationStepRoutes, ctx);
  await app.register(conversationProfileRoutes, ctx);
  await app.register(conversationOfferRoutes, ctx);
  await app.register(conversationPrintRoutes, ctx);
  await app.register(referralSettingsRoutes, ctx);
  await app.register(outreachRoutes, ctx);
  await app.register(outreachOverviewRoutes, ctx);
  await app.register(planningRoutes, ctx);
  await app.register(interventionRoutes, ctx);
  await app.register(sharedInterventionRoutes, ctx);
  await app.register(recommendationRoutes, ctx);
  await app.register(reachRoutes, ctx);
  await app.register(portfolioRoutes, ctx);
  await app.register(goalsRoutes, ctx);
  await app.register(reportRoutes, ctx);
  // The open API (/api/v1, /api/openapi.json, /api): its own plugin, so its OpenAPI document
  // lists its routes only (decision 0026).
  await app.register(apiRoutes, ctx);
  await app.register(assessmentListRoutes, ctx);
  await app.register(assessmentTemplateRoutes, ctx);
  await app.register(assessmentStepRoutes, ctx);
  await app.register(assessmentActionRoutes, ctx);
  await app.register(assessmentReportRoutes, ctx);
  await app.register(voiceCitizenRoutes, ctx);
  await app.register(voiceStaffRoutes, ctx);
  await app.register(voicePanelRoutes, ctx);
  // The citizen's answer to a message (notify/): each subject's domain applies it.
  await app.register(replyRoutes, {
    ...ctx,
    cookieSecret: deps.cookieSecret,
    replyHandlers: [signupReplyHandler, referralReplyHandler],
  });
  await app.register(referralRoutes, ctx);
  await app.register(peopleRoutes, {
    ...ctx,
    citizenData: [referralCitizenData, conversationCitizenData, signupCitizenData],
  });
  return app;
}
