/**
 * HSDS 3.0 JSON Schema validation with Ajv. The standard's compiled schemas are vendored in
 * ./schema (see its README for source and licence) and compiled once, on first use. They carry
 * non-standard descriptive keys, hence `strict: false`; formats (uuid, email, uri, date-time)
 * come from ajv-formats. The same validators check what we export and what we import.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FieldProblem } from '../../platform/errors.ts';

// ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is typed as
// the module object, though at run time it is the plugin function itself.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ??
  addFormatsImport) as (ajv: Ajv) => Ajv;

/** The objects we validate. Definition names are those under `definitions` in the compiled service. */
export type HsdsSchemaName =
  | 'service'
  | 'service_list_item'
  | 'organization_list_item'
  | 'service_at_location_list_item'
  | HsdsDefinitionName;

export type HsdsDefinitionName =
  | 'organization'
  | 'program'
  | 'attribute'
  | 'service_at_location'
  | 'location'
  | 'phone'
  | 'contact'
  | 'address'
  | 'schedule'
  | 'funding'
  | 'service_area'
  | 'required_document'
  | 'language'
  | 'accessibility'
  | 'taxonomy_term'
  | 'metadata'
  | 'meta_table_description'
  | 'cost_option'
  | 'organization_identifier'
  | 'taxonomy';

const SERVICE_ID = 'https://lighed.dk/hsds/3.0/service_with_definitions.json';
const LIST_IDS = {
  service_list_item: ['https://lighed.dk/hsds/3.0/service_list.json', 'service_list.json'],
  organization_list_item: [
    'https://lighed.dk/hsds/3.0/organization_list.json',
    'organization_list.json',
  ],
  service_at_location_list_item: [
    'https://lighed.dk/hsds/3.0/service_at_location_list.json',
    'service_at_location_list.json',
  ],
} as const;

export function readVendoredSchemaFile(name: string): string {
  return readFileSync(new URL(`./schema/${name}`, import.meta.url), 'utf8');
}

interface JsonSchemaProperty {
  type?: string;
  format?: string;
  enum?: string[];
  $ref?: string;
  items?: { $ref?: string };
}
interface JsonSchemaObject {
  path?: string;
  properties: Record<string, JsonSchemaProperty>;
  required?: string[];
  datapackage_metadata?: { order?: number };
  definitions?: Record<string, JsonSchemaObject>;
}

let compiled:
  | { ajv: Ajv; service: JsonSchemaObject; validators: Map<HsdsSchemaName, ValidateFunction> }
  | undefined;

function state() {
  if (compiled) return compiled;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const service = JSON.parse(
    readVendoredSchemaFile('service_with_definitions.json'),
  ) as JsonSchemaObject;
  ajv.addSchema(service, SERVICE_ID);
  for (const [, [id, file]] of Object.entries(LIST_IDS)) {
    ajv.addSchema(JSON.parse(readVendoredSchemaFile(file)) as object, id);
  }
  compiled = { ajv, service, validators: new Map() };
  return compiled;
}

function validator(name: HsdsSchemaName): ValidateFunction {
  const s = state();
  let v = s.validators.get(name);
  if (!v) {
    const ref =
      name === 'service'
        ? SERVICE_ID
        : name in LIST_IDS
          ? LIST_IDS[name as keyof typeof LIST_IDS][0]
          : `${SERVICE_ID}#/definitions/${name}`;
    const found = s.ajv.getSchema(ref);
    if (!found) throw new Error(`HSDS schema not found: ${name}`);
    v = found;
    s.validators.set(name, v);
  }
  return v;
}

/** Validates one object; returns Ajv's raw errors (empty when valid). */
export function hsdsErrors(name: HsdsSchemaName, value: unknown): ErrorObject[] {
  const v = validator(name);
  return v(value) ? [] : [...(v.errors ?? [])];
}

/**
 * Validates one object and reports each error as a FieldProblem whose path names the record
 * and field, e.g. `services[3].name: required` or
 * `services[0].service_at_locations[0].location.latitude: must be a number`.
 */
export function validateHsds(
  name: HsdsSchemaName,
  value: unknown,
  basePath: string,
): FieldProblem[] {
  return ajvProblems(hsdsErrors(name, value), basePath);
}

/** Turns Ajv errors into FieldProblems: `basePath` + instancePath in dotted/indexed form. */
export function ajvProblems(errors: readonly ErrorObject[], basePath: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    let path = basePath + pointerToPath(e.instancePath);
    if (e.keyword === 'required') path = joinPath(path, missingProperty(e));
    const message = ajvMessage(e);
    const key = `${path}\u0000${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ path, message });
    }
  }
  return out;
}

/**
 * The field of a flat record (a CSV row) that an error is about: the missing property, or the
 * first segment of the instance path.
 */
export function ajvField(e: ErrorObject): string {
  if (e.keyword === 'required') return missingProperty(e);
  return (e.instancePath.split('/')[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
}

const missingProperty = (e: ErrorObject) =>
  String((e.params as { missingProperty?: string }).missingProperty ?? '');

/** A short message for one Ajv error: `required`, `must be a number`, `must be one of: ...`. */
export function ajvMessage(e: ErrorObject): string {
  switch (e.keyword) {
    case 'required':
      return 'required';
    case 'type':
      return `must be ${articled(String((e.params as { type?: string }).type ?? 'of another type'))}`;
    case 'enum':
      return `must be one of: ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).map(String).join(', ')}`;
    case 'format':
      return `not a valid ${String((e.params as { format?: string }).format ?? 'value')}`;
    default:
      return e.message ?? 'invalid';
  }
}

const articled = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** `/service_at_locations/0/location/latitude` → `.service_at_locations[0].location.latitude` */
export function pointerToPath(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : `.${seg}`))
    .join('');
}

export function joinPath(base: string, field: string): string {
  if (!field) return base;
  if (!base) return field;
  return `${base}.${field}`;
}

/** One table of the HSDS tabular data package, as the vendored schemas describe it. */
export interface HsdsTable {
  /** Definition (and datapackage resource) name: `service`, `location`, ... */
  name: 'service' | HsdsDefinitionName;
  /** CSV file name in the data package: `services.csv`, `locations.csv`, ... */
  path: string;
  order: number;
  /** The table's columns in the standard's order (the object's one-to-one fields). */
  columns: { name: string; type: string; format?: string }[];
}

let tables: HsdsTable[] | undefined;

/** All 21 HSDS tables in the data package's order. */
export function hsdsTables(): HsdsTable[] {
  if (tables) return tables;
  const root = state().service;
  const entries: [string, JsonSchemaObject][] = [
    ['service', root],
    ...Object.entries(root.definitions ?? {}),
  ];
  tables = entries
    .filter(([, d]) => d.path?.endsWith('.csv'))
    .map(([name, d]) => ({
      name: name as HsdsTable['name'],
      path: d.path ?? '',
      order: d.datapackage_metadata?.order ?? 99,
      columns: Object.entries(d.properties)
        .filter(
          ([, p]) =>
            p.type === 'string' ||
            p.type === 'number' ||
            p.type === 'integer' ||
            p.type === 'boolean',
        )
        .map(([col, p]) => ({
          name: col,
          type: p.type ?? 'string',
          ...(p.format ? { format: p.format } : {}),
        })),
    }))
    .sort((a, b) => a.order - b.order);
  return tables;
}

export function hsdsTable(name: HsdsTable['name']): HsdsTable {
  const t = hsdsTables().find((x) => x.name === name);
  if (!t) throw new Error(`no HSDS table ${name}`);
  return t;
}

/**
 * Which nested property of an object holds which definition, from the schema: e.g. for
 * `service`, `service_at_locations` → `service_at_location` (array) and `organization` →
 * `organization` (object). Used to flatten nested objects into tables and back.
 */
export function hsdsChildren(
  name: HsdsTable['name'],
): { property: string; definition: HsdsDefinitionName; many: boolean }[] {
  const root = state().service;
  const def = name === 'service' ? root : root.definitions?.[name];
  if (!def) return [];
  const out: { property: string; definition: HsdsDefinitionName; many: boolean }[] = [];
  for (const [property, p] of Object.entries(def.properties)) {
    const ref = p.$ref ?? (p.type === 'array' ? p.items?.$ref : undefined);
    const m = ref ? /^#\/definitions\/(\w+)$/.exec(ref) : null;
    if (m?.[1])
      out.push({ property, definition: m[1] as HsdsDefinitionName, many: p.type === 'array' });
  }
  return out;
}

/** The standard's tabular data package descriptor (datapackage.json), parsed. */
export function hsdsDatapackage(): {
  resources: { name: string; path: string; schema: { fields: { name: string; type: string }[] } }[];
} & Record<string, unknown> {
  return JSON.parse(readVendoredSchemaFile('datapackage.json')) as ReturnType<
    typeof hsdsDatapackage
  >;
}
