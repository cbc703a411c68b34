/**
 * `lighed admin create`: a municipality's first administrator (and the municipality when new),
 * with a one-time link where they choose a password. The link, not a password, is printed: a
 * password in a terminal stays in its scroll-back and in deployment logs, and could be reused;
 * the link works once, for SIGNIN_LINK_HOURS, and is stored only as a hash.
 */
import type { Db } from '../db/db.ts';
import type { Config } from '../platform/config.ts';
import { createAdmin } from './admin.service.ts';

export interface AdminCreateOptions {
  kommune: string;
  kommuneName?: string;
  email: string;
  name: string;
}

export async function adminCreate(
  db: Db,
  config: Config,
  opts: AdminCreateOptions,
  out: (line: string) => void = (l) => console.log(l),
): Promise<void> {
  const made = await createAdmin(db, opts);
  if (made.tenantCreated) out(`Created the municipality ${made.kommune} ${made.kommuneName}.`);
  out(
    made.linkRenewed
      ? `The administrator had not chosen a password yet: a new link replaces the old one.`
      : `Created the administrator ${opts.email.trim()} for ${made.kommune} ${made.kommuneName}.`,
  );
  const host = made.hostnames[0];
  out('');
  out(
    `Give this one-time link to the administrator (it works once, until ${made.expiresAt.toISOString()}):`,
  );
  out('');
  out(host ? `  https://${host}${made.link}` : `  <this server's address>${made.link}`);
  out('');
  out('They choose their password there and are signed in.');
  // Requests reach a municipality by host name, or by LIGHED_KOMMUNE for other hosts.
  if (!host && made.kommune !== config.defaultKommune)
    out(
      `Note: no host name is mapped to ${made.kommune} and LIGHED_KOMMUNE is ${config.defaultKommune}: ` +
        `set LIGHED_KOMMUNE=${made.kommune} (or map a host name, docs/operations.md) or the link will not be found.`,
    );
}
