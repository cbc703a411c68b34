/**
 * The health conversation's side of the outreach lane (issue 11, decision 0022): per citizen,
 * whether the latest conversation puts them on hand-held support, and when a worker last had
 * a conversation with them. Computed from the stored answers as every page does (derived.ts).
 */
import type { Queryable } from '../db/db.ts';
import { profileOf, supportOf } from './derived.ts';
import { citizenConversations } from './outreach-facts.store.ts';

/** outreach/rules.ts ContactFact has this shape. */
export interface ConversationOutreachFact {
  citizenId: string;
  handHeld: boolean;
  lastContactAt: Date | null;
}

export async function conversationOutreachFacts(
  tx: Queryable,
  at: Date,
): Promise<ConversationOutreachFact[]> {
  const latest = new Map<string, ConversationOutreachFact>();
  // Oldest first: the last one written for a citizen is the latest conversation.
  for (const c of await citizenConversations(tx)) {
    if (!c.citizen_id) continue;
    const level = supportOf(c, profileOf(c, at)).level;
    latest.set(c.citizen_id, {
      citizenId: c.citizen_id,
      handHeld: level === 'handHeld',
      lastContactAt: c.updated_at,
    });
  }
  return [...latest.values()];
}
