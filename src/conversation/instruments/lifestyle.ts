import { defineInstrument } from '../instrument.ts';
import { opt, daEn } from './text.ts';

export const activity = defineInstrument({
  id: 'activity',
  version: '1',
  title: daEn('Fysisk aktivitet', 'Physical activity'),
  domain: 'activity',
  source:
    'Saltin B, Grimby G. Circulation 1968 (four leisure-time levels); WHO 2020 guidelines (150-300 min/week moderate); Sundhedsstyrelsen (at least 30 min a day).',
  licence: { text: 'Scale is public; the minutes item is our own.', checkBeforeShipping: false },
  items: [
    {
      id: 'activity-level',
      kind: 'choice',
      text: daEn(
        'Hvordan vil du beskrive din fysiske aktivitet i fritiden det seneste år?',
        'How would you describe your leisure-time physical activity over the past year?',
      ),
      options: [
        opt(
          '1',
          'Mest stillesiddende, fx læser, ser tv eller bruger computer',
          'Mostly sedentary, e.g. reading, watching TV or using a computer',
          1,
        ),
        opt(
          '2',
          'Let motion, fx går eller cykler, mindst 4 timer om ugen',
          'Light activity, e.g. walking or cycling, at least 4 hours a week',
          2,
        ),
        opt(
          '3',
          'Motion eller tungt havearbejde mindst 4 timer om ugen',
          'Exercise or heavy gardening at least 4 hours a week',
          3,
        ),
        opt(
          '4',
          'Hård træning eller konkurrencesport flere gange om ugen',
          'Hard training or competitive sport several times a week',
          4,
        ),
      ],
    },
    {
      id: 'activity-minutes',
      kind: 'number',
      text: daEn(
        'Hvor mange minutter om ugen er du i alt fysisk aktiv, så du bliver lidt forpustet (fx rask gang, cykling, havearbejde)?',
        'How many minutes a week in total are you physically active enough to get a little out of breath (e.g. brisk walking, cycling, gardening)?',
      ),
      min: 0,
      max: 5000,
      unit: daEn('minutter om ugen', 'minutes a week'),
    },
  ],
  scoring: {
    kind: 'activity',
    levelItem: 'activity-level',
    minutesItem: 'activity-minutes',
    minutesPerWeek: 150,
    minutesPerDayDk: 30,
    bands: [
      { id: 'sedentary', label: daEn('Mest stillesiddende', 'Mostly sedentary') },
      { id: 'below', label: daEn('Under anbefalingen', 'Below the recommendation') },
      {
        id: 'meetsWho',
        label: daEn(
          'Når WHO’s anbefaling (150 min om ugen)',
          "Meets WHO's recommendation (150 min a week)",
        ),
      },
      {
        id: 'meetsDk',
        label: daEn(
          'Når den danske anbefaling (30 min om dagen)',
          'Meets the Danish recommendation (30 min a day)',
        ),
      },
    ],
  },
});

export const diet = defineInstrument({
  id: 'diet',
  version: '1',
  title: daEn('Mad og måltider', 'Food and meals'),
  domain: 'diet',
  source:
    "Own simple items against Fødevarestyrelsen's official dietary advice (about 600 g fruit and vegetables a day, 350 g fish a week, wholegrain).",
  licence: { text: 'Own items.', checkBeforeShipping: false },
  items: [
    {
      id: 'diet-fruitveg',
      kind: 'choice',
      text: daEn(
        'Hvor mange håndfulde frugt og grønt spiser du på en almindelig dag?',
        'How many handfuls of fruit and vegetables do you eat on a typical day?',
      ),
      note: daEn(
        'En håndfuld er ca. 100 g. Anbefalingen er ca. 600 g om dagen.',
        'A handful is about 100 g. The advice is about 600 g a day.',
      ),
      options: [
        opt('0-1', '0-1', '0-1'),
        opt('2-3', '2-3', '2-3'),
        opt('4-5', '4-5', '4-5'),
        opt('6plus', '6 eller flere', '6 or more'),
      ],
    },
    {
      id: 'diet-fish',
      kind: 'choice',
      text: daEn(
        'Hvor tit spiser du fisk som hovedmåltid eller pålæg?',
        'How often do you eat fish as a main meal or on bread?',
      ),
      note: daEn(
        'Anbefalingen er ca. 350 g fisk om ugen, dvs. 2-3 gange.',
        'The advice is about 350 g fish a week, i.e. 2-3 times.',
      ),
      options: [
        opt('rarely', 'Sjældent eller aldrig', 'Rarely or never'),
        opt('1-week', 'Cirka en gang om ugen', 'About once a week'),
        opt('2plus-week', 'To gange om ugen eller mere', 'Twice a week or more'),
      ],
    },
    {
      id: 'diet-wholegrain',
      kind: 'choice',
      text: daEn(
        'Hvor tit vælger du fuldkorn, fx rugbrød, havregryn eller fuldkornspasta?',
        'How often do you choose wholegrain, e.g. rye bread, oats or wholegrain pasta?',
      ),
      options: [
        opt('daily', 'Hver dag', 'Every day'),
        opt('sometimes', 'Nogle gange om ugen', 'A few times a week'),
        opt('rarely', 'Sjældent eller aldrig', 'Rarely or never'),
      ],
    },
  ],
  scoring: {
    kind: 'adviceCount',
    metBy: {
      'diet-fruitveg': ['6plus'],
      'diet-fish': ['2plus-week'],
      'diet-wholegrain': ['daily'],
    },
    maxMissing: 0,
    bands: [
      {
        id: 'farFrom',
        label: daEn('Langt fra kostrådene', 'Far from the dietary advice'),
        min: 0,
        max: 1,
      },
      {
        id: 'partly',
        label: daEn('Følger kostrådene delvist', 'Partly follows the dietary advice'),
        min: 2,
        max: 2,
      },
      {
        id: 'meets',
        label: daEn('Følger kostrådene', 'Follows the dietary advice'),
        min: 3,
        max: 3,
      },
    ],
  },
});

export const sleep = defineInstrument({
  id: 'sleep',
  version: '1',
  title: daEn('Søvn', 'Sleep'),
  domain: 'sleep',
  source: 'Own item, in the spirit of Den Nationale Sundhedsprofil.',
  licence: { text: 'Own item.', checkBeforeShipping: false },
  items: [
    {
      id: 'sleep-bother',
      kind: 'choice',
      text: daEn(
        'Har du inden for de sidste 14 dage været generet af søvnbesvær eller dårlig søvn?',
        'In the last 14 days, have you been bothered by trouble sleeping or poor sleep?',
      ),
      options: [
        opt('very', 'Ja, meget generet', 'Yes, very bothered', 2),
        opt('little', 'Ja, lidt generet', 'Yes, a little bothered', 1),
        opt('no', 'Nej', 'No', 0),
      ],
    },
  ],
  scoring: {
    kind: 'sum',
    bands: [
      {
        id: 'none',
        label: daEn('Ikke generet af søvnbesvær', 'Not bothered by sleep problems'),
        min: 0,
        max: 0,
      },
      {
        id: 'some',
        label: daEn('Lidt generet af søvnbesvær', 'A little bothered by sleep problems'),
        min: 1,
        max: 1,
      },
      {
        id: 'much',
        label: daEn('Meget generet af søvnbesvær', 'Very bothered by sleep problems'),
        min: 2,
        max: 2,
      },
    ],
  },
});
