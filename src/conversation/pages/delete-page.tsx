/** Deletion on request: the worker confirms before the conversation is deleted for good. */
import { CsrfField } from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import type { Conversation } from '../conversation.store.ts';
import { citizenLabel, conversationHref, STAFF_LANGUAGES } from './present.ts';

export function DeletePage({
  ctx,
  conversation: c,
}: {
  ctx: PageContext;
  conversation: Conversation;
}) {
  const { t } = ctx;
  const title = t('conversation.delete.title', { citizen: citizenLabel(c, t) });
  const base = conversationHref(c.id);
  return (
    <Layout ctx={ctx} title={title} area="staff" languages={STAFF_LANGUAGES}>
      <p>
        <a href={base} class="lighed-back">
          {t('conversation.offers.back')}
        </a>
      </p>
      <h1>{title}</h1>
      <p>{t('conversation.delete.lead')}</p>
      <form method="post" action={`${base}/slet`}>
        <CsrfField token={ctx.csrfToken} />
        <button type="submit" class="button button-primary">
          {t('conversation.delete.submit')}
        </button>
      </form>
    </Layout>
  );
}
