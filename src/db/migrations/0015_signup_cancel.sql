-- A citizen cancels their own sign-up from the link on the receipt, without an account
-- (src/catalog/signup-cancel.ts, decision 0016). Only a SHA-256 of the link's token is stored,
-- so the table (or a backup) cannot cancel anyone's sign-up. The link works until
-- `cancel_expires_at` and once: `cancelled_at` is set in the same statement that checks it,
-- and the row stays (status 'cancelled') so the provider sees the cancellation and a second
-- click is told "already cancelled" rather than "unknown". Retention deletes it as before.
alter table signup
  add column cancel_token_hash text,
  add column cancel_expires_at timestamptz,
  add column cancelled_at timestamptz;
create unique index signup_cancel_token on signup (cancel_token_hash)
  where cancel_token_hash is not null;
