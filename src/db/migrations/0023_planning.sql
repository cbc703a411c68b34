-- Planning (issue 12, docs/decisions/0023-frameworks-as-data.md): interventions (indsatser) a
-- municipality runs, with links to its catalog offers; recommendation frameworks it adopts (the
-- texts come from src/planning/frameworks/ and are copied here on adoption, so a municipality
-- may edit owning departments and add its own), each recommendation's state and dated note, and
-- which interventions answer it. Goals (migration 0024) point at a recommendation by id.
--
-- Sharing: a published intervention (published_at set) is readable by every municipality, with
-- its evidence and local results, so others can copy it into their own plan. Writes stay within
-- the tenant; links to offers and recommendations stay private (tenant-only policies).

create table planning_intervention (
  id               uuid primary key default gen_random_uuid(),
  kommune          text not null references tenant,
  name             text not null check (length(name) between 1 and 200),
  purpose          text not null check (length(purpose) between 1 and 4000),
  department       text not null check (department in ('health', 'employment', 'social',
                     'children_youth', 'schools', 'culture_leisure', 'planning_environment',
                     'elderly')),
  type             text not null check (type in ('individual', 'group', 'structural')),
  status           text not null default 'idea'
                     check (status in ('idea', 'planned', 'running', 'ended', 'stopped')),
  arenas           text[] not null default '{}',
  -- [{dimension?, group?, riskFactor?}]: the monitor's social groups and the risk factors.
  target_groups    jsonb not null default '[]' check (jsonb_typeof(target_groups) = 'array'),
  health_roles     text[] not null default '{}'
                     check (health_roles <@ array['faglig_ressource', 'facilitator',
                       'tilrettelaegger']::text[]),
  evidence_level   text not null default 'none'
                     check (evidence_level in ('none', 'weak', 'moderate', 'strong')),
  evidence_sources text not null default '' check (length(evidence_sources) <= 4000),
  start_date       date,
  end_date         date,
  evaluation       text not null default '' check (length(evaluation) <= 8000),
  published_at     timestamptz,
  -- A copy of another municipality's published intervention names its source; no foreign key,
  -- since the source may be unpublished or deleted later.
  copied_from_kommune text,
  copied_from_id   uuid,
  version          integer not null default 1 check (version >= 1),
  created_by       uuid references staff_user on delete set null,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  check (end_date is null or start_date is null or end_date >= start_date)
);
create index planning_intervention_department on planning_intervention (kommune, department);
create index planning_intervention_published on planning_intervention (published_at)
  where published_at is not null;

create table planning_intervention_offer (
  intervention_id uuid not null references planning_intervention on delete cascade,
  offer_id        uuid not null references offer on delete cascade,
  kommune         text not null references tenant,
  primary key (intervention_id, offer_id)
);
create index planning_intervention_offer_offer on planning_intervention_offer (offer_id);

create table planning_framework (
  kommune       text not null references tenant,
  framework_key text not null check (framework_key ~ '^[a-z0-9_]{1,40}$'),
  adopted_at    timestamptz not null default now(),
  adopted_by    uuid references staff_user on delete set null,
  primary key (kommune, framework_key)
);

create table planning_recommendation (
  id            uuid primary key default gen_random_uuid(),
  kommune       text not null references tenant,
  framework_key text not null,
  -- '7' for a recommendation, '7.2' for one of its points.
  code          text not null check (code ~ '^[0-9]{1,3}(\.[0-9]{1,3})?$'),
  title         text not null check (length(title) between 1 and 300),
  body          text not null default '' check (length(body) <= 8000),
  departments   text[] not null default '{}'
                  check (departments <@ array['health', 'employment', 'social', 'children_youth',
                    'schools', 'culture_leisure', 'planning_environment', 'elderly']::text[]),
  state         text not null default 'not_started'
                  check (state in ('not_started', 'planned', 'under_way', 'in_place')),
  note          text check (length(note) <= 4000),
  note_date     date,
  sort          integer not null,
  version       integer not null default 1 check (version >= 1),
  updated_at    timestamptz not null default now(),
  foreign key (kommune, framework_key) references planning_framework on delete cascade,
  unique (kommune, framework_key, code)
);

create table planning_recommendation_intervention (
  recommendation_id uuid not null references planning_recommendation on delete cascade,
  intervention_id   uuid not null references planning_intervention on delete cascade,
  kommune           text not null references tenant,
  primary key (recommendation_id, intervention_id)
);
create index planning_recommendation_intervention_i
  on planning_recommendation_intervention (intervention_id);

-- Published interventions are public by intent: any municipality reads them (its stores filter
-- by kommune for its own plan); only the owner changes them.
alter table planning_intervention enable row level security;
alter table planning_intervention force row level security;
create policy planning_intervention_read on planning_intervention for select
  using (kommune = lighed_kommune() or published_at is not null);
create policy planning_intervention_insert on planning_intervention for insert
  with check (kommune = lighed_kommune());
create policy planning_intervention_update on planning_intervention for update
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());
create policy planning_intervention_delete on planning_intervention for delete
  using (kommune = lighed_kommune());

alter table planning_intervention_offer enable row level security;
alter table planning_intervention_offer force row level security;
create policy planning_intervention_offer_own on planning_intervention_offer for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table planning_framework enable row level security;
alter table planning_framework force row level security;
create policy planning_framework_own on planning_framework for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table planning_recommendation enable row level security;
alter table planning_recommendation force row level security;
create policy planning_recommendation_own on planning_recommendation for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table planning_recommendation_intervention enable row level security;
alter table planning_recommendation_intervention force row level security;
create policy planning_recommendation_intervention_own on planning_recommendation_intervention
  for all using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

grant select, insert, update, delete on planning_intervention, planning_intervention_offer,
  planning_framework, planning_recommendation, planning_recommendation_intervention to lighed_app;
