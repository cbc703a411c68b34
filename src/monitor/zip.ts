/**
 * What a zip archive (an XLSX workbook) says it holds, from its central directory, without
 * inflating anything: checked before a workbook is read whole, so a small file that inflates
 * to gigabytes is refused by its declared size. A directory that lies is caught by the parsing
 * worker's heap cap instead.
 */

/** Entries and their total uncompressed size; null when there is no readable zip directory. */
export function zipContents(data: Uint8Array): { entries: number; uncompressed: number } | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // The end-of-central-directory record: at least 22 bytes, after a comment of up to 64 KiB.
  const min = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= min; i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  let p = dirOffset;
  let uncompressed = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const size = view.getUint32(p + 24, true);
    // 0xffffffff: the real size is in a ZIP64 field; count it as too large to read whole.
    uncompressed += size === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : size;
    p +=
      46 +
      view.getUint16(p + 28, true) +
      view.getUint16(p + 30, true) +
      view.getUint16(p + 32, true);
  }
  return { entries: count, uncompressed };
}
