/**
 * The citizen's insight export and erasure across domains. People holds the record, consents
 * and access links; other domains (referrals, …) contribute their own sections through a small
 * registry that src/app.ts passes in, so people never imports them and the kernel never
 * imports a domain.
 */
import type { Queryable } from '../db/db.ts';
import type { AuditActor } from '../platform/audit.store.ts';
import type { AccessLink, Consent } from './citizen.ts';

export interface CitizenDataSource {
  /** The section's key in the export (`referrals`); also its heading key `people.section.<key>`. */
  key: string;
  /** Everything this domain holds about the citizen, as plain JSON (runs in the admin's scope). */
  collect(tx: Queryable, citizenId: string): Promise<unknown>;
  /**
   * Why this domain must still keep the citizen's records (retention), as short English codes
   * or message keys; empty when they may go. Any hold stops the erasure.
   */
  holds?(tx: Queryable, citizenId: string): Promise<string[]>;
  /** Deletes (or anonymises) this domain's records about the citizen, auditing with `actor`. */
  erase?(tx: Queryable, actor: AuditActor, citizenId: string): Promise<void>;
}

export interface InsightExport {
  format: 'lighed-insight/1';
  generatedAt: string;
  citizen: {
    id: string;
    name: string;
    /** In full: the export is the citizen's own data, handed to them. */
    cpr: string | null;
    birthDate: string | null;
    sex: string | null;
    phone: string;
    email: string;
    postcode: string | null;
    address: string;
    preferredLanguage: string;
    interpreterNeeded: boolean;
    contactChannels: string[];
    createdAt: string;
    updatedAt: string;
  };
  consents: Consent[];
  access: AccessLink[];
  /** Who read or changed the record, and when (the audit log's rows about it). */
  accessLog: {
    at: string;
    actorRole: string;
    actorName: string | null;
    action: string;
    summary: string;
  }[];
  sections: Record<string, unknown>;
}

/** Source keys must be unique and simple: they become JSON keys and message keys. */
export function checkSources(sources: readonly CitizenDataSource[]): void {
  const seen = new Set<string>();
  for (const s of sources) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(s.key) || seen.has(s.key))
      throw new Error(`citizen data source key "${s.key}" is invalid or repeated`);
    seen.add(s.key);
  }
}
