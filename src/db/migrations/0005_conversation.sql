-- The health conversation (issue 4): teams, per-municipality instrument and matching settings,
-- conversations with their answers, and the offers chosen in them. A conversation is personal
-- health data: row-level security limits it to the worker's team, and admins of the
-- municipality, on top of the tenant (lighed.team and lighed.staff_role, set by inTeam()).

create table team (
  id          uuid primary key default gen_random_uuid(),
  kommune     text not null references tenant,
  name        text not null check (length(name) between 2 and 200),
  -- Where the team meets citizens: the conversation's default arena.
  arena       text not null check (arena in ('job_centre', 'residential_facility', 'drop_in_centre',
                'housing_area', 'own_home', 'school', 'day_care', 'workplace', 'health_centre',
                'association', 'online')),
  unique (kommune, name)
);

alter table staff_user add column team_id uuid references team;

-- Instruments a municipality has switched off (all are on unless a row says otherwise).
create table instrument_setting (
  kommune       text not null references tenant,
  instrument_id text not null check (instrument_id ~ '^[a-z0-9-]+$'),
  enabled       boolean not null,
  updated_by    uuid references staff_user,
  updated_at    timestamptz not null default now(),
  primary key (kommune, instrument_id)
);

-- The municipality's own matching weights (src/conversation/matching.ts validates them).
create table matching_setting (
  kommune     text primary key references tenant,
  weights     jsonb not null,
  updated_by  uuid references staff_user,
  updated_at  timestamptz not null default now()
);

create function lighed_team() returns uuid language sql stable parallel safe as $$
  select nullif(current_setting('lighed.team', true), '')::uuid
$$;
create function lighed_staff_role() returns text language sql stable parallel safe as $$
  select nullif(current_setting('lighed.staff_role', true), '')
$$;

-- Great-circle distance in metres (haversine), plain arithmetic the planner inlines: cheaper
-- than earth_distance over thousands of places (bench/README.md, matching).
create function lighed_meters(lat1 double precision, lon1 double precision, lat2 double precision, lon2 double precision)
  returns double precision language sql immutable parallel safe as $$
  select 2 * 6371008.8 * asin(sqrt(power(sin(radians(lat2 - lat1) / 2), 2)
         + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2)))
$$;

create table conversation (
  id              uuid primary key default gen_random_uuid(),
  kommune         text not null references tenant,
  team_id         uuid not null references team,
  worker_id       uuid references staff_user on delete set null,
  anonymous       boolean not null,
  -- Personal details only with consent; an anonymous conversation stores none.
  citizen_name    text check (citizen_name is null or length(citizen_name) between 1 and 200),
  birth_year      integer check (birth_year between 1900 and 2100),
  sex             text check (sex in ('female', 'male')),
  postcode        text check (postcode ~ '^[0-9]{4}$'),
  consent_version text,
  consented_at    timestamptz,
  -- The language the citizen reads the questions in (beside Danish).
  language        text not null check (language in ('da', 'en', 'ar', 'tr', 'so', 'uk')),
  interpreter_needed boolean not null default false,
  arena           text not null check (arena in ('job_centre', 'residential_facility', 'drop_in_centre',
                    'housing_area', 'own_home', 'school', 'day_care', 'workplace', 'health_centre',
                    'association', 'online')),
  brings_children boolean not null default false,
  availability    jsonb not null default '{"days": [], "times": []}',
  -- The instruments asked, fixed when the conversation starts (settings may change later).
  instruments     text[] not null check (cardinality(instruments) > 0),
  answers         jsonb not null default '{}',
  step            integer not null default 1 check (step >= 1),
  status          text not null default 'in_progress' check (status in ('in_progress', 'paused', 'finished')),
  support_override text check (support_override in ('selfHelp', 'guided', 'handHeld')),
  support_note    text,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  finished_at     timestamptz,
  delete_after    timestamptz not null,
  check (anonymous or (citizen_name is not null and consent_version is not null and consented_at is not null)),
  check (not anonymous or (citizen_name is null and birth_year is null and consent_version is null)),
  check ((support_override is null) = (support_note is null))
);
create index conversation_team on conversation (kommune, team_id, updated_at desc);
create index conversation_delete_after on conversation (delete_after);

-- Offers saved in a conversation; the sign-up link only for a named conversation.
create table conversation_offer (
  conversation_id uuid not null references conversation on delete cascade,
  kommune         text not null references tenant,
  offer_id        uuid not null references offer,
  reasons         jsonb not null default '[]',
  signup_id       uuid references signup on delete set null,
  created_at      timestamptz not null default now(),
  primary key (conversation_id, offer_id)
);

alter table team enable row level security;
alter table team force row level security;
create policy team_own on team for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table instrument_setting enable row level security;
alter table instrument_setting force row level security;
create policy instrument_setting_own on instrument_setting for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table matching_setting enable row level security;
alter table matching_setting force row level security;
create policy matching_setting_own on matching_setting for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

-- The team's conversations; admins (and the system: retention, CLI export) see all of the municipality's.
alter table conversation enable row level security;
alter table conversation force row level security;
create policy conversation_team on conversation for all
  using (kommune = lighed_kommune() and (lighed_staff_role() in ('admin', 'system') or team_id = lighed_team()))
  with check (kommune = lighed_kommune() and (lighed_staff_role() in ('admin', 'system') or team_id = lighed_team()));

alter table conversation_offer enable row level security;
alter table conversation_offer force row level security;
create policy conversation_offer_team on conversation_offer for all
  using (kommune = lighed_kommune() and exists (select 1 from conversation c where c.id = conversation_id))
  with check (kommune = lighed_kommune() and exists (select 1 from conversation c where c.id = conversation_id));

grant select, insert, update, delete on team, instrument_setting, matching_setting, conversation,
  conversation_offer to lighed_app;
