/**
 * `lighed export hsds` and `lighed import hsds` (wired in src/cli.ts): files in, files out.
 *
 * Export writes, into one directory: services.json (an array of fully nested HSDS services),
 * and the tabular data package: datapackage.json (the standard's descriptor, as published)
 * plus one CSV per HSDS table with the standard's columns in its order.
 *
 * Import reads a .json file (one object, an array, an API page `{contents: [...]}` or the
 * tabular JSON form) or a directory holding a data package (datapackage.json and the CSV files;
 * a directory with only services.json, as our export also writes, is read as JSON). Everything
 * is validated before anything is written; then all is imported in one transaction.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { inTenant, type Db } from '../../db/db.ts';
import { LighedError, type FieldProblem } from '../../platform/errors.ts';
import { writeCsv } from '../../platform/csv.ts';
import { toHsdsService } from './export.ts';
import { hsdsTables, readVendoredSchemaFile, validateHsds } from './hsds.schema.ts';
import { loadServices, tenantExists } from './hsds.store.ts';
import { fromHsdsJson } from './import.ts';
import type { HsdsReadResult } from './import-records.ts';
import { importHsds, type HsdsImportCounts } from './import.store.ts';
import { csvFilesToTables, fromHsdsTables, toHsdsTables } from './tabular.ts';
import type { HsdsService } from './types.ts';

export interface HsdsExportCounts {
  services: number;
  organizations: number;
  locations: number;
  service_at_locations: number;
  schedules: number;
  files: number;
}

async function assertTenant(db: Db, kommune: string) {
  if (!/^\d{4}$/.test(kommune)) {
    throw new LighedError(
      'LIGHED_ERR_VALIDATION',
      `"${kommune}" is not a kommunekode (four digits)`,
      [{ path: 'kommune', message: 'four digits' }],
    );
  }
  if (!(await tenantExists(db, kommune)))
    throw new LighedError(
      'LIGHED_ERR_VALIDATION',
      `No municipality ${kommune} in this installation`,
      [{ path: 'kommune', message: 'unknown' }],
    );
}

/** All of a municipality's services as HSDS objects (published only unless asked). */
export async function exportServices(
  db: Db,
  kommune: string,
  opts: { includeUnpublished?: boolean } = {},
): Promise<HsdsService[]> {
  const perPage = 200;
  return inTenant(db, kommune, async (tx) => {
    const out: HsdsService[] = [];
    for (let page = 1; ; page++) {
      const { items, total } = await loadServices(tx, {
        page,
        perPage,
        kommune,
        includeUnpublished: opts.includeUnpublished ?? false,
      });
      out.push(...items.map(toHsdsService));
      if (page * perPage >= total || items.length === 0) break;
    }
    return out;
  });
}

/**
 * Writes services.json and the CSV data package for `kommune` into `outDir`. Every service is
 * checked against the standard's schema first: an export that does not validate is a bug, and
 * nothing is written.
 */
export async function exportHsds(
  db: Db,
  kommune: string,
  outDir: string,
  opts: { includeUnpublished?: boolean } = {},
): Promise<HsdsExportCounts> {
  await assertTenant(db, kommune);
  const services = await exportServices(db, kommune, opts);
  const problems = services.flatMap((s, i) => validateHsds('service', s, `services[${i}]`));
  if (problems.length)
    throw new LighedError(
      'LIGHED_ERR_INTERNAL',
      'The HSDS export does not validate against HSDS 3.0',
      problems,
    );

  const tables = toHsdsTables({ services });
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'services.json'), `${JSON.stringify(services, null, 2)}\n`, 'utf8');
  await writeFile(
    join(outDir, 'datapackage.json'),
    readVendoredSchemaFile('datapackage.json'),
    'utf8',
  );
  let files = 2;
  for (const t of hsdsTables()) {
    await writeFile(
      join(outDir, t.path),
      writeCsv(
        t.columns.map((c) => c.name),
        tables.get(t.path) ?? [],
      ),
      'utf8',
    );
    files++;
  }
  return {
    services: services.length,
    organizations: tables.get('organizations.csv')?.length ?? 0,
    locations: tables.get('locations.csv')?.length ?? 0,
    service_at_locations: tables.get('service_at_location.csv')?.length ?? 0,
    schedules: tables.get('schedules.csv')?.length ?? 0,
    files,
  };
}

/** Reads and validates an HSDS file or data package directory; nothing is written. */
export async function readHsdsPath(path: string): Promise<HsdsReadResult> {
  const info = await stat(path).catch(() => undefined);
  if (!info)
    throw new LighedError('LIGHED_ERR_IMPORT_INVALID', `${path}: no such file or directory`, [
      { path, message: 'not found' },
    ]);
  if (info.isDirectory()) {
    const descriptor = join(path, 'datapackage.json');
    if (existsSync(descriptor)) return readDatapackage(path, descriptor);
    if (existsSync(join(path, 'services.json'))) return readJsonFile(join(path, 'services.json'));
    throw new LighedError(
      'LIGHED_ERR_IMPORT_INVALID',
      `${path}: no datapackage.json (CSV data package) or services.json here`,
      [{ path: descriptor, message: 'not found' }],
    );
  }
  if (path.toLowerCase().endsWith('.csv')) {
    throw new LighedError(
      'LIGHED_ERR_IMPORT_INVALID',
      `${path}: give the directory of the data package, not one CSV file`,
      [{ path, message: 'a single CSV file is not a data package' }],
    );
  }
  return readJsonFile(path);
}

async function readJsonFile(file: string): Promise<HsdsReadResult> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new LighedError('LIGHED_ERR_IMPORT_INVALID', `${basename(file)} is not valid JSON`, [
      { path: basename(file), message: err instanceof Error ? err.message : 'not JSON' },
    ]);
  }
  return fromHsdsJson(value);
}

async function readDatapackage(dir: string, descriptor: string): Promise<HsdsReadResult> {
  const known = new Set(hsdsTables().map((t) => t.path));
  const files: Record<string, string> = {};
  // The descriptor lists the tables; the standard's own example folder holds a git symlink
  // checked out as a text file ("../../datapackage.json"), so when it is not JSON with
  // resources we read every known table file that is there.
  let resources: { path?: unknown }[] | undefined;
  try {
    const parsed = JSON.parse(await readFile(descriptor, 'utf8')) as { resources?: unknown };
    if (Array.isArray(parsed.resources)) resources = parsed.resources as { path?: unknown }[];
  } catch {
    resources = undefined;
  }
  const names = resources
    ? resources.map((r) => r.path).filter((p): p is string => typeof p === 'string')
    : (await readdir(dir)).filter((f) => f.toLowerCase().endsWith('.csv'));
  for (const name of names) {
    const file = resolve(dir, name);
    if (dirname(file) !== resolve(dir) || !existsSync(file)) continue;
    files[known.has(name) ? name : basename(name)] = await readFile(file, 'utf8');
  }
  const { tables, problems, warnings } = csvFilesToTables(files);
  return fromHsdsTables(tables, { problems, warnings });
}

export type HsdsImportSummary = HsdsImportCounts & { warnings: string[] };

/**
 * Imports an HSDS file or data package into `kommune`: all or nothing. On any problem throws
 * LighedError('LIGHED_ERR_IMPORT_INVALID') listing every problem, having written nothing.
 */
export async function importHsdsPath(
  db: Db,
  kommune: string,
  path: string,
): Promise<HsdsImportSummary> {
  await assertTenant(db, kommune);
  const read = await readHsdsPath(path);
  if (read.problems.length) {
    throw new LighedError(
      'LIGHED_ERR_IMPORT_INVALID',
      `${basename(path)}: ${read.problems.length} problem(s) in the HSDS data; nothing was imported`,
      read.problems,
    );
  }
  const { warnings, ...counts } = await importHsds(db, kommune, read.records);
  const all: FieldProblem[] = [...read.warnings, ...warnings];
  return { ...counts, warnings: all.map((w) => `${w.path}: ${w.message}`) };
}
