-- API clients of the FHIR R4 API (issue 10; docs/decisions/0015-fhir-api-and-oauth.md): EHR and
-- provider systems authenticate with OAuth 2.0 client credentials (RFC 6749 §4.4) and get
-- short-lived bearer tokens. Secrets and tokens are 256-bit random strings; only their SHA-256
-- is stored, so the table (or a backup) lets nobody in. A revoked client's tokens stop working
-- at once (authentication joins api_client.revoked_at) and are deleted on revocation.

create table api_client (
  id              uuid primary key default gen_random_uuid(),
  kommune         text not null references tenant,
  name            text not null check (length(name) between 2 and 200),
  role            text not null check (role in ('referrer', 'provider')),
  organization_id uuid references organization,
  secret_hash     text not null check (secret_hash ~ '^sha256\$[0-9a-f]{64}$'),
  created_at      timestamptz not null default now(),
  created_by      uuid,
  revoked_at      timestamptz,
  revoked_by      uuid,
  -- A provider system acts for one organisation (the referrals it owns), like a provider user.
  check (role <> 'provider' or organization_id is not null)
);
create index api_client_kommune on api_client (kommune, created_at);

create table api_token (
  token_hash  text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  client_id   uuid not null references api_client on delete cascade,
  kommune     text not null references tenant,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null
);
create index api_token_client on api_token (client_id);
create index api_token_expires on api_token (expires_at);

alter table api_client enable row level security;
alter table api_client force row level security;
create policy api_client_own on api_client for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table api_token enable row level security;
alter table api_token force row level security;
create policy api_token_own on api_token for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

-- No delete on api_client: a client is revoked, never removed, so the audit log's actor ids
-- keep pointing at a named client.
grant select, insert, update on api_client to lighed_app;
grant select, insert, delete on api_token to lighed_app;
