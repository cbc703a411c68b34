/** Signing staff in and out with a local account; sessions live in staff_session (staff.store.ts). */
import { inTenant, type Db } from '../db/db.ts';
import { verifyPassword } from './password.ts';
import { createSession, endSession, findUserForSignIn } from './staff.store.ts';

// Compared against when the e-mail is unknown, so timing does not reveal which accounts exist.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Starts a session for the account; its token for the cookie, or null if the sign-in fails. */
export async function signIn(
  db: Db,
  kommune: string,
  email: string,
  password: string,
): Promise<string | null> {
  return inTenant(db, kommune, async (tx) => {
    const user = await findUserForSignIn(tx, email);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) return null;
    return createSession(tx, user);
  });
}

export async function signOut(db: Db, kommune: string, token: string): Promise<void> {
  await inTenant(db, kommune, (tx) => endSession(tx, token));
}
