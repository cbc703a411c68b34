/**
 * An admin's settings for the health conversation in their municipality: which instruments are
 * asked (new conversations only; one started keeps its own list), the matching weights, and the
 * frontline teams (held by staff/). Every change is audited in its own transaction.
 */
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import { audit } from '../platform/audit.store.ts';
import type { FieldProblem } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import { ARENAS } from '../catalog/index.ts';
import { assignTeam, createTeam, findTeam, frontlineWorkers, listTeams } from '../staff/index.ts';
import type { Worker } from './access.ts';
import {
  disabledInstruments,
  inTeam,
  loadWeightsJson,
  saveWeightsJson,
  setInstrumentsEnabled,
} from './conversation.store.ts';
import { parseNumber } from './flow.ts';
import { INSTRUMENTS } from './instruments/index.ts';
import { DEFAULT_MATCH_WEIGHTS, MatchWeights } from './matching.ts';

export const WEIGHT_KEYS = Object.keys(DEFAULT_MATCH_WEIGHTS) as (keyof MatchWeights)[];

/** The municipality's matching weights; the defaults when none are stored or they no longer parse. */
export async function weightsOf(tx: Queryable): Promise<MatchWeights> {
  const stored = await loadWeightsJson(tx);
  const parsed = stored === null ? null : MatchWeights.safeParse(stored);
  return parsed?.success ? parsed.data : DEFAULT_MATCH_WEIGHTS;
}

/** The settings page's state: instruments switched off, and the weights as the form shows them. */
export async function currentSettings(
  db: Db,
  w: Worker,
): Promise<{ off: Set<string>; weights: Record<string, string> }> {
  const { off, weights } = await inTeam(db, w.team, async (tx) => ({
    off: await disabledInstruments(tx),
    weights: await weightsOf(tx),
  }));
  return {
    off,
    weights: Object.fromEntries(WEIGHT_KEYS.map((k) => [k, String(weights[k]).replace('.', ',')])),
  };
}

/** Switches on exactly the known instruments among `ids`; the others off. */
export async function saveInstruments(db: Db, w: Worker, ids: readonly string[]): Promise<void> {
  const on = new Set(ids.filter((x) => INSTRUMENTS.some((i) => i.id === x)));
  await inTeam(db, w.team, async (tx) => {
    await setInstrumentsEnabled(tx, w.team.kommune, on, w.team.id);
    await audit(tx, w.actor, {
      action: 'update',
      entity: 'instrument_setting',
      entityId: w.team.kommune,
      summary: `${on.size} of ${INSTRUMENTS.length} instruments on`,
    });
  });
}

/**
 * Saves the weights as typed (Danish or English decimals, 0–10; the priority weight must stay
 * the largest, MatchWeights says how). The problems when they are not saved.
 */
export async function saveWeights(
  db: Db,
  w: Worker,
  values: Record<string, string>,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const numbers: Record<string, number> = {};
  for (const k of WEIGHT_KEYS) {
    const n = parseNumber(values[k] ?? '');
    if (n === null || n < 0 || n > 10)
      problems.push({ path: k, message: 'conversationSettings.error.weight' });
    else numbers[k] = n;
  }
  const parsed = problems.length ? null : MatchWeights.safeParse(numbers);
  if (parsed && !parsed.success)
    problems.push({ path: 'priority', message: 'conversationSettings.error.priority' });
  if (!parsed?.success) return problems;
  await inTeam(db, w.team, async (tx) => {
    await saveWeightsJson(tx, w.team.kommune, parsed.data, w.team.id);
    await audit(tx, w.actor, {
      action: 'update',
      entity: 'matching_setting',
      entityId: w.team.kommune,
      summary: 'matching weights saved',
    });
  });
  return [];
}

// ---- teams ------------------------------------------------------------------------------------

/** The municipality's teams with their members, and the frontline workers to place in them. */
export async function teamsOverview(db: Db, w: Worker) {
  return inTenant(db, w.team.kommune, async (tx) => ({
    teams: await listTeams(tx),
    workers: await frontlineWorkers(tx),
  }));
}

/** Creates a team; the problems when the name or arena is wrong or the name is taken. */
export async function newTeam(
  db: Db,
  w: Worker,
  name: string,
  arena: string,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (name.length < 2)
    problems.push({ path: 'name', message: 'conversationSettings.error.teamName' });
  if (!(ARENAS as readonly string[]).includes(arena))
    problems.push({ path: 'arena', message: 'conversation.error.option' });
  if (problems.length) return problems;
  const id = await inTenant(db, w.team.kommune, async (tx) => {
    const id = await createTeam(tx, w.team.kommune, name, arena);
    if (id)
      await audit(tx, w.actor, {
        action: 'create',
        entity: 'team',
        entityId: id,
        summary: 'team created',
      });
    return id;
  });
  return id ? [] : [{ path: 'name', message: 'conversationSettings.error.teamExists' }];
}

/** Moves a frontline worker to a team, or out of all teams (`team` empty); false if either is unknown. */
export async function moveWorker(
  db: Db,
  w: Worker,
  worker: string,
  team: string,
): Promise<boolean> {
  if (!isUuid(worker) || !(team === '' || isUuid(team))) return false;
  return inTenant(db, w.team.kommune, async (tx) => {
    if (team && !(await findTeam(tx, team))) return false;
    const done = await assignTeam(tx, worker, team || null);
    if (done)
      await audit(tx, w.actor, {
        action: 'update',
        entity: 'staff_user',
        entityId: worker,
        summary: team ? `moved to team ${team}` : 'taken out of its team',
      });
    return done;
  });
}
