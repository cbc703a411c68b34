-- Stored summary measures (issue 16, docs/decisions/0030-monitor-stored-results.md). A dataset
-- never changes after import, so the measures of one indicator x dimension x wave, for every
-- area at once, are computed once (src/monitor/estimates/all-cells.ts) and kept here, one row
-- per method, simulation repetitions and suppression thresholds; `body` is the block encoded by
-- src/monitor/estimates/results.ts (gzip'd JSON with a table of method texts). Deleting or
-- replacing a dataset deletes its rows with it (foreign key, on delete cascade).

create table monitor_result (
  dataset_id  uuid not null references monitor_dataset (id) on delete cascade,
  kommune     text not null,
  method      text not null check (method in ('survey', 'phe', 'heat')),
  repetitions integer not null check (repetitions >= 0),
  suppression text not null check (length(suppression) <= 40),
  indicator   smallint not null,
  dim         smallint not null,
  year        smallint not null,
  body        bytea not null,
  created_at  timestamptz not null default now(),
  primary key (dataset_id, method, repetitions, suppression, indicator, dim, year)
);

-- As monitor_aggregate: a municipality reads its own and shared datasets' results, writes its own.
alter table monitor_result enable row level security;
alter table monitor_result force row level security;
create policy monitor_result_read on monitor_result for select
  using (kommune = lighed_kommune() or dataset_id in (select id from monitor_dataset where shared));
create policy monitor_result_own on monitor_result for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

grant select, insert, update, delete on monitor_result to lighed_app;
