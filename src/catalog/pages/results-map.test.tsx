import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { translator } from '../../web/i18n.ts';
import type { PageContext } from '../../web/layout.tsx';
import { MAP_UNITS_PER_KM } from '../../platform/geo/kommune-map.ts';
import type { FinderHit } from '../offer.store.ts';
import { MAP_HEIGHT, MAP_WIDTH, ResultsMap, layoutResultsMap, scaleBarKm } from './results-map.tsx';

const roskilde = { latitude: 55.6415, longitude: 12.0803 };

function hit(id: string, latitude: number | null, longitude: number | null): FinderHit {
  return {
    id,
    kommune: '0265',
    title: `Tilbud ${id}`,
    summary: '',
    translations: id === 'a' ? { ar: { title: 'نزهة مشي' } } : {},
    languages: ['da'],
    mode: latitude === null ? 'online' : 'in_person',
    free: true,
    price_dkk: null,
    interpreter_available: false,
    children_welcome: false,
    wheelchair_accessible: false,
    organization_name: 'Org',
    location_name: null,
    address_1: null,
    postal_code: null,
    city: null,
    latitude,
    longitude,
    meters: null,
    schedules: [],
    score: 0,
    reasons: [],
  };
}

const ctx = (lang: 'da' | 'ar'): PageContext => ({
  lang,
  t: translator(lang),
  url: '/',
  tenantName: 'Roskilde',
  demo: false,
  staff: null,
  csrfToken: 'x',
});

const inDrawing = (p: { x: number; y: number }) =>
  p.x >= 0 && p.x <= MAP_WIDTH && p.y >= 0 && p.y <= MAP_HEIGHT;

describe('the results map layout', () => {
  const hits = [
    hit('a', 55.6469, 12.0631), // Æblehaven, 1.3 km
    hit('b', 55.5479, 12.0277), // Viby, 11 km
    hit('c', null, null), // online
    hit('d', 55.6469, 12.0631), // the same place as a
  ];

  it('shows the searched point and every place inside the drawing, at its aspect ratio', () => {
    const layout = layoutResultsMap(roskilde, hits);
    expect(inDrawing(layout.origin)).toBe(true);
    for (const m of layout.markers) expect(inDrawing(m), `marker ${m.n}`).toBe(true);
    const { window: w } = layout;
    expect((w.maxX - w.minX) / (w.maxY - w.minY)).toBeCloseTo(MAP_WIDTH / MAP_HEIGHT, 6);
  });

  it('numbers markers as the list does, and counts what has no place', () => {
    const layout = layoutResultsMap(roskilde, hits);
    expect(layout.markers.map((m) => [m.n, m.id])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [4, 'd'],
    ]);
    expect(layout.missing).toEqual([3]);
  });

  it('spreads markers at one place so both numbers can be read', () => {
    const layout = layoutResultsMap(roskilde, hits);
    const [a, , d] = layout.markers;
    expect(a!.at).toEqual(d!.at);
    expect(Math.hypot(a!.x - d!.x, a!.y - d!.y)).toBeGreaterThanOrEqual(26);
  });

  it('never zooms in closer than a few km, and gives a round scale bar', () => {
    const layout = layoutResultsMap(roskilde, [hit('a', 55.6416, 12.0804)]);
    const heightKm = (layout.window.maxY - layout.window.minY) / MAP_UNITS_PER_KM;
    expect(heightKm).toBeGreaterThanOrEqual(3);
    expect([0.5, 1, 2]).toContain(scaleBarKm(layout));
  });
});

describe('the results map', () => {
  const hits = [hit('a', 55.6469, 12.0631), hit('b', 55.5479, 12.0277), hit('c', null, null)];

  it('is an SVG image labelled by the list it stands for, with the boundaries near the place', () => {
    const html = render(
      <ResultsMap
        ctx={ctx('da')}
        result={{ hits, origin: roskilde }}
        originLabel="4000 Roskilde"
      />,
    );
    expect(html).toContain('role="img"');
    expect(html).toMatch(/aria-label="Kort over 2 tilbud i nærheden, nummereret som i listen/);
    expect(html).toContain('data-kommune="0265"');
    // Only nearby kommuner: not Bornholm, not Aalborg.
    expect(html).not.toContain('data-kommune="0400"');
    expect(html).not.toContain('data-kommune="0851"');
    expect(html.match(/data-marker="\d+"/g)).toEqual(['data-marker="1"', 'data-marker="2"']);
    expect(html).toContain('<title>1. Tilbud a</title>');
    expect(html).toContain('Du søgte fra: 4000 Roskilde');
    expect(html).toContain('1 tilbud i listen har intet sted på kortet');
    expect(html).toContain('DAGI');
    // No tiles, no requests elsewhere, nothing the CSP would block.
    expect(html).not.toMatch(/https?:|<image|xlink:href|style=/);
  });

  it('scales to its container: a viewBox and no fixed size in CSS', () => {
    const html = render(
      <ResultsMap ctx={ctx('da')} result={{ hits, origin: roskilde }} originLabel={null} />,
    );
    expect(html).toContain(`viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}"`);
  });

  it("titles markers in the reader's language and keeps the drawing left to right in Arabic", () => {
    const html = render(
      <ResultsMap
        ctx={ctx('ar')}
        result={{ hits, origin: roskilde }}
        originLabel="4000 Roskilde"
      />,
    );
    expect(html).toContain('<title>1. نزهة مشي</title>');
    expect(html).toContain('direction="ltr"');
    expect(html).toContain('\u20684000 Roskilde\u2069');
  });

  it('is not drawn without a searched place, or when no result has a place', () => {
    expect(
      render(<ResultsMap ctx={ctx('da')} result={{ hits, origin: null }} originLabel={null} />),
    ).toBe('');
    expect(
      render(
        <ResultsMap
          ctx={ctx('da')}
          result={{ hits: [hits[2]!], origin: roskilde }}
          originLabel={null}
        />,
      ),
    ).toBe('');
  });
});
