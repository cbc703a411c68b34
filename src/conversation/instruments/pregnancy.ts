/**
 * The health visitor's (sundhedsplejerske) first conversation with a pregnant woman or a new
 * family (issue 10, the family pathway; Roskilde's recommendation 5: parent support from the
 * start of pregnancy): alcohol in pregnancy, smoke around the unborn and the child, and the
 * support network. Asked through the instrument set "first conversation in pregnancy"
 * (sets.ts); none of them is in the general conversation.
 */
import { defineInstrument } from '../instrument.ts';
import { opt, daEn } from './text.ts';

const YES_NO = [opt('yes', 'Ja', 'Yes', 1), opt('no', 'Nej', 'No', 0)];

/** Sundhedsstyrelsen's advice: no alcohol when pregnant or trying to become pregnant. */
export const pregnancyAlcohol = defineInstrument({
  id: 'pregnancy-alcohol',
  version: '1',
  title: daEn('Alkohol i graviditeten', 'Alcohol in pregnancy'),
  domain: 'alcohol',
  source:
    'Own items after Sundhedsstyrelsen\'s advice "Hvis du er gravid - undgå alkohol" (https://www.sst.dk/da/sundhed-og-livsstil/alkohol/boernefamilier/for-gravide) and its material "Forebyggelse af rusmiddelskader hos fostre" (2017, https://www.sundhedsstyrelsen.dk/da/udgivelser/2017/Forebyggelse-af-rusmiddelskader-hos-fostre). Any alcohol after the pregnancy is known is outside the advice; drinking before it was known is asked so that it can be talked about.',
  licence: {
    text: "Own items; Sundhedsstyrelsen's advice is public guidance, no text of its question guide is used.",
    checkBeforeShipping: false,
  },
  items: [
    {
      id: 'pa-since',
      kind: 'choice',
      text: daEn(
        'Har du drukket alkohol, efter du fandt ud af, at du var gravid?',
        'Have you drunk alcohol since you found out you were pregnant?',
      ),
      options: [
        opt('no', 'Nej', 'No'),
        opt('once', 'Ja, en enkelt gang', 'Yes, once'),
        opt('sometimes', 'Ja, nogle gange', 'Yes, a few times'),
        opt('weekly', 'Ja, hver uge eller oftere', 'Yes, every week or more often'),
      ],
    },
    {
      id: 'pa-before',
      kind: 'choice',
      text: daEn(
        'Drak du 5 genstande eller flere ved samme lejlighed, før du vidste, at du var gravid?',
        'Did you drink 5 or more units on one occasion before you knew you were pregnant?',
      ),
      note: daEn(
        'En genstand er 12 g alkohol (en almindelig øl, et glas vin, 4 cl spiritus). Mange har drukket, før de vidste, at de var gravide; spørgsmålet er en anledning til at tale om det, ikke en bebrejdelse.',
        'A Danish unit (genstand) is 12 g of alcohol (a regular beer, a glass of wine, 4 cl of spirits). Many drank before they knew they were pregnant; the question opens a talk, it is no reproach.',
      ),
      options: [
        opt('no', 'Nej', 'No'),
        opt('yes', 'Ja', 'Yes'),
        opt('unsure', 'Ved ikke', 'Not sure'),
      ],
    },
  ],
  scoring: {
    kind: 'needs',
    flaggedBy: {
      // Any alcohol after the pregnancy is known is outside the advice.
      'pa-since': ['once', 'sometimes', 'weekly'],
      'pa-before': ['yes'],
    },
    bands: {
      none: {
        id: 'none',
        label: daEn('Ingen alkohol i graviditeten', 'No alcohol in pregnancy'),
      },
      need: {
        id: 'need',
        label: daEn('Alkohol i graviditeten', 'Alcohol in pregnancy'),
      },
    },
  },
});

/** T-ACE (Sokol et al. 1989): T scores 2 for more than two drinks, A, C and E 1 each; >= 2 positive. */
export const tAce = defineInstrument({
  id: 't-ace',
  version: '1989-1',
  title: daEn('Alkohol: T-ACE', 'Alcohol: T-ACE'),
  domain: 'alcohol',
  source:
    'Sokol RJ, Martier SS, Ager JW. The T-ACE questions: practical prenatal detection of risk-drinking. Am J Obstet Gynecol 1989;160(4):863-868. doi:10.1016/0002-9378(89)90302-5 (https://doi.org/10.1016/0002-9378(89)90302-5). Scoring as published: T (tolerance, more than 2 drinks to feel high) 2 points, A, C and E 1 point each; 0-5, positive at 2 or more (risk-drinking, >= 1 oz absolute alcohol a day).',
  licence: {
    text: 'Published questions (Sokol 1989), reproduced without fee by NIAAA and public screening programmes; no licence terms or copyright claim on the four questions found. Not formally public domain: confirm before shipping.',
    checkBeforeShipping: true,
  },
  wordingNote:
    'Danish wording is our own translation; no validated Danish T-ACE was found. T counts US drinks (about 14 g); we ask in Danish units (12 g), so "3 or more units" is slightly less alcohol than "more than 2 drinks".',
  items: [
    {
      id: 'tace-t',
      kind: 'choice',
      text: daEn(
        'Hvor mange genstande skal du drikke, før du kan mærke alkoholen?',
        'How many units does it take before you feel the alcohol?',
      ),
      note: daEn(
        'En genstand er 12 g alkohol (en almindelig øl, et glas vin, 4 cl spiritus).',
        'A Danish unit (genstand) is 12 g of alcohol (a regular beer, a glass of wine, 4 cl of spirits).',
      ),
      options: [
        opt('no-alcohol', 'Jeg drikker ikke alkohol', 'I do not drink alcohol', 0),
        opt('1-2', '1-2 genstande', '1 or 2 units', 0),
        opt('3plus', '3 genstande eller flere', '3 units or more', 2),
      ],
    },
    {
      id: 'tace-a',
      kind: 'choice',
      text: daEn(
        'Har andre irriteret dig ved at kritisere, hvor meget du drikker?',
        'Have people annoyed you by criticising your drinking?',
      ),
      appliesIf: { itemId: 'tace-t', anyOf: ['1-2', '3plus'] },
      options: YES_NO,
    },
    {
      id: 'tace-c',
      kind: 'choice',
      text: daEn(
        'Har du følt, at du burde drikke mindre?',
        'Have you felt you ought to cut down on your drinking?',
      ),
      appliesIf: { itemId: 'tace-t', anyOf: ['1-2', '3plus'] },
      options: YES_NO,
    },
    {
      id: 'tace-e',
      kind: 'choice',
      text: daEn(
        'Har du nogensinde drukket alkohol om morgenen for at berolige nerverne eller komme af med tømmermænd?',
        'Have you ever had a drink first thing in the morning to steady your nerves or get rid of a hangover?',
      ),
      appliesIf: { itemId: 'tace-t', anyOf: ['1-2', '3plus'] },
      options: YES_NO,
    },
  ],
  scoring: {
    kind: 'sum',
    maxMissing: 0,
    bands: [
      {
        id: 'negative',
        label: daEn('Under grænsen for risikodrikning', 'Below the risk-drinking cut-off'),
        min: 0,
        max: 1,
      },
      {
        id: 'positive',
        label: daEn('Over grænsen for risikodrikning', 'At or above the risk-drinking cut-off'),
        min: 2,
        max: 5,
      },
    ],
  },
});

/** Item id -> where the smoke comes from, for the profile's sentence. */
export const SMOKE_SOURCE = {
  'sfh-own': 'own',
  'sfh-household': 'home',
  'sfh-indoors': 'home',
  'sfh-car': 'car',
  'sfh-elsewhere': 'elsewhere',
} as const;
export type SmokeSource = (typeof SMOKE_SOURCE)[keyof typeof SMOKE_SOURCE];

export const smokeFreeHome = defineInstrument({
  id: 'smoke-free-home',
  version: '1',
  title: daEn('Røg omkring dig og barnet', 'Smoke around you and the child'),
  domain: 'smoking',
  source:
    "Own neutral items modelled on the topics of Den Nationale Fødselskohorte's interviews (own smoking in pregnancy, smokers in the home, smoky rooms) and Sundhedsstyrelsen's advice against smoking and other nicotine in pregnancy and for a smoke-free environment for children (https://www.sst.dk/da/sundhed-og-livsstil/tobak). No licensed instrument for passive smoking in pregnancy was found; no text of the cohort's questionnaires is used.",
  licence: { text: 'Own items.', checkBeforeShipping: false },
  items: [
    {
      id: 'sfh-own',
      kind: 'choice',
      text: daEn(
        'Ryger du, eller bruger du andre nikotinprodukter, fx e-cigaret, snus eller nikotinposer?',
        'Do you smoke or use other nicotine products, e.g. e-cigarettes, snus or nicotine pouches?',
      ),
      options: [
        opt('daily', 'Ja, hver dag', 'Yes, every day'),
        opt('sometimes', 'Ja, men ikke hver dag', 'Yes, but not every day'),
        opt(
          'stopped-pregnant',
          'Nej, jeg stoppede, da jeg blev gravid',
          'No, I stopped when I became pregnant',
        ),
        opt('no', 'Nej', 'No'),
      ],
    },
    {
      id: 'sfh-household',
      kind: 'choice',
      text: daEn('Ryger nogen af dem, du bor sammen med?', 'Does anyone you live with smoke?'),
      options: [opt('yes', 'Ja', 'Yes'), opt('no', 'Nej', 'No')],
    },
    {
      id: 'sfh-indoors',
      kind: 'choice',
      text: daEn(
        'Bliver der røget indenfor i dit hjem?',
        'Does anyone smoke indoors in your home?',
      ),
      options: [
        opt('daily', 'Ja, hver dag', 'Yes, every day'),
        opt('sometimes', 'Ja, nogle gange', 'Yes, sometimes'),
        opt('never', 'Nej, aldrig', 'No, never'),
      ],
    },
    {
      id: 'sfh-car',
      kind: 'choice',
      text: daEn(
        'Bliver der røget i bilen, når du er med?',
        'Does anyone smoke in the car when you are in it?',
      ),
      options: [
        opt('yes', 'Ja', 'Yes'),
        opt('no', 'Nej', 'No'),
        opt('no-car', 'Jeg kører ikke i bil', 'I do not travel by car'),
      ],
    },
    {
      id: 'sfh-elsewhere',
      kind: 'choice',
      text: daEn(
        'Er du i rum, hvor andre ryger, fx hos familie, venner eller på arbejdet?',
        'Are you in rooms where others smoke, e.g. with family, friends or at work?',
      ),
      options: [
        opt('often', 'Ofte', 'Often'),
        opt('sometimes', 'Nogle gange', 'Sometimes'),
        opt('never', 'Aldrig', 'Never'),
      ],
    },
  ],
  scoring: {
    kind: 'needs',
    flaggedBy: {
      'sfh-own': ['daily', 'sometimes'],
      'sfh-household': ['yes'],
      'sfh-indoors': ['daily', 'sometimes'],
      'sfh-car': ['yes'],
      'sfh-elsewhere': ['often', 'sometimes'],
    },
    bands: {
      none: { id: 'none', label: daEn('Røgfrit omkring dig', 'Smoke-free around you') },
      need: { id: 'need', label: daEn('Røg omkring dig', 'Smoke around you') },
    },
  },
});

/** The Oslo Social Support Scale (OSSS-3): 3-14; 3-8 poor, 9-11 moderate, 12-14 strong. */
export const oss3 = defineInstrument({
  id: 'oss-3',
  version: '2018-1',
  title: daEn('Dit netværk (Oslo-3)', 'Your support network (Oslo-3)'),
  domain: 'socialSupport',
  source:
    'Dalgard OS et al. Negative life events, social support and gender difference in depression. Soc Psychiatry Psychiatr Epidemiol 2006;41:444-451; scoring and bands from Kocalevent RD et al. Social support in the general population: standardization of the Oslo social support scale (OSSS-3). BMC Psychology 2018;6:31 (https://doi.org/10.1186/s40359-018-0249-9): 3-8 poor, 9-11 moderate, 12-14 strong support.',
  licence: {
    text: "Free to use with citation per the scale's users; no licence statement from the authors found. The items are printed in Kocalevent et al. 2018, an open-access article (CC BY 4.0).",
    checkBeforeShipping: true,
  },
  wordingNote:
    'Danish wording is our own translation; check against a Danish version used in Danish surveys before shipping. Item 1\'s top option is "more than 5" (the published "5+" overlaps "3-5").',
  items: [
    {
      id: 'oss-1',
      kind: 'choice',
      text: daEn(
        'Hvor mange mennesker står dig så nær, at du kan regne med dem, hvis du får store personlige problemer?',
        'How many people are so close to you that you can count on them if you have great personal problems?',
      ),
      options: [
        opt('none', 'Ingen', 'None', 1),
        opt('1-2', '1-2', '1 or 2', 2),
        opt('3-5', '3-5', '3 to 5', 3),
        opt('more-5', 'Flere end 5', 'More than 5', 4),
      ],
    },
    {
      id: 'oss-2',
      kind: 'choice',
      text: daEn(
        'Hvor meget interesse og omsorg viser andre for det, du gør?',
        'How much interest and concern do people show in what you do?',
      ),
      options: [
        opt('a-lot', 'Meget', 'A lot', 5),
        opt('some', 'Noget', 'Some', 4),
        opt('uncertain', 'Usikker', 'Uncertain', 3),
        opt('little', 'Lidt', 'Little', 2),
        opt('none', 'Ingen', 'None', 1),
      ],
    },
    {
      id: 'oss-3',
      kind: 'choice',
      text: daEn(
        'Hvor let er det at få praktisk hjælp fra naboer, hvis du får brug for det?',
        'How easy is it to get practical help from neighbours if you should need it?',
      ),
      options: [
        opt('very-easy', 'Meget let', 'Very easy', 5),
        opt('easy', 'Let', 'Easy', 4),
        opt('possible', 'Muligt', 'Possible', 3),
        opt('difficult', 'Svært', 'Difficult', 2),
        opt('very-difficult', 'Meget svært', 'Very difficult', 1),
      ],
    },
  ],
  scoring: {
    kind: 'sum',
    maxMissing: 0,
    bands: [
      { id: 'poor', label: daEn('Lidt støtte', 'Poor support'), min: 3, max: 8 },
      { id: 'moderate', label: daEn('Nogen støtte', 'Moderate support'), min: 9, max: 11 },
      { id: 'strong', label: daEn('Stærk støtte', 'Strong support'), min: 12, max: 14 },
    ],
  },
});
