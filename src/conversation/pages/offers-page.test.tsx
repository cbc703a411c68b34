/** The worker's offers page shows each suggestion's title in the citizen's language where translated (issue 14). */
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { translator } from '../../web/i18n.ts';
import type { Match, MatchOffer } from '../matching.ts';
import type { OfferText } from '../matching.store.ts';
import type { Conversation } from '../conversation.store.ts';
import { OffersPage } from './profile-pages.tsx';

const offer = (id: string, title: string): MatchOffer => ({
  id,
  title,
  topics: ['physical_activity'],
  arena: 'association',
  offer_type: 'group',
  languages: ['da'],
  mode: 'in_person',
  interpreter_available: true,
  free: true,
  price_dkk: null,
  children_welcome: false,
  childcare: false,
  transport_help: false,
  welcomes_newcomers: false,
  min_age: null,
  max_age: null,
  contact_name: '',
  schedules: [],
  distanceMeters: null,
});

describe('the offers page', () => {
  it("shows a translated title in the citizen's language beside the reasons, and none where untranslated", () => {
    const walk = offer('00000000-0000-4000-8000-000000000011', 'Gåtur i Æblehaven');
    const run = offer('00000000-0000-4000-8000-000000000012', 'Løbeklub');
    const matches: Match[] = [walk, run].map((o) => ({
      offer: o,
      score: 5,
      reasons: [{ code: 'interpreter', values: {} }],
    }));
    const texts = new Map<string, OfferText>([
      [
        walk.id,
        {
          id: walk.id,
          title: walk.title,
          summary: 'Vi går en tur.',
          translations: { ar: { title: 'نزهة في حي إبلهافن', summary: 'نمشي معًا.' } },
        },
      ],
      [run.id, { id: run.id, title: run.title, summary: 'Vi løber.', translations: {} }],
    ]);
    const c = {
      id: '00000000-0000-4000-8000-000000000001',
      anonymous: true,
      citizen_name: null,
      language: 'ar',
      sex: 'female',
    } as Conversation;
    const html = render(
      <OffersPage
        ctx={{
          lang: 'da',
          t: translator('da'),
          url: '/',
          tenantName: 'Roskilde',
          demo: false,
          staff: { name: 'A', role: 'frontline' },
          csrfToken: 'x',
        }}
        conversation={c}
        matches={matches}
        texts={texts}
        saved={[]}
      />,
    );
    expect(html).toContain('<strong>نزهة في حي إبلهافن</strong>');
    expect(html).toContain('Gåtur i Æblehaven');
    // Untranslated: the Danish title is shown once, for the worker; no Arabic title is invented.
    expect(html.match(/Løbeklub/g)?.length).toBeGreaterThanOrEqual(1);
    expect(html).not.toContain('<strong>Løbeklub</strong>:');
  });
});
