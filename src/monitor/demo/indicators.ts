/**
 * Social gradients per indicator, as log-odds effects of each social position (reference:
 * lang videregående, 5th income quintile, 25–44 years, man, Danish origin, living with others,
 * employed). The intercept per wave and, for Table-1 indicators, the offsets of the three
 * Table-1 groups are not set here: calibrate.ts solves them so the national and group
 * percentages come out as calibration.ts says. These shapes only decide how the rest of the
 * population differs (e.g. smoking falls with education, alcohol rises slightly with it).
 */

export interface GradientModel {
  key: string;
  /** By education 1..4. */
  edu: readonly number[];
  /** By income quintile 1..5. */
  income: readonly number[];
  /** By age group 1..4. */
  age: readonly number[];
  female: number;
  /** By origin 1..3. */
  origin: readonly number[];
  /** Living alone. */
  alone: number;
  /** By labour-market status 1..6 (kontanthjælp and førtidspension are replaced by calibrated offsets for Table-1 indicators). */
  work: readonly number[];
  /** Loading on the person's latent frailty (correlates answers within a person). */
  frailty: number;
  /** Log-odds per unit of municipal deprivation (context effect beyond composition). */
  deprivation: number;
}

interface Spec {
  edu: [number, number, number];
  inc: [number, number, number, number];
  /** 16–24, 45–64, 65+ (25–44 is the reference). */
  age: [number, number, number];
  female: number;
  /** vestlig, ikke-vestlig. */
  origin: [number, number];
  alone: number;
  /** ledig, kontanthjælp, førtidspension, uddannelsessøgende, pensionist. */
  work: [number, number, number, number, number];
  frailty: number;
  deprivation: number;
}

const model = (key: string, s: Spec): GradientModel => ({
  key,
  edu: [...s.edu, 0],
  income: [...s.inc, 0],
  age: [s.age[0], 0, s.age[1], s.age[2]],
  female: s.female,
  origin: [0, ...s.origin],
  alone: s.alone,
  work: [0, s.work[0], s.work[1], s.work[2], s.work[3], s.work[4]],
  frailty: s.frailty,
  deprivation: s.deprivation,
});

/** Flips a model's direction (for favourable indicators described as their adverse twin). */
const neg = (xs: readonly number[]): number[] => xs.map((x) => -x);

export const GRADIENTS: readonly GradientModel[] = [
  model('dagligryger', {
    edu: [0.9, 0.7, 0.35],
    inc: [0.4, 0.3, 0.2, 0.1],
    age: [-0.1, 0.1, -0.4],
    female: -0.05,
    origin: [0, 0.1],
    alone: 0.35,
    work: [0.5, 0.9, 0.8, -0.3, 0],
    frailty: 0.2,
    deprivation: 0.15,
  }),
  model('fysisk_inaktiv', {
    edu: [0.8, 0.5, 0.2],
    inc: [0.4, 0.3, 0.15, 0.05],
    age: [-0.2, 0, 0.2],
    female: 0,
    origin: [0.1, 0.6],
    alone: 0.25,
    work: [0.4, 0.8, 0.9, -0.3, 0.1],
    frailty: 0.5,
    deprivation: 0.1,
  }),
  model('lav_trivsel', {
    edu: [0.4, 0.25, 0.1],
    inc: [0.5, 0.3, 0.15, 0.05],
    age: [0.4, 0, 0.1],
    female: 0.2,
    origin: [0.1, 0.4],
    alone: 0.5,
    work: [0.7, 1.3, 1.4, 0.2, 0.1],
    frailty: 0.9,
    deprivation: 0.06,
  }),
  model('ensom', {
    edu: [0.6, 0.3, 0.1],
    inc: [0.5, 0.3, 0.15, 0.05],
    age: [0.5, -0.1, 0.2],
    female: 0.15,
    origin: [0.2, 0.6],
    alone: 1.0,
    work: [0.7, 1.3, 1.4, 0.3, 0.2],
    frailty: 0.7,
    deprivation: 0.05,
  }),
  model('svaer_overvaegt', {
    edu: [0.8, 0.6, 0.3],
    inc: [0.3, 0.2, 0.1, 0.05],
    age: [-0.9, 0.3, 0.2],
    female: 0,
    origin: [0, 0.2],
    alone: 0,
    work: [0.3, 0.6, 0.7, -0.4, 0],
    frailty: 0.3,
    deprivation: 0.12,
  }),
  model('hoejt_alkohol', {
    edu: [-0.1, 0.1, 0],
    inc: [-0.1, -0.05, 0, 0],
    age: [0.3, 0.3, 0.3],
    female: -0.8,
    origin: [0, -1.2],
    alone: 0.3,
    work: [0.3, 0.4, 0.3, 0, 0],
    frailty: 0.2,
    deprivation: 0.03,
  }),
  model('godt_helbred', {
    edu: [-0.8, -0.5, -0.2],
    inc: [-0.6, -0.4, -0.2, -0.1],
    age: [0.5, -0.3, -0.6],
    female: -0.05,
    origin: [0, -0.4],
    alone: -0.3,
    work: [-0.5, -1.2, -2, 0.2, -0.2],
    frailty: -1.0,
    deprivation: -0.08,
  }),
  model('langvarig_sygdom', {
    edu: [0.3, 0.2, 0.1],
    inc: [0.4, 0.3, 0.15, 0.05],
    age: [-0.6, 0.5, 1.0],
    female: 0.1,
    origin: [0, 0.1],
    alone: 0.2,
    work: [0.3, 1, 2, -0.2, 0.3],
    frailty: 0.9,
    deprivation: 0.05,
  }),
  model('usundt_kostmoenster', {
    edu: [1.0, 0.6, 0.3],
    inc: [0.4, 0.3, 0.15, 0.05],
    age: [0.3, 0.1, 0],
    female: -0.6,
    origin: [0, 0.2],
    alone: 0.4,
    work: [0.3, 0.6, 0.5, 0, 0],
    frailty: 0.2,
    deprivation: 0.1,
  }),
  model('daarlig_soevn', {
    edu: [0.3, 0.2, 0.1],
    inc: [0.3, 0.2, 0.1, 0],
    age: [0, 0.1, 0.2],
    female: 0.3,
    origin: [0, 0.2],
    alone: 0.3,
    work: [0.4, 0.8, 1, 0, 0],
    frailty: 0.7,
    deprivation: 0.04,
  }),
  model('stress', {
    edu: [0.2, 0.15, 0.05],
    inc: [0.5, 0.3, 0.15, 0.05],
    age: [0.3, -0.1, -0.6],
    female: 0.3,
    origin: [0, 0.3],
    alone: 0.3,
    work: [0.4, 0.7, 0.2, 0.2, -0.4],
    frailty: 0.7,
    deprivation: 0.04,
  }),
  model('ingen_tandlaege', {
    edu: [0.9, 0.5, 0.2],
    inc: [0.8, 0.5, 0.3, 0.1],
    age: [0.2, 0, 0.1],
    female: -0.3,
    origin: [0.1, 0.9],
    alone: 0.4,
    work: [0.4, 1, 0.5, 0, 0],
    frailty: 0.2,
    deprivation: 0.1,
  }),
  model('ikke_frisk', {
    edu: [0.4, 0.25, 0.1],
    inc: [0.4, 0.3, 0.15, 0.05],
    age: [-0.3, 0.2, 0.5],
    female: 0.2,
    origin: [0, 0.3],
    alone: 0.3,
    work: [0.6, 1.2, 2, 0, 0.4],
    frailty: 1.0,
    deprivation: 0.05,
  }),
  model('goer_noget_for_helbred', {
    edu: [-0.5, -0.3, -0.1],
    inc: [-0.3, -0.2, -0.1, 0],
    age: [-0.2, 0, 0],
    female: 0.3,
    origin: [0, -0.2],
    alone: -0.2,
    work: [-0.3, -0.5, -0.3, 0, 0],
    frailty: -0.2,
    deprivation: -0.05,
  }),
  model('begraenset_af_sygdom', {
    edu: [0.3, 0.2, 0.1],
    inc: [0.3, 0.2, 0.1, 0],
    age: [-0.2, 0.2, 0.4],
    female: 0.2,
    origin: [0, 0.2],
    alone: 0.2,
    work: [0.4, 1, 1.6, 0, 0.3],
    frailty: 1.0,
    deprivation: 0.04,
  }),
  model('laegekontakt', {
    edu: [0.1, 0.1, 0],
    inc: [0.2, 0.1, 0.05, 0],
    age: [-0.2, 0.2, 0.6],
    female: 0.5,
    origin: [0, 0.2],
    alone: 0.1,
    work: [0.3, 0.7, 0.9, -0.1, 0.2],
    frailty: 0.8,
    deprivation: 0.03,
  }),
  model('fast_medicin', {
    edu: [0.2, 0.1, 0],
    inc: [0.2, 0.1, 0.05, 0],
    age: [-0.8, 0.5, 1.3],
    female: 0.4,
    origin: [0, 0.1],
    alone: 0.1,
    work: [0.2, 0.6, 1.5, -0.2, 0.3],
    frailty: 0.9,
    deprivation: 0.03,
  }),
  model('tandlaege_3_mdr', {
    edu: [-0.4, -0.2, -0.1],
    inc: [-0.4, -0.3, -0.15, -0.05],
    age: [-0.1, 0.1, 0],
    female: 0.2,
    origin: [0, -0.5],
    alone: -0.2,
    work: [-0.3, -0.5, 0, 0, 0],
    frailty: 0,
    deprivation: -0.05,
  }),
  model('helbredstjek', {
    edu: [0, 0, 0],
    inc: [0.05, 0.05, 0, 0],
    age: [-0.5, 0.3, 0.5],
    female: 0.2,
    origin: [0, 0],
    alone: 0,
    work: [0.2, 0.4, 0.4, -0.2, 0.2],
    frailty: 0.3,
    deprivation: 0,
  }),
];

const ADVERSE_DEFAULT = model('', {
  edu: [0.4, 0.25, 0.1],
  inc: [0.3, 0.2, 0.1, 0.05],
  age: [0, 0.1, 0.2],
  female: 0,
  origin: [0, 0.2],
  alone: 0.2,
  work: [0.3, 0.6, 0.8, 0, 0.1],
  frailty: 0.5,
  deprivation: 0.05,
});

/** A mild gradient for indicators we know nothing about (favourable ones improve with advantage). */
export function defaultGradient(key: string, favourable: boolean): GradientModel {
  const g = ADVERSE_DEFAULT;
  if (!favourable) return { ...g, key };
  return {
    key,
    edu: neg(g.edu),
    income: neg(g.income),
    age: neg(g.age),
    female: -g.female,
    origin: neg(g.origin),
    alone: -g.alone,
    work: neg(g.work),
    frailty: -g.frailty,
    deprivation: -g.deprivation,
  };
}

/** Indicators that are exact complements of another in the same person (daarligt_helbred = not godt_helbred). */
export const COMPLEMENTS: Readonly<Record<string, string>> = { daarligt_helbred: 'godt_helbred' };

/** Level when nothing is known: 15 % for adverse indicators, 70 % for favourable ones. */
export const DEFAULT_LEVEL = { adverse: 15, favourable: 70 } as const;

/** Extra log-odds for smoking where it is well known to be higher or lower than composition explains. */
export const SMOKING_AREA_EFFECTS: Readonly<Record<string, number>> = {
  '0360': 0.25,
  '0482': 0.25,
  '0183': 0.2,
  '0165': 0.2,
  '0153': 0.15,
  '0376': 0.1,
  '0157': -0.25,
  '0230': -0.25,
  '0223': -0.15,
  '0173': -0.15,
};

/**
 * Local trends that depart from the national one, in log-odds from a wave on, for one education
 * group in one municipality. Roskilde's daily smoking among people with grundskole stalls after
 * 2021 (about 27 % in 2021, 28–29 % in 2025 in the default sample) while the country's keeps falling, so the planning
 * demo's goal "from 27 % in 2021 to 18 % in 2030" comes out behind its path (decision 0024).
 */
export const LOCAL_TRENDS: readonly {
  key: string;
  area: string;
  /** Education 1..4 (1 grundskole). */
  edu: number;
  from: number;
  logOdds: number;
}[] = [{ key: 'dagligryger', area: '0265', edu: 1, from: 2025, logOdds: 0.19 }];
