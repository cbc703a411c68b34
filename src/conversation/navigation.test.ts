import { describe, expect, it } from 'vitest';
import { nextMove, readGo } from './navigation.ts';

const at = (over: Partial<Parameters<typeof nextMove>[0]> = {}) =>
  nextMove({
    go: 'next',
    step: 2,
    steps: 4,
    status: 'in_progress',
    revealsMore: false,
    ...over,
  });

describe('readGo: the button pressed', () => {
  it('reads back and pause, and anything else as next', () => {
    expect(readGo('back')).toBe('back');
    expect(readGo('pause')).toBe('pause');
    expect(readGo('next')).toBe('next');
    expect(readGo(undefined)).toBe('next');
    expect(readGo(['back'])).toBe('next');
  });
});

describe('nextMove: where the step form goes after a save', () => {
  it('moves on to the next step', () => {
    expect(at()).toEqual({ step: 3, status: 'in_progress', destination: { to: 'step', step: 3 } });
  });

  it('shows the same step again when an answer revealed more questions', () => {
    expect(at({ revealsMore: true })).toEqual({
      step: 2,
      status: 'in_progress',
      destination: { to: 'step', step: 2 },
    });
  });

  it('finishes after the last step and shows the profile', () => {
    expect(at({ step: 4 })).toEqual({
      step: 4,
      status: 'finished',
      destination: { to: 'profile' },
    });
  });

  it('goes back one step, never before the first', () => {
    expect(at({ go: 'back' }).destination).toEqual({ to: 'step', step: 1 });
    expect(at({ go: 'back', step: 1 })).toEqual({
      step: 1,
      status: 'in_progress',
      destination: { to: 'step', step: 1 },
    });
  });

  it('pauses to the list, but a finished conversation stays finished', () => {
    expect(at({ go: 'pause' })).toEqual({
      step: 2,
      status: 'paused',
      destination: { to: 'list' },
    });
    expect(at({ go: 'pause', status: 'finished' }).status).toBe('finished');
  });

  it('keeps a finished conversation finished when a step is corrected', () => {
    expect(at({ status: 'finished' }).status).toBe('finished');
    expect(at({ status: 'finished', go: 'back' }).status).toBe('finished');
    expect(at({ status: 'paused' }).status).toBe('in_progress');
  });
});
