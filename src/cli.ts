/**
 * `lighed <command>`: serve, migrate, demo, import, export, monitor, measures. `npx lighed --help` lists them.
 * Every command opens the database the same way: PGlite in LIGHED_DATA_DIR (locked while in
 * use) or the PostgreSQL server in DATABASE_URL.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fork } from 'node:child_process';
import { Command, Option } from 'commander';
import { buildApp } from './app.ts';
import { loadConfig, describeSettings, type Config } from './platform/config.ts';
import type { Db } from './db/db.ts';
import { lockDataDir } from './db/datadir-lock.ts';
import { migrate } from './db/migrate.ts';
import { openPglite } from './db/pglite.ts';
import { openPostgres } from './db/postgres.ts';
import { LighedError } from './platform/errors.ts';
import { ensurePostcodes } from './platform/geo/postcode.store.ts';
import { dawaGeocoder, offlineGeocoder } from './platform/geo/geocoder.ts';
import { ensureDemoTeams, seedDemo, demoAccounts } from './demo/demo.seed.ts';
import { prepareStart, type StartOutcome } from './demo/start.service.ts';
import { startPlan } from './demo/demo-setting.ts';
import { adminCreate } from './staff/admin.cli.ts';
import { staffCreate, type StaffCreateOptions } from './staff/staff-create.cli.ts';
import { apiClientCreate } from './fhir/api-client.cli.ts';
import { generateDemoSurvey, seedDemoSurvey } from './monitor/demo/survey.seed.ts';
import { seedPlanningDemo } from './planning/index.ts';
import { seedVoiceDemo } from './voice/index.ts';
import { seedAssessmentDemo } from './assessment/demo.seed.ts';
import { DEMO_KOMMUNE } from './demo/demo.data.ts';
import { exportHsds, importHsdsPath } from './catalog/hsds/hsds.cli.ts';
import { purgeExpiredSignups } from './catalog/retention.ts';
import { purgeConversations } from './conversation/retention.ts';
import { recoverImports } from './monitor/microdata/import.service.ts';
import { exportConversationFhir, instrumentsBundle } from './conversation/fhir-export.ts';
import { INSTRUMENTS } from './conversation/instruments/index.ts';
import { monitorDelete, monitorImport, monitorList } from './monitor/microdata/microdata.cli.ts';
import { isMeasureMethod, runMeasures } from './monitor/heatplus/measures.cli.ts';
import { monitorImportHeatPlus } from './monitor/heatplus/dataset.cli.ts';
import { loadCprKeyring, useCprKeyring } from './people/index.ts';
import { keysRotate } from './people/keys.cli.ts';
import { auditVerify } from './audit/audit.cli.ts';
import { announceChannels, mailSendPending } from './platform/mail/mail.cli.ts';
import { startJobs } from './platform/jobs/index.ts';
import { jobsFailed, jobsRetry } from './platform/jobs/jobs.cli.ts';
import { jobDefinitions } from './jobs.ts';
import { outreachScanCli } from './outreach/outreach.cli.ts';

interface Opened {
  db: Db;
  close: () => Promise<void>;
}

/** Where the embedded database lives in the data directory. */
const pgliteDir = (config: Config) => join(resolve(config.dataDir), 'pglite');

/** Opens and migrates the database; the data directory stays locked until `close`. */
export async function openDatabase(config: Config): Promise<Opened> {
  // The CPR keyring of this process (src/people/keyring.ts): configured, or in development one
  // kept in the data directory; in production without keys, CPR numbers are refused.
  useCprKeyring(loadCprKeyring(config));
  if (config.databaseUrl) {
    const db = openPostgres(config.databaseUrl, 10, config.appDatabaseUrl);
    await migrate(db);
    return { db, close: () => db.close() };
  }
  const dir = resolve(config.dataDir);
  const release = lockDataDir(dir);
  try {
    const db = await openPglite(pgliteDir(config));
    await migrate(db);
    return {
      db,
      close: async () => {
        await db.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** In embedded mode a generated secret is kept beside the data, so sessions survive restarts. */
function cookieSecret(config: Config): string {
  if (config.cookieSecret) return config.cookieSecret;
  if (config.databaseUrl) {
    console.warn(
      'LIGHED_COOKIE_SECRET is not set: using a per-process secret (sessions end on restart).',
    );
    return randomBytes(32).toString('base64url');
  }
  const dir = resolve(config.dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'cookie-secret');
  if (!existsSync(file))
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** What a first start's seeding process hands the server: the lines to print once. */
type Seeded = Pick<StartOutcome, 'accounts' | 'apiClients'>;

async function serve(opts: { seedOnly?: boolean } = {}) {
  const config = loadConfig();
  const seeded = opts.seedOnly ? null : await seedInChild(config);
  // The seeding child exists only for a new directory that gets the demo: the survey's worker
  // starts at once, beside the migrations and the catalog's seeding on this thread.
  const survey = opts.seedOnly ? generateDemoSurvey() : undefined;
  survey?.catch(() => undefined); // awaited (and reported) by seedSurvey
  const { db, close } = await openDatabase(config);
  await ensurePostcodes(db);
  // The demo only when asked (never by default in production); its accounts are printed once.
  const start = await prepareStart(db, config, (line) => console.log(line));
  if (start.demoWanted) {
    await seedSurvey(db, DEMO_KOMMUNE, survey);
    // Planning and the citizens' voice build on the catalog and the survey, the assessment on
    // planning's interventions and goals; each runs once.
    await seedPlanningDemo(db, DEMO_KOMMUNE);
    await seedVoiceDemo(db, DEMO_KOMMUNE);
    await seedAssessmentDemo(db, DEMO_KOMMUNE);
  }
  if (opts.seedOnly) {
    await close();
    const done: Seeded = { accounts: start.accounts, apiClients: start.apiClients };
    await new Promise((sent) => process.send?.(done, sent) ?? sent(null));
    process.exit(0);
  }
  if (seeded) Object.assign(start, seeded);
  // Monitor imports cut short by the last stop: jobs marked interrupted, unfinished rows removed.
  const recovered = await recoverImports(db);
  if (recovered.jobs > 0)
    console.log(`Marked ${recovered.jobs} interrupted monitor import(s) failed.`);
  const geocoder =
    config.geocoder === 'dawa' ? dawaGeocoder(db, config.dawaUrl) : offlineGeocoder(db);
  const app = await buildApp({ db, config, cookieSecret: cookieSecret(config), geocoder });
  // Background work runs on the job queue (decision 0019): the outbox every minute, reminders
  // at 17:00, the outreach scan at 06:30, retention daily at 03:15 and once now; once per
  // schedule however many servers share the database.
  await announceChannels(db, config, app.log, (line) => console.log(line));
  const jobs = await startJobs(db, jobDefinitions({ db, config, log: app.log }), { log: app.log });
  await jobs.send('retention.daily');
  const shutdown = async () => {
    await jobs.stop();
    await app.close();
    await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  console.log(
    `\nLighed is running at ${url} (${db.engine === 'pglite' ? `embedded database in ${resolve(config.dataDir)}` : 'PostgreSQL'})`,
  );
  if (start.accounts.length) printAccounts(start.accounts);
  if (start.apiClients.length) {
    console.log(
      'Demo FHIR API clients (POST /oauth/token with HTTP Basic; the secrets are shown only now):',
    );
    for (const { role, client_id, client_secret } of start.apiClients)
      console.log(`  ${role.padEnd(10)} ${JSON.stringify({ client_id, client_secret })}`);
    console.log('');
  }
}

/**
 * A first start on a new embedded data directory seeds the demo in a child process that exits
 * before the server opens the directory: PGlite's WASM heap keeps its high-water mark for the
 * life of the process, and the seeding's is far above a running server's (issue 16; figures in
 * bench/README.md). Returns null when there is nothing to seed apart (PostgreSQL, an existing
 * directory, no demo wanted): the server's own start then does whatever is left.
 */
async function seedInChild(config: Config): Promise<Seeded | null> {
  const entry = process.argv[1];
  if (config.databaseUrl || !entry || existsSync(pgliteDir(config))) return null;
  if (!startPlan(config.demo, { production: config.production, empty: true }).seedDemo) return null;
  const child = fork(entry, ['serve', '--seed-only'], { stdio: 'inherit' });
  let seeded: Seeded | null = null;
  child.on('message', (m: Seeded) => (seeded = m));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0 || !seeded) throw new Error(`seeding the demo failed (exit code ${code})`);
  return seeded;
}

/** The synthetic national survey for the equity monitor: 98 municipalities, five waves. */
async function seedSurvey(
  db: Db,
  kommune: string,
  generated?: ReturnType<typeof generateDemoSurvey>,
) {
  const started = Date.now();
  console.log(
    'Generating the synthetic national health survey for the equity monitor (5 × 180,000 respondents)…',
  );
  const created = await seedDemoSurvey(db, kommune, generated ? { generated } : {});
  console.log(
    created
      ? `Survey ready in ${Math.round((Date.now() - started) / 1000)} s.`
      : 'The synthetic national survey already exists.',
  );
}

function printAccounts(accounts: readonly { role: string; email: string; password: string }[]) {
  console.log('\nDemo staff accounts (sign in at /personale):');
  for (const a of accounts)
    console.log(`  ${a.role.padEnd(11)} ${a.email.padEnd(34)} password: ${a.password}`);
  console.log('');
}

async function withDb<T>(fn: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { db, close } = await openDatabase(config);
  try {
    return await fn(db, config);
  } finally {
    await close();
  }
}

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program
    .name('lighed')
    .description('Lighed: reduce social inequality in health. Settings come from the environment:')
    .addHelpText(
      'after',
      '\nSettings:\n' +
        describeSettings()
          .map((s) => `  ${s.key.padEnd(22)} ${s.description}`)
          .join('\n'),
    );

  program
    .command('serve')
    .description('start the web server (migrates, and seeds the demo on first start)')
    // Internal: the first start's seeding process (seedInChild).
    .addOption(new Option('--seed-only').hideHelp())
    .action((opts: { seedOnly?: boolean }) => serve(opts));
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(() =>
      withDb(async () => {
        console.log('Database is migrated.');
      }),
    );
  program
    .command('demo')
    .description('create the demo municipality (Roskilde, synthetic data) if it is not there')
    .action(() =>
      withDb(async (db) => {
        await ensurePostcodes(db);
        const created = await seedDemo(db);
        console.log(created ? 'Demo municipality created.' : 'Demo municipality already exists.');
        await ensureDemoTeams(db);
        await seedSurvey(db, DEMO_KOMMUNE);
        // Only when made now: an existing demo's accounts may have been changed or removed.
        if (created) printAccounts(demoAccounts());
      }),
    );
  program
    .command('admin')
    .description('staff administrators')
    .command('create')
    .description(
      "create a municipality's administrator (and the municipality when new) with a one-time sign-in link",
    )
    .requiredOption('--kommune <code>', 'kommunekode, 4 digits (e.g. 0265)')
    .option('--kommune-name <name>', "the municipality's name; needed when it is new")
    .requiredOption('--email <email>', "the administrator's e-mail (their sign-in)")
    .requiredOption('--name <name>', "the administrator's full name")
    .action((opts: { kommune: string; kommuneName?: string; email: string; name: string }) =>
      withDb((db, config) => adminCreate(db, config, opts)),
    );
  program
    .command('staff')
    .description('staff accounts')
    .command('create')
    .description('create a staff account of any role with a one-time sign-in link')
    .requiredOption(
      '--role <role>',
      'admin, planner, frontline, provider, referrer, coordinator, outreach or assessor',
    )
    .requiredOption('--email <email>', "the person's e-mail (their sign-in)")
    .requiredOption('--name <name>', "the person's full name")
    .option('--team <id>', 'the team (frontline, outreach: required for outreach)')
    .option('--organization <id>', 'the organisation they act for (provider, referrer: required)')
    .option('--kommune <code>', 'kommunekode, 4 digits (default: LIGHED_KOMMUNE)')
    .action((opts: StaffCreateOptions) => withDb((db, config) => staffCreate(db, config, opts)));
  program
    .command('api-client')
    .description('clients of the FHIR API (OAuth 2.0 client credentials)')
    .command('create')
    .description('create an API client; prints {"client_id","client_secret"} once as JSON')
    .requiredOption('--name <name>', 'the system, e.g. "Lægehuset Algade (EPJ)"')
    .requiredOption('--role <role>', 'referrer (sends referrals) or provider (receives them)')
    .option('--organization <id>', "the client's organisation (required for a provider)")
    .option('--kommune <code>', 'kommunekode (default LIGHED_KOMMUNE)')
    .action((opts: { name: string; role: string; organization?: string; kommune?: string }) =>
      withDb((db, config) => apiClientCreate(db, config, opts)),
    );
  program
    .command('mail')
    .description('outgoing mail (the outbox)')
    .command('send-pending')
    .description(
      'send the queued mail that is due now (the server also does this every minute); prints counts',
    )
    .action(() => withDb((db, config) => mailSendPending(db, config)));
  const jobsCmd = program.command('jobs').description('the background job queue');
  jobsCmd
    .command('failed')
    .description('list the queues and the jobs that failed for good (name, id, when, error code)')
    .action(() => withDb((db) => jobsFailed(db)));
  jobsCmd
    .command('retry <id>')
    .description('give a failed job one more attempt, now')
    .action((id: string) => withDb((db) => jobsRetry(db, id)));
  program
    .command('outreach')
    .description('the outreach lane')
    .command('scan')
    .description("run the outreach rules (every municipality's, or one); prints counts")
    .option('--at <iso-date>', 'the time to scan at (default now)')
    .option('--kommune <code>', 'one municipality (e.g. 0265)')
    .action((opts: { at?: string; kommune?: string }) =>
      withDb(async (db) => {
        await outreachScanCli(db, opts);
      }),
    );
  program
    .command('purge')
    .description(
      'delete sign-ups and health conversations whose retention period has ended (the server also does this daily)',
    )
    .action(() =>
      withDb(async (db) => {
        console.log(`Deleted ${await purgeExpiredSignups(db)} expired sign-ups.`);
        console.log(`Deleted ${await purgeConversations(db)} expired health conversations.`);
      }),
    );
  program
    .command('keys')
    .description('CPR encryption keys')
    .command('rotate')
    .description(
      're-encrypt every CPR number under LIGHED_CPR_ACTIVE_KEY (and recompute its blind index)',
    )
    .option('--kommune <code>', 'only this municipality')
    .option('--all', 'also rows already under the active key (after a new LIGHED_CPR_INDEX_KEY)')
    .action((opts: { kommune?: string; all?: boolean }) =>
      withDb((db, config) => keysRotate(db, config, opts)),
    );
  program
    .command('audit')
    .description('the audit log')
    .command('verify')
    .description(
      "check each municipality's audit hash chain; exit 1 at the first changed or deleted row",
    )
    .option('--kommune <code>', 'only this municipality')
    .action((opts: { kommune?: string }) =>
      withDb(async (db) => {
        process.exitCode = await auditVerify(db, opts);
      }),
    );
  const imp = program.command('import').description('import data');
  imp
    .command('hsds <path>')
    .description('import an HSDS 3.0 JSON file or CSV data package (all or nothing)')
    .option('--kommune <code>', 'municipality to import into (default LIGHED_KOMMUNE)')
    .action((path: string, opts: { kommune?: string }) =>
      withDb(async (db, config) => {
        const counts = await importHsdsPath(db, opts.kommune ?? config.defaultKommune, path);
        console.log(`Imported: ${JSON.stringify(counts)}`);
      }),
    );
  const exp = program.command('export').description('export data');
  exp
    .command('hsds')
    .description('export the published catalog as HSDS 3.0 JSON and CSV data package')
    .requiredOption('--out <dir>', 'output directory')
    .option('--kommune <code>', 'municipality to export (default LIGHED_KOMMUNE)')
    .action((opts: { out: string; kommune?: string }) =>
      withDb(async (db, config) => {
        const counts = await exportHsds(db, opts.kommune ?? config.defaultKommune, opts.out);
        console.log(`Exported to ${opts.out}: ${JSON.stringify(counts)}`);
      }),
    );

  exp
    .command('fhir')
    .description(
      'print a health conversation as a FHIR R4 Bundle of QuestionnaireResponses, or the instruments as Questionnaires',
    )
    .option(
      '--conversation <id>',
      'the conversation to export (its id, from the address of its page)',
    )
    .option('--instruments', 'export the instrument library as Questionnaires instead')
    .option('--kommune <code>', 'municipality (default LIGHED_KOMMUNE)')
    .action((opts: { conversation?: string; instruments?: boolean; kommune?: string }) =>
      withDb(async (db, config) => {
        if (opts.instruments) {
          console.log(JSON.stringify(instrumentsBundle(INSTRUMENTS), null, 2));
          return;
        }
        if (!opts.conversation) {
          console.error('Give --conversation <id> or --instruments');
          process.exitCode = 2;
          return;
        }
        console.log(
          JSON.stringify(
            await exportConversationFhir(
              db,
              opts.kommune ?? config.defaultKommune,
              opts.conversation,
            ),
            null,
            2,
          ),
        );
      }),
    );

  const monitor = program
    .command('monitor')
    .description('equity monitor microdata (import, list, delete)');
  monitor
    .command('import <file>')
    .description('import a microdata file (CSV or XLSX) described by a codebook; all or nothing')
    .requiredOption('--codebook <file>', 'codebook JSON describing the columns and codes')
    .option('--kommune <code>', 'municipality that owns the data (default LIGHED_KOMMUNE)')
    .option('--shared', 'let every municipality read the sums (a national dataset)')
    .action((file: string, opts: { codebook: string; kommune?: string; shared?: boolean }) =>
      withDb(async (db, config) => {
        process.exitCode = await monitorImport(db, file, {
          ...opts,
          kommune: opts.kommune ?? config.defaultKommune,
        });
      }),
    );
  monitor
    .command('import-heatplus <file>')
    .description(
      'load a WHO HEAT Plus template (CSV or XLSX) as a dataset: its figures appear on the monitor pages',
    )
    .option('--kommune <code>', 'municipality that owns the data (default LIGHED_KOMMUNE)')
    .option('--name <name>', 'name shown in the list of datasets (default: the file’s sources)')
    .action((file: string, opts: { kommune?: string; name?: string }) =>
      withDb(async (db, config) => {
        process.exitCode = await monitorImportHeatPlus(db, file, {
          kommune: opts.kommune ?? config.defaultKommune,
          name: opts.name,
        });
      }),
    );
  monitor
    .command('list')
    .description('list the microdata datasets a municipality can read')
    .option('--kommune <code>', 'municipality (default LIGHED_KOMMUNE)')
    .action((opts: { kommune?: string }) =>
      withDb(async (db, config) => {
        process.exitCode = await monitorList(db, opts.kommune ?? config.defaultKommune);
      }),
    );
  monitor
    .command('delete <id>')
    .description('delete a microdata dataset with its rows and sums')
    .option('--kommune <code>', 'municipality (default LIGHED_KOMMUNE)')
    .action((id: string, opts: { kommune?: string }) =>
      withDb(async (db, config) => {
        process.exitCode = await monitorDelete(db, opts.kommune ?? config.defaultKommune, id);
      }),
    );

  program
    .command('measures')
    .description('print every HEAT summary measure for a WHO HEAT Plus template file (CSV or XLSX)')
    .requiredOption('--input <file>', 'HEAT Plus template (the 20 columns), .csv or .xlsx')
    .option('--format <format>', 'json or csv', 'json')
    .option(
      '--method <method>',
      "heat (WHO HEAT, as HEAT Plus), survey (intervals from the subgroups' SEs) or phe (PHE's SII/RII)",
      'heat',
    )
    .action(async (opts: { input: string; format: string; method: string }) => {
      if (opts.format !== 'json' && opts.format !== 'csv') {
        console.error(`--format must be json or csv, not "${opts.format}"`);
        process.exitCode = 2;
        return;
      }
      if (!isMeasureMethod(opts.method)) {
        console.error(`--method must be heat, survey or phe, not "${opts.method}"`);
        process.exitCode = 2;
        return;
      }
      process.exitCode = await runMeasures({
        input: opts.input,
        format: opts.format,
        method: opts.method,
      });
    });

  try {
    await program.parseAsync(argv.length > 2 ? argv : [...argv, 'serve']);
  } catch (err) {
    if (err instanceof LighedError) {
      console.error(`Error (${err.code}): ${err.message}`);
      for (const p of err.problems.slice(0, 50)) console.error(`  ${p.path}: ${p.message}`);
      if (err.problems.length > 50) console.error(`  … and ${err.problems.length - 50} more`);
      process.exit(1);
    }
    throw err;
  }
}
