/**
 * The security headers (CSP, HSTS, no-referrer, frame deny, ...), set on every response.
 * Helmet decides them; they are computed once here rather than per request: @fastify/helmet
 * builds helmet's whole middleware for every request (parsing the CSP directives, one function
 * per header), about 3 % of a finder request's CPU (issue 16), while our options never change.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';

type Header = readonly [name: string, value: number | string | readonly string[]];

/**
 * The headers helmet sets with these options: read from one request to a bare Fastify app
 * with @fastify/helmet registered, in helmet's own spelling and order.
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<readonly Header[]> {
  const probe = Fastify();
  let headers: Header[] = [];
  try {
    await probe.register(helmet, options);
    probe.get('/', (_req, reply) => {
      // Only helmet's onRequest hook has run, so these are its headers and nothing else.
      headers = reply.raw.getHeaderNames().flatMap((name: string) => {
        const value = reply.raw.getHeader(name);
        return value === undefined ? [] : [[name, value] as const];
      });
      return '';
    });
    await probe.inject('/');
  } finally {
    await probe.close();
  }
  if (headers.length === 0) throw new Error('helmet set no headers');
  return headers;
}

/** Sets helmet's headers (computed once) on every response, as @fastify/helmet's hook did. */
export async function securityHeaders(
  app: FastifyInstance,
  options: FastifyHelmetOptions,
): Promise<void> {
  const headers = await helmetHeaders(options);
  app.addHook('onRequest', (_req, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
