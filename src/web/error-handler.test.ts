import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorForLog, registerErrorHandlers } from './error-handler.tsx';

describe('errors in the log', () => {
  it('keeps class, code and stack frames of an unknown error, never its message', () => {
    const cause = Object.assign(new Error('duplicate key (cpr)=(010203-1234)'), {
      code: '23505',
      constraint: 'person_cpr_key',
      table: 'person',
    });
    const err = new TypeError('Jens Hansen, 010203-1234', { cause });
    const logged = errorForLog(err);
    expect(logged).toMatchObject({ type: 'TypeError', name: 'TypeError' });
    expect(String(logged.stack)).toMatch(/^at .*error-handler\.test\.ts/);
    expect(logged.cause).toMatchObject({
      type: 'Error',
      code: '23505',
      constraint: 'person_cpr_key',
      table: 'person',
    });
    const text = JSON.stringify(logged);
    expect(text).not.toContain('Jens');
    expect(text).not.toContain('010203');
  });

  it('logs a 500 with the request id and the error class, and answers without details', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = Fastify({ logger: { level: 'error', stream } });
    registerErrorHandlers(app);
    app.get('/api/boom', async () => {
      throw new RangeError('citizen Jens Hansen');
    });
    const res = await app.inject({ method: 'GET', url: '/api/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('Jens');
    const entry = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.err);
    expect(entry).toBeDefined();
    expect(entry?.reqId).toBeTruthy();
    expect(entry?.err).toMatchObject({ type: 'RangeError' });
    expect(String((entry?.err as { stack?: string }).stack)).toContain('error-handler.test.ts');
    expect(lines.join('')).not.toContain('Jens');
    await app.close();
  });
});
