import { defineInstrument } from '../instrument.ts';
import { opt, daEn } from './text.ts';

const lonelyOptions = [
  opt('hardly', 'Sjældent eller aldrig', 'Hardly ever', 1),
  opt('some', 'En gang imellem', 'Some of the time', 2),
  opt('often', 'Ofte', 'Often', 3),
];

export const loneliness = defineInstrument({
  id: 'loneliness-3',
  version: '2004-1',
  title: daEn('Ensomhed (tre spørgsmål)', 'Loneliness (three items)'),
  domain: 'loneliness',
  source:
    'Hughes ME et al. A short scale for measuring loneliness in large surveys. Res Aging 2004;26(6). Den Nationale Sundhedsprofil counts >= 7 as severe loneliness.',
  licence: { text: 'To be checked.', checkBeforeShipping: true },
  wordingNote:
    'Danish wording is our own; use the wording of Den Nationale Sundhedsprofil if licensed.',
  items: [
    {
      id: 'lonely-1',
      kind: 'choice',
      text: daEn(
        'Hvor tit føler du, at du savner nogen at være sammen med?',
        'How often do you feel that you lack companionship?',
      ),
      options: lonelyOptions,
    },
    {
      id: 'lonely-2',
      kind: 'choice',
      text: daEn('Hvor tit føler du dig holdt udenfor?', 'How often do you feel left out?'),
      options: lonelyOptions,
    },
    {
      id: 'lonely-3',
      kind: 'choice',
      text: daEn(
        'Hvor tit føler du dig isoleret fra andre?',
        'How often do you feel isolated from others?',
      ),
      options: lonelyOptions,
    },
  ],
  scoring: {
    kind: 'sum',
    maxMissing: 0,
    bands: [
      { id: 'notSevere', label: daEn('Ikke svært ensom', 'Not severely lonely'), min: 3, max: 6 },
      { id: 'severe', label: daEn('Svært ensom', 'Severely lonely'), min: 7, max: 9 },
    ],
  },
});

const pssOptions = [
  opt('0', 'Aldrig', 'Never', 0),
  opt('1', 'Næsten aldrig', 'Almost never', 1),
  opt('2', 'En gang imellem', 'Sometimes', 2),
  opt('3', 'Ret tit', 'Fairly often', 3),
  opt('4', 'Meget tit', 'Very often', 4),
];
const pss = (n: number, da: string, en: string, reversed = false) => ({
  id: `pss-${n}`,
  kind: 'choice' as const,
  text: daEn(
    `Inden for den sidste måned, hvor tit har du ${da}?`,
    `In the last month, how often have you ${en}?`,
  ),
  options: pssOptions,
  reversed,
});

export const pss10 = defineInstrument({
  id: 'pss-10',
  version: '1988-1',
  title: daEn('Stress (PSS-10)', 'Stress (PSS-10)'),
  domain: 'stress',
  source:
    'Cohen S, Williamson G. Perceived stress in a probability sample of the United States, 1988. Den Nationale Sundhedsprofil counts >= 18 as high stress.',
  licence: {
    text: 'Free for non-commercial use per secondary sources; check.',
    checkBeforeShipping: true,
  },
  wordingNote:
    'Danish wording is our own; a validated Danish PSS-10 exists (Eskildsen et al. 2015) and should replace it.',
  items: [
    pss(
      1,
      'været oprevet over noget, der skete uventet',
      'been upset because of something that happened unexpectedly',
    ),
    pss(
      2,
      'følt, at du ikke kunne styre de vigtige ting i dit liv',
      'felt that you were unable to control the important things in your life',
    ),
    pss(3, 'følt dig nervøs og stresset', 'felt nervous and stressed'),
    pss(
      4,
      'følt dig sikker på, at du kunne klare dine personlige problemer',
      'felt confident about your ability to handle your personal problems',
      true,
    ),
    pss(5, 'følt, at tingene gik, som du ønskede', 'felt that things were going your way', true),
    pss(
      6,
      'oplevet, at du ikke kunne overkomme alt det, du skulle',
      'found that you could not cope with all the things that you had to do',
    ),
    pss(
      7,
      'kunnet håndtere irritationsmomenter i dit liv',
      'been able to control irritations in your life',
      true,
    ),
    pss(8, 'følt, at du havde styr på tingene', 'felt that you were on top of things', true),
    pss(
      9,
      'været vred over ting, du ikke havde indflydelse på',
      'been angered because of things that were outside of your control',
    ),
    pss(
      10,
      'følt, at problemerne hobede sig så meget op, at du ikke kunne klare dem',
      'felt difficulties were piling up so high that you could not overcome them',
    ),
  ],
  scoring: {
    kind: 'sum',
    maxMissing: 0,
    bands: [
      {
        id: 'notHigh',
        label: daEn('Ikke højt stressniveau', 'Not a high stress level'),
        min: 0,
        max: 17,
      },
      { id: 'high', label: daEn('Højt stressniveau', 'High stress level'), min: 18, max: 40 },
    ],
  },
});

export const selfRatedHealth = defineInstrument({
  id: 'self-rated-health',
  version: '1',
  title: daEn('Dit helbred', 'Your health'),
  domain: 'selfRatedHealth',
  source: 'Own-worded five-level item (the SF-36 wording is licensed, so it is not used).',
  licence: { text: 'Own item.', checkBeforeShipping: false },
  items: [
    {
      id: 'srh',
      kind: 'choice',
      text: daEn(
        'Hvordan synes du selv, dit helbred er for tiden?',
        'How do you feel your health is at the moment?',
      ),
      options: [
        opt('excellent', 'Fremragende', 'Excellent', 5),
        opt('very-good', 'Vældig godt', 'Very good', 4),
        opt('good', 'Godt', 'Good', 3),
        opt('fair', 'Mindre godt', 'Fair', 2),
        opt('poor', 'Dårligt', 'Poor', 1),
      ],
    },
  ],
  scoring: {
    kind: 'sum',
    bands: [
      {
        id: 'notGood',
        label: daEn('Mindre godt eller dårligt helbred', 'Fair or poor health'),
        min: 1,
        max: 2,
      },
      { id: 'good', label: daEn('Godt helbred', 'Good health'), min: 3, max: 5 },
    ],
  },
});

export const healthLiteracy = defineInstrument({
  id: 'health-literacy-1',
  version: '2006-1',
  title: daEn('Læsning af sundhedsinformation', 'Reading health information'),
  domain: 'healthLiteracy',
  source:
    'Morris NS et al. The Single Item Literacy Screener. BMC Fam Pract 2006;7:21. Limited if "sometimes" or more.',
  licence: { text: 'Public.', checkBeforeShipping: false },
  wordingNote: 'Danish wording is our own.',
  items: [
    {
      id: 'sils',
      kind: 'choice',
      text: daEn(
        'Hvor tit har du brug for, at nogen hjælper dig med at læse breve, vejledninger eller andet skriftligt materiale fra din læge, apoteket eller kommunen?',
        'How often do you need someone to help you read letters, instructions or other written material from your doctor, pharmacy or municipality?',
      ),
      options: [
        opt('never', 'Aldrig', 'Never', 1),
        opt('rarely', 'Sjældent', 'Rarely', 2),
        opt('sometimes', 'Nogle gange', 'Sometimes', 3),
        opt('often', 'Ofte', 'Often', 4),
        opt('always', 'Altid', 'Always', 5),
      ],
    },
  ],
  scoring: {
    kind: 'sum',
    bands: [
      {
        id: 'adequate',
        label: daEn('Klarer selv at læse sundhedsinformation', 'Manages health information alone'),
        min: 1,
        max: 2,
      },
      {
        id: 'limited',
        label: daEn(
          'Har brug for hjælp til at læse sundhedsinformation',
          'Needs help reading health information',
        ),
        min: 3,
        max: 5,
      },
    ],
  },
});
