/** `lighed staff create`: prints the one-time sign-in link for the new account (no password). */
import type { Db } from '../db/db.ts';
import type { Config } from '../platform/config.ts';
import { createStaffAccount } from './staff-create.service.ts';

export interface StaffCreateOptions {
  role: string;
  email: string;
  name: string;
  team?: string;
  organization?: string;
  kommune?: string;
}

export async function staffCreate(
  db: Db,
  config: Config,
  opts: StaffCreateOptions,
  out: (line: string) => void = (l) => console.log(l),
): Promise<void> {
  const made = await createStaffAccount(db, {
    ...opts,
    kommune: opts.kommune ?? config.defaultKommune,
  });
  out(
    made.linkRenewed
      ? 'The account had not chosen a password yet: a new link replaces the old one.'
      : `Created the ${made.role} account ${opts.email.trim()} for ${made.kommune} ${made.kommuneName}.`,
  );
  const host = made.hostnames[0];
  out('');
  out(
    `Give this one-time link to the person (it works once, until ${made.expiresAt.toISOString()}):`,
  );
  out('');
  out(host ? `  https://${host}${made.link}` : `  <this server's address>${made.link}`);
  out('');
  out('They choose their password there and are signed in.');
}
