/**
 * Planners load survey microdata: upload a file with its codebook, watch the import job, see a
 * precise report when the file is wrong (nothing is stored then), delete a dataset.
 * The import runs after the response, so the job page can show its progress.
 */
import type { FastifyBaseLogger, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { readFileSync } from 'node:fs';
import type { RouteDeps } from '../platform/deps.ts';
import { inTenant, type Db } from '../db/db.ts';
import { LighedError } from '../platform/errors.ts';
import { actorOf } from '../web/access.ts';
import { sendPage } from '../web/context.ts';
import { CsrfField, ErrorSummaryBox } from '../web/form.tsx';
import { Layout } from '../web/layout.tsx';
import { parseCodebook, type Codebook } from './microdata/codebook.ts';
import {
  formatProblem,
  readRespondents,
  MicrodataInvalid,
  type MicrodataSource,
} from './microdata/read.ts';
import {
  deleteDataset,
  finishJob,
  getJob,
  importMicrodata,
  startJob,
  updateJob,
} from './microdata/import.store.ts';
import { readableDatasets } from './estimates/estimates.store.ts';
import { planners, monitorContext } from './monitor.routes.tsx';
import { MONITOR_LANGUAGES_LIST } from './pages/languages.ts';
import { MonitorNav } from './pages/monitor-nav.tsx';
import { fmtInt, label } from './pages/present.ts';
import { HeatPlusPage } from './pages/heatplus-page.tsx';
import { groupMeasures } from './heatplus/measures.cli.ts';
import { readTemplateCsv, readTemplateXlsx } from './heatplus/template.read.ts';
import { hasErrors } from './heatplus/template.validate.ts';

/** The survey codebook planners get when they upload no codebook of their own. */
const STANDARD_CODEBOOK = new URL('../../examples/monitor/codebook.json', import.meta.url);
export function standardCodebook(): Codebook {
  const parsed = parseCodebook(JSON.parse(readFileSync(STANDARD_CODEBOOK, 'utf8')));
  if (!parsed.ok) throw new Error('The standard codebook is invalid');
  return parsed.codebook;
}

const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;
export const multipartLimits = { fileSize: MAX_UPLOAD_BYTES, files: 2, fields: 10 };

type UploadBody = { fil?: unknown; kodebog?: unknown };
/** Upload problems are already in the planner's words (codebook paths are dynamic). */
type UploadProblem = { field: 'fil' | 'kodebog'; message: string };

/** A file field as @fastify/multipart gives it with attachFieldsToBody: buffered, with its name. */
async function fileOf(v: unknown): Promise<{ name: string; data: Buffer } | null> {
  if (typeof v !== 'object' || v === null || !('toBuffer' in v) || typeof v.toBuffer !== 'function')
    return null;
  const data = (await (v.toBuffer as () => Promise<Buffer>)()) ?? Buffer.alloc(0);
  const name = 'filename' in v && typeof v.filename === 'string' ? v.filename : 'upload';
  return data.length > 0 ? { name: name.slice(0, 200), data } : null;
}

export const monitorDataRoutes: FastifyPluginAsync<RouteDeps> = async (app, { db }) => {
  // Only this plugin's routes accept multipart bodies (Fastify encapsulation).
  await app.register(multipart, { attachFieldsToBody: true, limits: multipartLimits });
  async function dataPage(
    req: FastifyRequest,
    reply: FastifyReply,
    problems: UploadProblem[] = [],
  ) {
    const ctx = monitorContext(req, reply);
    const { t, lang } = ctx;
    const datasets = await inTenant(db, req.tenant.kommune, (tx) => readableDatasets(tx));
    const title =
      problems.length > 0
        ? `${t('form.errorTitlePrefix')} ${t('monitor.data.title')}`
        : t('monitor.data.title');
    return sendPage(
      reply,
      <Layout ctx={ctx} title={title} area="staff" languages={MONITOR_LANGUAGES_LIST}>
        <h1>{t('monitor.data.title')}</h1>
        <MonitorNav t={t} choice={null} current="data" />
        {problems.length > 0 && (
          <ErrorSummaryBox heading={t('form.errorSummary')}>
            <ul class="nobullet-list">
              {problems.map((p) => (
                <li>
                  <a href={`#${p.field}`}>{p.message}</a>
                </li>
              ))}
            </ul>
          </ErrorSummaryBox>
        )}
        <table class="table table--compact">
          <caption>{t('monitor.data.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monitor.data.col.name')}</th>
              <th scope="col">{t('monitor.data.col.years')}</th>
              <th scope="col">{t('monitor.data.col.rows')}</th>
              <th scope="col">{t('monitor.data.col.owner')}</th>
              <th scope="col">{t('monitor.data.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((d) => (
              <tr>
                <td>
                  <a href={`/personale/monitor?datasaet=${d.id}`}>{label(d.codebook.name, lang)}</a>
                  {d.synthetic && ` (${t('monitor.data.synthetic')})`}
                  <br />
                  <span class="form-hint">{d.fileName}</span>
                </td>
                <td>{d.years.join(', ')}</td>
                <td>{fmtInt(d.rowCount, lang)}</td>
                <td>
                  {d.kommune === req.tenant.kommune
                    ? t('monitor.data.own')
                    : t('monitor.data.shared')}
                </td>
                <td>
                  {d.kommune === req.tenant.kommune && (
                    <form method="post" action={`/personale/monitor/data/${d.id}/slet`}>
                      <CsrfField token={ctx.csrfToken} />
                      <button type="submit" class="button button-tertiary">
                        {t('monitor.data.delete')}
                        <span class="sr-only"> {label(d.codebook.name, lang)}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <a href="/personale/monitor/heatplus">{t('monitor.heatplus.link')}</a>
        </p>
        <h2 id="upload-heading">{t('monitor.upload.heading')}</h2>
        <p>{t('monitor.upload.lead')}</p>
        <form
          method="post"
          action="/personale/monitor/data"
          enctype="multipart/form-data"
          aria-labelledby="upload-heading"
        >
          <CsrfField token={ctx.csrfToken} />
          <div class="form-group">
            <label class="form-label" for="fil">
              {t('monitor.upload.file')}
            </label>
            <span class="form-hint" id="fil-hint">
              {t('monitor.upload.fileHint')}
            </span>
            <input
              class="form-input"
              type="file"
              id="fil"
              name="fil"
              accept=".csv,.xlsx,text/csv"
              required
              aria-describedby="fil-hint"
            />
          </div>
          <div class="form-group">
            <label class="form-label" for="kodebog">
              {t('monitor.upload.codebook')}
            </label>
            <span class="form-hint" id="kodebog-hint">
              {t('monitor.upload.codebookHint')}
            </span>
            <input
              class="form-input"
              type="file"
              id="kodebog"
              name="kodebog"
              accept=".json,application/json"
              aria-describedby="kodebog-hint"
            />
          </div>
          <button type="submit" class="button button-primary">
            {t('monitor.upload.submit')}
          </button>
        </form>
      </Layout>,
      { status: problems.length > 0 ? 400 : 200 },
    );
  }

  app.get('/personale/monitor/data', { preHandler: planners }, (req, reply) =>
    dataPage(req, reply),
  );

  // Refused before the body is read: nobody but a planner can make us buffer a large upload.
  app.post<{ Body: UploadBody }>(
    '/personale/monitor/data',
    { onRequest: planners },
    async (req, reply) => {
      const { t } = monitorContext(req, reply);
      const file = await fileOf(req.body.fil);
      const problems: UploadProblem[] = [];
      let codebook: Codebook | null = null;
      const codebookFile = await fileOf(req.body.kodebog);
      if (!file) problems.push({ field: 'fil', message: t('monitor.upload.noFile') });
      if (codebookFile) {
        let json: unknown = null;
        try {
          json = JSON.parse(codebookFile.data.toString('utf8'));
        } catch {
          problems.push({ field: 'kodebog', message: t('monitor.upload.codebookNotJson') });
        }
        if (json !== null) {
          const parsed = parseCodebook(json);
          if (parsed.ok) codebook = parsed.codebook;
          else
            for (const p of parsed.problems.slice(0, 20))
              problems.push({
                field: 'kodebog',
                // Our own rules carry message keys; zod's built-in ones are English sentences.
                message: t('monitor.upload.codebookProblem', {
                  field: p.path || '–',
                  problem: p.message.startsWith('codebook.') ? t(p.message) : p.message,
                }),
              });
        }
      } else codebook = standardCodebook();
      if (problems.length > 0 || !file || !codebook) return dataPage(req, reply, problems);
      const fileName = file.name;
      const jobId = await startJob(db, req.tenant.kommune, fileName, req.staff?.id ?? null);
      const source: MicrodataSource = { name: fileName, data: new Uint8Array(file.data) };
      void runImport(db, req.log, {
        kommune: req.tenant.kommune,
        jobId,
        source,
        codebook,
        fileName,
        createdBy: req.staff?.id ?? null,
        actor: actorOf(req),
      });
      return reply.redirect(`/personale/monitor/import/${jobId}`, 303);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/personale/monitor/import/:id',
    { preHandler: planners },
    async (req, reply) => {
      const ctx = monitorContext(req, reply);
      const { t, lang } = ctx;
      if (!/^[0-9a-f-]{36}$/i.test(req.params.id))
        throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such job');
      const job = await getJob(db, req.tenant.kommune, req.params.id);
      if (!job) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such job');
      const running = job.status === 'running';
      const percent = job.rowsTotal
        ? Math.min(100, Math.round((100 * job.rowsDone) / job.rowsTotal))
        : null;
      const title = t(`monitor.job.title.${job.status}`);
      return sendPage(
        reply,
        <Layout ctx={ctx} title={title} area="staff" languages={MONITOR_LANGUAGES_LIST}>
          {running && <meta http-equiv="refresh" content="2" />}
          <h1>{title}</h1>
          <p>{t('monitor.job.file', { file: job.fileName })}</p>
          {running && (
            <>
              <p role="status">
                {t(`monitor.job.phase.${job.phase}`)}: {fmtInt(job.rowsDone, lang)}
                {job.rowsTotal ? ` / ${fmtInt(job.rowsTotal, lang)}` : ''} {t('monitor.job.rows')}
              </p>
              {percent !== null && (
                <progress max={100} value={percent} aria-label={t('monitor.job.progress')}>
                  {percent} %
                </progress>
              )}
              <p class="form-hint">{t('monitor.job.refresh')}</p>
            </>
          )}
          {job.status === 'done' && (
            <div class="alert alert-success" role="status">
              <div class="alert-body">
                <p class="alert-text">
                  {t('monitor.job.done', { rows: fmtInt(job.rowsDone, lang) })}
                </p>
              </div>
            </div>
          )}
          {job.status === 'done' && job.datasetId && (
            <p>
              <a
                class="button button-primary"
                href={`/personale/monitor?datasaet=${job.datasetId}`}
              >
                {t('monitor.job.open')}
              </a>
            </p>
          )}
          {job.status === 'failed' && (
            <>
              <div class="alert alert-error" role="alert">
                <div class="alert-body">
                  <p class="alert-text">{t('monitor.job.failed', { count: job.problemCount })}</p>
                </div>
              </div>
              <ol class="lighed-problems">
                {(job.problems ?? []).slice(0, 200).map((p) => (
                  <li>{formatProblem(p, lang)}</li>
                ))}
              </ol>
              {job.problemCount > 200 && (
                <p>{t('monitor.job.more', { count: job.problemCount - 200 })}</p>
              )}
              <p>
                <a href="/personale/monitor/data">{t('monitor.upload.again')}</a>
              </p>
            </>
          )}
        </Layout>,
        { personal: true },
      );
    },
  );

  app.get('/personale/monitor/heatplus', { preHandler: planners }, (req, reply) =>
    sendPage(reply, <HeatPlusPage ctx={monitorContext(req, reply)} />),
  );

  // HEAT Plus template in, measures out; the file is not stored.
  app.post<{ Body: { skabelon?: unknown } }>(
    '/personale/monitor/heatplus',
    { onRequest: planners },
    async (req, reply) => {
      const ctx = monitorContext(req, reply);
      const file = await fileOf(req.body.skabelon);
      if (!file) {
        const problems = [
          {
            severity: 'error' as const,
            line: 0,
            da: 'Vælg en fil i HEAT Plus-skabelonen.',
            en: 'Choose a file in the HEAT Plus template.',
          },
        ];
        return sendPage(reply, <HeatPlusPage ctx={ctx} problems={problems} />, { status: 400 });
      }
      const xlsx = file.data[0] === 0x50 && file.data[1] === 0x4b;
      const parsed = xlsx
        ? await readTemplateXlsx(file.data)
        : readTemplateCsv(file.data.toString('utf8'));
      if (hasErrors(parsed.problems))
        return sendPage(
          reply,
          <HeatPlusPage ctx={ctx} fileName={file.name} problems={parsed.problems} />,
          { status: 422 },
        );
      const results = parsed.groups.map((g) => groupMeasures(g));
      return sendPage(
        reply,
        <HeatPlusPage
          ctx={ctx}
          fileName={file.name}
          problems={parsed.problems}
          results={results}
        />,
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/personale/monitor/data/:id/slet',
    { preHandler: planners },
    async (req, reply) => {
      if (!/^[0-9a-f-]{36}$/i.test(req.params.id))
        throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such dataset');
      const deleted = await deleteDataset(
        db,
        req.tenant.kommune,
        req.params.id,
        req.staff?.id ?? null,
      );
      if (!deleted) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such dataset');
      return reply.redirect('/personale/monitor/data', 303);
    },
  );
};

/** Reads and stores the file in one transaction; the job row tells the page how far it got. */
export async function runImport(
  db: Db,
  log: FastifyBaseLogger,
  job: {
    kommune: string;
    jobId: string;
    source: MicrodataSource;
    codebook: Codebook;
    fileName: string;
    createdBy: string | null;
    actor: ReturnType<typeof actorOf>;
  },
): Promise<void> {
  let last = 0;
  let lastPhase = '';
  const progress = (phase: string, done: number, total: number) => {
    const now = Date.now();
    if (now - last < 500 && phase === lastPhase) return;
    last = now;
    lastPhase = phase;
    void updateJob(db, job.kommune, job.jobId, { phase, rowsDone: done, rowsTotal: total }).catch(
      () => undefined,
    );
  };
  try {
    const respondents = readRespondents(job.source, job.codebook, {
      onProgress: (d, tot) => progress('reading', d, tot),
    });
    const result = await importMicrodata(db, {
      kommune: job.kommune,
      codebook: job.codebook,
      fileName: job.fileName,
      respondents,
      createdBy: job.createdBy,
      // The reader reports rows read against the file's size; the store adds the later phases.
      onProgress: (phase, done, total) => {
        if (phase !== 'reading') progress(phase, done, total);
      },
    });
    await finishJob(db, job.kommune, job.jobId, { status: 'done', datasetId: result.datasetId });
  } catch (e) {
    if (e instanceof MicrodataInvalid) {
      await finishJob(db, job.kommune, job.jobId, {
        status: 'failed',
        problems: e.problems,
        problemCount: e.problemCount,
      });
      return;
    }
    log.error({ err: e, jobId: job.jobId }, 'monitor import failed');
    await finishJob(db, job.kommune, job.jobId, {
      status: 'failed',
      problems: [{ line: 0, column: '', code: 'unreadable_file', value: 'internal error' }],
      problemCount: 1,
    }).catch(() => undefined);
  }
}
