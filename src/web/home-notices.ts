/**
 * Notices on the staff home page that other domains contribute (an assessment's review that is
 * due, say). The staff domain shows them without importing those domains: app.ts passes the
 * providers in, as it does the reply handlers.
 */
import type { Db } from '../db/db.ts';
import type { StaffUser } from '../platform/principal.ts';
import type { Translate } from './i18n.ts';

export interface HomeNotice {
  href: string;
  text: string;
}

export type HomeNoticeProvider = (
  db: Db,
  staff: StaffUser,
  t: Translate,
  now: Date,
) => Promise<HomeNotice[]>;
