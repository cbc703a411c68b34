/**
 * The health conversation's use cases: list, start, the steps, the profile with its support
 * level, print and deletion on request. Each opens the team's transaction (`inTeam`: row-level
 * security by team, decision 0008), works through the stores and pure rules, and audits every
 * read and write of a conversation in that transaction, with no personal data in the summary.
 * Offers and sign-up are in offers.service.ts.
 */
import type { Db, Queryable } from '../db/db.ts';
import { audit, type AuditAction } from '../platform/audit.store.ts';
import { LighedError, notFound, type FieldProblem } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import { isUiLanguage, type UiLanguage } from '../web/languages.ts';
import {
  ARENAS,
  reachProblems,
  readReachAnswers,
  recordReachAnswers,
  type Arena,
} from '../catalog/index.ts';
import { findTeam } from '../staff/index.ts';
import type { Worker } from './access.ts';
import {
  createConversation,
  deleteConversation,
  disabledInstruments,
  enabledInstruments,
  getConversation,
  inTeam,
  listConversations,
  saveAnswers,
  savedOffers,
  setSupportOverride,
  type Conversation,
  type NewConversation,
  type SavedOffer,
} from './conversation.store.ts';
import { instrumentsOf, profileOf, supportOf } from './derived.ts';
import { availableSets, GENERAL_SET_ID, setById, type InstrumentSet } from './instruments/sets.ts';
import { applyStep, readStep, revealsMore, visibleItems } from './flow.ts';
import type { Answers, Instrument, Item } from './instrument.ts';
import { nextMove, type Destination, type Go } from './navigation.ts';
import {
  overrideSupport,
  SUPPORT_LEVELS,
  type Profile,
  type SupportDecision,
  type SupportLevel,
} from './profile.ts';

type Body = Record<string, unknown>;

/** An audit row about one conversation. */
export const logConversation = (
  tx: Queryable,
  w: Worker,
  action: AuditAction,
  id: string,
  summary: string,
) => audit(tx, w.actor, { action, entity: 'conversation', entityId: id, summary });

/** Runs `fn` on the conversation within the team's transaction; unknown or not visible = 404. */
export async function withConversation<T>(
  db: Db,
  w: Worker,
  id: string,
  fn: (tx: Queryable, c: Conversation) => Promise<T>,
): Promise<T> {
  if (!isUuid(id)) throw notFound('Conversation');
  return inTeam(db, w.team, async (tx) => {
    const c = await getConversation(tx, id);
    if (!c) throw notFound('Conversation');
    return fn(tx, c);
  });
}

// ---- list and start -------------------------------------------------------------------------

/** The team's conversations (all of the municipality's for an admin); the list shows names, so each is audited as read. */
export async function listForTeam(db: Db, w: Worker) {
  return inTeam(db, w.team, async (tx) => {
    const rows = await listConversations(tx);
    await audit(
      tx,
      w.actor,
      rows.map((r) => ({
        action: 'read' as const,
        entity: 'conversation',
        entityId: r.id,
        summary: 'listed',
      })),
    );
    const name = w.team.team_id ? (await findTeam(tx, w.team.team_id))?.name : null;
    return { rows, teamName: w.team.role === 'admin' ? null : (name ?? null) };
  });
}

const isArena = (a: string | undefined): a is Arena =>
  a !== undefined && (ARENAS as readonly string[]).includes(a);

/** Where the worker's team meets citizens: the start form's default arena. */
export async function teamArena(db: Db, w: Worker): Promise<Arena> {
  return inTeam(db, w.team, async (tx) => {
    const arena = w.team.team_id ? (await findTeam(tx, w.team.team_id))?.arena : undefined;
    return isArena(arena) ? arena : 'job_centre';
  });
}

/** The instrument sets a worker may start: those with an instrument the municipality asks. */
export async function startableSets(db: Db, w: Worker): Promise<InstrumentSet[]> {
  return inTeam(db, w.team, async (tx) => availableSets(await disabledInstruments(tx)));
}

/**
 * Starts a conversation with the instruments of one set (instruments/sets.ts, the general one
 * unless named) that the municipality has switched on; returns its id.
 */
export async function startConversation(
  db: Db,
  w: Worker,
  input: Omit<NewConversation, 'instruments'>,
  setId: string = GENERAL_SET_ID,
): Promise<string> {
  const set = setById(setId);
  if (!set) throw new LighedError('LIGHED_ERR_VALIDATION', `Unknown instrument set ${setId}`);
  return inTeam(db, w.team, async (tx) => {
    if (!availableSets(await disabledInstruments(tx)).some((s) => s.id === set.id))
      throw new LighedError('LIGHED_ERR_CONFLICT', `The instrument set ${set.id} is switched off`);
    const instruments = (await enabledInstruments(tx, set)).map((i) => i.id);
    if (instruments.length === 0)
      throw new LighedError('LIGHED_ERR_CONFLICT', 'All instruments are switched off');
    const id = await createConversation(tx, w.team, { ...input, instruments });
    await logConversation(
      tx,
      w,
      'create',
      id,
      input.anonymous ? 'started an anonymous conversation' : 'started a conversation with consent',
    );
    return id;
  });
}

// ---- the steps ------------------------------------------------------------------------------

/** What one step's page shows. */
export interface StepScreen {
  conversation: Conversation;
  step: number;
  steps: number;
  instrument: Instrument;
  items: Item[];
  more: boolean;
  answers: Answers;
  raw: Record<string, string>;
  problems: FieldProblem[];
}

/** The step's instrument; a step outside the conversation's instruments is not found. */
function stepOf(c: Conversation, param: string) {
  const n = Number(param);
  const instruments = instrumentsOf(c);
  if (!Number.isInteger(n) || n < 1 || n > instruments.length) throw notFound('Step');
  return { n, instrument: instruments[n - 1]!, steps: instruments.length };
}

function stepScreen(
  c: Conversation,
  param: string,
  extra: { raw?: Record<string, string>; problems?: FieldProblem[]; answers?: Answers } = {},
): StepScreen {
  const { n, instrument, steps } = stepOf(c, param);
  const view = visibleItems(instrument, c.answers[instrument.id] ?? {});
  return {
    conversation: c,
    step: n,
    steps,
    instrument,
    items: view.items,
    more: view.more,
    answers: extra.answers ?? c.answers[instrument.id] ?? {},
    raw: extra.raw ?? {},
    problems: extra.problems ?? [],
  };
}

export async function openStep(db: Db, w: Worker, id: string, step: string): Promise<StepScreen> {
  const c = await withConversation(db, w, id, async (tx, c) => {
    const { n } = stepOf(c, step);
    await logConversation(tx, w, 'read', c.id, `opened step ${n}`);
    return c;
  });
  return stepScreen(c, step);
}

/**
 * Saves a posted step and says where the form goes next (navigation.ts); a step with problems
 * is shown again with what was typed, and nothing is saved.
 */
export async function saveStep(
  db: Db,
  w: Worker,
  id: string,
  step: string,
  body: Body,
  go: Go,
): Promise<
  { kind: 'invalid'; screen: StepScreen } | { kind: 'saved'; id: string; destination: Destination }
> {
  const outcome = await withConversation(db, w, id, async (tx, c) => {
    const { n, instrument, steps } = stepOf(c, step);
    const previous = c.answers[instrument.id] ?? {};
    const shown = visibleItems(instrument, previous).items;
    const { answers: posted, problems: stepProblems, raw } = readStep(shown, body);
    // The last step of an unfinished conversation asks the anonymous reach questions too.
    const reach = n === steps && c.status !== 'finished' ? readReachAnswers(body) : null;
    const problems = [...stepProblems, ...(reach && go !== 'back' ? reachProblems(reach) : [])];
    if (problems.length) {
      await logConversation(
        tx,
        w,
        'read',
        c.id,
        `step ${n} shown again with ${problems.length} problems`,
      );
      return { kind: 'invalid' as const, c, raw, problems, answers: { ...previous, ...posted } };
    }
    const next = applyStep(instrument, previous, shown, posted);
    const move = nextMove({
      go,
      step: n,
      steps,
      status: c.status,
      revealsMore: revealsMore(instrument, shown, next),
    });
    await saveAnswers(tx, c.id, instrument.id, next, move.step, move.status);
    if (reach && move.status === 'finished')
      await recordReachAnswers(
        tx,
        w.team.kommune,
        { offerId: null, context: 'conversation' },
        reach,
      );
    const status = move.status;
    await logConversation(
      tx,
      w,
      'update',
      c.id,
      `saved step ${n} (${instrument.id})${status === 'paused' ? ', paused' : status === 'finished' && n === steps ? ', finished' : ''}`,
    );
    return { kind: 'saved' as const, id: c.id, destination: move.destination };
  });
  if (outcome.kind === 'saved') return outcome;
  return { kind: 'invalid', screen: stepScreen(outcome.c, step, outcome) };
}

// ---- profile and support level ----------------------------------------------------------------

/** What the profile page shows. */
export interface ProfileScreen {
  conversation: Conversation;
  profile: Profile;
  support: SupportDecision;
  saved: SavedOffer[];
}

function profileScreen(c: Conversation, saved: ProfileScreen['saved']): ProfileScreen {
  const profile = profileOf(c);
  return { conversation: c, profile, support: supportOf(c, profile), saved };
}

export async function viewProfile(db: Db, w: Worker, id: string): Promise<ProfileScreen> {
  const { c, saved } = await withConversation(db, w, id, async (tx, c) => {
    await logConversation(tx, w, 'read', c.id, 'viewed profile');
    return { c, saved: await savedOffers(tx, c.id) };
  });
  return profileScreen(c, saved);
}

/**
 * The worker overrides the computed support level, with a note (an empty level goes back to
 * the computed one). Null when saved; otherwise the profile to show again with the problems.
 */
export async function overrideSupportLevel(
  db: Db,
  w: Worker,
  id: string,
  level: string,
  note: string,
): Promise<(ProfileScreen & { problems: FieldProblem[] }) | null> {
  return withConversation(db, w, id, async (tx, c) => {
    const profile = profileOf(c);
    if (level === '') {
      await setSupportOverride(tx, c.id, null, null);
      await logConversation(tx, w, 'update', c.id, 'support level back to the computed one');
      return null;
    }
    const problems: FieldProblem[] = [];
    if (!(SUPPORT_LEVELS as readonly string[]).includes(level))
      problems.push({ path: 'level', message: 'conversation.error.option' });
    const o = problems.length
      ? null
      : overrideSupport(profile.support, level as SupportLevel, note);
    if (o && !o.ok) problems.push({ path: 'note', message: 'conversation.error.overrideNote' });
    if (problems.length || !o?.ok) {
      await logConversation(
        tx,
        w,
        'read',
        c.id,
        'profile shown again: the support level was not changed',
      );
      return { ...profileScreen(c, await savedOffers(tx, c.id)), problems };
    }
    await setSupportOverride(tx, c.id, o.value.level, o.value.override!.note);
    await logConversation(tx, w, 'update', c.id, 'support level overridden, with a note');
    return null;
  });
}

// ---- print and PDF ----------------------------------------------------------------------------

/** The profile to print or export, in the asked language (`sprog`) or the citizen's. */
export async function printableProfile(
  db: Db,
  w: Worker,
  id: string,
  sprog: string | undefined,
  action: 'read' | 'export',
): Promise<ProfileScreen & { lang: UiLanguage }> {
  return withConversation(db, w, id, async (tx, c) => {
    const lang = isUiLanguage(sprog) ? sprog : c.language;
    await logConversation(
      tx,
      w,
      action,
      c.id,
      `${action === 'export' ? 'PDF' : 'printable'} profile in ${lang}`,
    );
    return { ...profileScreen(c, await savedOffers(tx, c.id)), lang };
  });
}

// ---- deletion on request ----------------------------------------------------------------------

export async function openDeletion(db: Db, w: Worker, id: string): Promise<Conversation> {
  return withConversation(db, w, id, async (tx, c) => {
    await logConversation(tx, w, 'read', c.id, 'opened deletion');
    return c;
  });
}

export async function deleteOnRequest(db: Db, w: Worker, id: string): Promise<void> {
  await withConversation(db, w, id, async (tx, c) => {
    await deleteConversation(tx, c.id);
    await logConversation(tx, w, 'delete', c.id, 'deleted on request');
  });
}
