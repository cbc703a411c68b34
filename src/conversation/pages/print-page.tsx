/**
 * The profile to take home, in the citizen's language and plain words: a document of its own
 * (no navigation), with a print stylesheet. The same markup becomes the PDF: then the CSS is
 * inlined, since Chromium renders it from a file.
 */
import { render } from 'preact-render-to-string';
import type { UiLanguage } from '../../web/languages.ts';
import { localText } from '../../catalog/index.ts';
import { dateText } from '../../web/present.ts';
import { translator } from '../../web/i18n.ts';
import type { Conversation, SavedOffer } from '../conversation.store.ts';
import { addressOf, type Profile, type SupportDecision } from '../profile.ts';
import { addressing, dirOf, reasonsText, splitDomains } from './present.ts';
import { ResourceLists } from './resources.tsx';

export interface PrintProps {
  lang: UiLanguage;
  conversation: Conversation;
  profile: Profile;
  support: SupportDecision;
  saved: SavedOffer[];
  municipality: string;
  /** Inline CSS for the PDF; a stylesheet link otherwise. */
  inlineCss?: string;
  /** Link to the PDF, shown on screen only when a renderer is installed. */
  pdfHref?: string | null;
  backHref?: string;
}

export function PrintDocument(p: PrintProps) {
  const { lang, conversation: c, profile } = p;
  // The printout speaks to the citizen: Arabic forms follow the recorded sex.
  const sex = addressOf(c.sex);
  const t = addressing(lang, sex);
  const title = t('print.title');
  const { said, notDiscussed } = splitDomains(profile, lang);
  return (
    <html lang={lang} dir={dirOf(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${p.municipality}`}</title>
        {p.inlineCss !== undefined ? (
          <style dangerouslySetInnerHTML={{ __html: p.inlineCss }} />
        ) : (
          <link rel="stylesheet" href="/assets/print.css" />
        )}
      </head>
      <body>
        <main class="print">
          {p.inlineCss === undefined && (
            <nav class="print-screen-only" aria-label={t('print.title')}>
              {p.backHref && (
                <a href={p.backHref} lang="da" dir="ltr">
                  {translator('da')('conversation.offers.back')}
                </a>
              )}
              {p.pdfHref && <a href={p.pdfHref}>{t('print.pdf')}</a>}
            </nav>
          )}
          <h1>{title}</h1>
          <p class="print-lead">{t('print.intro', { date: dateText(c.created_at, lang) })}</p>

          <h2>{t('print.standing')}</h2>
          {said.length === 0 && !notDiscussed && <p>{t('profile.notEnough')}</p>}
          {said.map((d) => (
            <section class="print-domain">
              <h3>{t(`profile.domain.${d.domain}`)}</h3>
              {d.statements.map((s) => (
                <p>{s.text[lang]}</p>
              ))}
            </section>
          ))}
          {notDiscussed && <p>{notDiscussed}</p>}

          <h2>{t('profile.domain.resources')}</h2>
          <ResourceLists resources={profile.resources} lang={lang} t={t} />

          <h2>{t('print.priorities')}</h2>
          {profile.priorities.domains.length === 0 && !profile.priorities.other ? (
            <p>{t('print.noPriorities')}</p>
          ) : (
            <ul>
              {profile.priorities.domains.map((d) => (
                <li>{d.label[lang]}</li>
              ))}
              {profile.priorities.other && <li dir="auto">{profile.priorities.other}</li>}
            </ul>
          )}

          <h2>{t('print.support')}</h2>
          <p>
            <strong>{t(`support.level.${p.support.level}`)}</strong>
          </p>
          <p>{p.support.override ? t('support.override') : p.support.computed.summary[lang]}</p>
          {!p.support.override && p.support.computed.reasons.length > 0 && (
            <ul>
              {p.support.computed.reasons.map((r) => (
                <li>{r.text[lang]}</li>
              ))}
            </ul>
          )}

          {p.saved.length > 0 && (
            <>
              <h2>{t('print.offers')}</h2>
              {p.saved.map((s) => {
                const text = localText(s, lang);
                return (
                  <section class="print-offer">
                    <h3 lang={text.textLang} dir={dirOf(text.textLang)}>
                      {text.title}
                    </h3>
                    <p>{reasonsText(s.reasons, lang, sex)}</p>
                    {s.signup_id && (
                      <p>
                        <strong>{t('print.signedUp')}</strong>
                      </p>
                    )}
                    {(s.contact_name || s.contact_phone) && (
                      <p>
                        {t('print.contact', {
                          contact: [s.contact_name, s.contact_phone].filter(Boolean).join(', '),
                        })}
                      </p>
                    )}
                  </section>
                );
              })}
            </>
          )}
          <p class="print-footer">{t('print.worker', { team: c.team_name })}</p>
        </main>
      </body>
    </html>
  );
}

export const renderPrint = (p: PrintProps) => '<!doctype html>' + render(<PrintDocument {...p} />);
