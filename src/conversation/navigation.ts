/**
 * Where the step form goes after a step is saved, pure: the button pressed, the step and the
 * conversation's status decide the step stored, the new status and the page shown next. A
 * finished conversation stays finished when a worker goes back to correct an answer.
 */
import type { Conversation } from './conversation.store.ts';

/** The step form's buttons; anything else (Enter in a field) is "next". */
export type Go = 'next' | 'back' | 'pause';
export const readGo = (v: unknown): Go =>
  v === 'back' ? 'back' : v === 'pause' ? 'pause' : 'next';

type Status = Conversation['status'];

/** The page after the save: the list, a step (maybe the same one), or the profile. */
export type Destination = { to: 'list' } | { to: 'step'; step: number } | { to: 'profile' };

export interface Move {
  /** The step stored as where the form stands. */
  step: number;
  status: Status;
  destination: Destination;
}

export function nextMove(p: {
  go: Go;
  /** The step just saved (1-based). */
  step: number;
  steps: number;
  status: Status;
  /** The saved answers reveal items the step did not show: show it again. */
  revealsMore: boolean;
}): Move {
  const finished = p.status === 'finished';
  const status: Status = finished ? 'finished' : 'in_progress';
  if (p.go === 'pause')
    return { step: p.step, status: finished ? 'finished' : 'paused', destination: { to: 'list' } };
  if (p.go === 'back') {
    const step = Math.max(1, p.step - 1);
    return { step, status, destination: { to: 'step', step } };
  }
  if (p.revealsMore) return { step: p.step, status, destination: { to: 'step', step: p.step } };
  if (p.step < p.steps)
    return { step: p.step + 1, status, destination: { to: 'step', step: p.step + 1 } };
  return { step: p.step, status: 'finished', destination: { to: 'profile' } };
}
