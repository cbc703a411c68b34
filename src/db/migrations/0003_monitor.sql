-- Equity monitor: microdata datasets, their per-group sums, and import jobs.
-- Respondent rows use fixed slots (d1..d8 for dimensions, y1..y64 for indicators) in codebook
-- order: plain columns aggregate about four times faster than arrays in PostgreSQL, and a fixed
-- table keeps row-level security and grants static. See src/monitor/microdata/codebook.ts.

create table monitor_dataset (
  id uuid primary key default gen_random_uuid(),
  -- The municipality that imported it; it alone can read the respondent rows.
  kommune text not null references tenant (kommune),
  -- A national dataset's aggregates are readable by every municipality (never its rows).
  shared boolean not null default false,
  codebook jsonb not null,
  synthetic boolean not null default false,
  file_name text not null,
  row_count integer not null,
  years smallint[] not null,
  created_by uuid,
  created_at timestamptz not null default now()
);

create table monitor_respondent (
  dataset_id uuid not null references monitor_dataset (id) on delete cascade,
  kommune text not null,
  line integer not null,
  year smallint not null,
  area char(4) not null,
  weight float8 not null check (weight > 0),
  d1 smallint,
  d2 smallint,
  d3 smallint,
  d4 smallint,
  d5 smallint,
  d6 smallint,
  d7 smallint,
  d8 smallint,
  y1 smallint, y2 smallint, y3 smallint, y4 smallint, y5 smallint, y6 smallint, y7 smallint, y8 smallint,
  y9 smallint, y10 smallint, y11 smallint, y12 smallint, y13 smallint, y14 smallint, y15 smallint, y16 smallint,
  y17 smallint, y18 smallint, y19 smallint, y20 smallint, y21 smallint, y22 smallint, y23 smallint, y24 smallint,
  y25 smallint, y26 smallint, y27 smallint, y28 smallint, y29 smallint, y30 smallint, y31 smallint, y32 smallint,
  y33 smallint, y34 smallint, y35 smallint, y36 smallint, y37 smallint, y38 smallint, y39 smallint, y40 smallint,
  y41 smallint, y42 smallint, y43 smallint, y44 smallint, y45 smallint, y46 smallint, y47 smallint, y48 smallint,
  y49 smallint, y50 smallint, y51 smallint, y52 smallint, y53 smallint, y54 smallint, y55 smallint, y56 smallint,
  y57 smallint, y58 smallint, y59 smallint, y60 smallint, y61 smallint, y62 smallint, y63 smallint, y64 smallint
);
create index monitor_respondent_dataset on monitor_respondent (dataset_id);

-- Sums per dataset x indicator x dimension x category x year x area (dim = 0, category = 0:
-- everyone). Region and country figures are sums of these rows; the statistics are finished in
-- TypeScript (src/monitor/estimates).
create table monitor_aggregate (
  dataset_id uuid not null references monitor_dataset (id) on delete cascade,
  kommune text not null,
  indicator smallint not null,
  dim smallint not null,
  category smallint not null,
  year smallint not null,
  area char(4) not null,
  n integer not null,
  n1 integer not null,
  sw float8 not null,
  sw2 float8 not null,
  swy float8 not null,
  sw2y float8 not null,
  primary key (dataset_id, indicator, dim, year, area, category)
);

create table monitor_import_job (
  id uuid primary key default gen_random_uuid(),
  kommune text not null references tenant (kommune),
  status text not null default 'running' check (status in ('running', 'failed', 'done')),
  phase text not null default 'reading',
  rows_done integer not null default 0,
  rows_total integer,
  file_name text not null,
  problems jsonb,
  problem_count integer not null default 0,
  dataset_id uuid references monitor_dataset (id) on delete set null,
  created_by uuid,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);

alter table monitor_dataset enable row level security;
alter table monitor_dataset force row level security;
create policy monitor_dataset_read on monitor_dataset for select using (shared or kommune = lighed_kommune());
create policy monitor_dataset_own on monitor_dataset for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table monitor_respondent enable row level security;
alter table monitor_respondent force row level security;
create policy monitor_respondent_own on monitor_respondent for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table monitor_aggregate enable row level security;
alter table monitor_aggregate force row level security;
create policy monitor_aggregate_read on monitor_aggregate for select
  using (kommune = lighed_kommune() or dataset_id in (select id from monitor_dataset where shared));
create policy monitor_aggregate_own on monitor_aggregate for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table monitor_import_job enable row level security;
alter table monitor_import_job force row level security;
create policy monitor_import_job_own on monitor_import_job for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

grant select, insert, update, delete on monitor_dataset, monitor_respondent, monitor_aggregate,
  monitor_import_job to lighed_app;
