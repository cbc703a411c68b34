/**
 * Example props for every chart (CONVENTIONS.md §6): rendered by charts.test.tsx and by the
 * dev-only gallery. Made-up numbers, shaped like the national health survey's.
 */
import type { VNode } from 'preact';
import type { Format, Subgroup } from './chart-kit.tsx';
import { Choropleth, ChoroplethTable, KOMMUNE_MAP, type ChoroplethProps } from './choropleth.tsx';
import { Equiplot, EquiplotTable, type EquiplotProps } from './equiplot.tsx';
import { Trend, TrendTable, type TrendProps } from './trend.tsx';

const danish = new Intl.NumberFormat('da-DK', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
export const formatDanish: Format = (n) => danish.format(n);

const education: Subgroup[] = [
  { key: 'grund', label: 'Grundskole' },
  { key: 'erhverv', label: 'Erhvervsfaglig' },
  { key: 'kort', label: 'Kort/mellemlang' },
  { key: 'lang', label: 'Lang videregående' },
];

const est = (value: number, halfWidth: number) => ({
  value,
  lower: value - halfWidth,
  upper: value + halfWidth,
});

export const equiplotExample: EquiplotProps = {
  id: 'eks-equiplot',
  title: 'Dagligrygning efter uddannelse, 2021',
  description:
    'I Roskilde ryger 21 % med grundskole som højeste uddannelse dagligt mod 4 % med en lang videregående uddannelse. Forskellen er på samme niveau som i regionen og hele landet.',
  caption:
    'Andel dagligrygere (%) efter højeste fuldførte uddannelse, med 95 %-sikkerhedsintervaller. Den lodrette streg er gennemsnittet.',
  rowHeader: 'Område',
  axisLabel: 'Andel (%)',
  format: formatDanish,
  subgroups: education,
  rows: [
    {
      label: 'Roskilde',
      average: 10.2,
      estimates: {
        grund: est(21.3, 5.2),
        erhverv: est(13.1, 2.6),
        kort: est(7.4, 2.0),
        lang: { value: null },
      },
    },
    {
      label: 'Region Sjælland',
      average: 12.8,
      estimates: {
        grund: est(23.9, 1.6),
        erhverv: est(15.2, 0.9),
        kort: est(8.3, 0.8),
        lang: est(4.6, 0.9),
      },
    },
    {
      label: 'Hele landet',
      average: 10.9,
      estimates: {
        grund: est(20.5, 0.6),
        erhverv: est(13.4, 0.4),
        kort: est(7.2, 0.3),
        lang: est(3.9, 0.3),
      },
    },
  ],
};

/** Rows as indicators, two subgroups, a long label and no averages. */
export const equiplotIndicatorsExample: EquiplotProps = {
  id: 'eks-equiplot-indikatorer',
  title: 'Helbred og trivsel efter tilknytning til arbejdsmarkedet, Roskilde 2021',
  description:
    'Personer uden for arbejdsmarkedet har dårligere helbred på alle fem indikatorer; den største forskel er i dårligt selvvurderet helbred (38 mod 9 %).',
  caption:
    'Andel (%) i Roskilde efter tilknytning til arbejdsmarkedet, 2021, med 95 %-sikkerhedsintervaller.',
  rowHeader: 'Indikator',
  axisLabel: 'Andel (%)',
  format: formatDanish,
  subgroups: [
    { key: 'udenfor', label: 'Uden for arbejdsmarkedet' },
    { key: 'beskaeftiget', label: 'I beskæftigelse' },
  ],
  rows: [
    {
      label: 'Dårligt selvvurderet helbred',
      estimates: { udenfor: est(38.2, 5.9), beskaeftiget: est(9.1, 1.4) },
    },
    {
      label: 'Højt stressniveau',
      estimates: { udenfor: est(35.4, 5.8), beskaeftiget: est(23.6, 2.0) },
    },
    { label: 'Dagligrygning', estimates: { udenfor: est(24.9, 5.1), beskaeftiget: est(9.8, 1.4) } },
    {
      label: 'Svær overvægt (BMI ≥ 30)',
      estimates: { udenfor: est(27.1, 5.3), beskaeftiget: est(16.2, 1.7) },
    },
    {
      label: 'Ofte uønsket alene',
      estimates: { udenfor: { value: null }, beskaeftiget: est(4.3, 0.9) },
    },
  ],
};

export const trendExample: TrendProps = {
  id: 'eks-trend',
  title: 'Dagligrygning efter uddannelse, 2010–2021',
  description:
    'Dagligrygning er faldet i alle uddannelsesgrupper, mest blandt dem med lang videregående uddannelse. Spørgsmålet blev ændret i 2017, så tallene før og efter kan ikke sammenlignes direkte.',
  caption:
    'Andel dagligrygere (%) i Roskilde efter uddannelse og år, med 95 %-sikkerhedsintervaller.',
  rowHeader: 'Uddannelse',
  axisLabel: 'Andel (%)',
  format: formatDanish,
  subgroups: education,
  waves: [{ year: 2010 }, { year: 2013 }, { year: 2017, breakBefore: true }, { year: 2021 }],
  values: {
    grund: [est(31.2, 4.1), est(28.4, 4.0), est(24.0, 4.4), est(21.3, 5.2)],
    erhverv: [est(22.5, 2.8), est(19.8, 2.7), est(15.9, 2.6), est(13.1, 2.6)],
    kort: [est(13.0, 2.2), null, est(9.1, 2.1), est(7.4, 2.0)],
    lang: [est(8.2, 2.5), est(6.9, 2.3), { value: null }, est(4.1, 1.9)],
  },
};

/** Deterministic made-up values per kommune, a few suppressed. */
function exampleValues(): Record<string, number | null> {
  const suppressed = new Set(['0825', '0741', '0563', '0492']);
  const out: Record<string, number | null> = {};
  for (const { code } of KOMMUNE_MAP.areas) {
    const n = Number(code);
    out[code] = suppressed.has(code)
      ? null
      : Math.round((6 + (((n * 37) % 97) / 97) * 12 + (n > 700 ? 3 : 0)) * 10) / 10;
  }
  return out;
}

export const choroplethExample: ChoroplethProps = {
  id: 'eks-kort',
  title: 'Dagligrygning i kommunerne, 2021',
  description:
    'Andelen dagligrygere er højest i kommuner i Nord- og Vestjylland og lavest i hovedstadsområdet. Roskilde ligger i midtergruppen.',
  caption:
    'Andel dagligrygere (%) i kommunerne, 2021, i fem lige store grupper (kvintiler). Roskilde er fremhævet.',
  legendTitle: 'Andel (%)',
  format: formatDanish,
  values: exampleValues(),
  selected: '0265',
};

export function chartExamples(): { name: string; node: VNode }[] {
  return [
    { name: 'Equiplot', node: <Equiplot {...equiplotExample} /> },
    { name: 'EquiplotTable', node: <EquiplotTable {...equiplotExample} /> },
    { name: 'Equiplot with indicators as rows', node: <Equiplot {...equiplotIndicatorsExample} /> },
    {
      name: 'EquiplotTable with indicators as rows',
      node: <EquiplotTable {...equiplotIndicatorsExample} />,
    },
    { name: 'Trend', node: <Trend {...trendExample} /> },
    { name: 'TrendTable', node: <TrendTable {...trendExample} /> },
    { name: 'Choropleth', node: <Choropleth {...choroplethExample} /> },
    {
      name: 'ChoroplethTable',
      node: <ChoroplethTable {...choroplethExample} rowHeader="Kommune" valueHeader="Andel (%)" />,
    },
  ];
}
