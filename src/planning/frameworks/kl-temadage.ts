/** KL's five cross-municipal theme days on social inequality in health: 5 themes with suggested interventions. */
import { point, type Framework } from './framework.ts';

export const KL_TEMADAGE: Framework = {
  key: 'kl_temadage',
  name: 'Anbefalinger til indsatser for at mindske social ulighed i sundhed (fem tværkommunale temadage)',
  publisher: 'KL, Center for Forebyggelse i praksis',
  year: 2016,
  source: 'kl-temadage-social-ulighed.txt',
  items: [
    {
      code: '1',
      title: 'Børns tidlige udvikling',
      text: 'Overgange i børns og unges liv og samarbejde med og omkring familien. Dagtilbud og skole har stor betydning for børns udvikling, fordi børnenes adgang til et udviklende pædagogisk miljø til en vis grad kan kompensere for manglende stimulering i hjemmet.',
      departments: ['children_youth'],
    },
    point(
      '1.1',
      'Universelt tilbud om sundhedspleje og ekstra opmærksomhed til mindre ressourcestærke familier',
      ['children_youth'],
    ),
    point(
      '1.2',
      'Fokus på børns trivsel, sprog og motorik i dagtilbud og skole og tidlig opsporing af mistrivsel',
      ['children_youth', 'schools'],
    ),
    {
      code: '2',
      title: 'Skolegang og overgang til ungdomsuddannelse',
      text: 'At bygge bro mellem folkeskole og ungdomsuddannelse både for at fremme trivsel og sunde fællesskaber, og for at undgå frafald.',
      departments: ['schools'],
    },
    point('2.1', 'Fremme trivsel og sunde fællesskaber og forebygge frafald på ungdomsuddannelse', [
      'schools',
    ]),
    point(
      '2.2',
      'Styrket indsats i forhold til rusmidler og tobak på alle skoler og ungdomsuddannelser, fx fælles rusmiddelpolitik, beredskabsplan, undervisning og koordinerende netværksgruppe mellem kommune og ungdomsuddannelser',
      ['schools', 'children_youth'],
    ),
    {
      code: '3',
      title: 'Sundhedsadfærd',
      text: 'Sundhedsadfærd og mental sundhed har stor betydning for folkesundheden og for social ulighed i sundhed. Rygning og alkohol forklarer størstedelen af den sociale ulighed i sundhed. Indsatser tilrettelægges der, hvor borgerne lever deres liv, og tilpasses borgeres ressourcer og handlekompetence.',
      departments: ['health'],
    },
    point(
      '3.1',
      'Røgfri skoletid og -arbejdstid i skoler, på ungdomsuddannelser og arbejdspladser',
      ['schools', 'health'],
    ),
    point(
      '3.2',
      'Hjælp til rygestop for stærkt tobaksafhængige borgere med mulighed for betalt rygestopmedicin',
      ['health'],
    ),
    point(
      '3.3',
      'Tidlig opsporing af gravide og familier med alkoholproblemer samt fokus på den familieorienterede alkoholbehandling',
      ['health', 'children_youth'],
    ),
    point(
      '3.4',
      'Trivsel og fysisk aktivitet i nærmiljøet gennem involvering i sociale fællesskaber og samarbejde med frivillige og foreningslivet',
      ['culture_leisure'],
    ),
    point(
      '3.5',
      'Sund byplanlægning i forhold til indretning af uderum og tilgængelighed, fx cykelstier, skaterpark, udendørsfitness',
      ['planning_environment'],
    ),
    {
      code: '4',
      title: 'Ledige og fastholdelse på arbejdsmarkedet',
      text: 'Beskæftigelsesindsatsen kombineres med en sundhedsfaglig indsats, hvor sundhed og trivsel ses som led i, at borgerne kommer tilbage på arbejdsmarkedet.',
      departments: ['employment'],
    },
    point(
      '4.1',
      'Tilbud om fysisk aktivitet og træning for ledige borgere med fokus på trivsel og fællesskab og på at reducere smerter',
      ['employment', 'health'],
    ),
    point(
      '4.2',
      'Sikre en bedre tilbagevenden til arbejde efter sygefravær med fleksible arbejdskrav',
      ['employment'],
    ),
    point(
      '4.3',
      'Fokus på at skabe et mere rummeligt arbejdsmarked med etablering af flere arbejdspladser med fleksible arbejdskrav',
      ['employment'],
    ),
    point(
      '4.4',
      'Arbejde for at styrke langtidssygemeldte borgere og hurtig udredning og behandling, så ventetiden forkortes',
      ['employment', 'health'],
    ),
    {
      code: '5',
      title: 'Social udsathed',
      text: 'Socialt udsatte er en sammensat gruppe af børn, unge og voksne med høj risiko for udsathed, fx på grund af langvarig arbejdsløshed, svær psykisk sygdom, hjemløshed eller misbrug. For socialt udsatte, der ikke er brugere af socialfaglige tilbud, anbefales en tværfaglig, opsøgende indsats på de udsattes præmisser.',
      departments: ['social'],
    },
    point('5.1', 'Aktiv opsøgende indsats og støtte til udsatte borgere – også familiefokus', [
      'social',
    ]),
    point('5.2', 'Koordineret sundheds- og socialindsats, fx mentor med mening og Housing First', [
      'social',
      'health',
    ]),
    point('5.3', 'KRAM-indsatser i socialfaglige botilbud', ['social', 'health']),
  ],
};
