/**
 * The citizens' voice (issue 13, decision 0028): anonymous feedback on offers, suggestions,
 * and panels. What other parts (app.ts, jobs.ts, the demo, planning's start page) may use.
 */
export {
  feedbackPath,
  JOIN_PATH,
  PANELS_PATH,
  STAFF_SUGGESTIONS_PATH,
  SUGGEST_PATH,
  SUGGESTIONS_PATH,
  VOICE_PATH,
} from './paths.ts';
export { BARRIERS, RATINGS, type Barrier, type Rating } from './voice.ts';
export { purgeVoice } from './panel.service.ts';
export { seedVoiceDemo } from './demo.seed.ts';
