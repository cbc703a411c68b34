import { defineInstrument } from '../instrument.ts';
import { opt, daEn } from './text.ts';

/** Item id -> social-need domain, for the profile. */
export const SOCIAL_NEED_DOMAIN = {
  'needs-housing': 'housing',
  'needs-housing-quality': 'housing',
  'needs-food': 'food',
  'needs-money': 'money',
  'needs-transport': 'transport',
  'needs-hurt': 'safety',
  'needs-safe-home': 'safety',
} as const;
export type SocialNeedDomain = (typeof SOCIAL_NEED_DOMAIN)[keyof typeof SOCIAL_NEED_DOMAIN];

export const socialNeeds = defineInstrument({
  id: 'social-needs',
  version: '1',
  title: daEn('Hverdagens vilkår', 'Everyday circumstances'),
  domain: 'socialNeeds',
  source:
    'Own Danish items written by the domains of the US CMS Accountable Health Communities screening tool (housing, food, money, transport, safety). No AHC or PRAPARE text is used.',
  licence: { text: 'Own items (domains only from AHC).', checkBeforeShipping: false },
  items: [
    {
      id: 'needs-housing',
      kind: 'choice',
      text: daEn('Hvordan bor du lige nu?', 'What is your housing situation right now?'),
      options: [
        opt('stable', 'Jeg har et fast sted at bo', 'I have a steady place to live'),
        opt(
          'worried',
          'Jeg har et sted at bo, men er bange for at miste det',
          'I have a place to live but worry about losing it',
        ),
        opt('none', 'Jeg har ikke et fast sted at bo', 'I do not have a steady place to live'),
      ],
    },
    {
      id: 'needs-housing-quality',
      kind: 'choice',
      text: daEn(
        'Er der problemer i din bolig, fx skimmel, kulde, skadedyr eller ting, der ikke virker?',
        'Are there problems in your home, e.g. mould, cold, pests or things that do not work?',
      ),
      appliesIf: { itemId: 'needs-housing', anyOf: ['stable', 'worried'] },
      options: [opt('yes', 'Ja', 'Yes'), opt('no', 'Nej', 'No')],
    },
    {
      id: 'needs-food',
      kind: 'choice',
      text: daEn(
        'Har du det sidste år været bekymret for, at maden ville slippe op, før du havde penge til mere?',
        'In the last year, have you worried that food would run out before you had money to buy more?',
      ),
      options: [
        opt('often', 'Ofte', 'Often'),
        opt('sometimes', 'Nogle gange', 'Sometimes'),
        opt('never', 'Aldrig', 'Never'),
      ],
    },
    {
      id: 'needs-money',
      kind: 'choice',
      text: daEn(
        'Hvor svært er det for dig at betale for det mest nødvendige, fx husleje, mad, medicin og varme?',
        'How hard is it for you to pay for the basics, e.g. rent, food, medicine and heating?',
      ),
      options: [
        opt('very-hard', 'Meget svært', 'Very hard'),
        opt('somewhat-hard', 'Lidt svært', 'Somewhat hard'),
        opt('not-hard', 'Ikke svært', 'Not hard'),
      ],
    },
    {
      id: 'needs-transport',
      kind: 'choice',
      text: daEn(
        'Har mangel på transport det sidste år holdt dig fra aftaler hos lægen, i kommunen eller andre steder, du skulle hen?',
        'In the last year, has lack of transport kept you from appointments with the doctor, the municipality or other places you needed to go?',
      ),
      options: [opt('yes', 'Ja', 'Yes'), opt('no', 'Nej', 'No')],
    },
    {
      id: 'needs-hurt',
      kind: 'choice',
      text: daEn(
        'Hvor tit sker det, at nogen gør dig fysisk fortræd?',
        'How often does anyone physically hurt you?',
      ),
      options: [
        opt('never', 'Aldrig', 'Never'),
        opt('rarely', 'Sjældent', 'Rarely'),
        opt('sometimes', 'Nogle gange', 'Sometimes'),
        opt('fairly-often', 'Ret tit', 'Fairly often'),
        opt('often', 'Ofte', 'Frequently'),
      ],
    },
    {
      id: 'needs-safe-home',
      kind: 'choice',
      text: daEn('Føler du dig tryg der, hvor du bor?', 'Do you feel safe where you live?'),
      options: [opt('yes', 'Ja', 'Yes'), opt('no', 'Nej', 'No')],
    },
  ],
  scoring: {
    kind: 'needs',
    flaggedBy: {
      'needs-housing': ['worried', 'none'],
      'needs-housing-quality': ['yes'],
      'needs-food': ['often', 'sometimes'],
      'needs-money': ['very-hard', 'somewhat-hard'],
      'needs-transport': ['yes'],
      // Any answer above "never" is always flagged.
      'needs-hurt': ['rarely', 'sometimes', 'fairly-often', 'often'],
      'needs-safe-home': ['no'],
    },
    bands: {
      none: { id: 'none', label: daEn('Ingen sociale behov nævnt', 'No social needs mentioned') },
      need: { id: 'need', label: daEn('Et eller flere sociale behov', 'One or more social needs') },
    },
  },
});

const ruler = Array.from({ length: 11 }, (_, i) => opt(String(i), String(i), String(i), i));
const ABOVE_ZERO = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];

export const motivation = defineInstrument({
  id: 'motivation-rulers',
  version: '1',
  title: daEn('Hvor vigtigt, og hvor sikker er du?', 'How important, and how confident are you?'),
  domain: 'motivation',
  source: 'Importance and confidence rulers (Miller & Rollnick, motivational interviewing).',
  licence: { text: 'Public technique.', checkBeforeShipping: false },
  items: [
    {
      id: 'importance',
      kind: 'choice',
      text: daEn(
        'På en skala fra 0 til 10: hvor vigtigt er det for dig at lave en ændring?',
        'On a scale from 0 to 10: how important is it for you to make a change?',
      ),
      options: ruler,
    },
    {
      id: 'importance-why',
      kind: 'text',
      text: daEn('Hvorfor ikke et lavere tal?', 'Why not a lower number?'),
      appliesIf: { itemId: 'importance', anyOf: ABOVE_ZERO },
    },
    {
      id: 'confidence',
      kind: 'choice',
      text: daEn(
        'På en skala fra 0 til 10: hvor sikker er du på, at du kan gøre det?',
        'On a scale from 0 to 10: how confident are you that you can do it?',
      ),
      options: ruler,
    },
    {
      id: 'confidence-why',
      kind: 'text',
      text: daEn('Hvorfor ikke et lavere tal?', 'Why not a lower number?'),
      appliesIf: { itemId: 'confidence', anyOf: ABOVE_ZERO },
    },
  ],
  scoring: { kind: 'none' },
});

/** Domains a citizen can choose to work on. */
export const PRIORITY_DOMAINS = [
  'activity',
  'diet',
  'smoking',
  'alcohol',
  'sleep',
  'stress',
  'wellbeing',
  'loneliness',
  'socialNeeds',
  // Offers for people living with an illness (a diabetes school) need the citizen to say so.
  'illness',
] as const;

export const priorities = defineInstrument({
  id: 'priorities',
  version: '2',
  title: daEn('Det vil jeg gerne arbejde med', 'What I want to work on'),
  domain: 'priorities',
  source: 'Own item; the citizen chooses, the tool never prescribes.',
  licence: { text: 'Own item.', checkBeforeShipping: false },
  items: [
    {
      id: 'priorities-domains',
      kind: 'multiChoice',
      text: daEn('Hvad kunne du have lyst til at arbejde med?', 'What would you like to work on?'),
      options: [
        opt('activity', 'Bevæge mig mere', 'Move more'),
        opt('diet', 'Mad og måltider', 'Food and meals'),
        opt('smoking', 'Rygning', 'Smoking'),
        opt('alcohol', 'Alkohol', 'Alcohol'),
        opt('sleep', 'Søvn', 'Sleep'),
        opt('stress', 'Stress', 'Stress'),
        opt('wellbeing', 'Trivsel og humør', 'Well-being and mood'),
        opt('loneliness', 'Fællesskab og at være mindre alene', 'Company and being less alone'),
        opt('socialNeeds', 'Bolig, penge eller hverdagen', 'Housing, money or everyday life'),
        opt('illness', 'Leve godt med en langvarig sygdom', 'Living well with a long-term illness'),
      ],
    },
    { id: 'priorities-other', kind: 'text', text: daEn('Noget andet?', 'Anything else?') },
    {
      // A citizen who needs a person beside them is offered apps only when they ask (decision 0007).
      id: 'priorities-digital',
      kind: 'choice',
      text: daEn(
        'Vil du gerne bruge en app eller et forløb på nettet på egen hånd?',
        'Would you like to use an app or an online programme on your own?',
      ),
      options: [opt('yes', 'Ja', 'Yes'), opt('no', 'Nej', 'No')],
    },
  ],
  scoring: { kind: 'none' },
});

export const resources = defineInstrument({
  id: 'resources',
  version: '1',
  title: daEn('Dine ressourcer', 'Your resources'),
  domain: 'resources',
  source:
    'Own items after Sundhedsstyrelsen 2009: "hvilke særlige ressourcer borgeren har at byde ind med".',
  licence: { text: 'Own items.', checkBeforeShipping: false },
  items: [
    {
      id: 'resources-energy',
      kind: 'multiChoice',
      text: daEn('Hvad giver dig energi?', 'What gives you energy?'),
      options: [
        opt('nature', 'At være ude i naturen', 'Being outdoors'),
        opt('people', 'At være sammen med andre', 'Being with others'),
        opt('family', 'Min familie', 'My family'),
        opt('animals', 'Dyr', 'Animals'),
        opt('faith', 'Tro eller åndelighed', 'Faith or spirituality'),
        opt('making', 'At lave noget med hænderne', 'Making things with my hands'),
        opt('music', 'Musik', 'Music'),
      ],
    },
    {
      id: 'resources-energy-text',
      kind: 'text',
      text: daEn('Andet, der giver dig energi', 'Other things that give you energy'),
    },
    {
      id: 'resources-people',
      kind: 'multiChoice',
      text: daEn('Hvem kan du læne dig op ad?', 'Who can you lean on?'),
      options: [
        opt('family', 'Familie', 'Family'),
        opt('friends', 'Venner', 'Friends'),
        opt('neighbours', 'Naboer', 'Neighbours'),
        opt(
          'colleagues',
          'Kolleger eller andre fra skole eller arbejde',
          'Colleagues or others from school or work',
        ),
        opt(
          'community',
          'Nogen fra en forening, et trossamfund eller et værested',
          'Someone from a club, a faith community or a drop-in centre',
        ),
        opt('professional', 'En fagperson', 'A professional'),
      ],
    },
    {
      id: 'resources-people-text',
      kind: 'text',
      text: daEn('Andre, du kan læne dig op ad', 'Others you can lean on'),
    },
    {
      id: 'resources-interests',
      kind: 'text',
      text: daEn('Hvad interesserer du dig for?', 'What are you interested in?'),
    },
    {
      id: 'resources-successes',
      kind: 'text',
      text: daEn(
        'Fortæl om noget, du tidligere er lykkedes med',
        'Tell about something you have succeeded with before',
      ),
    },
  ],
  scoring: { kind: 'none' },
});
