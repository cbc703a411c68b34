-- Equity impact assessment of plans and decisions ("Konsekvenser for lighed i sundhed", issue
-- 13; docs/decisions/0027-equity-impact-assessment.md): the proposal, a screening, the matrix of
-- population groups x Dahlgren-Whitehead layers, mitigation and amplification, monitoring
-- indicators, comments and a history of who changed what. No citizen data: the rows hold the
-- staff's own assessment. A new role, `assessor`, works on them beside planners.

alter table staff_user drop constraint staff_user_role_check;
alter table staff_user add constraint staff_user_role_check
  check (role in ('admin', 'planner', 'frontline', 'provider', 'referrer', 'coordinator',
                  'outreach', 'assessor'));

-- A municipality's own screening questions and group list; without a row, the defaults in
-- src/assessment/template.ts. Each assessment keeps a copy of the template it started with.
create table assessment_template (
  kommune    text primary key references tenant,
  questions  jsonb not null check (jsonb_typeof(questions) = 'array'),
  groups     jsonb not null check (jsonb_typeof(groups) = 'array'),
  version    integer not null default 1 check (version >= 1),
  updated_at timestamptz not null default now()
);

create table assessment (
  id             uuid primary key default gen_random_uuid(),
  kommune        text not null references tenant,
  title          text not null check (length(title) between 1 and 200),
  proposal_type  text not null check (proposal_type in ('kommuneplan', 'lokalplan', 'policy',
                   'budget', 'offer', 'other')),
  department     text not null check (department ~ '^[a-z_]{1,40}$'),
  description    text not null default '' check (length(description) <= 4000),
  decision       text not null check (length(decision) between 1 and 500),
  decision_date  date not null,
  objective      text not null default '' check (length(objective) <= 2000),
  -- The monitor's area whose figures the page shows (the municipality by default).
  area           text not null check (area ~ '^[0-9A-Za-z_-]{1,20}$'),
  owner_id       uuid references staff_user on delete set null,
  state          text not null default 'draft' check (state in ('draft', 'consultation', 'final')),
  template       jsonb not null,
  -- Question key → 'yes' | 'no' | 'unsure'.
  screening      jsonb not null default '{}'::jsonb check (jsonb_typeof(screening) = 'object'),
  screened_at    timestamptz,
  groups         text[] not null default '{}',
  layers         text[] not null default '{}',
  conclusion     text not null default '' check (length(conclusion) <= 4000),
  review_date    date,
  reviewed_at    timestamptz,
  review_note    text not null default '' check (length(review_note) <= 2000),
  version        integer not null default 1 check (version >= 1),
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now()
);
create index assessment_list on assessment (kommune, updated_at desc);
create index assessment_review on assessment (kommune, owner_id, review_date)
  where reviewed_at is null;

-- One chosen cell of the matrix: a group x a layer, with the expected impact.
create table assessment_cell (
  assessment_id uuid not null references assessment on delete cascade,
  kommune       text not null references tenant,
  group_key     text not null check (group_key ~ '^[a-z0-9_]{1,40}$'),
  layer         text not null check (layer in ('individual', 'lifestyle', 'networks',
                  'conditions', 'general')),
  impact        text not null check (impact in ('positive', 'negative', 'uncertain')),
  evidence      text not null default '' check (length(evidence) <= 2000),
  confidence    text not null check (confidence in ('low', 'medium', 'high')),
  primary key (assessment_id, group_key, layer)
);

-- Mitigation of a negative impact, or amplification of a positive one; an intervention of the
-- planning domain when one is made from it (no foreign key: planning owns that table).
create table assessment_action (
  id              uuid primary key default gen_random_uuid(),
  assessment_id   uuid not null references assessment on delete cascade,
  kommune         text not null references tenant,
  kind            text not null check (kind in ('mitigate', 'amplify')),
  text            text not null check (length(text) between 1 and 2000),
  group_key       text check (group_key ~ '^[a-z0-9_]{1,40}$'),
  intervention_id uuid,
  created_at      timestamptz not null default now()
);
create index assessment_action_of on assessment_action (assessment_id, created_at);

-- An indicator to follow after the decision: a monitor indicator (key) or one in words; a goal
-- of the planning domain when one is made from it.
create table assessment_indicator (
  id            uuid primary key default gen_random_uuid(),
  assessment_id uuid not null references assessment on delete cascade,
  kommune       text not null references tenant,
  indicator     text check (indicator ~ '^[a-z][a-z0-9_]{0,39}$'),
  dimension     text check (dimension ~ '^[a-z][a-z0-9_]{0,39}$'),
  description   text not null default '' check (length(description) <= 500),
  goal_id       uuid,
  created_at    timestamptz not null default now(),
  check (indicator is not null or length(description) > 0)
);
create index assessment_indicator_of on assessment_indicator (assessment_id, created_at);

create table assessment_comment (
  id            uuid primary key default gen_random_uuid(),
  assessment_id uuid not null references assessment on delete cascade,
  kommune       text not null references tenant,
  author_id     uuid references staff_user on delete set null,
  author_name   text not null,
  body          text not null check (length(body) between 1 and 2000),
  created_at    timestamptz not null default now()
);
create index assessment_comment_of on assessment_comment (assessment_id, created_at);

-- Who changed what, when: one row per change, in the change's transaction.
create table assessment_history (
  id            bigint generated always as identity primary key,
  assessment_id uuid not null references assessment on delete cascade,
  kommune       text not null references tenant,
  actor_id      uuid references staff_user on delete set null,
  actor_name    text not null,
  at            timestamptz not null default now(),
  what          text not null check (what ~ '^[a-z_]{1,40}$'),
  detail        text not null default '' check (length(detail) <= 300)
);
create index assessment_history_of on assessment_history (assessment_id, at);

-- Tenant-bound like the monitor's and planning's rows; the routes decide who (roles).
alter table assessment_template enable row level security;
alter table assessment_template force row level security;
create policy assessment_template_own on assessment_template for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table assessment enable row level security;
alter table assessment force row level security;
create policy assessment_own on assessment for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table assessment_cell enable row level security;
alter table assessment_cell force row level security;
create policy assessment_cell_own on assessment_cell for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table assessment_action enable row level security;
alter table assessment_action force row level security;
create policy assessment_action_own on assessment_action for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table assessment_indicator enable row level security;
alter table assessment_indicator force row level security;
create policy assessment_indicator_own on assessment_indicator for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table assessment_comment enable row level security;
alter table assessment_comment force row level security;
create policy assessment_comment_own on assessment_comment for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table assessment_history enable row level security;
alter table assessment_history force row level security;
create policy assessment_history_own on assessment_history for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

grant select, insert, update, delete on assessment_template, assessment, assessment_cell,
  assessment_action, assessment_indicator to lighed_app;
-- Comments and history are a record: added, never changed by requests.
grant select, insert on assessment_comment, assessment_history to lighed_app;
