/**
 * Offers for a conversation: matching (matching.ts, with the municipality's weights), saving
 * the chosen ones, and signing the citizen up through the catalog. Audited like every other
 * use of a conversation (conversation.service.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/db.ts';
import { inTenant } from '../db/db.ts';
import { audit } from '../platform/audit.store.ts';
import { notFound, type FieldProblem } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import {
  createSignup,
  getOfferDetail,
  validateSignup,
  type OfferDetail,
  type SignupForm,
} from '../catalog/index.ts';
import type { Worker } from './access.ts';
import { logConversation, withConversation } from './conversation.service.ts';
import {
  linkSignup,
  removeOffer,
  saveOffer,
  savedOffers,
  touch,
  type Conversation,
  type SavedOffer,
} from './conversation.store.ts';
import { matchCitizenOf, profileOf, supportOf } from './derived.ts';
import { candidateOffers, offerTexts, type OfferText } from './matching.store.ts';
import { DEFAULT_MAX_KM, fittingTopics, matchOffers, type Match } from './matching.ts';
import { weightsOf } from './settings.service.ts';

async function matchesFor(tx: Queryable, c: Conversation): Promise<Match[]> {
  const profile = profileOf(c);
  const citizen = matchCitizenOf(c, profile, supportOf(c, profile));
  const when = citizen.availability.days.length + citizen.availability.times.length > 0;
  const offers = await candidateOffers(
    tx,
    c.kommune,
    c.postcode,
    DEFAULT_MAX_KM,
    fittingTopics(citizen),
    when,
  );
  return matchOffers(citizen, offers, await weightsOf(tx), { maxKm: DEFAULT_MAX_KM });
}

export interface OffersScreen {
  conversation: Conversation;
  matches: Match[];
  texts: Map<string, OfferText>;
  saved: SavedOffer[];
}

export async function matchedOffers(db: Db, w: Worker, id: string): Promise<OffersScreen> {
  return withConversation(db, w, id, async (tx, c) => {
    const matches = await matchesFor(tx, c);
    await logConversation(tx, w, 'read', c.id, `matched ${matches.length} offers`);
    return {
      conversation: c,
      matches,
      texts: await offerTexts(
        tx,
        matches.map((m) => m.offer.id),
      ),
      saved: await savedOffers(tx, c.id),
    };
  });
}

/** Keeps the chosen matches (with their reasons) and drops the others not signed up for. */
/** Saves the chosen offers of the current matches and removes the others; returns how many are saved. */
export async function saveChosenOffers(
  db: Db,
  w: Worker,
  id: string,
  chosen: ReadonlySet<string>,
): Promise<number> {
  return withConversation(db, w, id, async (tx, c) => {
    const matches = await matchesFor(tx, c);
    let n = 0;
    for (const m of matches) {
      if (chosen.has(m.offer.id)) {
        await saveOffer(tx, c, m.offer.id, m.reasons);
        n++;
      } else await removeOffer(tx, c.id, m.offer.id);
    }
    await touch(tx, c.id);
    await logConversation(tx, w, 'update', c.id, `saved ${n} offers`);
    return n;
  });
}

/** A published offer, read in the worker's municipality; anything else is not found. */
async function publishedOffer(db: Db, w: Worker, offerId: string): Promise<OfferDetail> {
  if (!isUuid(offerId)) throw notFound('Offer');
  const offer = await inTenant(db, w.team.kommune, (tx) => getOfferDetail(tx, offerId));
  if (!offer || offer.status !== 'published') throw notFound('Offer');
  return offer;
}

export interface SignupScreen {
  conversation: Conversation;
  offer: OfferDetail;
  values: SignupForm;
  problems: FieldProblem[];
}

/** The sign-up form, filled in with what the conversation knows. */
export async function openSignup(
  db: Db,
  w: Worker,
  id: string,
  offerId: string,
): Promise<SignupScreen> {
  const offer = await publishedOffer(db, w, offerId);
  const c = await withConversation(db, w, id, async (tx, c) => {
    // An anonymous conversation's audit names no offer: nothing ties it to the sign-up.
    await logConversation(
      tx,
      w,
      'read',
      c.id,
      c.anonymous ? 'opened a sign-up' : `opened sign-up for offer ${offer.id}`,
    );
    return c;
  });
  const values: SignupForm = {
    name: c.citizen_name ?? '',
    phone: '',
    email: '',
    preferred_language: c.language,
    needs_interpreter: c.interpreter_needed,
    message: '',
    consent: false,
  };
  return { conversation: c, offer, values, problems: [] };
}

/**
 * Signs the citizen up for the offer through the catalog. The sign-up belongs to the offer's
 * municipality, like a citizen's own sign-up. From an anonymous conversation it is audited under
 * a request id of its own, and the conversation is not touched: no record ties the name to the
 * answers (decision 0008).
 */
export async function signUp(
  db: Db,
  w: Worker,
  id: string,
  offerId: string,
  form: SignupForm,
): Promise<
  | { kind: 'invalid'; screen: SignupScreen }
  | { kind: 'done'; conversation: Conversation; offer: OfferDetail; receipt: string }
> {
  const offer = await publishedOffer(db, w, offerId);
  const { input, problems } = validateSignup(form);
  const c = await withConversation(db, w, id, async (tx, c) => {
    await logConversation(
      tx,
      w,
      'read',
      c.id,
      c.anonymous ? 'sign-up form sent' : `sign-up form sent for offer ${offer.id}`,
    );
    return c;
  });
  if (!input)
    return { kind: 'invalid', screen: { conversation: c, offer, values: form, problems } };
  const signup = await inTenant(db, offer.kommune, async (tx) => {
    // A named conversation booked from a referral points to the citizen record; so does the
    // sign-up, when the offer is the same municipality's (the record is that municipality's).
    const citizenId = !c.anonymous && offer.kommune === c.kommune ? (c.citizen_id ?? null) : null;
    const s = await createSignup(tx, offer.kommune, offer.id, input, undefined, citizenId);
    const actor = {
      ...w.actor,
      kommune: offer.kommune,
      ...(c.anonymous ? { requestId: randomUUID() } : {}),
    };
    await audit(tx, actor, {
      action: 'create',
      entity: 'signup',
      entityId: s.id,
      summary: `signed up by a frontline worker for offer ${offer.id}`,
    });
    return s;
  });
  if (!c.anonymous) {
    await withConversation(db, w, id, async (tx, c) => {
      const matches = await matchesFor(tx, c);
      await saveOffer(tx, c, offer.id, matches.find((m) => m.offer.id === offer.id)?.reasons ?? []);
      await linkSignup(tx, c.id, offer.id, signup.id);
      await touch(tx, c.id);
      await logConversation(tx, w, 'update', c.id, `signed the citizen up for offer ${offer.id}`);
    });
  }
  return { kind: 'done', conversation: c, offer, receipt: signup.receipt_code };
}

/**
 * The receipt page after a sign-up: the receipt rides in a signed cookie (`receipt`:
 * conversation:offer:code), never in the address. Null when it is not this sign-up's.
 */
export async function signupReceipt(
  db: Db,
  w: Worker,
  id: string,
  offerId: string,
  receipt: string | null,
): Promise<{ conversation: Conversation; offer: OfferDetail; code: string } | null> {
  const offer = await publishedOffer(db, w, offerId);
  const [conversationId, forOffer, code] = receipt ? receipt.split(':') : [];
  if (conversationId !== id || forOffer !== offer.id || !code) return null;
  const c = await withConversation(db, w, id, async (tx, c) => {
    await logConversation(tx, w, 'read', c.id, 'saw a sign-up receipt');
    return c;
  });
  return { conversation: c, offer, code };
}
