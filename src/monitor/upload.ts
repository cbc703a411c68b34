/**
 * Uploaded files as the monitor's routes read them: multipart bodies buffered by
 * @fastify/multipart (attachFieldsToBody), each file with its name, and the limits sized to
 * the files planners really have. Parsing happens in a worker thread (worker.ts); these limits
 * bound that worker's memory and the time a planner waits.
 *
 * Survey microdata: the national health survey has about 180,000 respondents a wave, so five
 * waves in one file (the demo's 900,000 rows x 24 columns) is about 56 MB of CSV; the limits
 * leave room for a million rows (what the benchmark imports) and a wide codebook (8 dimension
 * and 64 indicator slots, plus weight, area, year and ignored columns).
 * HEAT Plus: WHO's template is one row per subgroup; a municipality's file has hundreds to a
 * few thousand rows. Every measure with its interval costs about a millisecond a row, and the
 * planner waits for the page, so 20,000 rows (8 MB is room for long names and notes) and 500
 * groups on one page; larger files go through the CLI, `lighed measures`, which has no bound.
 * XLSX files are zip archives read whole (read-excel-file): their uncompressed size is checked
 * from the zip directory before reading, and the worker's heap cap catches a directory that lies.
 */
export const SURVEY_LIMITS = {
  bytes: 128 * 1024 * 1024,
  rows: 1_000_000,
  columns: 200,
  xlsxUncompressedBytes: 192 * 1024 * 1024,
} as const;

export const HEATPLUS_LIMITS = {
  bytes: 8 * 1024 * 1024,
  rows: 20_000,
  columns: 100,
  groups: 500,
  xlsxUncompressedBytes: 128 * 1024 * 1024,
} as const;

/** A body larger than `fileSize` is cut there and marked truncated, so the page can say so. */
export const multipartLimits = (fileSize: number) => ({
  limits: { fileSize, files: 2, fields: 10 },
  throwFileSizeLimit: false,
});

export interface UploadFile {
  name: string;
  data: Buffer;
  /** Larger than the route's limit: `data` holds only the start and must not be used. */
  truncated: boolean;
}

/** A file field as @fastify/multipart gives it with attachFieldsToBody: buffered, with its name. */
export async function fileOf(v: unknown): Promise<UploadFile | null> {
  if (typeof v !== 'object' || v === null || !('toBuffer' in v) || typeof v.toBuffer !== 'function')
    return null;
  const data = (await (v.toBuffer as () => Promise<Buffer>)()) ?? Buffer.alloc(0);
  const name = 'filename' in v && typeof v.filename === 'string' ? v.filename : 'upload';
  const stream = 'file' in v ? (v.file as { truncated?: unknown } | null) : null;
  const truncated = stream?.truncated === true;
  return data.length > 0 ? { name: name.slice(0, 200), data, truncated } : null;
}

/** Megabytes for messages. */
export const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024));

/** A text field of a multipart body (attachFieldsToBody gives `{ value }`); '' when absent. */
export function fieldOf(v: unknown): string {
  if (typeof v === 'string') return v;
  return typeof v === 'object' && v !== null && 'value' in v && typeof v.value === 'string'
    ? v.value
    : '';
}
