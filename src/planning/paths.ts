/** The planning pages' addresses (others link to them through index.ts). */
export const PLANNING_PATH = '/personale/planlaegning';
export const INTERVENTIONS_PATH = '/personale/planlaegning/indsatser';
export const RECOMMENDATIONS_PATH = '/personale/planlaegning/anbefalinger';
