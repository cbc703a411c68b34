import { defineInstrument } from '../instrument.ts';
import { opt, daEn } from './text.ts';

const UNIT_NOTE = daEn(
  'En genstand er 12 g alkohol (en almindelig øl, et glas vin, 4 cl spiritus). En amerikansk "standard drink" er ca. 14 g; vi spørger i danske genstande.',
  'A Danish unit (genstand) is 12 g of alcohol (a regular beer, a glass of wine, 4 cl of spirits). A US "standard drink" is about 14 g; we ask in Danish units.',
);

/** Against Sundhedsstyrelsen's 2022 limits: at most 10 units a week and 4 on one day; under 18 none. */
export const alcoholUnits = defineInstrument({
  id: 'alcohol-units',
  version: '2022-1',
  title: daEn('Alkohol: genstande', 'Alcohol: units'),
  domain: 'alcohol',
  source:
    'Own items; limits from Sundhedsstyrelsen (March 2022): max 10 units a week, max 4 on one day, none under 18.',
  licence: { text: 'Own items.', checkBeforeShipping: false },
  items: [
    {
      id: 'alcohol-week',
      kind: 'number',
      text: daEn(
        'Hvor mange genstande drikker du på en almindelig uge?',
        'How many units do you drink in a typical week?',
      ),
      min: 0,
      max: 300,
      unit: daEn('genstande', 'units'),
      note: UNIT_NOTE,
    },
    {
      id: 'alcohol-max-day',
      kind: 'number',
      text: daEn(
        'Hvor mange genstande har du højst drukket på én dag den sidste måned?',
        'What is the most units you have drunk on one day in the last month?',
      ),
      min: 0,
      max: 100,
      unit: daEn('genstande', 'units'),
      note: UNIT_NOTE,
    },
  ],
  scoring: {
    kind: 'alcoholUnits',
    weekItem: 'alcohol-week',
    dayItem: 'alcohol-max-day',
    weekMax: 10,
    dayMax: 4,
    minAge: 18,
    bands: [
      { id: 'within', label: daEn('Inden for anbefalingen', 'Within the recommendation') },
      { id: 'above', label: daEn('Over anbefalingen', 'Above the recommendation') },
      { id: 'underAge', label: daEn('Drikker alkohol under 18 år', 'Drinks alcohol under 18') },
    ],
  },
});

export const auditC = defineInstrument({
  id: 'audit-c',
  version: '2001-1',
  title: daEn('Alkohol: AUDIT-C', 'Alcohol: AUDIT-C'),
  domain: 'alcohol',
  source:
    'Babor TF et al. AUDIT: The Alcohol Use Disorders Identification Test, 2nd ed. WHO 2001 (items 1-3); Bush K et al. 1998.',
  licence: { text: "WHO's AUDIT manual; terms to be checked.", checkBeforeShipping: true },
  wordingNote:
    'Danish wording is our own; AUDIT counts standard drinks, we ask in Danish units (12 g). Check against a validated Danish AUDIT before shipping.',
  items: [
    {
      id: 'auditc-1',
      kind: 'choice',
      text: daEn(
        'Hvor tit drikker du alkohol?',
        'How often do you have a drink containing alcohol?',
      ),
      note: UNIT_NOTE,
      options: [
        opt('never', 'Aldrig', 'Never', 0),
        opt('monthly', 'Højst en gang om måneden', 'Monthly or less', 1),
        opt('2-4-month', '2-4 gange om måneden', '2-4 times a month', 2),
        opt('2-3-week', '2-3 gange om ugen', '2-3 times a week', 3),
        opt('4plus-week', '4 gange om ugen eller mere', '4 or more times a week', 4),
      ],
    },
    {
      id: 'auditc-2',
      kind: 'choice',
      text: daEn(
        'Hvor mange genstande drikker du på en typisk dag, hvor du drikker?',
        'How many units do you have on a typical day when you are drinking?',
      ),
      appliesIf: { itemId: 'auditc-1', anyOf: ['monthly', '2-4-month', '2-3-week', '4plus-week'] },
      options: [
        opt('1-2', '1-2', '1 or 2', 0),
        opt('3-4', '3-4', '3 or 4', 1),
        opt('5-6', '5-6', '5 or 6', 2),
        opt('7-9', '7-9', '7 to 9', 3),
        opt('10plus', '10 eller flere', '10 or more', 4),
      ],
    },
    {
      id: 'auditc-3',
      kind: 'choice',
      text: daEn(
        'Hvor tit drikker du 6 genstande eller flere ved samme lejlighed?',
        'How often do you have six or more units on one occasion?',
      ),
      appliesIf: { itemId: 'auditc-1', anyOf: ['monthly', '2-4-month', '2-3-week', '4plus-week'] },
      options: [
        opt('never', 'Aldrig', 'Never', 0),
        opt('less-monthly', 'Sjældnere end en gang om måneden', 'Less than monthly', 1),
        opt('monthly', 'En gang om måneden', 'Monthly', 2),
        opt('weekly', 'En gang om ugen', 'Weekly', 3),
        opt('daily', 'Dagligt eller næsten dagligt', 'Daily or almost daily', 4),
      ],
    },
  ],
  scoring: {
    kind: 'sexThreshold',
    maxMissing: 0,
    positiveAtLeast: { male: 4, female: 3 },
    bands: {
      negative: {
        id: 'negative',
        label: daEn('Under grænsen for skadeligt forbrug', 'Below the hazardous-drinking cut-off'),
        min: 0,
        max: 12,
      },
      positive: {
        id: 'positive',
        label: daEn(
          'Over grænsen for skadeligt forbrug',
          'At or above the hazardous-drinking cut-off',
        ),
        min: 0,
        max: 12,
      },
    },
  },
});
