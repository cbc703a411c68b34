import { defineInstrument } from '../instrument.ts';
import { opt, daEn } from './text.ts';

export const smoking = defineInstrument({
  id: 'smoking',
  version: '1',
  title: daEn('Rygning', 'Smoking'),
  domain: 'smoking',
  source:
    'Own items; categories as in Den Nationale Sundhedsprofil. "Storryger" >= 15 cigarettes a day.',
  licence: { text: 'Own items.', checkBeforeShipping: false },
  items: [
    {
      id: 'smoking-status',
      kind: 'choice',
      text: daEn('Ryger du?', 'Do you smoke?'),
      options: [
        opt('daily', 'Ja, hver dag', 'Yes, every day'),
        opt('occasional', 'Ja, men ikke hver dag', 'Yes, but not every day'),
        opt('former', 'Nej, men jeg har røget', 'No, but I used to'),
        opt('never', 'Nej, jeg har aldrig røget', 'No, I have never smoked'),
      ],
    },
    {
      id: 'smoking-per-day',
      kind: 'number',
      text: daEn(
        'Hvor mange cigaretter (eller tilsvarende) ryger du på en dag, hvor du ryger?',
        'How many cigarettes (or equivalent) do you smoke on a day when you smoke?',
      ),
      min: 0,
      max: 100,
      unit: daEn('cigaretter', 'cigarettes'),
      appliesIf: { itemId: 'smoking-status', anyOf: ['daily', 'occasional'] },
    },
  ],
  scoring: {
    kind: 'smoking',
    statusItem: 'smoking-status',
    amountItem: 'smoking-per-day',
    heavyAtLeast: 15,
    bands: [
      { id: 'never', label: daEn('Ryger ikke', 'Does not smoke') },
      { id: 'former', label: daEn('Tidligere ryger', 'Former smoker') },
      { id: 'occasional', label: daEn('Ryger af og til', 'Smokes occasionally') },
      { id: 'daily', label: daEn('Ryger dagligt', 'Smokes daily') },
      {
        id: 'heavy',
        label: daEn('Ryger dagligt, 15 eller flere om dagen', 'Smokes daily, 15 or more a day'),
      },
    ],
  },
});
