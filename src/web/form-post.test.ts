import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { LighedError } from '../platform/errors.ts';
import { formText, formTexts, submitForm, type Checked } from './form-post.ts';

class TestStale extends LighedError {
  constructor() {
    super('LIGHED_ERR_CONFLICT', 'changed meanwhile');
  }
}

/** One route per outcome, each answering through submitForm as a routes file would. */
function app(outcome: () => Promise<Checked | void>) {
  const a = Fastify();
  a.post('/form', async (_req, reply) =>
    submitForm(reply, {
      run: outcome,
      stale: TestStale,
      redirect: '/done?besked=gemt',
      again: async (status, shown) => reply.status(status).send(shown),
    }),
  );
  return a;
}

describe('submitForm', () => {
  it('redirects with 303 when the use case is done, or answers nothing', async () => {
    for (const run of [async () => ({ ok: true }) as const, async () => undefined]) {
      const res = await app(run).inject({ method: 'POST', url: '/form' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/done?besked=gemt');
    }
  });

  it('shows the page again with 400 and the problems', async () => {
    const problems = [{ path: 'title', message: 'form.required' }];
    const res = await app(async () => ({ ok: false, problems })).inject({
      method: 'POST',
      url: '/form',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ problems });
  });

  it("shows the page again with 409 and the stale notice on the domain's stale error", async () => {
    const res = await app(async () => {
      throw new TestStale();
    }).inject({ method: 'POST', url: '/form' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ problems: [], notice: 'forældet' });
  });

  it("leaves another conflict to the error handler (it is not this form's stale version)", async () => {
    const res = await app(async () => {
      throw new LighedError('LIGHED_ERR_CONFLICT', 'another domain');
    }).inject({ method: 'POST', url: '/form' });
    // Fastify's default handler: the error's own status, not the page again.
    expect(res.statusCode).toBe(409);
    expect(res.json()).not.toHaveProperty('notice');
  });

  it('builds the redirect from what the use case returned', async () => {
    const a = Fastify();
    a.post('/new', async (_req, reply) =>
      submitForm(reply, {
        run: async () => ({ ok: true as const, id: 'abc' }),
        redirect: (r) => `/items/${r.id}?besked=oprettet`,
        again: async () => reply.status(500).send(),
      }),
    );
    const res = await a.inject({ method: 'POST', url: '/new' });
    expect(res.headers.location).toBe('/items/abc?besked=oprettet');
  });
});

describe('posted fields', () => {
  it('reads a text field, taking the first of a repeated one', () => {
    expect(formText({ a: 'x' }, 'a')).toBe('x');
    expect(formText({ a: ['x', 'y'] }, 'a')).toBe('x');
    expect(formText({ a: [1] }, 'a')).toBe('');
    expect(formText({}, 'a')).toBe('');
  });

  it('reads a multi-value field as a list of its texts', () => {
    expect(formTexts({ a: 'x' }, 'a')).toEqual(['x']);
    expect(formTexts({ a: ['x', 2, 'y'] }, 'a')).toEqual(['x', 'y']);
    expect(formTexts({}, 'a')).toEqual([]);
  });
});
