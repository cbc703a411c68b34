-- Attempt counters shared by every app server (src/platform/rate-limit.ts, decision 0010):
-- staff sign-in per account and per address, citizen sign-ups and error reports per address
-- and per offer. One row per key; the key is a SHA-256 of what is counted, so no e-mail or
-- network address is stored in clear. Not tenant data: no row-level security, and the rows
-- live a day at most (expired ones are removed as new ones are written).
create table rate_limit (
  key           text primary key,
  hits          integer not null check (hits >= 0),
  window_start  timestamptz not null,
  locked_until  timestamptz,
  strikes       integer not null default 0 check (strikes >= 0),
  expires_at    timestamptz not null
);
create index rate_limit_expires on rate_limit (expires_at);

grant select, insert, update, delete on rate_limit to lighed_app;
