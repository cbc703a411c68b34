/**
 * Record ids are UUIDs (gen_random_uuid()). Every id that arrives in a URL, a form or a file is
 * checked here before it reaches SQL, so a malformed one is a clean 404 or field error rather
 * than a database cast error.
 */
import { z } from 'zod';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/** The same check as a schema, for query strings and bodies parsed with zod. */
export const uuidSchema = z.string().regex(UUID, 'must be a uuid');
