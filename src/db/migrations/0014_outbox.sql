-- The kernel's mail outbox (src/platform/mail/, decision 0012). A message is written in the
-- transaction of the change it announces (enqueueMail), so it is sent if and only if that
-- change commits; a sender sends it afterwards over SMTP and retries with backoff.
--
-- Claiming a message is a short transaction: the due rows are locked `for update skip locked`
-- and their `next_attempt_at` moved past the send (a lease), so a second sender neither waits
-- for them nor sees them as due, and no transaction stays open during an SMTP conversation
-- (embedded PGlite runs one transaction at a time). A sender that dies mid-send leaves the row
-- queued; it is due again when the lease runs out (at least once; the Message-ID is made from the
-- row's id, so a receiver can tell a repeat).
--
-- Tenant data (the recipient's address): row-level security by kommune like every tenant
-- table. `last_error` holds an error code and SMTP status only, never the server's text (it
-- may quote the address). Sent and failed messages are deleted after a retention period.
create table outbox (
  id uuid primary key default gen_random_uuid(),
  kommune text not null references tenant (kommune),
  kind text not null check (kind ~ '^[a-z][a-z0-9_.-]{0,63}$'),
  to_address text not null,
  subject text not null,
  body_text text not null,
  body_html text,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  finished_at timestamptz
);
create index outbox_due on outbox (next_attempt_at) where status = 'queued';
create index outbox_finished on outbox (finished_at) where status <> 'queued';

alter table outbox enable row level security;
alter table outbox force row level security;
create policy outbox_own on outbox for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

grant select, insert, update, delete on outbox to lighed_app;
