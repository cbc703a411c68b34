/**
 * The admin's citizen pages: search (a POST form: a CPR number never goes into an address),
 * the citizen card with the masked CPR number and an explicit "vis", the insight export as a
 * readable page, and erasure.
 */
import type { ComponentChildren } from 'preact';
import {
  Checkboxes,
  CsrfField,
  ErrorSummary,
  SubmitButton,
  TextField,
  type Problems,
} from '../../web/form.tsx';
import { Layout, type PageContext } from '../../web/layout.tsx';
import { languageName } from '../../web/present.ts';
import { DataTable } from '../../web/table.tsx';
import type { Translate } from '../../web/i18n.ts';
import { CONTACT_CHANNELS, type AccessLink, type CitizenCard, type Consent } from '../citizen.ts';
import type { CitizenDetail } from '../citizen.service.ts';
import type { InsightExport } from '../insight.ts';
import type { SearchValues } from '../search-form.ts';

export const PEOPLE_PATH = '/personale/borgere';
export const citizenHref = (id: string) => `${PEOPLE_PATH}/${id}`;

const STAFF_LANGUAGES = ['da', 'en'] as const;

function dateText(lang: string, d: Date | string | null): string {
  if (d === null) return '';
  if (typeof d === 'string') {
    const [y, m, day] = d.split('-');
    return `${day}.${m}.${y}`;
  }
  return new Intl.DateTimeFormat(lang, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(d);
}

function StaffPage(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <Layout ctx={props.ctx} title={props.title} area="staff" languages={STAFF_LANGUAGES}>
      {props.children}
    </Layout>
  );
}

function PostButton(props: {
  ctx: PageContext;
  action: string;
  label: string;
  secondary?: boolean;
}) {
  return (
    <form method="post" action={props.action} class="lighed-inline-form">
      <CsrfField token={props.ctx.csrfToken} />
      <button
        type="submit"
        class={`button ${props.secondary ? 'button-secondary' : 'button-primary'}`}
      >
        {props.label}
      </button>
    </form>
  );
}

export function SearchPage(props: {
  ctx: PageContext;
  values: SearchValues;
  problems: Problems;
  results: readonly CitizenCard[] | null;
  notice?: string;
}) {
  const { ctx, values, problems, results } = props;
  const { t } = ctx;
  const title = t('people.search.title');
  return (
    <StaffPage ctx={ctx} title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}>
      <h1>{title}</h1>
      <p>{t('people.search.lead')}</p>
      {props.notice && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{props.notice}</p>
          </div>
        </div>
      )}
      <ErrorSummary problems={problems} t={t} />
      <form method="post" action={PEOPLE_PATH} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="cpr"
          label={t('people.field.cpr')}
          hint={t('people.field.cprHint')}
          value={values.cpr}
          width="s"
          inputmode="numeric"
          autocomplete="off"
          problems={problems}
          t={t}
        />
        <p>{t('people.search.or')}</p>
        <TextField
          name="navn"
          label={t('people.field.name')}
          value={values.navn}
          autocomplete="off"
          problems={problems}
          t={t}
        />
        <TextField
          name="foedselsdato"
          label={t('people.field.birthDate')}
          hint={t('people.field.birthDateHint')}
          value={values.foedselsdato}
          width="s"
          autocomplete="off"
          problems={problems}
          t={t}
        />
        <SubmitButton>{t('people.search.submit')}</SubmitButton>
      </form>
      {results && (
        <DataTable
          caption={t('people.search.count', { count: results.length })}
          columns={[t('people.field.name'), t('people.field.birthDate'), t('people.field.cpr')]}
          rows={results}
          cells={(c) => [
            <a href={citizenHref(c.id)}>{c.name}</a>,
            dateText(ctx.lang, c.birthDate),
            c.cprMasked ?? t('people.card.noCpr'),
          ]}
        />
      )}
    </StaffPage>
  );
}

/** Purposes with a name in the message catalogue; any other is shown as stored. */
const NAMED_PURPOSES = new Set(['referral']);
const purposeName = (t: Translate, purpose: string) =>
  NAMED_PURPOSES.has(purpose)
    ? t(`people.consents.purpose.${purpose}`)
    : CONTACT_CHANNELS.some((c) => purpose === `contact.${c}`)
      ? t(`people.channels.purpose.${purpose.slice('contact.'.length)}`)
      : purpose;

/**
 * "Må vi sende beskeder om tider?": a checkbox per channel; a channel needs its address on the
 * record (the hint says which). Saving records a consent per ticked channel.
 */
function ChannelsForm(props: {
  ctx: PageContext;
  card: CitizenCard;
  values: readonly string[];
  problems: Problems;
}) {
  const { ctx, card } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="contact-channels">
      <h2 id="contact-channels">{t('people.channels.title')}</h2>
      <form method="post" action={`${citizenHref(card.id)}/kanaler`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Checkboxes
          name="contactChannels"
          label={t('people.channels.question')}
          hint={t('people.channels.hint')}
          values={props.values}
          options={CONTACT_CHANNELS.map((c) => ({
            value: c,
            label: t(`people.channels.option.${c}`),
          }))}
          problems={props.problems}
          t={t}
        />
        <SubmitButton>{t('people.channels.save')}</SubmitButton>
      </form>
    </section>
  );
}

function ConsentTable({
  t,
  lang,
  consents,
  withdraw,
}: {
  t: Translate;
  lang: string;
  consents: readonly Consent[];
  /** On the card: a "withdraw" button per active consent (a POST with the CSRF token). */
  withdraw?: { ctx: PageContext; citizenId: string };
}) {
  const columns = [
    t('people.consents.purpose'),
    t('people.consents.version'),
    t('people.consents.given'),
    t('people.consents.withdrawn'),
  ];
  return (
    <DataTable
      caption={t('people.consents.title')}
      columns={withdraw ? [...columns, t('people.consents.action')] : columns}
      rows={consents}
      cells={(c) => {
        const cells: ComponentChildren[] = [
          purposeName(t, c.purpose),
          c.version,
          dateText(lang, c.givenAt),
          c.withdrawnAt ? dateText(lang, c.withdrawnAt) : t('people.consents.notWithdrawn'),
        ];
        if (withdraw)
          cells.push(
            c.withdrawnAt ? (
              ''
            ) : (
              <form
                method="post"
                action={`${citizenHref(withdraw.citizenId)}/samtykke/${c.id}/traek-tilbage`}
                class="lighed-inline-form"
              >
                <CsrfField token={withdraw.ctx.csrfToken} />
                <button type="submit" class="button button-secondary">
                  {t('people.consents.withdraw')}
                  <span class="sr-only">
                    {' '}
                    (
                    {t('people.consents.withdrawWhich', {
                      purpose: purposeName(t, c.purpose),
                      version: c.version,
                    })}
                    )
                  </span>
                </button>
              </form>
            ),
          );
        return cells;
      }}
    />
  );
}

function AccessTable({
  t,
  lang,
  access,
}: {
  t: Translate;
  lang: string;
  access: readonly AccessLink[];
}) {
  return (
    <DataTable
      caption={t('people.access.title')}
      columns={[t('people.access.via'), t('people.access.who'), t('people.access.since')]}
      rows={access}
      cells={(a) => [
        t(`people.via.${a.via}`),
        [a.organizationName, a.teamName].filter(Boolean).join(', '),
        dateText(lang, a.createdAt),
      ]}
    />
  );
}

export function CitizenPage({
  ctx,
  detail,
  notice,
  problems = [],
  channels,
}: {
  ctx: PageContext;
  detail: CitizenDetail;
  notice?: string;
  /** The channels form sent back with its problems. */
  problems?: Problems;
  channels?: readonly string[];
}) {
  const { t, lang } = ctx;
  const c = detail.card;
  const href = citizenHref(c.id);
  const rows: [string, ComponentChildren][] = [
    [
      t('people.field.cpr'),
      detail.cpr ? <strong>{detail.cpr}</strong> : (c.cprMasked ?? t('people.card.noCpr')),
    ],
    [t('people.field.birthDate'), dateText(lang, c.birthDate)],
    [t('people.field.sex'), c.sex ? t(`people.sex.${c.sex}`) : ''],
    [t('people.field.phone'), c.phone],
    [t('people.field.email'), c.email],
    [t('people.field.address'), [c.address, c.postcode].filter(Boolean).join(', ')],
    [
      t('people.field.language'),
      c.preferredLanguage ? languageName(c.preferredLanguage, lang) : '',
    ],
    [t('people.field.interpreter'), t(c.interpreterNeeded ? 'people.yes' : 'people.no')],
  ];
  return (
    <StaffPage
      ctx={ctx}
      title={problems.length ? `${t('form.errorTitlePrefix')} ${c.name}` : c.name}
    >
      <p>
        <a href={PEOPLE_PATH} class="lighed-back">
          {t('people.back')}
        </a>
      </p>
      <h1>{c.name}</h1>
      <ErrorSummary problems={problems} t={t} />
      {notice && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{notice}</p>
          </div>
        </div>
      )}
      <dl class="lighed-facts">
        {rows.map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
      {c.cprMasked && !detail.cpr && (
        <PostButton
          ctx={ctx}
          action={`${href}/vis-cpr`}
          label={t('people.card.showCpr')}
          secondary
        />
      )}
      {detail.cpr && <p class="form-hint">{t('people.card.cprShownNote')}</p>}
      <ChannelsForm ctx={ctx} card={c} values={channels ?? c.contactChannels} problems={problems} />
      <ConsentTable
        t={t}
        lang={lang}
        consents={detail.consents}
        withdraw={{ ctx, citizenId: c.id }}
      />
      <AccessTable t={t} lang={lang} access={detail.access} />
      <h2>{t('people.rights.title')}</h2>
      <ul>
        <li>
          <a href={`${href}/indsigt`}>{t('people.rights.insightPage')}</a>
        </li>
        <li>
          <a href={`${href}/indsigt.json`}>{t('people.rights.insightJson')}</a>
        </li>
        <li>
          <a href={`${href}/slet`}>{t('people.rights.erase')}</a>
        </li>
      </ul>
    </StaffPage>
  );
}

export function InsightPage({ ctx, data }: { ctx: PageContext; data: InsightExport }) {
  const { t, lang } = ctx;
  const c = data.citizen;
  const facts: [string, string][] = [
    [t('people.field.name'), c.name],
    [t('people.field.cpr'), c.cpr ?? t('people.card.noCpr')],
    [t('people.field.birthDate'), dateText(lang, c.birthDate)],
    [t('people.field.sex'), c.sex ? t(`people.sex.${c.sex}`) : ''],
    [t('people.field.phone'), c.phone],
    [t('people.field.email'), c.email],
    [t('people.field.address'), [c.address, c.postcode].filter(Boolean).join(', ')],
    [
      t('people.field.language'),
      c.preferredLanguage ? languageName(c.preferredLanguage, lang) : '',
    ],
    [t('people.field.interpreter'), t(c.interpreterNeeded ? 'people.yes' : 'people.no')],
  ];
  return (
    <StaffPage ctx={ctx} title={t('people.insight.title', { name: c.name })}>
      <p class="lighed-no-print">
        <a href={citizenHref(c.id)} class="lighed-back">
          {t('people.back')}
        </a>
      </p>
      <h1>{t('people.insight.title', { name: c.name })}</h1>
      <p>{t('people.insight.lead', { date: dateText(lang, new Date(data.generatedAt)) })}</p>
      <h2>{t('people.insight.record')}</h2>
      <dl class="lighed-facts">
        {facts.map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
      <ConsentTable t={t} lang={lang} consents={data.consents} />
      <AccessTable t={t} lang={lang} access={data.access} />
      <DataTable
        caption={t('people.insight.accessLog')}
        columns={[t('people.insight.when'), t('people.insight.who'), t('people.insight.what')]}
        rows={data.accessLog}
        cells={(r) => [
          dateText(lang, new Date(r.at)),
          r.actorName ? `${r.actorName} (${t(`role.${r.actorRole}`)})` : t(`role.${r.actorRole}`),
          t(`audit.action.${r.action}`),
        ]}
      />
      {Object.entries(data.sections).map(([key, value]) => (
        <section>
          <h2>{t(`people.section.${key}`)}</h2>
          <pre class="lighed-insight-json">{JSON.stringify(value, null, 2)}</pre>
        </section>
      ))}
    </StaffPage>
  );
}

export function ErasePage(props: {
  ctx: PageContext;
  card: { id: string; name: string };
  holds: readonly string[];
}) {
  const { ctx, card, holds } = props;
  const { t } = ctx;
  const href = citizenHref(card.id);
  return (
    <StaffPage ctx={ctx} title={t('people.erase.title', { name: card.name })}>
      <p>
        <a href={href} class="lighed-back">
          {t('people.back')}
        </a>
      </p>
      <h1>{t('people.erase.title', { name: card.name })}</h1>
      {holds.length > 0 ? (
        <div class="alert alert-warning" role="status">
          <div class="alert-body">
            <h2 class="alert-heading">{t('people.erase.held')}</h2>
            <ul>
              {holds.map((h) => (
                <li>{/^[a-z]\w*(\.\w+)+$/.test(h) ? t(h) : h}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        <>
          <p>{t('people.erase.lead')}</p>
          <PostButton ctx={ctx} action={`${href}/slet`} label={t('people.erase.confirm')} />
        </>
      )}
    </StaffPage>
  );
}
