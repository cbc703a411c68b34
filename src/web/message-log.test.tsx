import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../platform/mail/index.ts';
import { translator } from './i18n.ts';
import { UI_LANGUAGES } from './languages.ts';
import { MessageLog } from './message-log.tsx';

const at = (iso: string) => new Date(iso);
const messages: MessageRecord[] = [
  {
    id: 'a',
    channel: 'email',
    kind: 'signup.confirmation',
    status: 'sent',
    createdAt: at('2026-01-05T09:00:00Z'),
    sentAt: at('2026-01-05T09:00:30Z'),
    deliveredAt: null,
    attempts: 1,
    lastError: null,
  },
  {
    id: 'b',
    channel: 'sms',
    kind: 'signup.reminder',
    status: 'delivered',
    createdAt: at('2026-01-06T08:00:00Z'),
    sentAt: at('2026-01-06T08:00:10Z'),
    deliveredAt: at('2026-01-06T08:01:00Z'),
    attempts: 1,
    lastError: null,
  },
  {
    id: 'c',
    channel: 'digital_post',
    kind: 'outreach.letter',
    status: 'queued',
    createdAt: at('2026-01-06T10:00:00Z'),
    sentAt: null,
    deliveredAt: null,
    attempts: 2,
    lastError: 'ECONNECTION',
  },
  {
    id: 'd',
    channel: 'sms',
    kind: 'referral.reminder',
    status: 'failed',
    createdAt: at('2026-01-06T11:00:00Z'),
    sentAt: null,
    deliveredAt: null,
    attempts: 1,
    lastError: 'SMS 400',
  },
];

describe('MessageLog', () => {
  it('shows when, channel, what and status with the delivered time, in Danish', () => {
    const t = translator('da');
    const html = render(<MessageLog messages={messages} t={t} lang="da" />);
    expect(html).toContain('<h2>Beskeder til borgeren</h2>');
    expect(html).toContain('<th scope="col">Tidspunkt</th>');
    expect(html).toContain('Bekræftelse af tilmelding');
    // Copenhagen time: 08:01 UTC is 09.01 in January.
    expect(html).toMatch(/Modtaget 6\. jan\. 2026[^<]*09\.01/);
    expect(html).toMatch(/Sendt 5\. jan\. 2026[^<]*10\.00/);
    expect(html).toContain('Venter, prøves igen');
    expect(html).toContain('Kunne ikke sendes');
    // An unknown kind shows as its code rather than failing the page.
    expect(html).toContain('<code>outreach.letter</code>');
    expect(html).toContain('Sms');
    expect(html).toContain('Digital Post');
  });

  it('says so when nothing was sent, at the heading level asked for', () => {
    const html = render(
      <MessageLog messages={[]} t={translator('da')} lang="da" headingLevel={3} />,
    );
    expect(html).toContain('<h3>Beskeder til borgeren</h3>');
    expect(html).toContain('Ingen beskeder sendt');
    expect(html).not.toContain('<table');
  });

  it('renders in every interface language without a missing key', () => {
    for (const lang of UI_LANGUAGES) {
      const html = render(<MessageLog messages={messages} t={translator(lang)} lang={lang} />);
      expect(html, lang).not.toContain('messages.log.');
      expect(html, lang).toContain('<table');
    }
  });
});
