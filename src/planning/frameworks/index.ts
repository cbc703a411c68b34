/** Every framework Lighed holds as data, by key (decision 0023). */
import { ALLIANCEN } from './alliancen.ts';
import type { Framework } from './framework.ts';
import { KL_PEJLEMAERKER } from './kl-pejlemaerker.ts';
import { KL_TEMADAGE } from './kl-temadage.ts';
import { ROSKILDE } from './roskilde.ts';

export type { Framework, FrameworkItem } from './framework.ts';

export const FRAMEWORKS: readonly Framework[] = [ROSKILDE, ALLIANCEN, KL_PEJLEMAERKER, KL_TEMADAGE];

/** The key a municipality's own recommendations are held under. */
export const OWN_FRAMEWORK = 'own';

export const frameworkByKey = (key: string): Framework | undefined =>
  FRAMEWORKS.find((f) => f.key === key);
