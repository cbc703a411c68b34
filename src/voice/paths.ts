/** The voice's addresses (others link to them through index.ts). */
import { offerFeedbackPath, SUGGEST_OFFER_PATH } from '../catalog/index.ts';

export const feedbackPath = offerFeedbackPath;
export const SUGGEST_PATH = SUGGEST_OFFER_PATH;
export const SUGGESTIONS_PATH = '/forslag';
export const JOIN_PATH = '/panel';
export const VOICE_PATH = '/personale/stemme';
export const STAFF_SUGGESTIONS_PATH = '/personale/stemme/forslag';
export const PANELS_PATH = '/personale/stemme/paneler';
