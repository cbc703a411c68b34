import { defineInstrument } from '../instrument.ts';
import { opt, daEn } from './text.ts';

const options = [
  opt('5', 'Hele tiden', 'All of the time', 5),
  opt('4', 'Det meste af tiden', 'Most of the time', 4),
  opt('3', 'Lidt mere end halvdelen af tiden', 'More than half of the time', 3),
  opt('2', 'Lidt mindre end halvdelen af tiden', 'Less than half of the time', 2),
  opt('1', 'Lidt af tiden', 'Some of the time', 1),
  opt('0', 'På intet tidspunkt', 'At no time', 0),
];

const item = (id: string, da: string, en: string) => ({
  id,
  kind: 'choice' as const,
  text: daEn(da, en),
  options,
});

export const who5 = defineInstrument({
  id: 'who-5',
  version: '1998-en/placeholder-da-1',
  title: daEn('Trivsel de sidste 2 uger (WHO-5)', 'Well-being over the last 2 weeks (WHO-5)'),
  domain: 'wellbeing',
  source:
    'WHO Collaborating Centre in Mental Health, Psychiatric Research Unit, Region Hovedstaden: WHO-5 Well-Being Index (1998).',
  licence: {
    text: 'Free to use; changes to the wording must be marked.',
    checkBeforeShipping: true,
  },
  wordingNote:
    'PLACEHOLDER: the Danish item and option texts are our own close wording. The official Danish version from Region Hovedstadens Psykiatri must replace them before shipping.',
  items: [
    item(
      'who5-1',
      'Jeg har været glad og i godt humør',
      'I have felt cheerful and in good spirits',
    ),
    item('who5-2', 'Jeg har følt mig rolig og afslappet', 'I have felt calm and relaxed'),
    item('who5-3', 'Jeg har følt mig aktiv og energisk', 'I have felt active and vigorous'),
    item('who5-4', 'Jeg er vågnet frisk og udhvilet', 'I woke up feeling fresh and rested'),
    item(
      'who5-5',
      'Min hverdag har været fyldt med ting, der interesserer mig',
      'My daily life has been filled with things that interest me',
    ),
  ],
  scoring: {
    kind: 'sum',
    multiplier: 4,
    maxMissing: 0,
    bands: [
      {
        id: 'likelyDepression',
        label: daEn('Meget lav trivsel', 'Very low well-being'),
        min: 0,
        max: 28,
      },
      { id: 'poor', label: daEn('Lav trivsel', 'Low well-being'), min: 29, max: 49 },
      { id: 'good', label: daEn('God trivsel', 'Good well-being'), min: 50, max: 100 },
    ],
  },
});
