/**
 * What the synthetic survey is calibrated to.
 *
 * 1. Table 1 of Sundhedsstyrelsen, "Lighed i sundhed" (2009), "Sundhed og sundhedsadfærd blandt
 *    udsatte borgere" (../shared/seeds/sst-lighed-i-sundhed-2009.txt): four groups' percentages
 *    for twelve indicators. The data are from 2005 (SUSY, Statens Institut for Folkesundhed),
 *    reported in SIF, "Sundhed og sygelighed blandt socialt udsatte borgere", Sundhedsstyrelsen 2008.
 * 2. Approximate public figures from Den Nationale Sundhedsprofil (national adult level per wave),
 *    used for levels of indicators that are not in Table 1 and for the direction and size of
 *    change across waves. They are rounded and quoted from memory: check them before citing.
 *
 * How Table 1's groups map onto our dimensions:
 * - "Førtidspensionister"            -> arbejdsmarked = førtidspension (category 4).
 * - "Kontanthjælpsmodtagere*"         -> arbejdsmarked = kontanthjælp (3); the table counts people
 *                                       under revalidering with them, and so do we.
 * - "Arbejdsløse**" (short/no educ.)  -> arbejdsmarked = ledig (2) AND uddannelse = grundskole or
 *                                       ungdomsuddannelse (1 or 2): "faglærte og ufaglærte".
 * - "Generelle voksne befolkning"     -> every respondent (the national weighted total).
 * The generator reproduces the four columns in the first wave (2010, the wave nearest the 2005
 * data); later waves move each indicator's national level as the public figures do, keeping the
 * groups' offsets.
 */

export type Table1Group = 'foertidspension' | 'kontanthjaelp' | 'arbejdsloese' | 'befolkning';
export const TABLE_1_GROUPS: readonly Table1Group[] = [
  'foertidspension',
  'kontanthjaelp',
  'arbejdsloese',
  'befolkning',
];

export interface Table1Row {
  /** The indicator key we use (the codebook's key when the codebook has it). */
  key: string;
  /** The row as printed in the table. */
  printed: string;
  label: { da: string; en: string };
  favourable: boolean;
  /** Percent: førtidspensionister, kontanthjælpsmodtagere, arbejdsløse (short educ.), general adult population. */
  percent: Record<Table1Group, number>;
}

const row = (
  key: string,
  printed: string,
  da: string,
  en: string,
  favourable: boolean,
  p: [number, number, number, number],
): Table1Row => ({
  key,
  printed,
  label: { da, en },
  favourable,
  percent: { foertidspension: p[0], kontanthjaelp: p[1], arbejdsloese: p[2], befolkning: p[3] },
});

/** Sundhedsstyrelsen 2009, Tabel 1 (data from 2005), all twelve rows in the printed order. */
export const SST_2009_TABLE_1: readonly Table1Row[] = [
  row(
    'godt_helbred',
    'Vurderer eget helbred til at være virkelig godt eller godt (%)',
    'Vurderer eget helbred som godt',
    'Rates own health as good',
    true,
    [30, 41, 65, 81],
  ),
  row(
    'ikke_frisk',
    'Føler sig aldrig eller næsten aldrig friske nok til at gøre, hvad de har lyst til (%)',
    'Føler sig sjældent frisk nok til at gøre, hvad de har lyst til',
    'Rarely feels well enough to do what they want',
    false,
    [38, 29, 11, 7],
  ),
  row(
    'stress',
    'Føler sig ofte stressede i deres dagligdag (%)',
    'Føler sig ofte stresset i dagligdagen',
    'Often feels stressed in daily life',
    false,
    [8, 18, 7, 11],
  ),
  row(
    'fysisk_inaktiv',
    'Er fysisk inaktive (%)',
    'Fysisk inaktiv',
    'Physically inactive',
    false,
    [29, 28, 18, 11],
  ),
  row('dagligryger', 'Ryger dagligt (%)', 'Ryger dagligt', 'Smokes daily', false, [54, 57, 56, 31]),
  row(
    'goer_noget_for_helbred',
    'Gør noget for at bevare eller forbedre helbredet (%)',
    'Gør noget for at bevare eller forbedre helbredet',
    'Does something to maintain or improve health',
    true,
    [82, 75, 76, 86],
  ),
  row(
    'langvarig_sygdom',
    'Har en langvarig sygdom (%)',
    'Langvarig sygdom',
    'Long-standing illness',
    false,
    [91, 77, 56, 38],
  ),
  row(
    'begraenset_af_sygdom',
    'Har været begrænset i daglige gøremål pga. sygdom, skader eller lidelser inden for de sidste 14 dage (%)',
    'Begrænset i daglige gøremål af sygdom (seneste 14 dage)',
    'Limited in daily activities by illness (last 14 days)',
    false,
    [39, 35, 18, 13],
  ),
  row(
    'laegekontakt',
    'Har haft kontakt til praktiserende læge inden for de sidste tre måneder (%)',
    'Kontakt til egen læge (seneste 3 måneder)',
    'Contact with GP (last 3 months)',
    false,
    [55, 58, 48, 38],
  ),
  row(
    'fast_medicin',
    'Bruger regelmæssigt eller til stadighed medicin (%)',
    'Bruger medicin fast',
    'Uses medicine regularly',
    false,
    [80, 59, 46, 34],
  ),
  row(
    'tandlaege_3_mdr',
    'Har gjort brug af tandlæge inden for de sidste tre måneder (%)',
    'Hos tandlæge (seneste 3 måneder)',
    'Visited a dentist (last 3 months)',
    true,
    [36, 25, 28, 36],
  ),
  row(
    'helbredstjek',
    'Har været til forebyggende helbredstjek inden for de sidste tre år (%)',
    'Forebyggende helbredstjek (seneste 3 år)',
    'Preventive health check (last 3 years)',
    true,
    [46, 52, 40, 36],
  ),
];

export const table1Row = (key: string): Table1Row | undefined =>
  SST_2009_TABLE_1.find((r) => r.key === key);

export const WAVES = [2010, 2013, 2017, 2021, 2025] as const;
export type Wave = (typeof WAVES)[number];
export type ByWave = Record<Wave, number>;

export interface PublicFigure {
  /** National adult percentage per wave. */
  percent: ByWave;
  source: string;
  /** Always true here: rounded figures, not checked against the published tables. */
  approximate: true;
  note?: string;
}

const SUNDHEDSPROFIL =
  'Den Nationale Sundhedsprofil (Sundhedsstyrelsen / Statens Institut for Folkesundhed), 2010, 2013, 2017, 2021, 2025';

/**
 * Approximate public figures (national, adults 16+). Rounded; verify before citing. The 2025
 * column is an assumed continuation of the 2017–2021 trend, not the published 2025 profile's
 * figures (not entered here yet): replace it when someone checks them.
 */
export const PUBLIC_FIGURES: Readonly<Record<string, PublicFigure>> = {
  dagligryger: {
    percent: { 2010: 20, 2013: 17, 2017: 17, 2021: 14, 2025: 13 },
    source: SUNDHEDSPROFIL,
    approximate: true,
  },
  svaer_overvaegt: {
    percent: { 2010: 13.6, 2013: 15.2, 2017: 16.8, 2021: 18.5, 2025: 20 },
    source: SUNDHEDSPROFIL,
    approximate: true,
  },
  stress: {
    percent: { 2010: 21, 2013: 25, 2017: 25, 2021: 29, 2025: 30 },
    source: SUNDHEDSPROFIL,
    approximate: true,
    note: 'Højt stressniveau (Perceived Stress Scale); a different measure from Table 1\'s "ofte stresset", so only its change is used.',
  },
  lav_trivsel: {
    percent: { 2010: 10, 2013: 11.5, 2017: 13, 2021: 16, 2025: 17 },
    source: SUNDHEDSPROFIL,
    approximate: true,
    note: 'Dårligt mentalt helbred (SF-12) used as the proxy for low well-being; WHO-5 was not asked in every wave.',
  },
  ensom: {
    percent: { 2010: 5, 2013: 5.5, 2017: 6.3, 2021: 8, 2025: 8.5 },
    source: SUNDHEDSPROFIL,
    approximate: true,
    note: 'Ofte uønsket alene.',
  },
  hoejt_alkohol: {
    percent: { 2010: 9, 2013: 8.3, 2017: 7.5, 2021: 6.8, 2025: 6.3 },
    source: SUNDHEDSPROFIL,
    approximate: true,
    note: 'Over the former high-risk limit (14/21 units a week).',
  },
  usundt_kostmoenster: {
    percent: { 2010: 14.5, 2013: 14, 2017: 13.7, 2021: 13.5, 2025: 13.3 },
    source: SUNDHEDSPROFIL,
    approximate: true,
  },
  fysisk_inaktiv: {
    percent: { 2010: 16, 2013: 17, 2017: 18, 2021: 19, 2025: 19.5 },
    source: SUNDHEDSPROFIL,
    approximate: true,
    note: 'Stillesiddende fritidsaktivitet; Table 1 gives the 2005 level, so only the change is used.',
  },
  godt_helbred: {
    percent: { 2010: 85, 2013: 85, 2017: 84.5, 2021: 84, 2025: 83.5 },
    source: SUNDHEDSPROFIL,
    approximate: true,
    note: 'Fremragende, vældig godt eller godt.',
  },
};

/**
 * Approximate public gradients by education (percent, Den Nationale Sundhedsprofil 2017;
 * rounded): grundskole, ungdomsuddannelse, kort/mellemlang, lang videregående. Documentation of
 * the shape the model aims for, not a calibration target.
 */
export const PUBLIC_GRADIENTS_BY_EDUCATION: Readonly<
  Record<string, { percent: [number, number, number, number]; source: string; approximate: true }>
> = {
  dagligryger: { percent: [24, 19, 12, 7], source: SUNDHEDSPROFIL, approximate: true },
  ensom: { percent: [10, 6, 5, 4], source: SUNDHEDSPROFIL, approximate: true },
  svaer_overvaegt: { percent: [22, 19, 14, 10], source: SUNDHEDSPROFIL, approximate: true },
};

/**
 * Assumed national levels where neither Table 1 nor a public figure gives one (synthetic; flat or
 * gentle trends). Percent per wave.
 */
export const ASSUMED_LEVELS: Readonly<Record<string, ByWave>> = {
  daarlig_soevn: { 2010: 10, 2013: 11, 2017: 12, 2021: 13.5, 2025: 14.5 },
  ingen_tandlaege: { 2010: 17, 2013: 16.5, 2017: 16, 2021: 15.5, 2025: 15 },
};

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The national target (percent) per wave for one indicator key, or undefined when we know nothing.
 * Table-1 indicators start at the table's level in 2010 and follow the public figure's change on
 * the log-odds scale (or stay flat); other indicators follow the public figure or assumed level.
 */
export function nationalTargets(key: string): ByWave | undefined {
  const t1 = table1Row(key);
  const pub = PUBLIC_FIGURES[key];
  if (t1) {
    const base = t1.percent.befolkning / 100;
    const out = {} as ByWave;
    for (const w of WAVES) {
      const shift = pub ? logit(pub.percent[w] / 100) - logit(pub.percent[2010] / 100) : 0;
      out[w] = 100 * expit(logit(base) + shift);
    }
    return out;
  }
  if (pub) return { ...pub.percent };
  const assumed = ASSUMED_LEVELS[key];
  return assumed ? { ...assumed } : undefined;
}
