-- One-time sign-in links (src/staff/signin-link.store.ts): `lighed admin create` makes a
-- municipality's first administrator without a password and prints a link where they choose
-- one. Only a SHA-256 of the token is stored, so the table (or a backup) does not let anyone in.
-- A link works once (`used_at`) and until `expires_at`; used and expired rows stay until the
-- account goes, so a second click can be told "already used" rather than "unknown".
create table staff_signin_link (
  token_hash  text primary key,
  kommune     text not null references tenant,
  user_id     uuid not null references staff_user on delete cascade,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  used_at     timestamptz
);
create index staff_signin_link_user on staff_signin_link (user_id);

alter table staff_signin_link enable row level security;
alter table staff_signin_link force row level security;
create policy staff_signin_link_own on staff_signin_link for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

grant select, insert, update, delete on staff_signin_link to lighed_app;
