/**
 * Use cases for the staff's offers: the list, the edit form, saving it, publishing and
 * retiring. A provider manages only its own organisation's offers; admins, planners and
 * frontline workers the municipality's. Writes are audited in their transaction.
 */
import { inTenant, type Db, type Queryable } from '../db/db.ts';
import { audit } from '../platform/audit.store.ts';
import { LighedError } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import { assertInScope, type Editor, type Saved } from './editor.ts';
import { OFFER_STATUSES, type Offer, type OfferDetail } from './offer.ts';
import { offerToForm, publicTextFields, readOfferForm, type OfferEditState } from './offer-form.ts';
import { getOfferDetail, listOffersForStaff, saveOffer, setOfferStatus } from './offer.store.ts';
import { listLocations } from './organization.store.ts';
import { organizationsFor } from './organization.service.ts';
import { checkStigma } from './stigma.ts';

type Options = OfferEditState['options'];

const kommuneOf = (editor: Editor) => editor.actor.kommune;

async function optionsFor(tx: Queryable, editor: Editor): Promise<Options> {
  return {
    organizations: await organizationsFor(tx, editor),
    locations: await listLocations(tx, kommuneOf(editor), editor.scope),
  };
}

async function loadOwnOffer(tx: Queryable, editor: Editor, id: string): Promise<OfferDetail> {
  const offer = isUuid(id) ? await getOfferDetail(tx, id) : undefined;
  if (!offer || offer.kommune !== kommuneOf(editor))
    throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such offer');
  assertInScope(editor, offer.organization_id, 'Not your organisation’s offer');
  return offer;
}

/** The page state, with the stigmatisation check run over the texts as they stand. */
const editState = (
  editor: Editor,
  state: Omit<OfferEditState, 'findings' | 'canChooseOrganization'>,
): OfferEditState => ({
  ...state,
  findings: checkStigma(publicTextFields(state.values)),
  canChooseOrganization: !editor.scope,
});

/** The offers the editor manages. */
export async function staffOffers(db: Db, editor: Editor) {
  return inTenant(db, kommuneOf(editor), (tx) =>
    listOffersForStaff(tx, kommuneOf(editor), editor.scope),
  );
}

/** The form for a new offer (id null) or a stored one; `saved` when it was just saved. */
export async function offerForm(
  db: Db,
  editor: Editor,
  id: string | null,
  saved = false,
): Promise<OfferEditState> {
  return inTenant(db, kommuneOf(editor), async (tx) => {
    const offer = id ? await loadOwnOffer(tx, editor, id) : null;
    const options = await optionsFor(tx, editor);
    return editState(editor, {
      id: offer?.id ?? null,
      status: offer?.status ?? 'draft',
      values: offer
        ? offerToForm(offer)
        : {
            languages: ['da'],
            flags: ['free'],
            mode: 'in_person',
            organization_id: options.organizations[0]?.id ?? '',
          },
      problems: [],
      saved,
      options,
    });
  });
}

/**
 * Creates (id null) or updates an offer from the posted form. The form is read here, not in
 * the route: which places may be chosen depends on the editor's organisations.
 */
export async function submitOfferForm(
  db: Db,
  editor: Editor,
  id: string | null,
  body: Record<string, unknown>,
): Promise<Saved<OfferEditState>> {
  return inTenant(db, kommuneOf(editor), async (tx) => {
    const offer = id ? await loadOwnOffer(tx, editor, id) : null;
    const options = await optionsFor(tx, editor);
    const { values, input, problems } = readOfferForm(
      body,
      options.locations.map((l) => l.id),
    );
    if (input && !options.organizations.some((o) => o.id === input.organization_id)) {
      problems.push({ path: 'organization_id', message: 'offerForm.error.organization' });
    }
    if (!input || problems.length) {
      const state = editState(editor, {
        id: offer?.id ?? null,
        status: offer?.status ?? 'draft',
        values,
        problems,
        saved: false,
        options,
      });
      return { ok: false, ...state };
    }
    const savedId = await saveOffer(tx, kommuneOf(editor), input, offer ? { id: offer.id } : {});
    await audit(tx, editor.actor, {
      action: offer ? 'update' : 'create',
      entity: 'offer',
      entityId: savedId,
    });
    return { ok: true, id: savedId };
  });
}

const isStatus = (s: unknown): s is Offer['status'] =>
  (OFFER_STATUSES as readonly unknown[]).includes(s);

/**
 * Ending an offer takes it out of search and starts the countdown to deleting its sign-ups, so
 * it needs a confirmed second step (a page, no JavaScript): `confirm` is the form's "ja".
 */
export const needsConfirmation = (status: unknown, confirm: unknown): boolean =>
  status === 'retired' && confirm !== 'ja';

/**
 * Publishes, retires or returns an offer to draft. Retiring without confirmation changes
 * nothing and says so (`confirm: true`), so the route shows the confirmation step.
 */
export async function changeOfferStatus(
  db: Db,
  editor: Editor,
  id: string,
  status: unknown,
  confirm?: unknown,
): Promise<{ id: string; confirm: boolean }> {
  return inTenant(db, kommuneOf(editor), async (tx) => {
    const offer = await loadOwnOffer(tx, editor, id);
    if (!isStatus(status)) {
      throw new LighedError('LIGHED_ERR_VALIDATION', 'Unknown status', [
        { path: 'status', message: 'offerForm.error.status' },
      ]);
    }
    if (needsConfirmation(status, confirm)) return { id: offer.id, confirm: true };
    await setOfferStatus(tx, offer.id, status);
    await audit(tx, editor.actor, {
      action: 'update',
      entity: 'offer',
      entityId: offer.id,
      summary: `status ${status}`,
    });
    return { id: offer.id, confirm: false };
  });
}
