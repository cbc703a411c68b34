/**
 * HTML to PDF with the system's Chromium (Debian's `chromium` package), where it is installed.
 * The HTML is written to a private temporary folder that is removed right after, since it holds
 * personal data. Chromium runs headless on a page we rendered ourselves, which has no scripts
 * and loads nothing from the network.
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PdfRenderer {
  readonly binary: string;
  render(html: string): Promise<Buffer>;
}

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The first Chromium on PATH (or LIGHED_CHROMIUM); null when there is none. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const explicit = env.LIGHED_CHROMIUM;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const paths = explicit ? [explicit] : CANDIDATES.flatMap((c) => dirs.map((d) => join(d, c)));
  for (const p of paths) {
    try {
      await access(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

/** A page that may load nothing and run nothing, whatever text it carries. */
const LOCKDOWN = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;

export function chromiumPdf(binary: string, timeoutMs = 30_000, maxConcurrent = 2): PdfRenderer {
  // Each Chromium takes a few hundred MB: at most `maxConcurrent` at once, the rest wait.
  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = () =>
    running < maxConcurrent
      ? (running++, Promise.resolve())
      : new Promise<void>((r) => waiting.push(r));
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    binary,
    async render(html) {
      await acquire();
      try {
        return await renderOnce(binary, html.replace(/<head>/i, `<head>${LOCKDOWN}`), timeoutMs);
      } finally {
        release();
      }
    },
  };
}

async function renderOnce(binary: string, html: string, timeoutMs: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'lighed-pdf-'));
  try {
    const input = join(dir, 'page.html');
    const output = join(dir, 'page.pdf');
    await writeFile(input, html, { mode: 0o600 });
    await new Promise<void>((resolve, reject) => {
      execFile(
        binary,
        [
          '--headless',
          '--no-sandbox', // servers often run as root or without user namespaces
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-extensions',
          `--user-data-dir=${join(dir, 'profile')}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${output}`,
          pathToFileURL(input).href,
        ],
        { timeout: timeoutMs },
        (err) =>
          err ? reject(new Error(`Chromium could not render the PDF: ${err.message}`)) : resolve(),
      );
    });
    // Chromium exits 0 even when it printed nothing: a missing file is the failure.
    return await readFile(output).catch(() => {
      throw new Error('Chromium wrote no PDF');
    });
  } finally {
    // Chromium's helpers may still be closing files: retry rather than leave data behind.
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}
