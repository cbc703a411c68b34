/**
 * A Word (.docx) file from a short, structured description: the committee papers a municipality
 * files are Word documents, so reports are offered as Word beside the PDF. Headings use Word's own
 * heading styles (so the navigation pane and screen readers see the outline), tables repeat their
 * header row on every page and carry a caption, images carry alternative text, and the document
 * language is set so spelling and speech use Danish or English.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';

export type DocBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; caption: string; head: string[]; rows: (string | number)[][] }
  | { kind: 'image'; png: Buffer; widthPx: number; heightPx: number; alt: string };

export interface DocSpec {
  title: string;
  subtitle?: string;
  lang: 'da' | 'en';
  blocks: DocBlock[];
}

const LANG_TAG = { da: 'da-DK', en: 'en-GB' } as const;
const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;
/** Widest an image may be on an A4 page with Word's default margins, in pixels at 96 dpi. */
const MAX_IMAGE_WIDTH_PX = 600;

function cellText(v: string | number, lang: DocSpec['lang']): string {
  return typeof v === 'number' ? v.toLocaleString(LANG_TAG[lang]) : v;
}

function table(
  block: Extract<DocBlock, { kind: 'table' }>,
  lang: DocSpec['lang'],
  n: number,
): FileChild[] {
  const headRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.head.map(
      (h) =>
        new TableCell({
          children: [new Paragraph({ children: [new TextRun({ text: h, bold: true })] })],
        }),
    ),
  });
  const bodyRows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: block.head.map(
          (_, i) =>
            new TableCell({
              children: [
                new Paragraph({
                  alignment: typeof row[i] === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                  text: cellText(row[i] ?? '', lang),
                }),
              ],
            }),
        ),
      }),
  );
  const label = lang === 'da' ? 'Tabel' : 'Table';
  return [
    // Word's Caption style, above the table as Danish reports put it, kept with the table.
    new Paragraph({
      style: 'Caption',
      keepNext: true,
      children: [new TextRun(`${label} ${n}. ${block.caption}`)],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [headRow, ...bodyRows],
    }),
    new Paragraph({ text: '' }),
  ];
}

function image(block: Extract<DocBlock, { kind: 'image' }>): FileChild {
  const scale = Math.min(1, MAX_IMAGE_WIDTH_PX / Math.max(1, block.widthPx));
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: block.png,
        transformation: {
          width: Math.round(block.widthPx * scale),
          height: Math.round(block.heightPx * scale),
        },
        altText: { name: block.alt.slice(0, 60), description: block.alt, title: block.alt },
      }),
    ],
  });
}

/** The document as the bytes of a .docx file (a zip). */
export async function renderDocx(spec: DocSpec): Promise<Buffer> {
  const children: FileChild[] = [new Paragraph({ text: spec.title, heading: HeadingLevel.TITLE })];
  if (spec.subtitle) children.push(new Paragraph({ text: spec.subtitle, style: 'Subtitle' }));
  let tables = 0;
  for (const block of spec.blocks) {
    switch (block.kind) {
      case 'heading':
        children.push(new Paragraph({ text: block.text, heading: HEADINGS[block.level] }));
        break;
      case 'paragraph':
        children.push(new Paragraph({ text: block.text }));
        break;
      case 'bullets':
        for (const item of block.items)
          children.push(new Paragraph({ text: item, bullet: { level: 0 } }));
        break;
      case 'table':
        children.push(...table(block, spec.lang, ++tables));
        break;
      case 'image':
        children.push(image(block));
        break;
    }
  }
  const doc = new Document({
    title: spec.title,
    ...(spec.subtitle ? { subject: spec.subtitle } : {}),
    creator: 'Lighed',
    styles: {
      default: {
        document: { run: { language: { value: LANG_TAG[spec.lang] }, font: 'Calibri' } },
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { size: 28, color: '444444' },
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
