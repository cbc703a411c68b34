/**
 * KL's health paper for municipal politicians: 4 bearings (pejlemærker), each with headed groups
 * of recommendations to the municipal council (the points here). KL's recommendations to the
 * government and parliament are left out: they are not the council's to carry out.
 */
import type { Framework } from './framework.ts';

export const KL_PEJLEMAERKER: Framework = {
  key: 'kl_pejlemaerker',
  name: 'KL’s sundhedsudspil: fire pejlemærker',
  publisher: 'KL – Kommunernes Landsforening',
  year: 2024,
  source: 'kl-sundhedsudspil-pejlemaerker.txt',
  items: [
    {
      code: '1',
      title: 'Prioriter sunde rammer for et bæredygtigt samfund',
      text: 'Gennem sundhedsfremme og forebyggelse er kommunerne med til at skabe rammerne for, at så mange som muligt trives hele livet både fysisk og mentalt.',
      departments: ['health'],
    },
    {
      code: '1.1',
      title: 'Tag ansvar for sundhedsfremme og forebyggelse',
      text: 'Bruger forebyggelse aktivt som en del af løsningen på udfordringer i fremtidens velfærdssamfund. Sikrer, at alle fagområder arbejder sundhedsfremmende i kommunens institutioner, i borgerens møde med medarbejderne og i fysiske miljøer. Går i dialog med andre samfundsaktører om deres ansvar for forebyggelsen.',
      departments: ['health'],
    },
    {
      code: '1.2',
      title: 'Prioriter rammer før tilbud',
      text: 'Er modige og tør prioritere sunde rammer i egen kommune. Kritisk vurderer, om forebyggelsestilbud uden tilstrækkeligt borger- eller vidensgrundlag skal fortsætte.',
      departments: ['health', 'planning_environment'],
    },
    {
      code: '1.3',
      title: 'Fokuser på det vigtigste',
      text: 'Prioriterer forebyggelse af risikofaktorer og sygdomme med størst sygdomsbyrde; tobak, alkohol, fysisk inaktivitet og usund kost samt svær overvægt, muskel-skeletlidelser og mental sundhed. Indfører tobak- og nikotinfri arbejdspladser for kommunens medarbejdere. Bruger data og den bedste viden til at styrke kvaliteten i forebyggelsesindsatsen samt bidrager til at skabe ny viden og dele erfaringer.',
      departments: ['health'],
    },
    {
      code: '2',
      title: 'Styrk fællesskaber for mere trivsel og sammenhængskraft',
      text: 'Fællesskaber er afgørende for menneskers trivsel og mentale sundhed og for sammenhængskraften i samfundet. Kommunerne kan bidrage til at styrke fællesskaber og deltagelsesmuligheder lokalt, i foreninger og på arbejdspladser.',
      departments: ['culture_leisure'],
    },
    {
      code: '2.1',
      title: 'Søg løsninger i samarbejde med civilsamfund og erhvervsliv',
      text: 'Laver fleksible rammer for lokale fællesskaber og frivilligheden og fjerner mulige barrierer for civilt engagement. Er aktivt opsøgende i dialogen med civilsamfund og erhvervsliv om, hvad der kan løftes i fællesskab og hvordan.',
      departments: ['culture_leisure'],
    },
    {
      code: '2.2',
      title: 'Skab rammer for lokal deltagelse',
      text: 'Skaber incitamenter for, at foreninger og organisationer styrker indsatsen for at få flere til at deltage i fællesskaber. Insisterer på åbne og meningsfulde fællesskaber i kommunale institutioner og tilbud. Prioriterer fysiske rammer og plan- og boligpolitikker, der fremmer sundhed og gode fællesskaber.',
      departments: ['culture_leisure', 'planning_environment'],
    },
    {
      code: '2.3',
      title: 'Bidrag til deltagelsesmuligheder på arbejdsmarkedet',
      text: 'Som arbejdsgiver fortsat har stort fokus på trivsel, arbejdsmiljø og sygefravær. Går forrest i at tilbyde rummelige og fleksible arbejdspladser og jobmuligheder. Samarbejder med lokale virksomheder, så det gøres mere attraktivt at tilbyde fleksible arbejdspladser.',
      departments: ['employment'],
    },
    {
      code: '3',
      title: 'Invester i børn og unge, de er fremtidens generationer',
      text: 'For at sikre fremtidens velfærdssamfund skal vi investere i, at vores børn og unge vokser op under betingelser, der styrker deres trivsel, sundhed og udvikling.',
      departments: ['children_youth', 'schools'],
    },
    {
      code: '3.1',
      title: 'Styrk de almene børnefællesskaber i dagtilbud, skole og fritidsliv',
      text: 'Inddragelse af sundhedspleje og tandpleje i samarbejdet på tværs af børneområdet. Brug af specialiserede kompetencer direkte i praksis til at styrke trivsel og sundhed i dagtilbud og skole. Samarbejde med fritids- og foreningslivet for, at alle børn bliver en del af fællesskaberne.',
      departments: ['children_youth', 'schools'],
    },
    {
      code: '3.2',
      title: 'Tag ansvar for en sund kultur omkring børnene',
      text: 'At mobiltelefon og andre skærme kun bliver brugt som del af pædagogiske aktiviteter eller undervisningen. At sætte rammer for en sund måltidskultur, og hvad børnene må spise i institution og skole. At sikre, at børnene hver dag får pulsen op og oplever glæde ved at bruge kroppen.',
      departments: ['children_youth', 'schools'],
    },
    {
      code: '3.3',
      title: 'Beskyt børn og unge mod tobak, nikotin, alkohol og andre rusmidler',
      text: 'Håndhæver røg- og nikotinfri skoletid. Indfører forbud mod alkohol på skolens arealer – også for voksne. Henstiller til røg- og nikotinfri udearealer på kommunens områder, hvor børn og unge færdes. Samarbejder med lokale ungdomsuddannelser om stop for nikotinprodukter og understøtter en hensigtsmæssig festkultur samt forebyggelse af brug af stoffer.',
      departments: ['schools', 'children_youth'],
    },
    {
      code: '3.4',
      title: 'Hjælp alle børn og unge godt på vej i uddannelse og job',
      text: 'Sikrer rammer, så skolerne kan følge hurtigt op på mistrivsel, sygdom og fravær blandt eleverne. Sikrer en proaktiv tilgang til unge, som har udviklet et problematisk forbrug af hash eller andre rusmidler. Sammen med lokale ungdomsuddannelser sikrer fleksibilitet i indsatser og uddannelse for unge i mistrivsel.',
      departments: ['schools', 'employment'],
    },
    {
      code: '4',
      title: 'Differentiér for at skabe mere lighed i sundhed',
      text: 'For at skabe mere lighed er der behov for at sikre sunde rammer for alle og i nogle tilfælde gøre forskel ved, at nogle får mere end andre.',
      departments: ['health', 'social'],
    },
    {
      code: '4.1',
      title: 'Vær tydelig om, at sunde rammer ’rammer’ alle',
      text: 'Gør det tydeligt på tværs af forvaltninger, at sunde rammer for alle også bidrager til at skabe mere lighed i sundhed. Prioriter ekstra ressourcer til sunde rammer til grupper af borgere, institutioner og områder, hvor der er størst behov.',
      departments: ['health', 'planning_environment'],
    },
    {
      code: '4.2',
      title: 'Behandl borgerne forskelligt for at behandle ens',
      text: 'Differentierer de kommunale tilbud, så nogle grupper af borgere får mindre for at andre kan få den hjælp, de har brug for. Styrker samarbejdet med almen praksis og sygehus om henvisning af borgere i sårbare positioner til kommunale forebyggelsestilbud. Bruger digitale løsninger til at målrette forebyggelsestilbud til borgernes ressourcer og motivation. Bruger data bedre for at styrke kvalitet i de differentierede forebyggelsestilbud.',
      departments: ['health'],
    },
    {
      code: '4.3',
      title: 'Skru op for helhedsløsninger i det nære',
      text: 'Finder løsninger sammen med borgerne – baseret på borgerens motivation, relevante behov, ønsker og præferencer. Arbejder med lokale og udgående funktioner samt digitale løsninger for at bringe forebyggelsestilbuddene tæt på, hvor borgerne bor. Styrker rammer for sundheden for borgere i sårbare positioner og styrker indsatser tæt på hverdagslivet.',
      departments: ['health', 'social'],
    },
  ],
};
