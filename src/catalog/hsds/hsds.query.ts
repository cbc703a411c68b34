/**
 * The query strings of the public HSDS API (the standard's openapi.json parameters), parsed
 * with zod. A bad parameter is a LIGHED_ERR_VALIDATION naming it.
 */
import { z } from 'zod';
import { LighedError, type FieldProblem } from '../../platform/errors.ts';
import { uuidSchema } from '../../platform/ids.ts';

export const HSDS_DEFAULT_PER_PAGE = 50;
export const HSDS_MAX_PER_PAGE = 200;

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
// A '+' in a query string arrives as a space: "2024-05-01T10:00:00 02:00" means +02:00.
const dateTime = z
  .string()
  .trim()
  .transform((v) => v.replace(/ (\d{2}:?\d{2})$/, '+$1'))
  .refine(
    (v) =>
      /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.test(v) &&
      !Number.isNaN(Date.parse(v)),
    {
      message: 'must be a date or date-time (ISO 8601), e.g. 2024-05-01T10:00:00Z',
    },
  )
  .transform((v) => new Date(v));

const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  per_page: z.coerce.number().int().min(1).max(HSDS_MAX_PER_PAGE).default(HSDS_DEFAULT_PER_PAGE),
  search: z.string().trim().max(200).optional(),
  kommune: z
    .string()
    .regex(/^\d{4}$/, 'must be a kommunekode (four digits)')
    .optional(),
  format: z.literal('json', { message: 'only json is supported' }).optional(),
  full: bool.optional(),
});

const serviceQuery = pageQuery.extend({
  taxonomy_term_id: uuidSchema.optional(),
  taxonomy_id: uuidSchema.optional(),
  organization_id: uuidSchema.optional(),
  modified_after: dateTime.optional(),
  minimal: bool.optional(),
});

const salQuery = serviceQuery.extend({
  postcode: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'must be a Danish postcode (four digits)')
    .optional(),
  proximity: z.coerce.number().min(0).max(1_000_000).optional(),
});

const organizationQuery = pageQuery.extend({ full_service: bool.optional() });

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const problems: FieldProblem[] = r.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || 'query',
    message: i.message,
  }));
  throw new LighedError(
    'LIGHED_ERR_VALIDATION',
    `Invalid query: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
    problems,
  );
}

export type ServiceQuery = z.infer<typeof serviceQuery>;
export type OrganizationQuery = z.infer<typeof organizationQuery>;
export type ServiceAtLocationQuery = z.infer<typeof salQuery>;

export const parseServiceQuery = (input: unknown): ServiceQuery => parse(serviceQuery, input);
export const parseOrganizationQuery = (input: unknown): OrganizationQuery =>
  parse(organizationQuery, input);

/** `proximity` is a distance from a postcode's centre: it needs the postcode. */
export function parseServiceAtLocationQuery(input: unknown): ServiceAtLocationQuery {
  const q = parse(salQuery, input);
  if (q.proximity !== undefined && !q.postcode) {
    throw new LighedError('LIGHED_ERR_VALIDATION', 'Invalid query: proximity needs a postcode', [
      { path: 'proximity', message: 'needs a postcode' },
    ]);
  }
  return q;
}
