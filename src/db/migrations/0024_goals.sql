-- Goals (issue 12, docs/decisions/0024-goal-trajectories.md): a monitor indicator for everyone
-- or one group in an area, a gap (D or SII) along a dimension, or an offer's or intervention's
-- reach ratio for a group; each with the baseline taken from the monitor when it was set and a
-- target value and year. The state is computed on reading from the monitor's current figures
-- (src/planning/goal.ts), so nothing here goes stale when a new wave arrives.
create table planning_goal (
  id                uuid primary key default gen_random_uuid(),
  kommune           text not null references tenant,
  kind              text not null check (kind in ('level', 'gap', 'reach')),
  measure           text not null check (measure in ('prevalence', 'D', 'SII', 'reach_ratio')),
  -- The monitor's keys (codebook keys, not slots: a new dataset keeps the goal readable).
  indicator         text check (indicator ~ '^[a-z][a-z0-9_]{0,39}$'),
  dimension         text check (dimension ~ '^[a-z][a-z0-9_]{0,39}$'),
  grp               text check (length(grp) <= 100),
  area              text not null check (area ~ '^[0-9A-Z]{1,8}$'),
  offer_id          uuid references offer on delete set null,
  intervention_id   uuid references planning_intervention on delete set null,
  recommendation_id uuid references planning_recommendation on delete set null,
  baseline_year     integer not null check (baseline_year between 1900 and 2200),
  baseline_value    double precision not null,
  target_year       integer not null check (target_year between 1900 and 2200),
  target_value      double precision not null,
  -- Which dataset the baseline came from (its file name), for the record.
  baseline_source   text not null default '' check (length(baseline_source) <= 300),
  note              text not null default '' check (length(note) <= 2000),
  version           integer not null default 1 check (version >= 1),
  created_by        uuid references staff_user on delete set null,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  check (target_year > baseline_year),
  check ((kind = 'level') = (measure = 'prevalence')),
  check ((kind = 'reach') = (measure = 'reach_ratio')),
  check (kind = 'reach' or indicator is not null),
  check (kind <> 'gap' or (dimension is not null and grp is null)),
  -- A reach goal names its offer or intervention on creation; it reads "no data" if that goes.
  check (kind <> 'reach' or (dimension is not null and grp is not null))
);
create index planning_goal_kommune on planning_goal (kommune, created_at);

alter table planning_goal enable row level security;
alter table planning_goal force row level security;
create policy planning_goal_own on planning_goal for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

grant select, insert, update, delete on planning_goal to lighed_app;
