/**
 * Municipal profiles for the synthetic survey: relative size, a deprivation score and a few
 * traits. Sizes are rounded total populations in thousands (around 2020); only their ratios are
 * used. Deprivation is an invented index (0 = national average, positive = more deprived) set to
 * echo well-known patterns (Lolland, Langeland, Ishøj, Albertslund, Brøndby high; Gentofte,
 * Rudersdal, Hørsholm, Allerød low). It shifts both who lives there and, a little, everyone's risk.
 */
import { KOMMUNER } from '../microdata/kommuner.ts';

export interface MunicipalProfile {
  code: string;
  name: string;
  /** Relative population (thousands, rounded). */
  size: number;
  deprivation: number;
  /** Large university towns: younger, more students, more long education. */
  urban: boolean;
  /** Share of adults of non-Western origin in 2010 (grows over the waves). */
  nonWestern: number;
}

// code: [size in thousands, deprivation]
const RAW: Record<string, [number, number]> = {
  '0101': [638, 0.3],
  '0147': [104, -1.0],
  '0151': [48, 0.3],
  '0153': [35, 1.5],
  '0155': [14, -1.0],
  '0157': [75, -1.9],
  '0159': [69, -0.3],
  '0161': [23, 0.4],
  '0163': [29, 0.3],
  '0165': [28, 1.5],
  '0167': [53, 0.5],
  '0169': [51, 1.0],
  '0173': [56, -1.4],
  '0175': [40, 0.5],
  '0183': [23, 1.6],
  '0185': [43, 0.2],
  '0187': [17, -0.3],
  '0190': [41, -1.0],
  '0201': [26, -1.2],
  '0210': [41, 0.1],
  '0217': [63, 0.2],
  '0219': [51, -0.5],
  '0223': [25, -1.3],
  '0230': [57, -1.8],
  '0240': [43, -0.6],
  '0250': [45, 0.2],
  '0260': [31, 0.8],
  '0270': [41, -0.2],
  '0400': [39, 1.0],
  '0253': [51, -0.1],
  '0259': [61, 0.0],
  '0265': [89, -0.6],
  '0269': [23, -0.7],
  '0306': [33, 1.0],
  '0316': [72, 0.4],
  '0320': [37, 0.5],
  '0326': [49, 0.9],
  '0329': [35, 0.4],
  '0330': [80, 0.9],
  '0336': [23, 0.3],
  '0340': [30, 0.2],
  '0350': [28, -0.7],
  '0360': [41, 2.0],
  '0370': [83, 0.4],
  '0376': [60, 1.3],
  '0390': [46, 1.0],
  '0410': [39, -0.3],
  '0420': [41, 0.3],
  '0430': [52, 0.3],
  '0440': [24, 0.2],
  '0450': [32, 0.3],
  '0461': [205, 0.4],
  '0479': [59, 0.3],
  '0480': [29, 0.4],
  '0482': [12, 1.7],
  '0492': [6, 0.6],
  '0510': [56, 0.4],
  '0530': [27, 0.0],
  '0540': [74, 0.3],
  '0550': [37, 0.6],
  '0561': [116, 0.4],
  '0563': [3.5, -0.2],
  '0573': [50, -0.1],
  '0575': [43, 0.1],
  '0580': [59, 0.4],
  '0607': [52, 0.5],
  '0621': [93, -0.2],
  '0630': [118, -0.2],
  '0615': [92, 0.0],
  '0657': [89, 0.0],
  '0661': [59, 0.0],
  '0665': [20, 0.2],
  '0671': [21, 0.4],
  '0706': [43, -0.2],
  '0707': [37, 0.8],
  '0710': [49, -0.8],
  '0727': [23, -0.6],
  '0730': [98, 0.5],
  '0740': [97, -0.4],
  '0741': [3.7, 0.3],
  '0746': [63, -1.0],
  '0751': [352, -0.2],
  '0756': [41, 0.2],
  '0760': [56, -0.1],
  '0766': [47, -0.2],
  '0779': [46, 0.3],
  '0791': [97, -0.1],
  '0773': [20, 0.7],
  '0787': [43, 0.3],
  '0810': [36, 0.3],
  '0813': [59, 0.7],
  '0820': [36, 0.5],
  '0825': [1.8, 0.8],
  '0840': [30, -0.5],
  '0846': [42, 0.3],
  '0849': [38, 0.4],
  '0851': [219, 0.2],
  '0860': [64, 0.4],
};

const URBAN = new Set(['0101', '0147', '0751', '0461', '0851']);

/** Non-Western share where it is far from the default (Copenhagen's western suburbs, the big towns). */
const NON_WESTERN: Record<string, number> = {
  '0183': 0.26,
  '0153': 0.25,
  '0165': 0.22,
  '0169': 0.18,
  '0101': 0.15,
  '0175': 0.13,
  '0167': 0.12,
  '0161': 0.12,
  '0163': 0.11,
  '0151': 0.1,
  '0185': 0.09,
  '0187': 0.11,
  '0461': 0.11,
  '0751': 0.1,
  '0851': 0.08,
  '0147': 0.09,
  '0159': 0.1,
  '0253': 0.09,
  '0330': 0.08,
  '0607': 0.09,
  '0561': 0.07,
  '0730': 0.07,
  '0563': 0.02,
  '0825': 0.01,
  '0741': 0.02,
  '0492': 0.02,
  '0482': 0.03,
};

export const MUNICIPAL_PROFILES: readonly MunicipalProfile[] = KOMMUNER.map((k) => {
  const raw = RAW[k.code];
  if (!raw) throw new Error(`demo: no profile for kommune ${k.code}`);
  return {
    code: k.code,
    name: k.name,
    size: raw[0],
    deprivation: raw[1],
    urban: URBAN.has(k.code),
    nonWestern: NON_WESTERN[k.code] ?? 0.04 + 0.01 * Math.max(0, raw[1]),
  };
});

/** Adults (16+) in Denmark per wave, rounded (Danmarks Statistik, approximate). */
export const ADULT_POPULATION: Readonly<Record<number, number>> = {
  2010: 4_500_000,
  2013: 4_560_000,
  2017: 4_680_000,
  2021: 4_780_000,
  2025: 4_880_000,
};

/**
 * Municipalities that drew a larger sample in a wave (a factor on their share of the
 * respondents), as a municipality can to follow its own goals. In the demo, Roskilde triples its
 * 2025 sample so its grundskole group's interval is narrow enough to judge the planning demo's
 * goal. The design weights still add up to the municipality's adults.
 */
export const EXTRA_SAMPLE: Readonly<Record<number, Readonly<Record<string, number>>>> = {
  2025: { '0265': 3 },
};

/**
 * Respondents per municipality: proportional to size with a floor, so the smallest islands still
 * get a usable sample (as the real survey oversamples them). Largest-remainder rounding makes the
 * counts add up to `total` exactly.
 */
export function allocate(total: number, sizes: readonly number[], floorShare = 0.002): number[] {
  const floor = Math.min(Math.ceil(total * floorShare), Math.floor(total / sizes.length));
  const rest = total - floor * sizes.length;
  const sum = sizes.reduce((s, x) => s + x, 0);
  const exact = sizes.map((s) => (rest * s) / sum);
  const counts = exact.map((x) => floor + Math.floor(x));
  let left = total - counts.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}
