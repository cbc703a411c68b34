import { describe, expect, it } from 'vitest';
import { LighedError } from '../errors.ts';
import { checkJobData, checkJobName, errorCodeOf, failureOf, JobFailure } from './jobs.ts';

describe('job rules', () => {
  it('accepts dotted lower-case names only', () => {
    expect(checkJobName('outbox.dispatch')).toBe('outbox.dispatch');
    expect(checkJobName('retention.daily')).toBe('retention.daily');
    expect(() => checkJobName('Outbox')).toThrow(TypeError);
    expect(() => checkJobName('__pgboss__send-it')).toThrow(TypeError);
    expect(() => checkJobName('a b')).toThrow(TypeError);
  });

  it('takes flat ids as job data and refuses anything nested', () => {
    expect(checkJobData(undefined)).toEqual({});
    expect(checkJobData({ kommune: '0265', id: 'x', n: 2, ids: ['a', 'b'], at: null })).toEqual({
      kommune: '0265',
      id: 'x',
      n: 2,
      ids: ['a', 'b'],
      at: null,
    });
    expect(() => checkJobData({ citizen: { name: 'Aisha' } })).toThrow(/citizen/);
    expect(() => checkJobData([1, 2])).toThrow(TypeError);
    // The message names the key, never the value.
    expect(() => checkJobData({ person: { cpr: '0101901234' } })).not.toThrow(/0101901234/);
  });

  it("keeps an error's class and code, never its message", () => {
    const f = failureOf(new LighedError('LIGHED_ERR_NOT_FOUND', 'Aisha Hassan not found'));
    expect(f).toBeInstanceOf(JobFailure);
    expect(f.code).toBe('LIGHED_ERR_NOT_FOUND');
    expect(f.errorClass).toBe('LighedError');
    expect(f.message).not.toMatch(/Aisha/);
    expect(
      failureOf(Object.assign(new Error('smtp said x@y.dk'), { code: 'EENVELOPE' })).code,
    ).toBe('EENVELOPE');
    expect(failureOf(new TypeError('boom')).code).toBe('TypeError');
    // A code that is not a code (free text) is not trusted.
    expect(failureOf({ code: 'duplicate key (cpr)=(0101901234)' }).code).toBe('object');
  });

  it("reads the code of a failed job's output, including pg-boss's own endings", () => {
    expect(errorCodeOf({ name: 'JobFailure', code: 'ECONNECTION' })).toBe('ECONNECTION');
    expect(errorCodeOf({ value: { message: 'job failed by timeout in active state' } })).toBe(
      'timeout',
    );
    expect(errorCodeOf({ name: 'Error', message: 'handler execution exceeded 900000ms' })).toBe(
      'timeout',
    );
    expect(errorCodeOf({ value: 'pg-boss shut down while active' })).toBe('shutdown');
    expect(errorCodeOf(null)).toBe('unknown');
  });
});
