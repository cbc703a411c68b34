/** The assessment pages' addresses (the planning start page links here through index.ts). */
export const ASSESSMENTS_PATH = '/personale/lighedsvurderinger';
export const TEMPLATE_PATH = '/personale/lighedsvurderinger/skabelon';
export const assessmentHref = (id: string) => `${ASSESSMENTS_PATH}/${id}`;
