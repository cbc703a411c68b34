/** Alliancen mod Social Ulighed i Sundhed (Danske Regioner, KL, Kræftens Bekæmpelse): 6 recommendations. */
import { point, type Framework } from './framework.ts';

export const ALLIANCEN: Framework = {
  key: 'alliancen',
  name: 'Seks anbefalinger til at mindske social ulighed i sundhed',
  publisher: 'Alliancen mod Social Ulighed i Sundhed (Danske Regioner, KL og Kræftens Bekæmpelse)',
  year: 2023,
  source: 'alliancen-seks-anbefalinger.txt',
  items: [
    {
      code: '1',
      title: 'Fokuser på forebyggelse – både ved strukturelle og individrettede indsatser',
      text: 'Forebyggende indsatser er blandt de mest omkostningseffektive måder at mindske social ulighed i sundhed på. Det drejer sig særligt om strukturelle tiltag, såsom ændring af lovgivning og indretning af rammer for hverdagslivet, der kan bidrage til at gøre det lettere og mere tilgængeligt for borgere at træffe sunde valg. Det gælder også individrettede tiltag som eksempelvis rygestopkurser.',
      departments: ['health'],
    },
    point('1.1', 'At aldersgrænsen for salg af alkohol stiger til 18 år', ['health']),
    point('1.2', 'At borgere får bedre muligheder for at indtage sunde fødevarer', [
      'health',
      'elderly',
    ]),
    point('1.3', 'At afgifterne for tobak- og nikotinprodukter stiger markant', ['health']),
    {
      code: '2',
      title:
        'Målret og tilpas sundhedsindsatser til den enkelte borgers behov, og tag udgangspunkt i den lokale population',
      text: 'Lighed i sundhed kræver forskelsbehandling. Sundhedsvæsenets informationer og ydelser skal tilrettelægges med udgangspunkt i det lokale sygdomsmønster, så alle borgere, uanset deres sundhedskompetencer, kan tilgå og få gavn af dem. De patienter og borgere, der kan selv, bør i højere grad varetage dele af deres behandling, så sundhedspersonalet får flere ressourcer til borgere i sårbare eller udsatte positioner.',
      departments: ['health', 'social'],
    },
    point(
      '2.1',
      'At sundhedsvæsenet og medarbejderne sættes mere fri til at kunne differentiere forebyggelses- og behandlingsforløb efter borgeres faktiske behov',
      ['health'],
    ),
    point(
      '2.2',
      'At undersøge, om man i udformningen af kvalitetsstandarder i højere grad kan understøtte, at medarbejderne kan differentiere forebyggelses- og behandlingsforløb',
      ['health'],
    ),
    point(
      '2.3',
      'At undersøge, om det sundhedsfaglige tilsyn og patientklagesystemet virker som en hindring for, at medarbejderne differentierer forløb',
      ['health'],
    ),
    {
      code: '3',
      title: 'Styrk fællesskaber og samspillet mellem det offentlige og civilsamfundet',
      text: 'Der er behov for opmærksomhed på og investeringer i at skabe de bedst mulige vilkår for frivillige, pårørende og civilsamfundets mange fællesskaber, og for at systematisere og styrke samspillet mellem civilsamfundet og det offentlige. Fællesskaber er en væsentlig og helt gennemgående beskyttelsesfaktor i arbejdet med at mindske social ulighed i sundhed.',
      departments: ['culture_leisure', 'social'],
    },
    point(
      '3.1',
      'At skabe gode rammer, for at fællesskaber kan opstå og udfolde sig i både mere og mindre organiseret form',
      ['culture_leisure'],
    ),
    point(
      '3.2',
      'At have fokus på brobygning mellem offentlige aktører som eksempelvis skoler, plejehjem, sygehuse og civilsamfundets fællesskaber',
      ['culture_leisure', 'elderly', 'schools'],
    ),
    point(
      '3.3',
      'At sikre rammer og vilkår, som understøtter et smidigt og agilt samarbejde mellem frivillige kræfter og det offentlige',
      ['culture_leisure'],
    ),
    {
      code: '4',
      title:
        'Arbejd med at fremme sundhed og lighed indenfor og på tværs af sektorområder, og gør en forskel fra egen position',
      text: 'Social ulighed i sundhed kan ikke løses af sundhedsvæsenet alene. Måden, vi indretter alle dele af samfundet på, har konsekvenser for borgeres sundhed og trivsel. De strukturelle samfundsfaktorer, som skaber social ulighed i sundhed, er mulige at påvirke, men der er ikke én simpel løsning.',
      departments: ['health', 'planning_environment', 'employment'],
    },
    point(
      '4.1',
      'At der arbejdes med social ulighed i sundhed indenfor og på tværs af stat, regioner, kommuner, civilsamfund og industri',
      ['health'],
    ),
    point(
      '4.2',
      'At der investeres i effektive helhedsorienterede løsninger, der retter sig mod borgeres samlede behov og livssituationer',
      ['social', 'employment'],
    ),
    {
      code: '5',
      title: 'Styrk og udbred viden om virksomme indsatser, metoder og redskaber',
      text: 'Fremtidens forskning må i højere grad fokusere på udvikling og dokumentation af nye indsatser, metoder og redskaber til at mindske social ulighed i sundhed. Forskere, borgere og fagprofessionelle med kontakt til borgere bør inddrages aktivt i udvikling, afprøvning og implementering af indsatser.',
      departments: ['health'],
    },
    point(
      '5.1',
      'Forskning i sundhed og trivsel blandt unge i sårbare eller udsatte positioner, der hverken er tilknyttet uddannelse eller arbejdsmarked',
      ['employment', 'children_youth'],
    ),
    point('5.2', 'Forskning i mennesker i sårbare og udsatte positioner', ['social']),
    point(
      '5.3',
      'Forskning i psykiske sygdomme, hvordan de opstår, og hvordan de behandles og mestres',
      ['social', 'health'],
    ),
    point(
      '5.4',
      'Forskning i hvorfor der er social ulighed i risikofaktorer for sygdom, og hvordan denne ulighed kan mindskes',
      ['health'],
    ),
    {
      code: '6',
      title: 'Prioriter investeringer i forebyggende indsatser til børn og unge',
      text: 'Forskning viser, at der er størst potentiale for at forebygge social ulighed i sundhed i de tidlige leveår. Derfor bør der investeres massivt i den tidlige forebyggelse – både indsatser for alle børn og deres familier og målrettede indsatser for de mere sårbare eller udsatte børn og deres familier.',
      departments: ['children_youth', 'schools'],
    },
    point(
      '6.1',
      'At fastholde universel støtte og vejledning til spæd- og småbørnsfamilier og styrke de differentierede indsatser i svangeromsorgen og sundhedsplejen',
      ['children_youth'],
    ),
    point(
      '6.2',
      'At investere i sunde rammer og stimulerende udviklingsmiljøer for børn i dagtilbud og skolen med fokus på social træning, trivsel og læring',
      ['children_youth', 'schools'],
    ),
    point(
      '6.3',
      'At forebygge og håndtere højt skolefravær blandt børn i skolen med henblik på at iværksætte særlig indsats',
      ['schools'],
    ),
    point(
      '6.4',
      'At sikre ressourcer, kompetencer og kvalitet tilpasset børnenes behov i daginstitutioner og skoler i udsatte områder',
      ['children_youth', 'schools'],
    ),
    point(
      '6.5',
      'At støtte fritidslivet i at øge deltagelsesmuligheder for børn og unge i sårbare eller udsatte positioner',
      ['culture_leisure'],
    ),
    point(
      '6.6',
      'At styrke adgang til og kvalitet i praktikforløb på erhvervs- og ungdomsuddannelser',
      ['employment', 'schools'],
    ),
  ],
};
