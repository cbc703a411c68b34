/**
 * The demo's plan (issue 12): Roskilde's 8 recommendations adopted with states and dated notes,
 * and a dozen interventions across the departments, among them the structural ones the sources
 * name (smoke-free school hours, nicotine-free workplaces, alcohol-free school grounds), some
 * linked to the demo catalog's offers (by title; missing offers are skipped) and to the
 * recommendations they answer. One is published to every municipality. Written as the system
 * (no staff actor, so no audit rows). Idempotent: a municipality with interventions is left as
 * it is. The planning demo (demo.seed.ts) calls it.
 */
import { inTenant, type Db } from '../db/db.ts';
import { listOffersForStaff } from '../catalog/index.ts';
import { listDimensions } from '../monitor/index.ts';
import { ROSKILDE } from './frameworks/roskilde.ts';
import type { InterventionInput, TargetGroup } from './intervention.ts';
import {
  insertIntervention,
  interventionRows,
  replaceOffers,
  setPublished,
} from './intervention.store.ts';
import { adoptIn } from './recommendation.service.ts';
import type { RecommendationState } from './recommendation.ts';
import { insertLink, recommendationRows, updateRecommendation } from './recommendation.store.ts';

interface DemoIntervention extends InterventionInput {
  offers?: string[];
  answers: string[];
  published?: boolean;
}

/** Target groups: the risk factor among the least educated, when the monitor has the dimension. */
type Basic = (riskFactor: string) => TargetGroup[];

const interventions = (basic: Basic): DemoIntervention[] => [
  {
    name: 'Røgfri skoletid på alle folkeskoler',
    purpose:
      'Ingen elever eller ansatte ryger eller bruger nikotinprodukter i skoletiden, så færre unge begynder.',
    department: 'schools',
    type: 'structural',
    status: 'running',
    arenas: ['school'],
    targetGroups: [{ riskFactor: 'smoking' }],
    healthRoles: ['faglig_ressource', 'facilitator'],
    evidenceLevel: 'strong',
    evidenceSources:
      'Sundhedsstyrelsen: Unge og rygning. Inspirationskatalog (2016); Kræftens Bekæmpelse: Røgfri skoletid.',
    startDate: '2023-08-01',
    evaluation:
      'Skoleåret 2024/25: andelen af 9.-klasser, der ryger dagligt, faldt fra 6 % til 3 % (elevtrivselsmåling, alle skoler).',
    answers: ['7.2', '3.1'],
    published: true,
  },
  {
    name: 'Nikotinfri arbejdstid for kommunens medarbejdere',
    purpose:
      'Kommunen går foran som arbejdsplads: ingen nikotin i arbejdstiden, med hjælp til rygestop.',
    department: 'health',
    type: 'structural',
    status: 'planned',
    arenas: ['workplace'],
    targetGroups: [{ riskFactor: 'smoking' }],
    healthRoles: ['tilrettelaegger'],
    evidenceLevel: 'moderate',
    evidenceSources: 'KL: Sundhedsudspil, pejlemærke 1 (tobak- og nikotinfri arbejdspladser).',
    startDate: '2026-08-01',
    answers: ['7.1', '1.2'],
  },
  {
    name: 'Alkoholfri skolearealer – også for voksne',
    purpose:
      'Ingen alkohol på skolernes arealer, heller ikke ved fester og arrangementer for voksne.',
    department: 'schools',
    type: 'structural',
    status: 'planned',
    arenas: ['school'],
    targetGroups: [{ riskFactor: 'alcohol' }],
    healthRoles: ['faglig_ressource'],
    evidenceLevel: 'weak',
    evidenceSources: 'KL: Sundhedsudspil, pejlemærke 3.',
    answers: ['3.1'],
  },
  {
    name: 'Rygestop på hold i jobcentret',
    purpose: 'Rygestop for ledige, i jobcentrets lokaler og med gratis rygestopmedicin.',
    department: 'employment',
    type: 'group',
    status: 'running',
    arenas: ['job_centre'],
    targetGroups: basic('smoking'),
    offers: ['Rygestop på hold – onsdag formiddag', 'Rygestop med din egen rådgiver'],
    healthRoles: ['tilrettelaegger'],
    evidenceLevel: 'strong',
    evidenceSources: 'Sundhedsstyrelsen: Behandling af tobaksafhængighed (2011).',
    startDate: '2022-01-01',
    evaluation: '2025: 64 deltagere, 38 % røgfri efter 6 måneder.',
    answers: ['7.3', '2.2'],
  },
  {
    name: 'Rygestop i Æblehaven',
    purpose: 'Rygestop i beboerhuset, sammen med naboer og boligsociale medarbejdere.',
    department: 'health',
    type: 'group',
    status: 'planned',
    arenas: ['housing_area'],
    targetGroups: basic('smoking'),
    offers: ['Sundhedscafé i Æblehaven'],
    healthRoles: ['tilrettelaegger', 'facilitator'],
    evidenceLevel: 'moderate',
    startDate: '2026-09-01',
    answers: ['7.3', '3.2'],
  },
  {
    name: 'Gåfællesskaber i boligområderne',
    purpose: 'Faste gåture fra boligområderne, så flere kommer ud og får nogen at gå med.',
    department: 'culture_leisure',
    type: 'group',
    status: 'running',
    arenas: ['housing_area', 'association'],
    targetGroups: basic('physical_activity'),
    offers: ['Gåtur i Æblehaven', 'Gågruppe i Rønnebærparken', 'Gåfællesskab i Hedeboparken'],
    healthRoles: ['facilitator'],
    evidenceLevel: 'weak',
    evaluation: 'Ikke evalueret endnu.',
    answers: ['6.1', '3.2'],
  },
  {
    name: 'Motion for kvinder i Beboerhuset Æblehaven',
    purpose: 'Træning for kvinder med kvindelig instruktør og tolk, tæt på hjemmet.',
    department: 'health',
    type: 'group',
    status: 'running',
    arenas: ['housing_area'],
    targetGroups: [{ riskFactor: 'physical_activity' }],
    offers: ['Motion for kvinder i Beboerhuset Æblehaven'],
    healthRoles: ['tilrettelaegger'],
    evidenceLevel: 'weak',
    answers: ['8.3'],
  },
  {
    name: 'Familiestart – forældrestøtte fra graviditeten',
    purpose:
      'Sundhedsplejen og jordemoderen følger sårbare familier fra graviditeten og første år.',
    department: 'children_youth',
    type: 'individual',
    status: 'planned',
    arenas: ['own_home'],
    targetGroups: [{ riskFactor: 'family' }],
    offers: ['Babycafé i Æblehaven'],
    healthRoles: ['faglig_ressource', 'tilrettelaegger'],
    evidenceLevel: 'strong',
    evidenceSources: 'WHO (2016): Investing in early childhood development.',
    answers: ['5.2', '5.1'],
  },
  {
    name: 'Hverdagsbevægelse i ældreplejen',
    purpose: 'Bevægelse bygget ind i hjemmeplejens og plejecentrenes daglige rutiner.',
    department: 'elderly',
    type: 'structural',
    status: 'idea',
    arenas: ['own_home'],
    targetGroups: [{ riskFactor: 'physical_activity' }],
    healthRoles: ['faglig_ressource'],
    evidenceLevel: 'moderate',
    answers: ['7.4'],
  },
  {
    name: 'Stier og lys mellem Hedeboparken og Musicon',
    purpose: 'Trygge stier og lys, så flere går og cykler i hverdagen.',
    department: 'planning_environment',
    type: 'structural',
    status: 'planned',
    arenas: ['housing_area'],
    targetGroups: [{ riskFactor: 'physical_activity' }],
    healthRoles: ['faglig_ressource'],
    evidenceLevel: 'moderate',
    answers: ['7.4', '1.1'],
  },
  {
    name: 'Tolk til kommunens sundhedstilbud',
    purpose: 'Gratis tolk ved samtaler og forløb i kommunens sundhedstilbud.',
    department: 'health',
    type: 'individual',
    status: 'running',
    arenas: ['health_centre'],
    healthRoles: ['tilrettelaegger'],
    evidenceLevel: 'weak',
    answers: ['8.2', '4.2'],
  },
  {
    name: 'Morgenmotion for ledige',
    purpose: 'Træning og fællesskab om morgenen for ledige, med fokus på trivsel og smerter.',
    department: 'employment',
    type: 'group',
    status: 'running',
    arenas: ['job_centre'],
    targetGroups: basic('physical_activity'),
    offers: ['Morgenmotion – cirkeltræning i Idrætsparken'],
    healthRoles: ['facilitator'],
    evidenceLevel: 'moderate',
    evaluation: '2025: 112 deltagere; 70 % kom mindst halvdelen af gangene.',
    answers: ['2.2', '4.4'],
  },
  {
    name: 'Mentor med mening',
    purpose: 'En fast mentor for socialt udsatte borgere på tværs af sundhed, job og bolig.',
    department: 'social',
    type: 'individual',
    status: 'running',
    arenas: ['drop_in_centre'],
    healthRoles: ['facilitator'],
    evidenceLevel: 'weak',
    answers: ['4.3'],
  },
];

const STATES: Record<string, [RecommendationState, string | null]> = {
  '1': ['planned', 'Sundhed på dagsordenen i alle fagudvalg fra 2026.'],
  '2': ['under_way', 'Målrettede rygestophold i jobcentret og boligområderne.'],
  '3': ['under_way', null],
  '4': ['planned', null],
  '5': ['planned', 'Familiestart besluttet i budget 2026.'],
  '6': ['under_way', null],
  '7': ['under_way', 'Mål for rygning og fysisk aktivitet vedtaget i byrådet.'],
  '8': ['not_started', null],
};

export async function seedPlanningFrameworksDemo(db: Db, kommune: string): Promise<void> {
  const edu = (await listDimensions(db, kommune).catch(() => [])).find(
    (d) => d.key === 'uddannelse',
  );
  const basicCode = edu?.groups[0]?.code;
  const basic: Basic = (riskFactor) =>
    basicCode ? [{ dimension: 'uddannelse', group: basicCode, riskFactor }] : [{ riskFactor }];

  await inTenant(db, kommune, async (tx) => {
    if ((await interventionRows(tx, kommune, {})).length > 0) return;
    await adoptIn(tx, kommune, ROSKILDE, null);
    const recs = await recommendationRows(tx, kommune, { frameworkKey: ROSKILDE.key });
    const byCode = new Map(recs.map((r) => [r.code, r]));
    for (const [code, [state, note]] of Object.entries(STATES)) {
      const r = byCode.get(code);
      if (!r) continue;
      await updateRecommendation(
        tx,
        kommune,
        r.id,
        { state, note, noteDate: note ? '2026-01-15' : null, departments: r.departments },
        r.version,
      );
    }
    const offers = new Map(
      (await listOffersForStaff(tx, kommune, null)).map((o) => [o.title, o.id]),
    );
    for (const d of interventions(basic)) {
      const { offers: titles = [], answers, published, ...input } = d;
      const offerIds = d.type === 'structural' ? [] : titles.flatMap((t) => offers.get(t) ?? []);
      const id = await insertIntervention(tx, kommune, { ...input, offerIds }, { createdBy: null });
      await replaceOffers(tx, kommune, id, offerIds);
      for (const code of answers) {
        const r = byCode.get(code);
        if (r) await insertLink(tx, kommune, r.id, id);
      }
      if (published) await setPublished(tx, kommune, id, true, 1);
    }
  });
}
