/**
 * The assessment's demo (synthetic): one equity impact assessment for Roskilde, "Lukning af
 * Sundhedscaféen i Musicon", a budget proposal of the kind the method is meant for (a closure
 * that lengthens the way to help). It is screened (a full assessment), its matrix covers four
 * groups across three of Dahlgren and Whitehead's layers with evidence quoting the monitor's
 * own latest figures, its mitigations point to the planning demo's interventions, one indicator
 * follows the planning demo's smoking goal, and it is out for consultation ("i høring").
 *
 * It goes through the service's own use cases, so the history and the audit log read as if a
 * planner had done it. Needs the demo catalog, the survey and the planning demo first.
 * Idempotent: does nothing when the municipality already has an assessment.
 */
import { inTenant, type Db } from '../db/db.ts';
import { indicatorSeries, listIndicators, type SeriesRow } from '../monitor/index.ts';
import { listGoals, listInterventions } from '../planning/index.ts';
import { addMonths, type CellForm } from './assessment.ts';
import {
  addAction,
  addComment,
  addIndicator,
  assessmentView,
  createAssessment,
  danishDate,
  listAssessments,
  saveCells,
  saveConclusion,
  saveScope,
  saveScreening,
  setState,
  type AssessmentActor,
} from './assessment.service.ts';
import * as store from './assessment.store.ts';
import { demoOwner } from './demo.seed.store.ts';
import type { Confidence, Impact, Layer } from './template.ts';

export const DEMO_ASSESSMENT_TITLE = 'Lukning af Sundhedscaféen i Musicon';

const pct = (v: number) =>
  new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);

/**
 * The monitor's latest wave of one indicator along one dimension in the area, as a sentence the
 * evidence can quote ("Ryger dagligt, 2025: Grundskole 28,7 %, …"); hidden groups are left out,
 * and without figures the sentence is empty, so the evidence never invents a number.
 */
export function figureSentence(label: string, rows: readonly SeriesRow[]): string {
  const year = Math.max(...rows.map((r) => r.year));
  const shown = rows.filter(
    (r) => r.year === year && r.group !== null && !r.suppressed && r.value !== null,
  );
  if (shown.length === 0) return '';
  const parts = shown.map((r) => `${r.groupLabel ?? r.group} ${pct(r.value!)} %`);
  return `${label}, ${year}: ${parts.join(', ')} (monitorens tal for området).`;
}

async function figures(db: Db, kommune: string, indicator: string, dimension: string) {
  const info = (await listIndicators(db, kommune)).find((i) => i.key === indicator);
  if (!info) return '';
  const rows = await indicatorSeries(db, { kommune, indicator, dimension, area: kommune });
  return rows.length ? figureSentence(info.label.da, rows) : '';
}

const cell = (
  group: string,
  layer: Layer,
  impact: Impact,
  confidence: Confidence,
  ...evidence: string[]
): CellForm => ({
  group,
  layer,
  impact,
  confidence,
  evidence: evidence.filter(Boolean).join(' '),
});

/** Seeds once; returns the assessment's id, or null when there was one already (or no owner). */
export async function seedAssessmentDemo(
  db: Db,
  kommune: string,
  now: Date = new Date(),
): Promise<string | null> {
  const owner = await inTenant(db, kommune, demoOwner);
  if (!owner) return null;
  const actor: AssessmentActor = { staff: owner, requestId: 'demo' };
  if ((await listAssessments(db, actor)).length > 0) return null;

  // The committee decides in two months: the consultation runs until then.
  const decisionDate = addMonths(danishDate(now), 2);
  const created = await createAssessment(db, actor, {
    title: DEMO_ASSESSMENT_TITLE,
    proposalType: 'budget',
    department: 'health',
    description:
      'Sundhedscaféen i Musicon er åben tre eftermiddage om ugen med rygestop, blodtryksmåling, ' +
      'en snak med en sygeplejerske og kaffe uden tidsbestilling. Budgetforslaget lukker caféen ' +
      'og samler tilbuddene i Sundhedscenteret i midtbyen (besparelse 0,9 mio. kr. om året).',
    decision: 'Sundheds- og Omsorgsudvalget beslutter, om caféen lukker fra 1. januar.',
    decisionDate,
    objective:
      'At bruge færre penge på lokaler uden at færre fra boligområderne ved Musicon får hjælp.',
    area: kommune,
  });
  if (!created.ok) throw new Error(`Demo assessment refused: ${JSON.stringify(created.problems)}`);
  const id = created.id;
  const version = async () => (await assessmentView(db, actor, id, now)).version;
  const must = (r: { ok: boolean }, step: string) => {
    if (!r.ok) throw new Error(`Demo assessment: the ${step} step was refused`);
  };

  // A closure hits those already worse off (decisive), and it is a cut: a full assessment.
  must(
    await saveScreening(
      db,
      actor,
      id,
      {
        disadvantaged: 'yes',
        cuts: 'yes',
        uneven: 'no',
        many: 'no',
        access: 'yes',
        surroundings: 'no',
        work: 'no',
        community: 'yes',
        habits: 'yes',
        concerns: 'yes',
      },
      await version(),
    ),
    'screening',
  );
  const groups = ['education', 'labour', 'origin', 'living_alone'];
  const layers: Layer[] = ['lifestyle', 'networks', 'conditions'];
  must(await saveScope(db, actor, id, groups, layers, await version()), 'scope');

  const [smoking, inactive, lonely, smokingByOrigin] = await Promise.all([
    figures(db, kommune, 'dagligryger', 'uddannelse'),
    figures(db, kommune, 'fysisk_inaktiv', 'arbejdsmarked'),
    figures(db, kommune, 'ensom', 'samliv'),
    figures(db, kommune, 'dagligryger', 'herkomst'),
  ]);
  const cells: CellForm[] = [
    cell(
      'education',
      'lifestyle',
      'negative',
      'high',
      'Halvdelen af deltagerne i caféens rygestop har højst grundskole; hvis vejen bliver længere, falder flere fra.',
      smoking,
    ),
    cell(
      'education',
      'conditions',
      'negative',
      'medium',
      'Sundhedscenteret ligger 25 minutter væk med bus 202A; caféen ligger i gåafstand fra Hedeboparken.',
    ),
    cell(
      'labour',
      'lifestyle',
      'negative',
      'medium',
      'Ledige og borgere på kontanthjælp kommer i caféen efter jobcentrets forløb.',
      inactive,
    ),
    cell(
      'labour',
      'networks',
      'uncertain',
      'low',
      'Vi ved ikke, om jobcentrets hold kan overtage caféens rolle som mødested.',
    ),
    cell(
      'origin',
      'conditions',
      'negative',
      'medium',
      'Caféen har frivillige, der taler arabisk og somali; Sundhedscenteret bruger tolk efter aftale.',
      smokingByOrigin,
    ),
    cell(
      'origin',
      'networks',
      'uncertain',
      'low',
      'Kvindegruppen mødes i caféen; det er uklart, om den flytter med.',
    ),
    cell(
      'living_alone',
      'networks',
      'negative',
      'medium',
      'Mange af eftermiddagens gæster bor alene og kommer for kaffen og selskabet.',
      lonely,
    ),
    cell(
      'living_alone',
      'conditions',
      'uncertain',
      'low',
      'Hjemmeplejen kan tilbyde blodtryksmåling hjemme, men ikke samtalen i caféen.',
    ),
  ];
  must(await saveCells(db, actor, id, cells, await version()), 'matrix');

  // Mitigations, each tied to an intervention of the planning demo when it is there.
  const interventions = await listInterventions(db, kommune);
  const actions: {
    group: string | null;
    kind: 'mitigate' | 'amplify';
    text: string;
    to: string;
  }[] = [
    {
      group: 'education',
      kind: 'mitigate',
      text: 'Rygestop flytter til Beboerhuset Æblehaven, så holdene stadig er i gåafstand.',
      to: 'Rygestop i Æblehaven',
    },
    {
      group: 'origin',
      kind: 'mitigate',
      text: 'Gratis tolk ved alle samtaler i Sundhedscenteret, uden at borgeren skal bede om det.',
      to: 'Tolk til kommunens sundhedstilbud',
    },
    {
      group: 'living_alone',
      kind: 'mitigate',
      text: 'Gåfællesskaberne i boligområderne slutter med kaffe i Fælleshuset Hedeboparken.',
      to: 'Gåfællesskaber i boligområderne',
    },
    {
      group: 'labour',
      kind: 'mitigate',
      text: 'Morgenmotion for ledige får en fast sygeplejerske en gang om måneden.',
      to: 'Morgenmotion for ledige',
    },
    {
      group: null,
      kind: 'amplify',
      text: 'Stier og lys mellem Hedeboparken og Musicon gør vejen til bussen kortere og tryggere.',
      to: 'Stier og lys mellem Hedeboparken og Musicon',
    },
  ];
  for (const a of actions)
    must(
      await addAction(
        db,
        actor,
        id,
        { kind: a.kind, text: a.text, group: a.group ?? '' },
        await version(),
      ),
      'action',
    );
  const added = (await assessmentView(db, actor, id, now)).actions;
  await inTenant(db, kommune, async (q) => {
    for (const a of actions) {
      const action = added.find((x) => x.text === a.text);
      const intervention = interventions.find((i) => i.name === a.to);
      if (!action || !intervention) continue;
      await store.linkIntervention(q, action.id, intervention.id);
      await store.insertHistory(q, kommune, id, owner, 'intervention', a.text);
    }
  });

  // Followed by daily smoking along education, the planning demo's goal for grundskole.
  must(
    await addIndicator(
      db,
      actor,
      id,
      {
        indicator: 'dagligryger',
        dimension: 'uddannelse',
        description: 'Følges i hver bølge; lukningen må ikke bremse målet for grundskole.',
      },
      await version(),
    ),
    'indicator',
  );
  const goal = (await listGoals(db, kommune)).find(
    (g) => g.kind === 'level' && g.indicator === 'dagligryger' && g.dimension === 'uddannelse',
  );
  const indicator = (await assessmentView(db, actor, id, now)).indicators[0];
  if (goal && indicator)
    await inTenant(db, kommune, async (q) => {
      await store.linkGoal(q, indicator.id, goal.id);
      await store.insertHistory(q, kommune, id, owner, 'goal', 'dagligryger');
    });

  must(
    await saveConclusion(
      db,
      actor,
      id,
      {
        conclusion:
          'Lukningen rammer skævt: borgere med kort uddannelse, ledige, etniske minoriteter og ' +
          'borgere, der bor alene, får længere til hjælp. Med de fire afbødende tiltag kan ' +
          'besparelsen gennemføres, hvis rygestop og tolk er på plads, før caféen lukker.',
        reviewDate: addMonths(decisionDate, 9),
      },
      await version(),
    ),
    'conclusion',
  );
  must(
    await addComment(
      db,
      actor,
      id,
      'Ældrerådet og Boligsocial helhedsplan Musicon er hørt; svar senest fredag.',
    ),
    'comment',
  );
  must(await setState(db, actor, id, 'consultation', await version(), now), 'state');
  return id;
}
