import { Layout, type PageContext } from '../../web/layout.tsx';
import { Checkboxes, ErrorSummary, Select, TextField, type Problems } from '../../web/form.tsx';
import {
  DISTANCES_KM,
  PAGE_SIZE,
  SORTS,
  TIMES_OF_DAY,
  copenhagenNow,
  sortParam,
  type FinderQuery,
  type LocalMoment,
  type MatchReason,
} from '../finder.ts';
import { OFFER_LANGUAGES, SUGGEST_OFFER_PATH, TOPICS } from '../offer.ts';
import type { FinderResult } from '../offer.store.ts';
import type { Translate } from '../../web/i18n.ts';
import type { UiLanguage } from '../../web/languages.ts';
import { distanceText, localText, nextSessionText, priceText } from './present.ts';
import { ResultsMap } from './results-map.tsx';
import { autoIn, languageName, languagesText, textAttrs, weekdayName } from '../../web/present.ts';

export interface FinderPageProps {
  ctx: PageContext;
  query: FinderQuery;
  problems: Problems;
  result: FinderResult | null;
  /** What the distance is measured from, in words ("4000 Roskilde", "din position"). */
  originLabel: string | null;
  /** The request's moment ("next time" counts from it); now by default. */
  now?: Date;
}

export function FinderPage({ ctx, query, problems, result, originLabel, now }: FinderPageProps) {
  const { t, lang } = ctx;
  const filtersOpen = Boolean(
    query.topics.length ||
    query.language ||
    query.interpreter ||
    query.free ||
    query.children ||
    query.wheelchair ||
    query.days.length ||
    query.time ||
    query.mode,
  );
  const title = result ? t('finder.titleResults', { count: result.total }) : t('finder.title');
  return (
    <Layout ctx={ctx} title={problems.length ? `${t('form.errorTitlePrefix')} ${title}` : title}>
      <h1>{t('finder.heading')}</h1>
      <p class="font-lead">{t('finder.lead')}</p>
      <ErrorSummary problems={problems} t={t} />
      <form
        method="get"
        action="/"
        role="search"
        class="lighed-finder-form"
        aria-label={t('finder.formLabel')}
      >
        <TextField
          name="q"
          label={t('finder.q')}
          hint={t('finder.qHint')}
          value={query.q}
          type="search"
          problems={problems}
          t={t}
        />
        <TextField
          name="postnummer"
          label={t('finder.postnummer')}
          hint={t('finder.postnummerHint')}
          value={query.postnummer}
          inputmode="numeric"
          autocomplete="postal-code"
          width="s"
          problems={problems}
          t={t}
        />
        <div
          class="lighed-position"
          data-position-label={t('finder.usePosition')}
          data-position-error={t('finder.positionError')}
        >
          <input
            type="hidden"
            name="lat"
            value={query.position ? String(query.position.latitude) : ''}
          />
          <input
            type="hidden"
            name="lon"
            value={query.position ? String(query.position.longitude) : ''}
          />
        </div>
        <details class="details lighed-filters" open={filtersOpen}>
          <summary class="details-summary">
            <span class="details-summary-text">{t('finder.moreChoices')}</span>
          </summary>
          <div class="details-text">
            <Checkboxes
              name="emne"
              label={t('finder.topics')}
              values={query.topics}
              options={TOPICS.map((x) => ({ value: x, label: t(`topic.${x}`) }))}
              problems={problems}
              t={t}
              inline
            />
            <Checkboxes
              name="krav"
              label={t('finder.needs')}
              values={[
                ...(query.free ? ['gratis'] : []),
                ...(query.interpreter ? ['tolk'] : []),
                ...(query.children ? ['boern'] : []),
                ...(query.wheelchair ? ['koerestol'] : []),
              ]}
              options={[
                { value: 'gratis', name: 'gratis', label: t('finder.free') },
                { value: 'tolk', name: 'tolk', label: t('finder.interpreter') },
                { value: 'boern', name: 'boern', label: t('finder.children') },
                { value: 'koerestol', name: 'koerestol', label: t('finder.wheelchair') },
              ]}
              problems={problems}
              t={t}
            />
            <Select
              name="sprog"
              label={t('finder.language')}
              value={query.language ?? ''}
              options={[
                { value: '', label: t('finder.anyLanguage') },
                ...OFFER_LANGUAGES.map((l) => ({ value: l, label: languageName(l, lang) })),
              ]}
              problems={problems}
              t={t}
            />
            <Checkboxes
              name="dag"
              label={t('finder.days')}
              values={query.days.map(String)}
              options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({
                value: String(d),
                label: weekdayName(d, lang),
              }))}
              problems={problems}
              t={t}
              inline
            />
            <Select
              name="tid"
              label={t('finder.time')}
              value={query.time ?? ''}
              options={[
                { value: '', label: t('finder.anyTime') },
                ...TIMES_OF_DAY.map((x) => ({ value: x, label: t(`finder.time.${x}`) })),
              ]}
              problems={problems}
              t={t}
            />
            <Select
              name="form"
              label={t('finder.mode')}
              value={
                query.mode === 'in_person' ? 'fremmoede' : query.mode === 'online' ? 'online' : ''
              }
              options={[
                { value: '', label: t('finder.mode.any') },
                { value: 'fremmoede', label: t('finder.mode.inPerson') },
                { value: 'online', label: t('finder.mode.online') },
              ]}
              problems={problems}
              t={t}
            />
            <Select
              name="km"
              label={t('finder.distance')}
              value={String(query.km)}
              options={DISTANCES_KM.map((k) => ({
                value: String(k),
                label: t('finder.km', { km: k }),
              }))}
              problems={problems}
              t={t}
            />
          </div>
        </details>
        <Select
          name="sortering"
          label={t('finder.sort')}
          hint={t('finder.sortHint')}
          value={sortParam(result?.sort ?? query.sort ?? 'relevance')}
          options={Object.entries(SORTS).map(([value, sort]) => ({
            value,
            label: t(`finder.sort.${sort}`),
          }))}
          problems={problems}
          t={t}
        />
        <button type="submit" class="button button-primary lighed-submit">
          {t('finder.search')}
        </button>
      </form>
      {result && (
        <Results
          ctx={ctx}
          query={query}
          result={result}
          originLabel={originLabel}
          now={copenhagenNow(now)}
        />
      )}
      {/* "Foreslå et tilbud" (src/voice/, decision 0028). */}
      <p class="lighed-voice-suggest">
        {t('voice.suggest.linkLead')} <a href={SUGGEST_OFFER_PATH}>{t('voice.suggest.link')}</a>
      </p>
    </Layout>
  );
}

function Results({
  ctx,
  query,
  result,
  originLabel,
  now,
}: {
  ctx: PageContext;
  query: FinderQuery;
  result: FinderResult;
  originLabel: string | null;
  now: LocalMoment;
}) {
  const { t, lang } = ctx;
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  return (
    <section aria-labelledby="results-heading" class="lighed-results">
      <h2 id="results-heading">{t('finder.resultCount', { count: result.total })}</h2>
      {result.fuzzy && (
        <p class="alert alert-info lighed-note">
          {t('finder.fuzzy', { q: autoIn(lang, query.q) })}
        </p>
      )}
      {result.partial && (
        <p class="alert alert-info lighed-note">
          {t('finder.partial', { q: autoIn(lang, query.q) })}
        </p>
      )}
      {result.total === 0 && <p>{t('finder.noResults')}</p>}
      <ResultsMap ctx={ctx} result={result} originLabel={originLabel} />
      <ol class="nobullet-list lighed-result-list">
        {result.hits.map((h) => {
          const text = localText(h, lang);
          // The term "Next time" stands before it: the value says only when.
          const next = nextSessionText(h.schedules, lang, t, now, false);
          const distance = originLabel
            ? distanceText(h.meters, lang, t, autoIn(lang, originLabel))
            : null;
          // A Danish address, left to right in every language ("4000 Roskilde").
          const place = h.location_name ? (
            <span lang="da" dir="ltr">
              {`${h.location_name}, ${h.address_1 ?? ''}, ${h.postal_code ?? ''} ${h.city ?? ''}`}
            </span>
          ) : null;
          return (
            <li class="lighed-result">
              <h3 class="h4" {...textAttrs(text.langs.title, lang)}>
                <a href={`/tilbud/${h.id}`}>{text.title}</a>
              </h3>
              <p {...textAttrs(text.langs.summary, lang)}>{text.summary}</p>
              {h.reasons.length > 0 && (
                <p class="lighed-match">
                  {h.reasons.map((r) => matchText(r, lang, t)).join(' · ')}
                </p>
              )}
              <dl class="lighed-facts">
                {distance && (
                  <>
                    <dt>{t('offer.fact.distance')}</dt>
                    <dd>{distance}</dd>
                  </>
                )}
                <dt>{t('offer.fact.where')}</dt>
                <dd>
                  {h.mode === 'online' ? t('offer.online') : (place ?? t('offer.placeUnknown'))}
                </dd>
                {next && (
                  <>
                    <dt>{t('offer.fact.next')}</dt>
                    <dd>{next}</dd>
                  </>
                )}
                <dt>{t('offer.fact.price')}</dt>
                <dd>{priceText(h, lang, t)}</dd>
                <dt>{t('offer.fact.languages')}</dt>
                <dd>
                  {languagesText(h.languages, lang)}
                  {h.interpreter_available ? ` · ${t('offer.interpreter')}` : ''}
                </dd>
              </dl>
            </li>
          );
        })}
      </ol>
      {pages > 1 && <Pagination ctx={ctx} page={query.page} pages={pages} />}
    </section>
  );
}

/** "Match i titel: gåtur (beslægtet med gang)"; the words isolated in right-to-left pages. */
function matchText(reason: MatchReason, lang: UiLanguage, t: Translate): string {
  const words = reason.words
    .map(({ word, forTerm }) =>
      forTerm
        ? t('finder.matchRelated', { q: autoIn(lang, word), term: autoIn(lang, forTerm) })
        : autoIn(lang, word),
    )
    .join(', ');
  return t('finder.match', { field: reason.field, q: words });
}

function Pagination({ ctx, page, pages }: { ctx: PageContext; page: number; pages: number }) {
  const { t } = ctx;
  const href = (p: number) => {
    const u = new URL(ctx.url, 'http://x');
    u.searchParams.set('side', String(p));
    u.searchParams.delete('lang');
    return u.pathname + u.search;
  };
  return (
    <nav class="pagination lighed-pagination" aria-label={t('finder.pages')}>
      {page > 1 && (
        <a class="pagination-nav-link" href={href(page - 1)}>
          {t('finder.previous')}
        </a>
      )}
      <span class="pagination-mobile">{t('finder.pageOf', { page, pages })}</span>
      {page < pages && (
        <a class="pagination-nav-link" href={href(page + 1)}>
          {t('finder.next')}
        </a>
      )}
    </nav>
  );
}
