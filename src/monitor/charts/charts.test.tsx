import { describe, expect, it } from 'vitest';
import { render } from 'preact-render-to-string';
import { PALETTE, contrastRatio, niceMax, ticks } from './chart-kit.tsx';
import {
  chartExamples,
  choroplethExample,
  equiplotExample,
  formatDanish,
  trendExample,
} from './charts.examples.tsx';
import { BLUES, Choropleth, ChoroplethTable, KOMMUNE_MAP, choroplethSvg } from './choropleth.tsx';
import { classify, quantileBreaks } from './classes.ts';
import { Equiplot, EquiplotTable, equiplotSvg } from './equiplot.tsx';
import { svgToPng } from './png.ts';
import { Trend, TrendTable, joinedSegments, trendSvg } from './trend.tsx';

/** The text of the elements whose ids aria-labelledby names: the chart's accessible name. */
function accessibleName(html: string): string {
  const ids = /<svg[^>]*aria-labelledby="([^"]+)"/.exec(html)?.[1]?.split(' ') ?? [];
  return ids.map((id) => new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? '').join(' ');
}

const cells = (html: string) => [...html.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]);

describe('chart examples', () => {
  for (const { name, node } of chartExamples()) {
    it(`renders ${name}`, () => {
      const html = render(node);
      expect(html).not.toMatch(/\sstyle=|<style/);
      if (html.includes('<svg')) {
        expect(html).toMatch(/^<figure/);
        expect(html).toContain('role="img"');
        expect(html).toContain('<figcaption>');
        expect(accessibleName(html).length).toBeGreaterThan(20);
      } else {
        expect(html).toMatch(/^<table[\s\S]*<caption>/);
      }
    });
  }
});

describe('equiplot', () => {
  const html = render(<Equiplot {...equiplotExample} />);

  it('is named by the title and the finding the caller gave', () => {
    expect(accessibleName(html)).toBe(`${equiplotExample.title} ${equiplotExample.description}`);
  });

  it('draws one marker per shown subgroup and leaves out the suppressed one', () => {
    const shown = equiplotExample.rows
      .flatMap((r) => Object.values(r.estimates))
      .filter((e) => e.value !== null);
    const markers = html.match(/<(circle|rect|polygon)[^>]*stroke="#ffffff"/g) ?? [];
    // Legend markers: one per subgroup.
    expect(markers.length).toBe(shown.length + equiplotExample.subgroups.length);
  });

  it('has a table with the same values and "for få svar" for the suppressed cell', () => {
    const table = cells(render(<EquiplotTable {...equiplotExample} />));
    expect(table).toContain('21,3 (16,1–26,5)');
    expect(table).toContain('for få svar');
    expect(table).toContain('10,2');
    expect(table).toHaveLength(3 * 5);
  });

  it('gives a standalone document of fixed size with a white background and the font', () => {
    const svg = equiplotSvg(equiplotExample);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="720" height="\d+" font-family="IBM Plex Sans, Arial, sans-serif"/,
    );
    expect(svg).toContain('fill="#ffffff"');
    expect(html).toContain('width="100%"');
  });
});

describe('trend', () => {
  const html = render(<Trend {...trendExample} />);

  it('draws the break as a labelled dashed line and no line across it', () => {
    expect(html).toContain('stroke-dasharray="6 4"');
    expect(html).toContain('Brud i tidsserien');
    // grund: 2010–13 and 2017–21 joined, 2013–17 split by the break.
    expect(joinedSegments(trendExample.waves, trendExample.values.grund!)).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('leaves gaps for missing and suppressed waves', () => {
    expect(joinedSegments(trendExample.waves, trendExample.values.kort!)).toEqual([[2, 3]]);
    expect(joinedSegments(trendExample.waves, trendExample.values.lang!)).toEqual([[0, 1]]);
    const series = html.split('class="lighed-chart-series"').slice(1);
    const drawn = series.map((part) => (part.match(/<line[^>]*stroke-width="2"/g) ?? []).length);
    expect(drawn).toEqual([2, 2, 1, 1]);
  });

  it('has a table with the same values, the break marked and "for få svar"', () => {
    const table = render(<TrendTable {...trendExample} />);
    expect(table).toContain('2017 †');
    expect(table).toContain('† Brud i tidsserien.');
    expect(cells(table)).toContain('31,2 (27,1–35,3)');
    expect(cells(table)).toContain('for få svar');
    expect(cells(table)).toHaveLength(4 * 4);
  });

  it('gives a standalone document', () => {
    expect(trendSvg(trendExample)).toMatch(/^<svg xmlns=/);
  });
});

describe('choropleth', () => {
  const html = render(<Choropleth {...choroplethExample} />);

  it('has 98 kommuner, each with a title "Kommune: value"', () => {
    const paths = html.match(/<path[^>]*data-kommune=/g) ?? [];
    expect(paths).toHaveLength(98);
    expect(KOMMUNE_MAP.areas.map((a) => a.code)).not.toContain('0411');
    expect(html).toMatch(/<title>Roskilde: \d+(,\d)?<\/title>/);
    expect(html).toContain('<title>Læsø: for få svar</title>');
  });

  it('hatches kommuner without a value and outlines the selected one', () => {
    expect(html).toContain('fill="url(#eks-kort-nodata)"');
    expect(html).toContain('ingen tal / for få svar');
    expect(html).toContain('stroke-width="2.5"');
  });

  it('shows the attribution under the map and in the standalone document', () => {
    expect(html).toContain(
      'Kortgrundlag: Indeholder data fra Geodatastyrelsen (nu Klimadatastyrelsen), DAGI 1:500.000 (FOT), 2014. CC BY 4.0.',
    );
    expect(choroplethSvg(choroplethExample)).toContain('Kortgrundlag:');
  });

  it('has a table of all 98 kommuner with the same values', () => {
    const table = cells(
      render(
        <ChoroplethTable {...choroplethExample} rowHeader="Kommune" valueHeader="Andel (%)" />,
      ),
    );
    expect(table).toHaveLength(98);
    expect(table).toContain(formatDanish(choroplethExample.values['0265']!));
    expect(table).toContain('for få svar');
  });

  it('keeps the map asset small', () => {
    expect(JSON.stringify(KOMMUNE_MAP).length).toBeLessThan(150 * 1024);
  });
});

describe('rules', () => {
  it('splits values into quantile classes', () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    const breaks = quantileBreaks(values, 5);
    [2.8, 4.6, 6.4, 8.2].forEach((b, i) => expect(breaks[i]).toBeCloseTo(b, 9));
    expect(values.map((v) => classify(v, breaks))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(quantileBreaks([5, 5, 5], 5)).toEqual([]);
    expect(quantileBreaks([], 5)).toEqual([]);
  });

  it('rounds the axis up to 10', () => {
    expect(niceMax([23.4])).toBe(30);
    expect(niceMax([])).toBe(10);
    expect(niceMax([99.5])).toBe(100);
    expect(ticks(30)).toEqual([0, 10, 20, 30]);
  });

  it('uses colours with at least 3:1 contrast against white', () => {
    for (const c of PALETTE) expect(contrastRatio(c, '#ffffff'), c).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(BLUES[BLUES.length - 1]!, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});

describe('PNG export', () => {
  it('renders every chart to PNG bytes', async () => {
    for (const svg of [
      equiplotSvg(equiplotExample),
      trendSvg(trendExample),
      choroplethSvg(choroplethExample),
    ]) {
      const png = await svgToPng(svg);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    }
  });
});
