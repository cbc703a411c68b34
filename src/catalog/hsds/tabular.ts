/**
 * The tabular forms of HSDS: the CSV data package (one CSV file per table, with the standard's
 * columns) and the tabular JSON form. Export flattens nested objects into the tables; import
 * joins the rows back into nested objects and reads them like JSON. CSV text is read and
 * written by the kernel (platform/csv.ts).
 */
import type { FieldProblem } from '../../platform/errors.ts';
import { CsvSyntaxError, parseCsvTable, readNeutralisedCell } from '../../platform/csv.ts';
import { hasNul, NUL } from '../../platform/nul.ts';
import { isObject } from './fields.ts';
import type { HsdsReadResult } from './import-records.ts';
import { Reader } from './import-reader.ts';
import {
  ajvField,
  ajvMessage,
  hsdsChildren,
  hsdsErrors,
  hsdsTables,
  type HsdsTable,
} from './hsds.schema.ts';
import { jsonWhere, type Where } from './problems.ts';
import type {
  HsdsAccessibility,
  HsdsAddress,
  HsdsAttribute,
  HsdsContact,
  HsdsCostOption,
  HsdsLanguage,
  HsdsLocation,
  HsdsOrganization,
  HsdsPhone,
  HsdsSchedule,
  HsdsScalars,
  HsdsService,
  HsdsServiceAtLocation,
  HsdsTaxonomy,
  HsdsTaxonomyTerm,
} from './types.ts';

// ---------------------------------------------------------------------------------------------
// Export as tables.

export type HsdsTableRows = Map<string, HsdsScalars[]>;

/**
 * Flattens nested HSDS objects into the 21 tables of the data package (keyed by CSV file name),
 * following the schema's own nesting. Each row keeps only its table's columns; rows are
 * de-duplicated by id; a child without its parent's foreign key gets it.
 */
export function toHsdsTables(roots: {
  services?: HsdsService[];
  organizations?: HsdsOrganization[];
}): HsdsTableRows {
  const tables = hsdsTables();
  const byName = new Map(tables.map((t) => [t.name, t]));
  const out: HsdsTableRows = new Map(tables.map((t) => [t.path, []]));
  const seen = new Map<string, Set<string>>(tables.map((t) => [t.path, new Set()]));

  const visit = (
    name: HsdsTable['name'],
    obj: Record<string, unknown>,
    parent?: { name: string; id: string },
  ) => {
    const table = byName.get(name);
    if (!table) return;
    const row: HsdsScalars = {};
    for (const c of table.columns) {
      const v = obj[c.name];
      if (v !== undefined && (v === null || typeof v !== 'object'))
        row[c.name] = v as string | number | boolean | null;
    }
    if (parent) {
      const fk = `${parent.name}_id`;
      if (table.columns.some((c) => c.name === fk) && row[fk] === undefined) row[fk] = parent.id;
      if (name === 'attribute') {
        row.link_id ??= parent.id;
        row.link_entity ??= parent.name;
      }
    }
    const id = typeof row.id === 'string' ? row.id : undefined;
    const seenHere = seen.get(table.path);
    if (id && seenHere) {
      if (!seenHere.has(id)) {
        seenHere.add(id);
        out.get(table.path)?.push(row);
      }
    }
    if (name === 'organization' && Array.isArray(obj.services)) {
      for (const s of obj.services as Record<string, unknown>[])
        visit('service', s, id ? { name, id } : undefined);
    }
    for (const child of hsdsChildren(name)) {
      const v = obj[child.property];
      const items = child.many
        ? Array.isArray(v)
          ? v
          : []
        : v && typeof v === 'object'
          ? [v]
          : [];
      for (const item of items as Record<string, unknown>[]) {
        // A service's organization and a term's taxonomy are parents, not children: no foreign key.
        const asChild = child.many && id ? { name, id } : undefined;
        visit(child.definition, item, asChild);
      }
    }
  };
  for (const s of roots.services ?? []) visit('service', s as unknown as Record<string, unknown>);
  for (const o of roots.organizations ?? [])
    visit('organization', o as unknown as Record<string, unknown>);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Import from tables.

/** Rows per CSV file name (`services.csv`, ...), each with where it came from. */
export type HsdsTableInput = Record<string, { where: Where; values: Record<string, unknown> }[]>;

/**
 * The tabular JSON form (`{ "services.csv": [...] }`) as table rows. Cells are typed there, but a
 * table is a table: a number in a text column (the standard's own tabular.json has
 * `external_identifier: 10092008082`) is read as its text, as from CSV.
 */
export function tabularJsonToTables(value: Record<string, unknown>): HsdsTableInput {
  const columns = new Map(
    hsdsTables().map((t) => [t.path, new Map(t.columns.map((c) => [c.name, c.type]))]),
  );
  const tables: HsdsTableInput = {};
  for (const [file, rows] of Object.entries(value)) {
    const types = columns.get(file);
    tables[file] = Array.isArray(rows)
      ? rows.map((r, i) => {
          const values: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(isObject(r) ? r : {})) {
            values[k] =
              types?.get(k) === 'string' && (typeof v === 'number' || typeof v === 'boolean')
                ? String(v)
                : v;
          }
          return { where: jsonWhere(`${file}[${i}]`), values };
        })
      : [];
  }
  return tables;
}

/**
 * Parses the CSV files of a data package (file name → text) into typed rows: number columns
 * become numbers ("not a number" otherwise), empty cells are absent, a text cell that our export
 * neutralised against formula injection (`'=…`) is read back as the original text. Unknown files and
 * columns are reported as warnings and ignored.
 */
/** PostgreSQL cannot store U+0000: said per cell, rather than failing in the database. */
export const NUL_MESSAGE = 'holds a NUL character (U+0000), which cannot be stored';

export function csvFilesToTables(files: Record<string, string>): {
  tables: HsdsTableInput;
  problems: FieldProblem[];
  warnings: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const tables: HsdsTableInput = {};
  const known = new Map(hsdsTables().map((t) => [t.path, t]));
  for (const [file, text] of Object.entries(files)) {
    const table = known.get(file);
    if (!table) {
      warnings.push({ path: file, message: 'not an HSDS table: ignored' });
      continue;
    }
    let parsed: ReturnType<typeof parseCsvTable>;
    try {
      parsed = parseCsvTable(text);
    } catch (err) {
      if (err instanceof CsvSyntaxError) {
        problems.push({
          path: `${file} line ${err.line}`,
          message: err.message.replace(/^line \d+: /, ''),
        });
        continue;
      }
      throw err;
    }
    const types = new Map(table.columns.map((c) => [c.name, c.type]));
    for (const h of parsed.header) {
      if (!types.has(h))
        warnings.push({
          path: `${file}, column ${h}`,
          message: 'not a column of this table: ignored',
        });
    }
    tables[file] = parsed.rows.map(({ line, values }) => {
      const where: Where = (field) =>
        field ? `${file} line ${line}, column ${field}` : `${file} line ${line}`;
      const row: Record<string, unknown> = {};
      for (const [col, cell] of Object.entries(values)) {
        const type = types.get(col);
        if (!type || cell.trim() === '') continue;
        // Reported once here; the rest of the cell is read on, so no second problem follows.
        if (hasNul(cell)) problems.push({ path: where(col), message: NUL_MESSAGE });
        const raw = cell.replaceAll(NUL, '');
        if (type === 'number' || type === 'integer') {
          const n = Number(raw.trim());
          if (Number.isFinite(n)) row[col] = n;
          else problems.push({ path: where(col), message: 'not a number' });
        } else if (type === 'boolean') {
          const b = raw.trim().toLowerCase();
          if (b === 'true' || b === 'false') row[col] = b === 'true';
          else problems.push({ path: where(col), message: 'not true or false' });
        } else {
          // Our export writes `'=…` for text a spreadsheet would run as a formula: give back the text.
          row[col] = readNeutralisedCell(raw);
        }
      }
      return { where, values: row };
    });
  }
  return { tables, problems, warnings };
}

/**
 * Reads the HSDS tables (from CSV or tabular JSON): validates each row against its table's
 * schema, joins the rows into nested objects by their foreign keys and maps them like JSON.
 * Problems name file, line and column: `locations.csv line 7, column latitude: not a number`.
 */
export function fromHsdsTables(
  tables: HsdsTableInput,
  prior: { problems?: FieldProblem[]; warnings?: FieldProblem[] } = {},
): HsdsReadResult {
  const problems: FieldProblem[] = [...(prior.problems ?? [])];
  const warnings: FieldProblem[] = [...(prior.warnings ?? [])];
  const defs = new Map(hsdsTables().map((t) => [t.path, t]));
  const rows = (file: string) => tables[file] ?? [];

  for (const [file, list] of Object.entries(tables)) {
    const t = defs.get(file);
    if (!t) {
      if (!warnings.some((w) => w.path === file))
        warnings.push({ path: file, message: 'not an HSDS table: ignored' });
      continue;
    }
    for (const r of list) {
      for (const e of hsdsErrors(t.name, r.values)) {
        const field = ajvField(e);
        const path = r.where(field || undefined);
        const message = ajvMessage(e);
        if (!problems.some((x) => x.path === path && x.message === message))
          problems.push({ path, message });
      }
    }
  }
  if (
    !rows('services.csv').length &&
    !rows('organizations.csv').length &&
    !rows('locations.csv').length
  ) {
    problems.push({
      path: 'services.csv',
      message: 'the data package has no services, organizations or locations',
    });
  }
  if (problems.length)
    return { records: { organizations: [], locations: [], offers: [] }, problems, warnings };

  const labels = new WeakMap<object, Where>();
  const make = <T extends object>(
    r: { where: Where; values: Record<string, unknown> },
    extra: Record<string, unknown> = {},
  ): T => {
    const obj = { ...r.values, ...extra } as T;
    labels.set(obj, r.where);
    return obj;
  };
  const by = (file: string, key: string, id: string) =>
    rows(file).filter((r) => r.values[key] === id);
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

  const taxonomies = new Map(rows('taxonomies.csv').map((r) => [str(r.values.id), r]));
  const terms = new Map(rows('taxonomy_terms.csv').map((r) => [str(r.values.id), r]));
  const attributesOf = (id: string) =>
    by('attributes.csv', 'link_id', id).map((r) => {
      const termRow = terms.get(str(r.values.taxonomy_term_id));
      const taxRow = termRow ? taxonomies.get(str(termRow.values.taxonomy_id)) : undefined;
      const term = termRow
        ? make<HsdsTaxonomyTerm>(
            termRow,
            taxRow ? { taxonomy_detail: make<HsdsTaxonomy>(taxRow) } : {},
          )
        : undefined;
      return make<HsdsAttribute>(r, term ? { taxonomy_term: term } : {});
    });
  const phonesOf = (key: string, id: string) =>
    by('phones.csv', key, id).map((r) => make<HsdsPhone>(r));
  const salIds = new Set(rows('service_at_location.csv').map((r) => str(r.values.id)));

  const locations = new Map<string, HsdsLocation>();
  for (const r of rows('locations.csv')) {
    const id = str(r.values.id) ?? '';
    locations.set(
      id,
      make<HsdsLocation>(r, {
        addresses: by('addresses.csv', 'location_id', id).map((a) => make<HsdsAddress>(a)),
        accessibility: by('accessibility.csv', 'location_id', id).map((a) =>
          make<HsdsAccessibility>(a),
        ),
        attributes: attributesOf(id),
      }),
    );
  }
  const organizations = new Map<string, HsdsOrganization>();
  for (const r of rows('organizations.csv')) {
    const id = str(r.values.id) ?? '';
    organizations.set(
      id,
      make<HsdsOrganization>(r, {
        phones: phonesOf('organization_id', id),
        attributes: attributesOf(id),
      }),
    );
  }
  const services: HsdsService[] = rows('services.csv').map((r) => {
    const id = str(r.values.id) ?? '';
    const sals = by('service_at_location.csv', 'service_id', id).map((x) => {
      const salId = str(x.values.id) ?? '';
      const location = locations.get(str(x.values.location_id) ?? '');
      return make<HsdsServiceAtLocation>(x, {
        ...(location ? { location } : {}),
        schedules: by('schedules.csv', 'service_at_location_id', salId).map((h) =>
          make<HsdsSchedule>(h),
        ),
      });
    });
    return make<HsdsService>(r, {
      service_at_locations: sals,
      // Service-level schedules: those of this service not tied to one of its service_at_locations.
      schedules: by('schedules.csv', 'service_id', id)
        .filter((h) => !salIds.has(str(h.values.service_at_location_id)))
        .map((h) => make<HsdsSchedule>(h)),
      languages: by('languages.csv', 'service_id', id).map((l) => make<HsdsLanguage>(l)),
      phones: phonesOf('service_id', id),
      contacts: by('contacts.csv', 'service_id', id).map((c) =>
        make<HsdsContact>(c, { phones: phonesOf('contact_id', str(c.values.id) ?? '') }),
      ),
      cost_options: by('cost_options.csv', 'service_id', id).map((c) => make<HsdsCostOption>(c)),
      attributes: attributesOf(id),
    });
  });

  const reader = new Reader(labels);
  // Services first, so a location reached through a service knows that service's organization.
  for (const s of services) reader.collect('service', s, '');
  for (const o of organizations.values()) reader.collect('organization', o, '');
  for (const l of locations.values()) reader.collect('location', l, '');
  const result = reader.finish();
  return { ...result, warnings: [...warnings, ...result.warnings] };
}
