-- The portfolio review and the committee report (issue 12, docs/decisions/0026-open-api-and-committee-papers.md).
--
-- portfolio_decision: a planner's decision about an offer or an intervention (continue, adjust,
-- stop) with its reason and date. History: rows are only added; the newest per subject is the
-- current decision. No personal data (the decider is a staff account).
--
-- committee_report: a published committee report, a snapshot of what the report said on the day
-- (goals, gaps, recommendations, reach, decisions) so the paper the committee read stays as it was.

create table portfolio_decision (
  id          uuid primary key default gen_random_uuid(),
  kommune     text not null references tenant,
  subject     text not null check (subject in ('offer', 'intervention')),
  subject_id  uuid not null,
  decision    text not null check (decision in ('continue', 'adjust', 'stop')),
  reason      text not null check (length(reason) between 1 and 2000),
  decided_on  date not null,
  decided_by  uuid references staff_user on delete set null,
  created_at  timestamptz not null default now()
);
create index portfolio_decision_subject on portfolio_decision (kommune, subject, subject_id, created_at);

create table committee_report (
  id           uuid primary key default gen_random_uuid(),
  kommune      text not null references tenant,
  department   text not null check (department in ('health', 'employment', 'social',
                 'children_youth', 'schools', 'culture_leisure', 'planning_environment', 'elderly')),
  period_year  integer not null check (period_year between 2000 and 2100),
  snapshot     jsonb not null,
  published_on date not null,
  published_by uuid references staff_user on delete set null,
  created_at   timestamptz not null default now()
);
create index committee_report_list on committee_report (kommune, department, published_on desc);

alter table portfolio_decision enable row level security;
alter table portfolio_decision force row level security;
create policy portfolio_decision_own on portfolio_decision for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

alter table committee_report enable row level security;
alter table committee_report force row level security;
create policy committee_report_own on committee_report for all
  using (kommune = lighed_kommune()) with check (kommune = lighed_kommune());

-- Decisions and published reports are records: added and read, never changed by requests.
grant select, insert on portfolio_decision, committee_report to lighed_app;
