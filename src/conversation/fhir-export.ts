/**
 * `lighed export fhir`: a conversation as a FHIR R4 Bundle (type collection) of one
 * QuestionnaireResponse per instrument asked, or the instrument library as Questionnaires.
 * The bundle names no citizen: the receiving system attaches its own subject. Exporting a
 * conversation is audited like any other read of it.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db.ts';
import { audit } from '../platform/audit.store.ts';
import { LighedError } from '../platform/errors.ts';
import { getConversation, inTeam, systemStaff, type Conversation } from './conversation.store.ts';
import { responsesOf } from './derived.ts';
import {
  DEFAULT_FHIR_BASE,
  toQuestionnaire,
  toQuestionnaireResponse,
  type Questionnaire,
  type QuestionnaireResponse,
} from './fhir.ts';
import type { Instrument } from './instrument.ts';

export interface FhirBundle<R> {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: R }[];
}

const bundle = <R>(resources: R[], now: Date): FhirBundle<R> => ({
  resourceType: 'Bundle',
  type: 'collection',
  timestamp: now.toISOString(),
  entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${randomUUID()}`, resource })),
});

export function conversationBundle(
  c: Conversation,
  base = DEFAULT_FHIR_BASE,
  now = new Date(),
): FhirBundle<QuestionnaireResponse> {
  const status = c.status === 'finished' ? 'completed' : 'in-progress';
  return bundle(
    responsesOf(c).map((r) =>
      toQuestionnaireResponse(r.instrument, r.answers, {
        status,
        authored: c.updated_at.toISOString(),
        base,
      }),
    ),
    now,
  );
}

export function instrumentsBundle(
  instruments: readonly Instrument[],
  base = DEFAULT_FHIR_BASE,
  now = new Date(),
): FhirBundle<Questionnaire> {
  return bundle(
    instruments.map((i) => toQuestionnaire(i, base)),
    now,
  );
}

export async function exportConversationFhir(
  db: Db,
  kommune: string,
  id: string,
): Promise<FhirBundle<QuestionnaireResponse>> {
  return inTeam(db, systemStaff(kommune), async (tx) => {
    const c = await getConversation(tx, id);
    if (!c)
      throw new LighedError(
        'LIGHED_ERR_NOT_FOUND',
        `No conversation ${id} in municipality ${kommune}`,
      );
    await audit(
      tx,
      { kommune, actorId: null, actorRole: 'system', requestId: 'cli' },
      {
        action: 'export',
        entity: 'conversation',
        entityId: id,
        summary: 'FHIR QuestionnaireResponse bundle (lighed export fhir)',
      },
    );
    return conversationBundle(c);
  });
}
