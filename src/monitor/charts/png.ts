/**
 * PNG export of a standalone chart SVG with resvg (a prebuilt native binary, no browser).
 * IBM Plex Sans comes from the dkfds package and is loaded explicitly, so text renders the
 * same offline and on servers without fonts; system fonts are not consulted.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
// dkfds exports only its JS bundle (dist/js/dkfds.min.js); the fonts sit beside it in dist/fonts.
const fontDir = join(
  dirname(require.resolve('dkfds')),
  '..',
  'fonts',
  'IBMPlexSans',
  'complete',
  'ttf',
);
export const CHART_FONT_FILES = ['Regular', 'SemiBold', 'Bold'].map((w) =>
  join(fontDir, `IBMPlexSans-${w}.ttf`),
);

/** Renders a standalone SVG (see the charts' `*Svg` functions) to PNG at `scale` × its size. */
export async function svgToPng(svg: string, scale = 2): Promise<Buffer> {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      fontFiles: CHART_FONT_FILES,
      loadSystemFonts: false,
      defaultFontFamily: 'IBM Plex Sans',
      sansSerifFamily: 'IBM Plex Sans',
    },
  });
  return resvg.render().asPng();
}
