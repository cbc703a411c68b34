import { describe, expect, it } from 'vitest';
import { chromiumPdf, findChromium } from './pdf.ts';

const chromium = await findChromium();
// Browser tests are required in CI (LIGHED_REQUIRE_BROWSER), so this cannot skip there.
const required = process.env.LIGHED_REQUIRE_BROWSER === '1';

describe('PDF with the system Chromium', () => {
  it('finds nothing on an empty PATH', async () => {
    expect(await findChromium({ PATH: '' })).toBeNull();
  });

  it.runIf(chromium !== null || required)(
    'renders right-to-left Arabic HTML to a PDF',
    async () => {
      expect(chromium, 'Chromium must be installed (apt-get install chromium)').not.toBeNull();
      const pdf = await chromiumPdf(chromium!).render(
        '<!doctype html><html lang="ar" dir="rtl"><body><h1>ملفي الصحي</h1></body></html>',
      );
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(1000);
    },
    60_000,
  );
});
