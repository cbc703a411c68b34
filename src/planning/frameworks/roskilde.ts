/** Roskilde Kommune's § 17.4 committee "Sundhed for Alle" (2024): 8 recommendations. */
import { point, type Framework } from './framework.ts';

export const ROSKILDE: Framework = {
  key: 'roskilde',
  name: 'Sundhed for Alle – udvalgets anbefalinger til byrådet',
  publisher: 'Roskilde Kommune, § 17.4-udvalget Sundhed for Alle',
  year: 2024,
  source: 'roskilde-sundhed-for-alle-2024.txt',
  items: [
    {
      code: '1',
      title: 'Tænk i sundhed på tværs af politikområder',
      text:
        'Kommunen skal sikre at muligheden for et sundt liv bliver en del af alle borgeres hverdag. ' +
        "Fakta: Hvis det skal lykkes at reducere ulighed i sundhed, kræver det en betydelig indsats på mange politikområder – 'Health in all policies' – og med inddragelse af både politiske beslutningstagere, offentlige myndigheder, private erhverv og civilsamfundet. (Sundhedsstyrelsen 2020)",
      departments: ['health', 'planning_environment'],
    },
    point('1.1', 'Sundhedsfremme og forebyggelse bliver indarbejdet i kommuneplan og lokalplaner', [
      'planning_environment',
    ]),
    point(
      '1.2',
      'Sundhedsfremme og forebyggelse skal være en dagsorden i alle fagudvalg i Roskilde Kommune',
      ['health'],
    ),
    point(
      '1.3',
      'Kommunen skaber tæt samarbejde med relevante parter på tværs af sektorer for at øge lighed i sundhed',
      ['health'],
    ),
    {
      code: '2',
      title: 'Målret tilbud til de borgere der har mest brug for det',
      text:
        'Kommunen skal prioritere og målrette indsatser til de borgere der har mest brug for det. ' +
        'Fakta: Personer med kortere uddannelser og færre ressourcer modtager ofte en standardiseret minimumsbehandling, mens mere velstillede patienter får skræddersyet individuel behandling. (Larsen & Sodemann 2024)',
      departments: ['health', 'social'],
    },
    point(
      '2.1',
      'Identificere og prioritere ressourcer mod grupper af borgere i sårbare positioner baseret på data og evidens',
      ['health'],
    ),
    point(
      '2.2',
      'Tilbyde forskellige og målrettede indsatser, der tager højde for individuelle behov og risikofaktorer',
      ['health', 'social'],
    ),
    {
      code: '3',
      title: 'Brug lokalsamfundet',
      text:
        'Kommunen skal bruge lokalsamfundet som fx folkeskole, boligforeninger og arbejdspladser til forebyggelse og sundhedsfremme. ' +
        'Fakta: Inddragelse af lokalsamfundet i sundhedsfremmende initiativer kan føre til ændringer i adfærd, miljøer, politikker, programmer og praksisser, hvilket bidrager til at reducere sundhedsmæssige uligheder. (WHO 2004)',
      departments: ['health', 'schools', 'culture_leisure'],
    },
    point(
      '3.1',
      'Styrke muligheder for at dagtilbud, folkeskole, ungdomsuddannelser og arbejdspladser kan prioritere forebyggelse og sundhedsfremme',
      ['children_youth', 'schools'],
    ),
    point('3.2', 'Etablere lettilgængelige sundhedstilbud i nærmiljøet fx i udsatte boligområder', [
      'health',
    ]),
    point(
      '3.3',
      'Benytte aktiviteter og arrangementer i lokalsamfund til at udbrede viden om muligheder for sundhedstilbud',
      ['culture_leisure'],
    ),
    {
      code: '4',
      title: 'Gør mødet med kommunen nemt og forløb sømløse',
      text:
        'Kommunen skal gøre mødet med kommunen nemt og forløb sømløse for alle borgere. ' +
        'Fakta: Alt for mange sårbare borgere falder ned mellem to stole. Derfor er det nødvendigt at etablere et nødspor til patienter, der har behov for mere tid og støtte end det ressourcestærke og veluddannede flertal. (Sodemann 2022)',
      departments: ['health', 'social', 'employment'],
    },
    point(
      '4.1',
      'Samtænke indgange og indsatser med fokus på en helhedsorienteret indsats og borgerens oplevelse – også på tværs af sektorer',
      ['health', 'social'],
    ),
    point(
      '4.2',
      'Gøre information, tilbud og fysiske rammer tilgængelige og imødekommende for alle borgere uanset forskellig baggrund og forudsætninger',
      ['health'],
    ),
    point(
      '4.3',
      'Styrke mulighed for individuelle forløb med særlig håndholdt støtte for borgere der har brug for dette fx borgere med psykisk sygdom',
      ['social'],
    ),
    point(
      '4.4',
      'Styrke brobygning til civilsamfund og erhvervsliv så borgere hurtigst muligt kan skabe gode forudsætninger for at komme videre i et selvstændigt liv',
      ['employment'],
    ),
    {
      code: '5',
      title: 'Invester i tidlig forebyggelse',
      text:
        'Kommunen skal investere i børns tidlige udvikling og uddannelse. ' +
        'Fakta: Investering i tidlig barndom er afgørende for at reducere ulighed i sundhed. De tidlige barndomsår er fundamentale for børns udvikling. (WHO 2016)',
      departments: ['children_youth'],
    },
    point(
      '5.1',
      'Styrke fokus på opsøgende og helhedsorienterede indsatser for børn i socialt sårbare familier',
      ['children_youth'],
    ),
    point(
      '5.2',
      'Tilbyde forældrestøtteprogrammer allerede ved start af graviditeten i et tæt samarbejde mellem kommune og region',
      ['children_youth', 'health'],
    ),
    {
      code: '6',
      title: 'Alle skal have adgang til fællesskaber',
      text:
        'Kommunen skal sikre at alle borgere ser, kender og får adgang til muligheder for fællesskaber. ' +
        'Fakta: Personer med kortere uddannelse har risiko for dårligere mental sundhed, højere stressniveau og er oftere uønsket alene. (Sundhedsstyrelsen 2022)',
      departments: ['culture_leisure'],
    },
    point('6.1', 'Styrke rammer for brede og inkluderende fællesskaber i civilsamfundet', [
      'culture_leisure',
    ]),
    point(
      '6.2',
      'Styrke incitament til at foreninger og andre åbne fællesskaber i civilsamfundet har fokus på at få nye borgere med',
      ['culture_leisure'],
    ),
    point(
      '6.3',
      'Sikre en målrettet indsats for borgere, der oplever det svært at få adgang til fællesskaber',
      ['social'],
    ),
    point('6.4', 'Prioritere fællesskaber i alle kommunale tilbud', ['health']),
    {
      code: '7',
      title: 'Sæt ambitiøse mål for sundhed',
      text:
        'Kommunen skal sætte ambitiøse mål om at være byen med mest bevægelse og det laveste forbrug af nikotin. ' +
        'Fakta: Der ses en væsentlig ulighed i andelen, der ryger dagligt, har et problematisk alkoholforbrug samt er fysisk inaktive. Borgere, der har grundskole som højeste fuldførte uddannelse, har i højere grad usunde vaner med rygning, alkohol og fysisk inaktivitet. (Sundhedsstyrelsen 2022)',
      departments: ['health'],
    },
    point('7.1', 'Sætte konkrete og ambitiøse mål om nikotinforbrug og fysisk aktivitet', [
      'health',
    ]),
    point(
      '7.2',
      'Iværksætte initiativer der forebygger rygning og andre nikotinprodukter blandt børn og unge',
      ['schools', 'children_youth'],
    ),
    point('7.3', 'Styrke tilbud om rygestop, særligt til udsatte grupper', ['health']),
    point(
      '7.4',
      'Iværksætte strukturelle initiativer der gør det nemmere for alle borgere at integrere fysisk aktivitet i deres hverdag, særligt i relation til skoler, arbejdspladser og ældrepleje',
      ['planning_environment', 'schools', 'elderly'],
    ),
    {
      code: '8',
      title: 'Tilpas sundhedstilbud til etniske minoriteter',
      text:
        'Kommunen skal etablere let tilgængelige sundhedstilbud tilpasset etniske minoriteter. ' +
        'Fakta: Etniske minoriteter oplever ofte lavere adgang til sundhedspleje, dårligere sundhedstilstand og højere dødelighed sammenlignet med den etniske majoritetsbefolkning. (Sørensen & Kjøller 2015)',
      departments: ['health'],
    },
    point(
      '8.1',
      'Målrettede sundhedscentre med tilbud og tilgange der er lettere at identificere sig med for etniske minoriteter',
      ['health'],
    ),
    point('8.2', 'Let adgang til tolkebistand', ['health', 'social']),
    point(
      '8.3',
      'Let adgang til sundhedstilbud i nærmiljøet i boligområder med høj andel af etniske minoriteter',
      ['health'],
    ),
  ],
};
