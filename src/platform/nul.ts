/**
 * NUL bytes (U+0000): PostgreSQL cannot store them in text or jsonb (PGlite can), so every
 * border refuses them with a clear message rather than a 500 or a stack trace from SQL: the web
 * (web/nul-guard.ts) and the importers (HSDS, monitor codebook).
 */
export const NUL = '\u0000';

export const hasNul = (text: string): boolean => text.includes(NUL);

export type NulPath = (string | number)[];

const MAX_DEPTH = 64;

/** A part of a multipart body as @fastify/multipart gives it (attachFieldsToBody). */
function isMultipartPart(
  v: object,
): v is { type: 'file' | 'field'; fieldname: string; filename?: unknown; value?: unknown } {
  const p = v as Record<string, unknown>;
  return typeof p.fieldname === 'string' && (p.type === 'file' || p.type === 'field');
}

/**
 * Where `value` holds a NUL: the path of every string (or object key) with one, following
 * objects and arrays. Bytes (a Buffer, an uploaded file's content) are data, not text: a
 * multipart file part is checked for its file name only, a text part for its value.
 */
export function nulPaths(value: unknown): NulPath[] {
  const out: NulPath[] = [];
  const walk = (v: unknown, path: NulPath, depth: number) => {
    if (typeof v === 'string') {
      if (hasNul(v)) out.push(path);
      return;
    }
    if (typeof v !== 'object' || v === null || depth > MAX_DEPTH) return;
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i], depth + 1));
      return;
    }
    // A multipart part links back to all the parts (`fields`): look at its own text only.
    if (isMultipartPart(v)) {
      walk(v.type === 'file' ? v.filename : v.value, path, depth + 1);
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      if (hasNul(k)) out.push([...path, k.replaceAll(NUL, '\\0')]);
      walk(x, [...path, k], depth + 1);
    }
  };
  walk(value, [], 0);
  return out;
}

/** A path as people read it: `services[2].name`, `search`. */
export function formatPath(path: NulPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
