/**
 * The dev-only gallery of every component example at /dev/komponenter, for people and for the
 * axe browser test. Examples come from the app (src/app.ts), so the kernel needs no domain.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { VNode } from 'preact';
import { pageContext, sendPage } from './context.ts';
import type { Translate } from './i18n.ts';
import { Layout } from './layout.tsx';

export interface ComponentExample {
  name: string;
  node: VNode;
  /** Form components are shown inside a form, as they are used. */
  inForm?: boolean;
}

export const galleryRoutes: FastifyPluginAsync<{
  examples: (t: Translate) => ComponentExample[];
}> = async (app, { examples }) => {
  app.get('/dev/komponenter', async (req, reply) => {
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      <Layout ctx={ctx} title="Komponenter">
        <h1>Komponenter</h1>
        {examples(ctx.t).map((e) => (
          <section>
            <h2>{e.name}</h2>
            {e.inForm ? (
              <form action="#" method="get">
                {e.node}
              </form>
            ) : (
              e.node
            )}
          </section>
        ))}
      </Layout>,
    );
  });
};
