/**
 * The voice's demo (synthetic): feedback on the demo's walking groups and two other offers,
 * enough for the planner's and the provider's pages to show counts and free texts; a few
 * suggestions (two answered and published); one user panel with members. Idempotent: does
 * nothing when the municipality already has feedback. The integrator calls it after the
 * catalog's demo seed.
 */
import { randomUUID } from 'node:crypto';
import { inTenant, type Db } from '../db/db.ts';
import { listOffersForStaff } from '../catalog/index.ts';
import { audit } from '../platform/audit.store.ts';
import {
  addMonths,
  CONSENT_TEXT,
  receivedMonth,
  retainUntil,
  type Barrier,
  type JoinChannel,
} from './voice.ts';
import {
  bindRole,
  insertFeedback,
  insertMember,
  insertPanel,
  insertSuggestion,
  listSuggestions,
  hasFeedback,
  updateSuggestion,
} from './voice.store.ts';

const COMMENTS = [
  'Dejligt at gå sammen med andre. Kaffen bagefter er det bedste.',
  'Det var svært at nå fra arbejde. Kunne man gå senere?',
  'Jeg bor langt væk, og bussen kører sjældent.',
  'Instruktøren var sød og tålmodig.',
  'Jeg var nervøs første gang, men alle var venlige.',
  'Godt tempo, også for mig med dårligt knæ.',
  '',
  '',
  '',
];

/** A fixed pattern per response, so the demo looks the same every time. */
function response(i: number): { rating: number; barriers: Barrier[]; comment: string } {
  const ratings = [5, 4, 4, 5, 3, 4, 2, 5, 4, 3, 5, 4, 1, 4];
  const barriers: Barrier[][] = [
    [],
    ['transport'],
    ['time'],
    [],
    ['transport', 'money'],
    ['mental'],
    ['transport'],
    [],
    ['time'],
    ['practical'],
    ['transport'],
    [],
    ['time', 'transport'],
    ['transport'],
  ];
  return {
    rating: ratings[i % ratings.length]!,
    barriers: barriers[i % barriers.length]!,
    comment: COMMENTS[i % COMMENTS.length]!,
  };
}

const MEMBERS: {
  name: string;
  email: string;
  language: string;
  channels: JoinChannel[];
  categories: {
    education: string | null;
    labour: string | null;
    born_dk: string | null;
    age_group: string | null;
  };
}[] = [
  {
    name: 'Hanne Demo',
    email: 'hanne.demo@example.org',
    language: 'da',
    channels: ['email'],
    categories: { education: '3', labour: '1', born_dk: 'yes', age_group: '3' },
  },
  {
    name: 'Peter Demo',
    email: 'peter.demo@example.org',
    language: 'da',
    channels: ['email'],
    categories: { education: '4', labour: '1', born_dk: 'yes', age_group: '2' },
  },
  {
    name: 'Amina Demo',
    email: 'amina.demo@example.org',
    language: 'ar',
    channels: ['email'],
    categories: { education: '1', labour: '3', born_dk: 'no', age_group: '2' },
  },
  {
    name: 'Grethe Demo',
    email: 'grethe.demo@example.org',
    language: 'da',
    channels: ['email'],
    categories: { education: '2', labour: '6', born_dk: 'yes', age_group: '4' },
  },
  {
    name: 'Olena Demo',
    email: 'olena.demo@example.org',
    language: 'uk',
    channels: ['email'],
    categories: { education: null, labour: null, born_dk: 'no', age_group: '2' },
  },
];

export async function seedVoiceDemo(db: Db, kommune: string, now = new Date()): Promise<boolean> {
  return inTenant(db, kommune, async (tx) => {
    if (await hasFeedback(tx)) return false;
    const offers = (await listOffersForStaff(tx, kommune, null)).filter(
      (o) => o.status === 'published',
    );
    const walks = offers.filter((o) => /^gå|gåtur|gågruppe|gåfællesskab/i.test(o.title));
    const others = offers.filter((o) => !walks.includes(o)).slice(0, 2);
    const thisMonth = receivedMonth(now).slice(0, 7);
    let i = 0;
    for (const [k, o] of [...walks, ...others].entries()) {
      // The first walks get enough responses for their free texts; the rest only a few.
      const count = k < 2 ? 14 : k < walks.length ? 6 : 3;
      for (let j = 0; j < count; j++, i++) {
        await insertFeedback(tx, {
          kommune,
          offerId: o.id,
          ...response(i),
          month: `${addMonths(thisMonth, -(j % 6))}-01`,
        });
      }
    }
    const suggestions = [
      {
        what: 'Et gåhold for kvinder om aftenen, gerne med en der taler arabisk.',
        place: 'Musicon eller Trekroner',
        forWhom: 'Kvinder der arbejder om dagen',
      },
      {
        what: 'Madlavning for familier, hvor børnene kan være med.',
        place: 'Æblehaven',
        forWhom: 'Forældre med små børn',
      },
      {
        what: 'Hjælp til at komme i gang med at svømme som voksen.',
        place: '',
        forWhom: 'Voksne der aldrig har lært det',
      },
      {
        what: 'Et sted at mødes for unge, der har det svært.',
        place: 'Roskilde midtby',
        forWhom: 'Unge 16–24 år',
      },
    ];
    for (const [k, s] of suggestions.entries())
      await insertSuggestion(tx, {
        kommune,
        what: s.what,
        place: s.place,
        forWhom: s.forWhom,
        month: `${addMonths(thisMonth, -k)}-01`,
      });
    const listed = await listSuggestions(tx);
    const answers: Record<
      string,
      { answer: string; tags: string[]; status: 'planned' | 'considering' }
    > = {
      [suggestions[0]!.what]: {
        answer:
          'Tak for forslaget. Vi starter et aftenhold for kvinder i Musicon efter sommerferien, med en frivillig der taler arabisk.',
        tags: ['physical_activity', 'adults'],
        status: 'planned',
      },
      [suggestions[1]!.what]: {
        answer: 'Vi taler med boligsocialt team i Æblehaven om et madhold for familier.',
        tags: ['diet', 'family'],
        status: 'considering',
      },
    };
    const today = now.toISOString().slice(0, 10);
    for (const s of listed) {
      const a = answers[s.what];
      if (a)
        await updateSuggestion(tx, s.id, {
          status: a.status,
          tags: a.tags,
          answer: a.answer,
          published: true,
          version: s.version,
          today,
        });
    }
    await bindRole(tx, 'system');
    const panelId = await insertPanel(tx, {
      kommune,
      name: 'Brugerpanel for sundhedstilbud',
      kind: 'user_panel',
      purpose:
        'Vi mødes fire gange om året og taler om, hvad der gør kommunens sundhedstilbud lette eller svære at bruge.',
      createdBy: null,
    });
    const actor = { kommune, actorId: null, actorRole: 'system', requestId: 'demo' };
    for (const m of MEMBERS) {
      const id = randomUUID();
      await insertMember(tx, {
        id,
        kommune,
        panelId,
        name: m.name,
        email: m.email,
        phone: '',
        channels: m.channels,
        language: m.language,
        categories: m.categories,
        consentAt: now,
        consentText: CONSENT_TEXT,
        retainUntil: retainUntil(now, null),
      });
      await audit(tx, actor, {
        action: 'create',
        entity: 'panel_member',
        entityId: id,
        summary: 'demo member',
      });
    }
    return true;
  });
}
