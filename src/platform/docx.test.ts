import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx.ts';

/** The named entry of a zip, read from its central directory. */
function zipEntry(zip: Buffer, name: string): string | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return null;
  let p = zip.readUInt32LE(eocd + 16);
  const count = zip.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entry = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extra + comment;
  }
  return null;
}

// A 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('renderDocx', () => {
  it('writes a Word file with title, heading styles, a captioned table and an image', async () => {
    const docx = await renderDocx({
      title: 'Konsekvenser for lighed i sundhed',
      subtitle: 'Lokalplan 12',
      lang: 'da',
      blocks: [
        { kind: 'heading', level: 1, text: 'Resumé' },
        { kind: 'paragraph', text: 'Planen rammer især ældre.' },
        { kind: 'bullets', items: ['Første punkt', 'Andet punkt'] },
        {
          kind: 'table',
          caption: 'Virkninger',
          head: ['Gruppe', 'Virkning'],
          rows: [
            ['Ældre', 'Negativ'],
            ['Børn', 1234.5],
          ],
        },
        { kind: 'image', png: PNG, widthPx: 1200, heightPx: 600, alt: 'Figur over uligheden' },
      ],
    });
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = zipEntry(docx, 'word/document.xml');
    expect(xml).not.toBeNull();
    expect(xml).toContain('Konsekvenser for lighed i sundhed');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('Resumé');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('Tabel 1. Virkninger');
    expect(xml).toContain('Ældre');
    expect(xml).toContain('1.234,5');
    expect(xml).toContain('descr="Figur over uligheden"');
    expect(zipEntry(docx, 'word/styles.xml')).toContain('w:val="da-DK"');
  });

  it('labels tables in English for an English document', async () => {
    const docx = await renderDocx({
      title: 'Equity',
      lang: 'en',
      blocks: [{ kind: 'table', caption: 'Impacts', head: ['Group'], rows: [['Older people']] }],
    });
    const xml = zipEntry(docx, 'word/document.xml')!;
    expect(xml).toContain('Table 1. Impacts');
    expect(zipEntry(docx, 'word/styles.xml')).toContain('w:val="en-GB"');
  });
});
