/**
 * Uploaded files as the monitor's routes read them: multipart bodies buffered by
 * @fastify/multipart (attachFieldsToBody), each file with its name.
 */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;
export const multipartLimits = { fileSize: MAX_UPLOAD_BYTES, files: 2, fields: 10 };

export interface UploadFile {
  name: string;
  data: Buffer;
}

/** A file field as @fastify/multipart gives it with attachFieldsToBody: buffered, with its name. */
export async function fileOf(v: unknown): Promise<UploadFile | null> {
  if (typeof v !== 'object' || v === null || !('toBuffer' in v) || typeof v.toBuffer !== 'function')
    return null;
  const data = (await (v.toBuffer as () => Promise<Buffer>)()) ?? Buffer.alloc(0);
  const name = 'filename' in v && typeof v.filename === 'string' ? v.filename : 'upload';
  return data.length > 0 ? { name: name.slice(0, 200), data } : null;
}
