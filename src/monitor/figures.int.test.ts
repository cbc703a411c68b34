/**
 * The figures surface gives the numbers the monitor's pages show, hidden where they hide them:
 * compared with the page services (indicator page, overview's gap trend, map, priority finder).
 */
import { beforeAll, expect, it } from 'vitest';
import { eachEngine } from '../../test/support/db.ts';
import { seedSurvey } from '../../test/support/monitor.ts';
import { seedFixture } from '../../test/support/app.ts';
import { areaGaps, gapSeries, indicatorSeries, listDimensions, listIndicators } from './figures.ts';
import { indicatorData, overviewData, prioritiesData } from './estimates/views.service.ts';
import { DEFAULT_SETTINGS, mapValues } from './estimates/monitor.service.ts';
import { inTenant } from '../db/db.ts';
import { listDatasets } from './microdata/dataset.store.ts';

eachEngine('monitor figures for other domains', (ctx) => {
  beforeAll(async () => {
    await seedFixture(ctx.db);
    await seedSurvey(ctx.db, { shared: true });
  });
  const q = { kommune: '0265', area: '0265', indicator: 'dagligryger' };

  it('lists indicators and dimensions with labels and groups', async () => {
    const inds = await listIndicators(ctx.db, '0265');
    expect(inds.find((i) => i.key === 'dagligryger')).toMatchObject({
      favourable: false,
      years: [2017, 2021],
    });
    const dims = await listDimensions(ctx.db, '0265');
    const edu = dims.find((d) => d.key === 'uddannelse');
    expect(edu?.ordered).toBe(true);
    expect(edu?.groups).toHaveLength(4);
    expect(edu?.groups[0]?.label.da).toBeTruthy();
  });

  it('gives the indicator page’s series, with the tiny group hidden as there', async () => {
    for (const dimension of ['uddannelse', 'herkomst']) {
      const rows = await indicatorSeries(ctx.db, { ...q, dimension });
      const page = await indicatorData(
        ctx.db,
        '0265',
        { indikator: 'dagligryger', dimension, omraade: '0265' },
        DEFAULT_SETTINGS,
      );
      const expected = page!.view.trend.area.flatMap((t) =>
        [t.total, ...t.groups].map((f) => ({
          year: t.year,
          value: f.suppressed ? null : f.prevalence.value,
          lo: f.suppressed ? null : f.prevalence.lower,
          suppressed: f.suppressed !== null,
        })),
      );
      expect(
        rows.map((r) => ({ year: r.year, value: r.value, lo: r.lo, suppressed: r.suppressed })),
      ).toEqual(expected);
    }
    const origin = await indicatorSeries(ctx.db, { ...q, dimension: 'herkomst' });
    const hidden = origin.filter((r) => r.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((r) => r.value === null && r.n === 0)).toBe(true);
  });

  it('gives the map’s everyone-figure without a dimension', async () => {
    const rows = await indicatorSeries(ctx.db, q);
    expect(rows.every((r) => r.group === null)).toBe(true);
    const map = await inTenant(ctx.db, '0265', async (tx) => {
      const [dataset] = await listDatasets(tx, { sharedFirst: true });
      return mapValues(tx, dataset!, { indicator: 1, year: 2021 }, DEFAULT_SETTINGS);
    });
    const roskilde = map.find((m) => m.area === '0265');
    expect(rows.find((r) => r.year === 2021)?.value).toBe(roskilde?.prevalence?.value);
  });

  it('gives the overview’s D and the indicator page’s SII with their intervals', async () => {
    const d = await gapSeries(ctx.db, { ...q, dimension: 'uddannelse', measure: 'D' });
    const overview = await overviewData(
      ctx.db,
      '0265',
      { dimension: 'uddannelse', omraade: '0265' },
      DEFAULT_SETTINGS,
    );
    const row = overview!.trend.rows.find((r) => r.indicator.key === 'dagligryger')!;
    expect(d.map((g) => [g.value, g.lo, g.hi])).toEqual(
      row.gaps.map((g) => [g?.value, g?.lower, g?.upper]),
    );
    const sii = await gapSeries(ctx.db, { ...q, dimension: 'uddannelse', measure: 'SII' });
    const page = await indicatorData(
      ctx.db,
      '0265',
      { indikator: 'dagligryger', dimension: 'uddannelse', omraade: '0265', aar: '2021' },
      DEFAULT_SETTINGS,
    );
    const pageSii = page!.view.current
      .find((t) => t.scope.kind === 'area')!
      .measures!.find((m) => m.code === 'SII')!;
    const last = sii.find((g) => g.year === 2021)!;
    expect([last.value, last.lo, last.hi]).toEqual([pageSii.value, pageSii.lower, pageSii.upper]);
    // Smoking falls with education: the bottom of the scale smokes more.
    expect(last.value).not.toBeNull();
    // A hidden group hides the measure; SII is for ordered dimensions only.
    const origin = await gapSeries(ctx.db, { ...q, dimension: 'herkomst', measure: 'D' });
    expect(origin.find((g) => g.year === 2021)).toMatchObject({ value: null, suppressed: true });
    const notOrdered = await gapSeries(ctx.db, { ...q, dimension: 'herkomst', measure: 'SII' });
    expect(notOrdered.every((g) => g.note === 'not-applicable')).toBe(true);
  });

  it('wraps the priority finder, and answers empty for unknown keys or areas', async () => {
    const gaps = await areaGaps(ctx.db, '0265', '0265', { dimension: 'uddannelse' });
    const page = await prioritiesData(
      ctx.db,
      '0265',
      { dimension: 'uddannelse', omraade: '0265' },
      DEFAULT_SETTINGS,
    );
    expect(gaps?.rows.map((r) => [r.indicatorKey, r.groupLabel.da, r.people])).toEqual(
      page!.result.rows.map((r) => [r.indicatorKey, r.groupLabel.da, r.people]),
    );
    const all = await areaGaps(ctx.db, '0265', '0265');
    expect(all!.rows.length).toBeGreaterThanOrEqual(gaps!.rows.length);
    expect(all!.rows.every((r) => r.dimensionKey !== 'koen')).toBe(true);
    expect(await indicatorSeries(ctx.db, { ...q, indicator: 'nope' })).toEqual([]);
    expect(await indicatorSeries(ctx.db, { ...q, area: '0999' })).toEqual([]);
  });
});
