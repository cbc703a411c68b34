-- Foundation: tenants, the offer catalog (HSDS 3.0 shaped, with the municipal profile),
-- staff accounts and sessions, citizen sign-ups, and the append-only audit log.
-- Runs on PostgreSQL 15 (Debian) and PGlite (PostgreSQL 18): keep to features both have.

create extension if not exists cube;
create extension if not exists earthdistance;
create extension if not exists pg_trgm;
create extension if not exists pgcrypto;

-- Requests run as this role. It owns nothing, so row-level security binds it.
do $$ begin
  create role lighed_app nologin;
exception when duplicate_object or unique_violation then null;
end $$;

-- The tenant of the current transaction, set by inTenant() in src/db/db.ts.
create function lighed_kommune() returns text language sql stable as $$
  select nullif(current_setting('lighed.kommune', true), '')
$$;

create table tenant (
  kommune     text primary key check (kommune ~ '^[0-9]{4}$'),
  name        text not null,
  hostnames   text[] not null default '{}',
  demo        boolean not null default false,
  created_at  timestamptz not null default now()
);

-- National reference data: postcode centroids (no tenant).
create table postcode (
  postnummer  text primary key check (postnummer ~ '^[0-9]{4}$'),
  name        text not null,
  kommune     text check (kommune ~ '^[0-9]{4}$'),
  latitude    double precision not null check (latitude between 54 and 58),
  longitude   double precision not null check (longitude between 8 and 16)
);

create table organization (
  id          uuid primary key default gen_random_uuid(),
  kommune     text not null references tenant,
  name        text not null check (length(name) between 2 and 200),
  description text not null default '',
  kind        text not null check (kind in ('municipal', 'regional', 'civil_society', 'private')),
  email       text,
  phone       text,
  website     text,
  translations jsonb not null default '{}',
  status      text not null default 'active' check (status in ('active', 'retired')),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index organization_kommune on organization (kommune);

create table location (
  id              uuid primary key default gen_random_uuid(),
  kommune         text not null references tenant,
  organization_id uuid not null references organization,
  name            text not null,
  description     text not null default '',
  address_1       text not null,
  postal_code     text not null check (postal_code ~ '^[0-9]{4}$'),
  city            text not null,
  latitude        double precision check (latitude between -90 and 90),
  longitude       double precision check (longitude between -180 and 180),
  wheelchair_accessible boolean not null default false,
  accessibility_note text not null default '',
  transport_note  text not null default '',
  translations    jsonb not null default '{}',
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create index location_kommune on location (kommune);
create index location_earth on location using gist (ll_to_earth(latitude, longitude));

create table offer (
  id              uuid primary key default gen_random_uuid(),
  kommune         text not null references tenant,
  organization_id uuid not null references organization,
  title           text not null check (length(title) between 3 and 200),
  summary         text not null default '',
  description     text not null default '',
  how_to_join     text not null default '',
  arena           text not null check (arena in ('job_centre', 'residential_facility', 'drop_in_centre',
                    'housing_area', 'own_home', 'school', 'day_care', 'workplace', 'health_centre',
                    'association', 'online')),
  offer_type      text not null check (offer_type in ('individual', 'group', 'structural')),
  topics          text[] not null default '{}',
  life_phases     text[] not null default '{}',
  languages       text[] not null default '{da}',
  mode            text not null default 'in_person' check (mode in ('in_person', 'online', 'both')),
  interpreter_available boolean not null default false,
  free            boolean not null default true,
  price_dkk       numeric(10, 2) check (price_dkk >= 0),
  price_note      text not null default '',
  children_welcome boolean not null default false,
  childcare       boolean not null default false,
  wheelchair_accessible boolean not null default false,
  welcomes_newcomers boolean not null default false,
  transport_help  boolean not null default false,
  min_age         integer check (min_age between 0 and 120),
  max_age         integer check (max_age between 0 and 120),
  recommendations text[] not null default '{}',
  -- Internal only: who the offer is meant for. Never rendered on a citizen page or in HSDS.
  target_groups   text[] not null default '{}',
  contact_name    text not null default '',
  contact_phone   text not null default '',
  contact_email   text not null default '',
  url             text not null default '',
  status          text not null default 'draft' check (status in ('draft', 'published', 'retired')),
  translations    jsonb not null default '{}',
  last_confirmed_at timestamptz,
  demo            boolean not null default false,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  search_da tsvector generated always as (
    setweight(to_tsvector('danish', title), 'A') ||
    setweight(to_tsvector('danish', summary), 'B') ||
    setweight(to_tsvector('danish', description), 'C')) stored,
  search_other tsvector generated always as (
    jsonb_to_tsvector('simple'::regconfig, translations, '["string"]'::jsonb)) stored
);
create index offer_kommune_status on offer (kommune, status);
create index offer_search_da on offer using gin (search_da);
create index offer_search_other on offer using gin (search_other);
create index offer_topics on offer using gin (topics);
create index offer_organization on offer (organization_id);

-- HSDS service_at_location.
create table offer_location (
  id          uuid primary key default gen_random_uuid(),
  kommune     text not null references tenant,
  offer_id    uuid not null references offer on delete cascade,
  location_id uuid not null references location,
  unique (offer_id, location_id)
);
create index offer_location_location on offer_location (location_id);

create table schedule (
  id          uuid primary key default gen_random_uuid(),
  kommune     text not null references tenant,
  offer_id    uuid not null references offer on delete cascade,
  location_id uuid references location,
  weekday     smallint not null check (weekday between 1 and 7), -- ISO: 1 Monday .. 7 Sunday
  starts_at   time not null,
  ends_at     time not null check (ends_at > starts_at),
  interval_weeks smallint not null default 1 check (interval_weeks between 1 and 8),
  valid_from  date,
  valid_to    date,
  note        text not null default ''
);
create index schedule_offer on schedule (offer_id);

create table staff_user (
  id              uuid primary key default gen_random_uuid(),
  kommune         text not null references tenant,
  email           text not null,
  name            text not null,
  role            text not null check (role in ('admin', 'planner', 'frontline', 'provider', 'referrer')),
  organization_id uuid references organization,
  password_hash   text,
  external_issuer text,
  external_subject text,
  disabled        boolean not null default false,
  created_at      timestamptz not null default now(),
  check (role <> 'provider' or organization_id is not null)
);
create unique index staff_user_email on staff_user (kommune, lower(email));
create unique index staff_user_external on staff_user (external_issuer, external_subject);

create table staff_session (
  token_hash  text primary key,
  kommune     text not null references tenant,
  user_id     uuid not null references staff_user on delete cascade,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null
);
create index staff_session_user on staff_session (user_id);

create table signup (
  id                uuid primary key default gen_random_uuid(),
  kommune           text not null references tenant,
  offer_id          uuid not null references offer,
  name              text not null,
  phone             text not null default '',
  email             text not null default '',
  preferred_language text not null,
  needs_interpreter boolean not null default false,
  message           text not null default '',
  consent_version   text not null,
  consented_at      timestamptz not null,
  receipt_code      text not null,
  status            text not null default 'new' check (status in ('new', 'contacted', 'attending', 'cancelled')),
  created_at        timestamptz not null default now(),
  check (phone <> '' or email <> '')
);
create index signup_offer on signup (offer_id);

create table error_report (
  id          uuid primary key default gen_random_uuid(),
  kommune     text not null references tenant,
  offer_id    uuid not null references offer,
  message     text not null check (length(message) between 5 and 2000),
  reporter_email text not null default '',
  status      text not null default 'new' check (status in ('new', 'resolved')),
  created_at  timestamptz not null default now()
);
create index error_report_offer on error_report (offer_id);

-- Append-only: the application role may insert and read, never change or remove.
create table audit_log (
  id          bigint generated always as identity primary key,
  kommune     text not null,
  at          timestamptz not null default now(),
  actor_id    uuid,
  actor_role  text not null,
  action      text not null check (action in ('read', 'create', 'update', 'delete', 'export')),
  entity      text not null,
  entity_id   text not null,
  summary     text not null default '',
  request_id  text not null default ''
);
create index audit_log_kommune_at on audit_log (kommune, at desc);
create index audit_log_entity on audit_log (entity, entity_id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_is_append_only();

-- Row-level security: a tenant sees and changes only its own rows. Published catalog data is
-- public and readable across municipalities (citizens near a border see both sides).
alter table organization enable row level security;
alter table organization force row level security;
create policy organization_read on organization for select using (true);
create policy organization_own on organization for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table location enable row level security;
alter table location force row level security;
create policy location_read on location for select using (true);
create policy location_own on location for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table offer enable row level security;
alter table offer force row level security;
create policy offer_read on offer for select using (status = 'published');
create policy offer_own on offer for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table offer_location enable row level security;
alter table offer_location force row level security;
create policy offer_location_read on offer_location for select using (true);
create policy offer_location_own on offer_location for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table schedule enable row level security;
alter table schedule force row level security;
create policy schedule_read on schedule for select using (true);
create policy schedule_own on schedule for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table staff_user enable row level security;
alter table staff_user force row level security;
create policy staff_user_own on staff_user for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table staff_session enable row level security;
alter table staff_session force row level security;
create policy staff_session_own on staff_session for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table signup enable row level security;
alter table signup force row level security;
create policy signup_own on signup for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table error_report enable row level security;
alter table error_report force row level security;
create policy error_report_own on error_report for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table audit_log enable row level security;
alter table audit_log force row level security;
create policy audit_log_own on audit_log for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

grant select on lighed_migration to lighed_app;
grant select, insert, update on tenant, postcode to lighed_app;
grant select, insert, update, delete on organization, location, offer, offer_location, schedule,
  staff_user, staff_session, signup, error_report to lighed_app;
grant select, insert on audit_log to lighed_app;
