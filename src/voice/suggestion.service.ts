/**
 * Planners' handling of suggestions: list, tag, answer, and choose to publish the answer next
 * to the suggestion on the public list. A suggestion carries no identity (none is collected);
 * the planner publishes only after reading it, so a name or a detail a citizen typed in by
 * mistake never reaches the public page.
 */
import { inTenant, type Db } from '../db/db.ts';
import { LighedError } from '../platform/errors.ts';
import { isUuid } from '../platform/ids.ts';
import type { SuggestionEdit, SuggestionStatus } from './voice.ts';
import {
  getSuggestion,
  listSuggestions,
  updateSuggestion,
  type SuggestionRecord,
} from './voice.store.ts';

export type { SuggestionRecord };

export async function suggestionsForStaff(
  db: Db,
  kommune: string,
  status?: SuggestionStatus,
): Promise<SuggestionRecord[]> {
  return inTenant(db, kommune, (tx) => listSuggestions(tx, { status }));
}

export async function suggestionForStaff(
  db: Db,
  kommune: string,
  id: string,
): Promise<SuggestionRecord> {
  const s = isUuid(id) ? await inTenant(db, kommune, (tx) => getSuggestion(tx, id)) : null;
  if (!s) throw new LighedError('LIGHED_ERR_NOT_FOUND', 'No such suggestion');
  return s;
}

/** Saves the handling; 'conflict' when someone else saved the suggestion first. */
export async function handleSuggestion(
  db: Db,
  kommune: string,
  id: string,
  edit: SuggestionEdit,
  today: string,
): Promise<'saved' | 'conflict'> {
  const ok = await inTenant(db, kommune, (tx) => updateSuggestion(tx, id, { ...edit, today }));
  return ok ? 'saved' : 'conflict';
}

/** What the public list shows: the published suggestions and their answers, newest first. */
export async function publishedSuggestions(db: Db, kommune: string): Promise<SuggestionRecord[]> {
  return inTenant(db, kommune, (tx) => listSuggestions(tx, { publishedOnly: true }));
}
