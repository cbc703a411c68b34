/**
 * The reply link's pages: where and when with the choices as one form (radio buttons and a
 * submit button, no JavaScript needed), the receipt after an answer, and why a link does not
 * work, each with a number to call where one is known. Danish names and addresses are marked
 * as Danish (and isolated on the Arabic page); phone numbers read left to right everywhere.
 */
import { ErrorSummary, Field, TextField, fieldId, type Problems } from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { danishAttrs } from '../../web/present.ts';
import { telHref, whenLongText, type ReplyChoice } from '../notice.ts';
import { FIELD, NOTE_MAX, type ReplyView } from '../reply.ts';

export interface ReplyPageProps {
  ctx: PageContext;
  view: ReplyView;
  /** The form's action (the link's own path, with the page's language). */
  action: string;
  problems?: Problems;
  values?: { choice?: string; note?: string };
}

export function ReplyPage(props: ReplyPageProps) {
  const { view } = props;
  switch (view.state) {
    case 'open':
      return <ReplyForm {...props} view={view} />;
    case 'done':
      return <Done ctx={props.ctx} choice={view.choice} phone={view.contactPhone} />;
    case 'used':
      return (
        <Notice ctx={props.ctx} title="reply.used.title" text={`reply.used.${view.choice}`}>
          <Call
            ctx={props.ctx}
            phone={view.contactPhone}
            keyWith="reply.change"
            keyWithout="reply.changeNoPhone"
          />
        </Notice>
      );
    case 'closed':
      return (
        <Notice ctx={props.ctx} title="reply.closed.title" text="reply.closed.text">
          <Call ctx={props.ctx} phone={view.contactPhone} />
        </Notice>
      );
    case 'expired':
      return (
        <Notice ctx={props.ctx} title="reply.expired.title" text="reply.expired.text">
          <Call ctx={props.ctx} phone={view.contactPhone} />
        </Notice>
      );
    case 'unknown':
      return (
        <Notice ctx={props.ctx} title="reply.unknown.title" text="reply.unknown.text">
          <Call ctx={props.ctx} phone={null} />
        </Notice>
      );
  }
}

function ReplyForm({
  ctx,
  view,
  action,
  problems = [],
  values = {},
}: ReplyPageProps & { view: Extract<ReplyView, { state: 'open' }> }) {
  const { t, lang } = ctx;
  const da = danishAttrs(lang);
  const title = t('reply.title');
  const id = fieldId(FIELD.choice);
  const problem = problems.find((p) => p.path === FIELD.choice);
  const askNote = view.acceptsNote && view.choices.includes('new_time');
  return (
    <Layout ctx={ctx} title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}>
      <h1>{title}</h1>
      <ErrorSummary problems={problems} t={t} />
      <p>{t('reply.lead')}</p>
      <dl class="lighed-facts">
        {view.facts.startsAt && (
          <>
            <dt>{t('reply.when')}</dt>
            <dd>{whenLongText(view.facts.startsAt, lang)}</dd>
          </>
        )}
        <dt>{t('reply.where')}</dt>
        <dd {...da}>{view.facts.placeName}</dd>
        {view.facts.address && (
          <>
            <dt>{t('reply.address')}</dt>
            <dd {...da}>{view.facts.address}</dd>
          </>
        )}
      </dl>
      <form method="post" action={action} novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <Field id={id} label={t('reply.choice')} problem={problem} t={t} fieldset>
          <ul class="nobullet-list" id={id}>
            {view.choices.map((c) => (
              <li class="form-group-radio">
                <input
                  class="form-radio radio-large"
                  type="radio"
                  id={`${id}-${c}`}
                  name={FIELD.choice}
                  value={c}
                  checked={values.choice === c}
                />
                <label for={`${id}-${c}`}>{t(`reply.choice.${c}`)}</label>
              </li>
            ))}
          </ul>
        </Field>
        {askNote && (
          <TextField
            name={FIELD.note}
            label={t('reply.note')}
            hint={t('reply.noteHint', { count: NOTE_MAX })}
            value={values.note ?? ''}
            multiline
            problems={problems}
            t={t}
          />
        )}
        <button type="submit" class="button button-primary">
          {t('reply.submit')}
        </button>
      </form>
      <Call ctx={ctx} phone={view.contactPhone} />
    </Layout>
  );
}

function Done({
  ctx,
  choice,
  phone,
}: {
  ctx: PageContext;
  choice: ReplyChoice;
  phone: string | null;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t(`reply.done.${choice}.title`)}>
      <div class="alert alert-success" role="status">
        <div class="alert-body">
          <h1 class="alert-heading">{t(`reply.done.${choice}.title`)}</h1>
          <p class="alert-text">{t(`reply.done.${choice}.text`)}</p>
        </div>
      </div>
      <Call ctx={ctx} phone={phone} />
    </Layout>
  );
}

function Notice(props: {
  ctx: PageContext;
  title: string;
  text: string;
  children?: preact.ComponentChildren;
}) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t(props.title)}>
      <h1>{t(props.title)}</h1>
      <p>{t(props.text)}</p>
      {props.children}
    </Layout>
  );
}

/**
 * "Questions? Call 46 31 00 00" with the number as a call link; without a number, where to
 * find one (the message itself names it).
 */
function Call({
  ctx,
  phone,
  keyWith = 'reply.call',
  keyWithout = 'reply.callFromMessage',
}: {
  ctx: PageContext;
  phone: string | null;
  keyWith?: string;
  keyWithout?: string;
}) {
  const { t } = ctx;
  if (!phone) return <p>{t(keyWithout)}</p>;
  const mark = '\uE000';
  const [before = '', after = ''] = t(keyWith, { contact: mark }).split(mark);
  return (
    <p class="lighed-reply-call">
      {before}
      <a href={telHref(phone)} dir="ltr">
        {phone}
      </a>
      {after}
    </p>
  );
}
