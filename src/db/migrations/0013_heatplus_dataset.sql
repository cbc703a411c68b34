-- A WHO HEAT Plus file as a monitor dataset (src/monitor/heatplus/dataset.ts, decision 0011).
--
-- A survey dataset holds respondent rows and their sums; a HEAT Plus dataset holds the file's
-- own figures: one row per setting x date x indicator x dimension x subgroup, with the
-- estimate, its interval and the population as the file gives them (in percent), and the
-- setting average as category 0. `area` is a municipality's code, a region's code or 'DK'.
-- The dataset row carries a codebook that names the indicators and dimensions, so the pages'
-- pickers and labels work as for a survey.
alter table monitor_dataset add column kind text not null default 'survey'
  check (kind in ('survey', 'heatplus'));

create table monitor_heatplus_estimate (
  -- Deleted with its dataset (discardDataset deletes the dataset row last).
  dataset_id uuid not null references monitor_dataset (id) on delete cascade,
  kommune text not null,
  indicator smallint not null,
  dim smallint not null,
  -- 0: the setting average (everyone); else the 1-based subgroup in codebook order.
  category smallint not null,
  year smallint not null,
  area text not null,
  estimate float8,
  se float8,
  lower float8,
  upper float8,
  population float8,
  source text not null,
  note text not null default '',
  -- The file's line, so a page or an audit can point back to it (0 for a computed average).
  line integer not null,
  primary key (dataset_id, indicator, dim, year, area, category)
);

alter table monitor_heatplus_estimate enable row level security;
alter table monitor_heatplus_estimate force row level security;
create policy monitor_heatplus_estimate_read on monitor_heatplus_estimate for select
  using (kommune = lighed_kommune() or dataset_id in (select id from monitor_dataset where shared));
create policy monitor_heatplus_estimate_own on monitor_heatplus_estimate for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

grant select, insert, update, delete on monitor_heatplus_estimate to lighed_app;
