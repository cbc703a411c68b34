/**
 * The report's blocks as HTML: inside the staff layout (the page, with download links), and as
 * a document of its own with inline CSS for Chromium's PDF. Tables keep their captions and
 * header cells; the first column names the row.
 */
import { render } from 'preact-render-to-string';
import type { DocBlock } from '../../platform/docx.ts';

export function ReportBlocks({ blocks }: { blocks: readonly DocBlock[] }) {
  return (
    <>
      {blocks.map((b) => {
        switch (b.kind) {
          case 'heading':
            // The page's own h1 is the report's title: the report's levels start at h2.
            return b.level === 1 ? (
              <h2>{b.text}</h2>
            ) : b.level === 2 ? (
              <h3>{b.text}</h3>
            ) : (
              <h4>{b.text}</h4>
            );
          case 'paragraph':
            return <p>{b.text}</p>;
          case 'bullets':
            return (
              <ul>
                {b.items.map((i) => (
                  <li>{i}</li>
                ))}
              </ul>
            );
          case 'table':
            return (
              <div class="lighed-table-scroll" tabIndex={0} role="region" aria-label={b.caption}>
                <table class="table table--zebra">
                  <caption>{b.caption}</caption>
                  <thead>
                    <tr>
                      {b.head.map((h) => (
                        <th scope="col">{h}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {b.rows.map((r) => (
                      <tr>
                        {r.map((c, i) => (i === 0 ? <th scope="row">{c}</th> : <td>{c}</td>))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          case 'image':
            return (
              <img
                src={`data:image/png;base64,${b.png.toString('base64')}`}
                width={b.widthPx}
                height={b.heightPx}
                alt={b.alt}
              />
            );
        }
      })}
    </>
  );
}

const PDF_CSS = `
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4;
  color: #1a1a1a; margin: 0; }
main { padding: 18mm 16mm; }
h1 { font-size: 20pt; margin: 0 0 4pt; }
.subtitle { font-size: 13pt; margin: 0 0 14pt; color: #333; }
h2 { font-size: 14pt; margin: 16pt 0 6pt; }
h3 { font-size: 12pt; margin: 12pt 0 4pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 10pt; page-break-inside: auto; }
tr { page-break-inside: avoid; }
caption { text-align: left; font-weight: bold; margin-bottom: 4pt; }
th, td { border: 1px solid #777; padding: 3pt 5pt; text-align: left; vertical-align: top; }
thead th { background: #eee; }
.lighed-table-scroll { overflow: visible; }
`;

/** The whole report as a standalone HTML document (the PDF's source). */
export function reportDocument(p: {
  lang: 'da' | 'en';
  title: string;
  subtitle: string;
  municipality: string;
  blocks: readonly DocBlock[];
}): string {
  return (
    '<!doctype html>' +
    render(
      <html lang={p.lang}>
        <head>
          <meta charset="utf-8" />
          <title>{`${p.title}: ${p.subtitle} · ${p.municipality}`}</title>
          <style dangerouslySetInnerHTML={{ __html: PDF_CSS }} />
        </head>
        <body>
          <main>
            <h1>{p.title}</h1>
            <p class="subtitle">
              {p.subtitle} · {p.municipality}
            </p>
            <ReportBlocks blocks={p.blocks} />
          </main>
        </body>
      </html>,
    )
  );
}
