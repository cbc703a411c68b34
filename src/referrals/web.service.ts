/**
 * What the staff pages ask of referrals: the form (offers to name, sending it), the lists
 * by role, and one action from a detail page's buttons, mapped onto the use cases in
 * referral.service.ts. Errors a person can fix come back as problems to show with the page;
 * a lost race comes back as 'stale' with the state that won.
 */
import type { Db } from '../db/db.ts';
import { LighedError, type FieldProblem } from '../platform/errors.ts';
import { audit, type AuditActor } from '../platform/audit.store.ts';
import type { StaffUser } from '../platform/principal.ts';
import { inTenant } from '../db/db.ts';
import { referralDraft, type ReferralDraft, type Worker } from '../conversation/index.ts';
import { validateCpr } from '../people/index.ts';
import { messagesAbout, type MessageRecord } from '../platform/mail/index.ts';
import {
  emptyReferralForm,
  isIsoDate,
  needsOf,
  readClosingNote,
  reasonOf,
  validateReferralForm,
  type ActionForm,
  type ReferralForm,
} from './referral.ts';
import {
  appointmentPlaceFor,
  bookAfklarendeSamtale,
  createReferral,
  forwardToProvider,
  getReferral,
  inReferralScope,
  listWithNames,
  markContacted,
  recordSession,
  ReferralError,
  referralOfConversation,
  setAppointment,
  transitionReferral,
  type ReferralActor,
  type ReferralView,
} from './referral.service.ts';
import {
  getSettings,
  referableOffers,
  saveSettings,
  teams,
  type ReferralSettings,
} from './referral.store.ts';
import type { ReferralStatus } from './state-machine.ts';

export type StaffActor = Extract<ReferralActor, { kind: 'staff' }>;

export const staffActor = (staff: StaffUser, requestId: string): StaffActor => ({
  kind: 'staff',
  staff,
  requestId,
});

export type OfferChoice = { id: string; title: string; organization_name: string };

/** The municipality's published offers a referral may name (no personal data). */
export async function offerChoices(db: Db, kommune: string): Promise<OfferChoice[]> {
  return inTenant(db, kommune, (tx) => referableOffers(tx));
}

export interface FormScreen {
  form: ReferralForm;
  offers: OfferChoice[];
  draft: ReferralDraft | null;
  /** The conversation is an afklarende samtale: refer that referral on instead of a new one. */
  attachedReferralId?: string;
}

/** The empty form, or a worker's form prefilled from a conversation's profile and chosen offers. */
export async function openReferralForm(
  db: Db,
  staff: StaffUser,
  worker: Worker | null,
  conversationId: string | undefined,
): Promise<FormScreen> {
  const offers = await offerChoices(db, staff.kommune);
  const form = emptyReferralForm();
  if (!worker || !conversationId) return { form, offers, draft: null };
  const attached = await referralOfConversation(
    db,
    staffActor(staff, worker.actor.requestId),
    conversationId,
  );
  if (attached) return { form, offers, draft: null, attachedReferralId: attached };
  const draft = await referralDraft(db, worker, conversationId);
  const first = draft.offers[0];
  return {
    offers,
    draft,
    form: {
      ...form,
      name: draft.citizenName,
      postcode: draft.postcode ?? '',
      preferredLanguage: draft.language,
      topics: draft.topics,
      requestedService: first ? 'offer' : 'afklarende_samtale',
      offerId: first?.id ?? '',
      needs: [
        ...(draft.interpreterNeeded ? (['interpreter'] as const) : []),
        ...(draft.handHeld ? (['handHeld'] as const) : []),
      ],
      interpreterLanguage: draft.interpreterNeeded ? draft.language : '',
    },
  };
}

export type SendResult =
  { ok: true; id: string } | { ok: false; problems: FieldProblem[]; offers: OfferChoice[] };

/** Sends the referrer's (or worker's) form: the form's checks, then createReferral's. */
export async function sendReferralForm(
  db: Db,
  actor: StaffActor,
  form: ReferralForm,
  opts: { now?: Date; conversationId?: string | undefined } = {},
): Promise<SendResult> {
  const offers = await offerChoices(db, actor.staff.kommune);
  const problems = validateReferralForm(form, new Set(offers.map((o) => o.id)));
  if (form.cpr !== '' && !validateCpr(form.cpr).ok)
    problems.splice(1, 0, { path: 'cpr', message: 'referral.error.cprInvalid' });
  if (problems.length) return { ok: false, problems, offers };
  const now = opts.now ?? new Date();
  try {
    const r = await createReferral(
      db,
      actor,
      {
        citizen: {
          name: form.name,
          ...(form.cpr ? { cpr: form.cpr } : {}),
          ...(form.birthDate ? { birthDate: form.birthDate } : {}),
          ...(form.phone ? { phone: form.phone } : {}),
          ...(form.email ? { email: form.email } : {}),
          ...(form.postcode ? { postcode: form.postcode } : {}),
          ...(form.address ? { address: form.address } : {}),
          preferredLanguage: form.preferredLanguage,
          interpreterNeeded: form.needs.includes('interpreter'),
          contactChannels: form.contactChannels,
        },
        requestedService: form.requestedService === 'offer' ? 'offer' : 'afklarende_samtale',
        offerId: form.requestedService === 'offer' ? form.offerId : undefined,
        reason: reasonOf(form),
        needs: needsOf(form),
        note: form.note,
        consentAt: now,
        fromConversationId: opts.conversationId,
      },
      { now },
    );
    return { ok: true, id: r.id };
  } catch (e) {
    if (e instanceof LighedError && e.code === 'LIGHED_ERR_VALIDATION' && e.problems.length)
      return {
        ok: false,
        offers,
        // people/ names its fields (cpr, birthDate, ...) with its own keys; show ours.
        problems: e.problems.map((p) => ({
          path: p.path,
          message: p.message.startsWith('referral.')
            ? p.message
            : `referral.error.citizen.${p.path}`,
        })),
      };
    throw e;
  }
}

export type ListKind = 'mine' | 'queue' | 'inbox';

export async function referralList(
  db: Db,
  actor: ReferralActor,
  kind: ListKind,
  now: Date,
): Promise<{ referral: ReferralView; citizenName: string }[]> {
  const view =
    kind === 'mine' && actor.kind === 'staff' && ['coordinator', 'admin'].includes(actor.staff.role)
      ? 'all'
      : kind;
  return listWithNames(db, actor, view, { now });
}

/**
 * The intake queue: new referrals to route, every referral waiting past its answer time, and
 * the samtaler whose citizen has cancelled or asked for a new time.
 */
export async function intakeQueue(db: Db, actor: ReferralActor, now: Date) {
  const [queue, waiting, running] = await Promise.all([
    listWithNames(db, actor, 'queue', { now, status: ['requested'] }),
    listWithNames(db, actor, 'all', { now, status: ['requested'] }),
    listWithNames(db, actor, 'all', { now, status: ['accepted', 'in-progress'] }),
  ]);
  return {
    queue,
    overdue: waiting.filter((w) => w.referral.overdue),
    // The municipality's own samtaler whose citizen cancelled or asked for a new time.
    replies: running.filter(
      (w) =>
        !w.referral.ownerOrgId &&
        (w.referral.citizenReply?.reply === 'cancelled' ||
          w.referral.citizenReply?.reply === 'new_time'),
    ),
  };
}

export interface DetailScreen {
  referral: ReferralView;
  offers: OfferChoice[];
  teams: { id: string; name: string }[];
  /** What the citizen was sent about it, oldest first. */
  messages: MessageRecord[];
  /** Where "Aftal tid" starts: the agreed place, else the offer's place or the provider. */
  defaultPlace: string;
}

export async function referralDetail(
  db: Db,
  actor: StaffActor,
  id: string,
  now: Date,
): Promise<DetailScreen> {
  const referral = await getReferral(db, actor, id, { now });
  return withChoices(db, actor, referral);
}

async function withChoices(
  db: Db,
  actor: StaffActor,
  referral: ReferralView,
): Promise<DetailScreen> {
  const canRoute = referral.parties.includes('coordinator');
  return {
    referral,
    offers: canRoute ? await offerChoices(db, actor.staff.kommune) : [],
    teams: canRoute ? await inTenant(db, actor.staff.kommune, (tx) => teams(tx)) : [],
    messages: await inReferralScope(db, actor, (tx) =>
      messagesAbout(tx, { type: 'referral', id: referral.id }),
    ),
    defaultPlace:
      referral.appointment?.place ?? (await appointmentPlaceFor(db, actor, referral.id)),
  };
}

export const ACTIONS = [
  'book',
  'appointment',
  'forward',
  'decline',
  'accept',
  'reject',
  'contacted',
  'enrol',
  'session',
  'start',
  'hold',
  'resume',
  'complete',
  'fail',
  'cancel',
  'error',
] as const;
export type Action = (typeof ACTIONS)[number];

export type ActionResult =
  | { ok: true; referral: ReferralView }
  | {
      ok: false;
      kind: 'problems' | 'stale';
      problems: FieldProblem[];
      screen: DetailScreen;
      form: ActionForm;
    };

const TO: Partial<Record<Action, ReferralStatus>> = {
  decline: 'rejected',
  accept: 'accepted',
  reject: 'rejected',
  start: 'in-progress',
  hold: 'on-hold',
  resume: 'in-progress',
  cancel: 'cancelled',
  error: 'entered-in-error',
};

/** One button on the detail page. */
export async function applyAction(
  db: Db,
  actor: StaffActor,
  id: string,
  f: ActionForm,
  now: Date,
): Promise<ActionResult> {
  const expectedVersion = f.version;
  const fail = async (
    kind: 'problems' | 'stale',
    problems: FieldProblem[],
    current?: ReferralView,
  ) => ({
    ok: false as const,
    kind,
    problems,
    form: f,
    screen: await withChoices(db, actor, current ?? (await getReferral(db, actor, id, { now }))),
  });
  try {
    const action = f.action as Action;
    let referral: ReferralView;
    switch (action) {
      case 'book':
        referral = await bookAfklarendeSamtale(
          db,
          actor,
          id,
          {
            expectedVersion,
            teamId: f.teamId || undefined,
            appointment: { date: f.date, time: f.time, place: f.place },
          },
          { now },
        );
        break;
      case 'appointment':
        referral = await setAppointment(
          db,
          actor,
          id,
          { expectedVersion, date: f.date, time: f.time, place: f.place },
          { now },
        );
        break;
      case 'forward': {
        const view = await getReferral(db, actor, id, { now });
        referral =
          view.status === 'requested'
            ? await forwardToProvider(
                db,
                actor,
                id,
                { expectedVersion, offerId: f.offerId },
                { now },
              )
            : await transitionReferral(
                db,
                actor,
                id,
                { to: 'requested', expectedVersion, detail: { offerId: f.offerId } },
                { now },
              );
        break;
      }
      case 'contacted':
        referral = await markContacted(db, actor, id, { expectedVersion }, { now });
        break;
      case 'enrol':
        if (!isIsoDate(f.date))
          return fail('problems', [{ path: 'date', message: 'referral.error.dateInvalid' }]);
        referral = await transitionReferral(
          db,
          actor,
          id,
          {
            to: 'in-progress',
            expectedVersion,
            detail: { enrolledOn: f.date },
            ...(f.reach ? { reach: f.reach } : {}),
          },
          { now },
        );
        break;
      case 'session':
        if (!isIsoDate(f.date))
          return fail('problems', [{ path: 'date', message: 'referral.error.dateInvalid' }]);
        referral = await recordSession(
          db,
          actor,
          id,
          { expectedVersion, heldOn: f.date, attendance: f.attendance as 'attended' },
          { now },
        );
        break;
      case 'complete':
      case 'fail': {
        const note = readClosingNote(f);
        if (!note.ok) return fail('problems', note.problems);
        referral = await transitionReferral(
          db,
          actor,
          id,
          {
            to: action === 'complete' ? 'completed' : 'failed',
            expectedVersion,
            reasonCode: f.reasonCode || undefined,
            reasonText: f.reasonText,
            detail: { closingNote: note.note },
          },
          { now },
        );
        break;
      }
      case 'decline':
      case 'accept':
      case 'reject':
      case 'start':
      case 'hold':
      case 'resume':
      case 'cancel':
      case 'error':
      default: {
        const to = TO[action];
        if (!to)
          return fail('problems', [{ path: 'action', message: 'referral.error.transition' }]);
        referral = await transitionReferral(
          db,
          actor,
          id,
          { to, expectedVersion, reasonCode: f.reasonCode || undefined, reasonText: f.reasonText },
          { now },
        );
      }
    }
    return { ok: true, referral };
  } catch (e) {
    if (e instanceof ReferralError && e.referralCode === 'referral.stale')
      return fail('stale', [], e.current);
    if (e instanceof ReferralError && e.referralCode === 'referral.transition')
      return fail('problems', [{ path: 'action', message: 'referral.error.transition' }]);
    if (e instanceof LighedError && e.code === 'LIGHED_ERR_VALIDATION' && e.problems.length)
      return fail('problems', [...e.problems]);
    throw e;
  }
}

// ---- the municipality's settings ------------------------------------------------------------------

export interface SettingsScreen {
  settings: ReferralSettings;
  teams: { id: string; name: string }[];
}

export async function referralSettings(db: Db, kommune: string): Promise<SettingsScreen> {
  return inTenant(db, kommune, async (tx) => ({
    settings: await getSettings(tx),
    teams: await teams(tx),
  }));
}

export interface SettingsForm {
  answerDays: string;
  grundlovsdagClosed: boolean;
  christmasEveClosed: boolean;
  newYearsEveClosed: boolean;
  afklarendeTeamId: string;
}

/** Saves the answer time rules and the afklarende samtale team; audited. */
export async function saveReferralSettings(
  db: Db,
  actor: AuditActor,
  f: SettingsForm,
): Promise<{ ok: true } | { ok: false; problems: FieldProblem[]; screen: SettingsScreen }> {
  const days = Number(f.answerDays);
  const problems: FieldProblem[] = [];
  if (f.answerDays === '' || !Number.isInteger(days) || days < 0 || days > 14)
    problems.push({ path: 'answerDays', message: 'referral.error.answerDays' });
  return inTenant(db, actor.kommune, async (tx) => {
    const known = await teams(tx);
    if (f.afklarendeTeamId && !known.some((t) => t.id === f.afklarendeTeamId))
      problems.push({ path: 'afklarendeTeamId', message: 'referral.error.teamRequired' });
    if (problems.length)
      return { ok: false, problems, screen: { settings: await getSettings(tx), teams: known } };
    await saveSettings(tx, actor.kommune, {
      rules: {
        answerDays: days,
        grundlovsdagClosed: f.grundlovsdagClosed,
        christmasEveClosed: f.christmasEveClosed,
        newYearsEveClosed: f.newYearsEveClosed,
      },
      afklarendeTeamId: f.afklarendeTeamId || null,
    });
    await audit(tx, actor, {
      action: 'update',
      entity: 'referral_setting',
      entityId: actor.kommune,
      summary: `answer time ${days} working days`,
    });
    return { ok: true };
  });
}
